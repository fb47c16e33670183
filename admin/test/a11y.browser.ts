import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, until, ensureOpenCall, go, newApplicant, openAs, screenshot, seriousViolations, settle, sharedEnv, type BrowserEnv } from './support/server.ts';

const report = (findings: Awaited<ReturnType<typeof seriousViolations>>) =>
  findings.map((f) => `${f.impact} ${f.id}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');

async function expectAccessible(page: Page, screen: string) {
  await settle(page);
  const findings = await seriousViolations(page);
  assert.deepEqual(findings, [], `${screen}:\n${report(findings)}`);
}

/** The accessible name of the focused element (its label, aria-label or text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.getAttribute('aria-labelledby');
    if (labelled) return labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const id = el.id;
    const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : undefined;
    return (label ?? el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

/** Presses Tab until the focused element's name matches, at most `limit` times. */
async function tabTo(page: Page, name: RegExp, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}; focus is on "${await focusedName(page)}"`);
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
    const page = await openAs(env, 'jury1@example.org');
    const open = await apiCall<any[]>(page, 'GET', `reviews?filter=${encodeURIComponent(JSON.stringify({ status: 'assigned' }))}`);
    assert.ok(open.body.length > 0, 'the demo juror has an open review');
    const review = open.body[0];
    await go(page, `/reviews/${review.id}`);
    const firstScore = page.getByRole('spinbutton').first();
    await firstScore.waitFor();
    await expectAccessible(page, 'scoring screen');
    const criteria = await page.getByRole('spinbutton').count();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await tabTo(page, /: (Punkte|Bewertung|Score)/i);
    for (let i = 0; i < criteria; i++) {
      assert.match(await focusedName(page), /:/, `criterion ${i + 1} score field has a label, focus on "${await focusedName(page)}"`);
      await page.keyboard.press('ControlOrMeta+A');
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

  it('lets an organisation fill its application with the keyboard alone, and the form passes axe', async () => {
    const staff = await openAs(env, 'staff@example.org');
    await ensureOpenCall(staff);
    await staff.context().close();
    const page = await newApplicant(env, 'tastatur@example.org', 'Tastatur-Initiative e.V.');
    await go(page, '/application');
    await page.getByRole('button', { name: /Bewerbung beginnen|starten|Jetzt bewerben/i }).click();
    const project = page.getByLabel(/Projektname|Projekt/i).first();
    await project.waitFor();
    await expectAccessible(page, 'application form');
    await tabTo(page, /^Projektname/i, 120);
    await page.keyboard.type('Lesepaten überall');
    await page.keyboard.press('Tab');
    assert.match(await focusedName(page), /Zusammenfassung|Kurzbeschreibung|Summary/i);
    await page.keyboard.type('Ehrenamtliche Lesepaten begleiten Grundschulkinder, jetzt in zehn weiteren Städten.');
    await page.keyboard.press('Tab');
    assert.match(await focusedName(page), /Zielregion/i);
    await page.keyboard.type('Sachsen, Thüringen');
    // Autosave: poll the server until the draft arrived (explicit condition, bounded).
    const mine = await until(async () => {
      const list = await apiCall<any[]>(page, 'GET', 'applications');
      return list.body[0]?.target_regions === 'Sachsen, Thüringen' ? list.body[0] : undefined;
    });
    assert.equal(mine.project_name, 'Lesepaten überall');
    assert.match(mine.summary, /Lesepaten/);
    await page.context().close();
  });
});
