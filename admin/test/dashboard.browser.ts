import assert from 'node:assert/strict';
import { openAs, screenshot, settle, sharedEnv, type BrowserEnv } from './support/server.ts';

/** The staff dashboard's key figures and its charts' subtitles are the same summaries, in the same words. */
describe('staff dashboard: key figures and charts say the same', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  it('each chart names the summary its key figure shows, in German numbers', async () => {
    const page = await openAs(env, 'staff@example.org');
    await page.getByRole('heading', { name: 'Kennzahlen' }).waitFor();
    // A key figure is its label, then its value (the `Figure` of StaffDashboardView).
    const main = page.locator('.RaLayout-content');
    const figure = async (label: string) => {
      const box = main.getByText(label, { exact: true }).locator('xpath=..');
      return (await box.locator('p').nth(1).innerText()).trim();
    };
    const figures = {
      Plätze: await figure('Plätze'),
      'Fortschritt der Jury': await figure('Fortschritt der Jury'),
      Förderung: await figure('Förderung'),
      'Coaching-Stunden': await figure('Coaching-Stunden'),
      'Workshop-Teilnahme': await figure('Workshop-Teilnahme'),
    };
    assert.match(figures.Plätze, /^Fellows: \d+ von \d+ Plätzen · Warteliste: \d+$/);
    assert.match(figures['Fortschritt der Jury'], /^\d+ von \d+ Gutachten abgegeben$/);
    assert.match(figures.Förderung, /^Ausgezahlt: [\d.]+ € \/ [\d.]+ €$/);
    assert.match(figures['Coaching-Stunden'], /^[\d.,]+ von [\d.,]+ Stunden genutzt$/);
    assert.match(figures['Workshop-Teilnahme'], /^Teilnahmequote ([\d,]+ %|–) \(Regel: mindestens \d+ %\) · darunter: \d+$/);

    await page.getByRole('button', { name: 'Diagramme anzeigen' }).click();
    await page.locator('.MuiCardHeader-root').first().waitFor();
    await settle(page);
    await screenshot(page, 'dashboard-charts');
    for (const [title, value] of Object.entries(figures)) {
      const header = main.locator('.MuiCardHeader-root').filter({ has: page.getByText(title, { exact: true }) });
      assert.equal((await header.locator('.MuiCardHeader-subheader').innerText()).trim(), value, `the “${title}” chart`);
    }
    await page.context().close();
  });
});
