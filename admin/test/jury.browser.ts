import assert from 'node:assert/strict';
import { apiCall, openAs, rawKeysOnPage, reviewInProgress, screenshot, settle, sharedEnv, type BrowserEnv } from './support/server.ts';

describe('jury console in a real browser', function () {
  this.timeout(180_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  it('lets a juror score an application by keyboard-labelled inputs, open its attachment, save a draft and submit', async () => {
    const { reviewId, attachmentId } = await reviewInProgress(env, 'jury6@example.org');
    const page = await openAs(env, 'jury6@example.org');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.baseUrl}/#/reviews`);
    await page.getByText('Meine Bewerbungen').first().waitFor();
    await settle(page);
    const open = await page.request.get(`${env.baseUrl}/api/reviews?filter=${encodeURIComponent('{"status":"assigned"}')}`);
    const review = (await open.json()).find((r: any) => r.id === reviewId);
    assert.ok(review, 'jury6 has a review in progress');
    await page.goto(`${env.baseUrl}/#/reviews/${review.id}`);
    await page.getByText(review.application.project_name).first().waitFor();
    await settle(page);
    assert.ok(!(await page.content()).includes('@example.org'), 'no contact data on the scoring screen');
    // The application's attachment opens from the scoring screen.
    const link = page.getByRole('link', { name: 'Wirkungsbericht.pdf' });
    assert.equal(await link.getAttribute('href'), `/api/attachments/${attachmentId}/content`);
    assert.equal((await apiCall(page, 'GET', `attachments/${attachmentId}/content`)).status, 200);
    // The total shows only once every criterion is scored; a score out of range is flagged on its field.
    await page.getByText(/sobald alle Kriterien bewertet sind \(0 von \d+\)/).waitFor();
    const first = page.getByLabel(`${review.criteria[0].name}: Punkte`);
    await first.fill(String(review.criteria[0].max_score + 1));
    await page.getByText(`Bitte eine ganze Zahl von 0 bis ${review.criteria[0].max_score} Punkte.`).waitFor();
    assert.equal(await page.getByText(/Gewichtete Punktzahl: [\d,]+ von 100/).count(), 0);
    for (const c of review.criteria) {
      const input = page.getByLabel(`${c.name}: Punkte`);
      await input.fill('');
      await input.fill(String(Math.min(4, c.max_score)));
    }
    await page.getByText(/Gewichtete Punktzahl: [\d,]+ von 100/).waitFor();
    await page.getByLabel('Ja, fördern').check();
    await page.getByLabel('Gesamteindruck').fill('Überzeugendes Transfermodell.');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await settle(page);
    await screenshot(page, 'jury-01-scoring');
    assert.deepEqual(await rawKeysOnPage(page), []);
    await page.getByRole('button', { name: 'Bewertung abgeben' }).click();
    await page.getByRole('button', { name: /Bestätigen|Confirm/ }).click();
    await page.getByText('Bewertung abgegeben. Vielen Dank!').waitFor();
    const after = await (await page.request.get(`${env.baseUrl}/api/reviews/${review.id}`)).json();
    assert.equal(after.status, 'submitted');
    assert.equal(after.recommendation, 'yes');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows staff the ranking with breakdown, jury progress and export', async () => {
    const page = await openAs(env, 'staff@example.org');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.baseUrl}/#/rankings`);
    await page.getByText('Fortschritt der Jury').waitFor();
    await settle(page);
    await page.getByRole('columnheader', { name: 'Rang' }).waitFor();
    await page.locator('tbody tr').first().click();
    await page.getByText('Bewertungen je Jurymitglied (nur abgegebene)').waitFor();
    await settle(page);
    await screenshot(page, 'jury-02-rankings');
    assert.ok(await page.getByRole('link', { name: 'CSV exportieren' }).count());
    assert.deepEqual(await rawKeysOnPage(page), []);
    await page.getByRole('button', { name: 'Jury zuweisen' }).click();
    await page.getByLabel('Jurymitglieder je Bewerbung').waitFor();
    assert.deepEqual(await rawKeysOnPage(page), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('lets a juror declare a conflict of interest', async () => {
    const page = await openAs(env, 'jury1@example.org', 'en');
    await page.goto(`${env.baseUrl}/#/conflicts/create`);
    await page.getByLabel('Reason').first().waitFor();
    await settle(page);
    assert.deepEqual(await rawKeysOnPage(page), []);
    await page.context().close();
  });
});
