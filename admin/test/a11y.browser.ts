import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, ensureOpenCall, focusedName, go, openAs, reviewInProgress, screenshot, seriousViolations, settle, sharedEnv, tabTo, tabToElement, until, type BrowserEnv } from './support/server.ts';

const report = (findings: Awaited<ReturnType<typeof seriousViolations>>) =>
  findings.map((f) => `${f.impact} ${f.id}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');

async function expectAccessible(page: Page, screen: string) {
  await settle(page);
  const findings = await seriousViolations(page);
  assert.deepEqual(findings, [], `${screen}:\n${report(findings)}`);
}

/** The main task of each role with the keyboard alone (Tab, Enter, Space, arrow keys; no mouse). */
describe('keyboard-only main tasks, one per role', function () {
  this.timeout(180_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
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

  it('lets an applicant start its application and fill it with the keyboard alone, saved as it types', async () => {
    const staff = await openAs(env, 'staff@example.org');
    await ensureOpenCall(staff);
    await staff.context().close();
    // An organisation of its own, without an application in the open call.
    const db = env.handle.db;
    const org = await db.insertInto('organisations').values({ name: 'Tastatur-Initiative e.V.', legal_form: 'e_v', charitable_status: true, email: 'kontakt@tastatur.example.org' }).returning('id').executeTakeFirstOrThrow();
    const { password_hash } = await db.selectFrom('users').select('password_hash').where('email', '=', 'applicant1@example.org').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ email: 'tastatur@example.org', name: 'Tara Tastatur', role: 'applicant', organisation_id: org.id, password_hash }).execute();
    const page = await openAs(env, 'tastatur@example.org');
    await tabTo(page, /^Meine Bewerbung$/, 40);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Bewerbung beginnen' }).waitFor();
    await tabTo(page, /^Bewerbung beginnen$/, 60);
    await page.keyboard.press('Enter');
    const city = page.getByLabel('Ort', { exact: true });
    await city.waitFor();
    await settle(page);
    await expectAccessible(page, 'application form');
    await tabToElement(page, city);
    await page.keyboard.type('Görlitz');
    // Both sections save as one types (autosave); the organisation's data first.
    await until(async () => (await apiCall(page, 'GET', `organisations/${org.id}`)).body.city === 'Görlitz', 20_000);
    await tabToElement(page, page.getByLabel('Projektname', { exact: true }), 40);
    await page.keyboard.type('Reparaturcafés für alle');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Kurzbeschreibung');
    await page.keyboard.type('Ehrenamtliche reparieren mit Nachbarinnen und Nachbarn, was sonst weggeworfen würde.');
    // The project section's save indicator (the organisation section has its own above).
    await page.getByText(/Entwurf gespeichert um/).nth(1).waitFor({ timeout: 20_000 });
    const saved = await until(async () => {
      const mine = (await apiCall<any[]>(page, 'GET', 'applications')).body[0];
      return mine?.summary?.endsWith('weggeworfen würde.') ? mine : undefined;
    }, 20_000);
    assert.equal(saved.project_name, 'Reparaturcafés für alle');
    await page.context().close();
  });

  it('lets staff approve a tranche with the keyboard alone: the dialog takes focus and confirms', async () => {
    const page = await openAs(env, 'staff@example.org');
    const filter = (f: Record<string, unknown>) => encodeURIComponent(JSON.stringify(f));
    const waiting = await apiCall<any[]>(page, 'GET', `disbursements?filter=${filter({ to_approve: true })}&range=${encodeURIComponent('[0,99]')}`);
    // The last one: the money screens test approves the first.
    const tranche = waiting.body.filter((t) => t.milestone_id == null && t.current_iban).at(-1);
    assert.ok(tranche, 'the demo year has a tranche for staff@example.org to approve');
    await go(page, `/disbursements?filter=${filter({ id: tranche.id })}`);
    await page.getByRole('row').filter({ hasText: tranche.label }).waitFor();
    await tabTo(page, /^Freigeben$/, 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await until(() => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]'))), 5_000);
    await expectAccessible(page, 'approve dialog');
    await tabTo(page, /^Freigeben$/, 10);
    await page.keyboard.press('Enter');
    await page.getByText('Tranche freigegeben.').waitFor({ timeout: 15_000 });
    const approved = await apiCall(page, 'GET', `disbursements/${tranche.id}`);
    assert.equal(approved.body.status, 'approved');
    await page.context().close();
  });

  it('lets a coach log a coaching session with the keyboard alone', async () => {
    const page = await openAs(env, 'coach1@example.org');
    const fellows = (await apiCall<any[]>(page, 'GET', 'programme/fellows')).body.filter((f) => f.status === 'active');
    const index = fellows.findIndex((f) => f.coaching?.state === 'ok' || f.coaching?.state === 'near');
    assert.ok(index >= 0, 'coach1 has a fellow with coaching hours left');
    await tabTo(page, /^Sitzung erfassen$/, 60);
    await page.keyboard.press('Enter');
    const chooser = page.getByRole('combobox', { name: /Fellow auswählen/ });
    await chooser.waitFor();
    await settle(page);
    await expectAccessible(page, 'log a session');
    await tabToElement(page, chooser, 60);
    await page.keyboard.press('Enter');
    await page.getByRole('option').first().waitFor();
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    const topics = `Transferhandbuch, Kapitel ${Date.now() % 1000} (per Tastatur)`;
    await tabTo(page, /^Themen$/, 10);
    await page.keyboard.type(topics);
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Notizen');
    await page.keyboard.type('Gliederung abgestimmt, Beispiele aus zwei Standorten gesammelt.');
    await tabTo(page, /^Protokollieren$/, 10);
    await page.keyboard.press('Enter');
    await page.getByText('Sitzung protokolliert').waitFor({ timeout: 15_000 });
    const logged = await apiCall<any[]>(page, 'GET', `coaching-sessions?filter=${encodeURIComponent(JSON.stringify({ fellowship_id: fellows[index].id }))}&range=${encodeURIComponent('[0,99]')}`);
    assert.ok(logged.body.some((s) => s.topics === topics), 'the session is stored for the chosen fellow');
    await page.context().close();
  });

  it('lets an alumnus open an alumni event with the keyboard alone (a list row opens with Enter)', async () => {
    const page = await openAs(env, 'alumni1@example.org');
    await tabTo(page, /^Alumni-Treffen$/, 40);
    await page.keyboard.press('Enter');
    const first = page.locator('tbody tr').first();
    await first.waitFor();
    await settle(page);
    const title = (await first.locator('td').nth(1).innerText()).trim();
    await tabToElement(page, first, 60);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/alumni-events\/\d+\/show$/);
    await page.getByText(title).first().waitFor();
    await page.context().close();
  });
});
