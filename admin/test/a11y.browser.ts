import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, focusedName, go, openAs, reviewInProgress, screenshot, seriousViolations, settle, sharedEnv, tabTo, tabToElement, type BrowserEnv } from './support/server.ts';

const report = (findings: Awaited<ReturnType<typeof seriousViolations>>) =>
  findings.map((f) => `${f.impact} ${f.id}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');

async function expectAccessible(page: Page, screen: string) {
  await settle(page);
  const findings = await seriousViolations(page);
  assert.deepEqual(findings, [], `${screen}:\n${report(findings)}`);
}

describe('accessible main screens (axe-core, keyboard)', function () {
  this.timeout(180_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  it('has no serious or critical axe violations on the login page', async () => {
    const context = await env.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/#/login`);
    await page.getByRole('button', { name: /Anmelden/ }).waitFor();
    await expectAccessible(page, 'login');
    await context.close();
  });

  it('has no serious or critical axe violations on the staff dashboard, applications list and fellowship page', async () => {
    const page = await openAs(env, 'staff@example.org');
    await page.getByRole('heading', { level: 6 }).first().waitFor();
    await expectAccessible(page, 'dashboard');
    await go(page, '/applications');
    await page.locator('.RaList-main tbody tr').first().waitFor();
    await expectAccessible(page, 'applications list');
    const fellowships = await apiCall<any[]>(page, 'GET', `fellowships?range=${encodeURIComponent('[0,0]')}`);
    await go(page, `/fellowships/${fellowships.body[0].id}/show`);
    await expectAccessible(page, 'fellowship page');
    await page.context().close();
  });

  it('lets a juror score an application with the keyboard alone, and the scoring screen passes axe', async () => {
    const { reviewId } = await reviewInProgress(env, 'jury1@example.org');
    const page = await openAs(env, 'jury1@example.org');
    const open = await apiCall<any[]>(page, 'GET', `reviews?filter=${encodeURIComponent(JSON.stringify({ status: 'assigned' }))}`);
    const review = open.body.find((r) => r.id === reviewId);
    assert.ok(review, 'the juror has an open review');
    await go(page, `/reviews/${review.id}`);
    const firstScore = page.getByRole('spinbutton').first();
    await firstScore.waitFor();
    await expectAccessible(page, 'scoring screen');
    const criteria = await page.getByRole('spinbutton').count();
    await tabToElement(page, firstScore);
    for (let i = 0; i < criteria; i++) {
      assert.match(await focusedName(page), /:/, `criterion ${i + 1} score field has a label, focus on "${await focusedName(page)}"`);
      // Tabbing into a field selects its content: typing replaces an earlier draft score.
      await page.keyboard.type(String(Math.min(3 + (i % 2), 5)));
      await page.keyboard.press('Tab');
      assert.match(await focusedName(page), /:/, `criterion ${i + 1} comment field has a label, focus on "${await focusedName(page)}"`);
      await page.keyboard.type(`Kommentar ${i + 1} per Tastatur`);
      await page.keyboard.press('Tab');
    }
    await tabTo(page, /^(Ja, fördern|Vielleicht|Nein)$/, 10);
    await page.keyboard.press('Space');
    await tabTo(page, /Entwurf speichern|Speichern/i, 20);
    await page.keyboard.press('Enter');
    await page.getByText(/gespeichert|aktualisiert/i).first().waitFor({ timeout: 15_000 });
    const saved = await apiCall(page, 'GET', `reviews/${review.id}`);
    assert.equal(saved.body.scores.filter((s: any) => s.score != null).length, criteria);
    assert.ok(saved.body.recommendation, 'recommendation chosen with the keyboard');
    await screenshot(page, 'a11y-scoring-keyboard');
    await page.context().close();
  });
});
