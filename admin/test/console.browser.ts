import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, openAs, screenshot, settle, sharedEnv, type BrowserEnv } from './support/server.ts';

const menu = async (page: Page) => (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim()).filter(Boolean);

describe('console in a real browser: workspaces, language, validation', function () {
  this.timeout(120_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  it('logs staff in and finds organisations by a German search with umlauts', async () => {
    const page = await openAs(env, 'staff@example.org');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await go(page, '/organisations');
    await page.getByText('Ankommen in Brandenburg e.V.').waitFor({ timeout: 20_000 });
    await page.getByPlaceholder('Suchen').fill('bürger');
    await page.getByText('Lesewelt Bürgerstiftung e.V.').waitFor({ timeout: 20_000 });
    await screenshot(page, '01-organisations');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('lands each role in its own workspace with only its menu', async () => {
    const jury = await openAs(env, 'jury1@example.org');
    await jury.getByRole('heading', { name: 'Mein Fortschritt' }).waitFor();
    assert.deepEqual(await menu(jury), ['Startseite', 'Meine Bewerbungen', 'Interessenkonflikte']);
    await screenshot(jury, 'workspace-jury');
    await jury.context().close();

    const coach = await openAs(env, 'coach1@example.org');
    await coach.getByRole('heading', { name: 'Meine Fellows' }).waitFor();
    assert.deepEqual(await menu(coach), ['Startseite', 'Meine Fellows', 'Coaching-Sitzungen', 'Veranstaltungen', 'Anwesenheitsübersicht']);
    await screenshot(coach, 'workspace-coach');
    await coach.context().close();

    const applicant = await openAs(env, 'applicant1@example.org');
    await applicant.getByRole('heading', { name: 'Meine Bewerbung' }).waitFor();
    const applicantMenu = await menu(applicant);
    assert.deepEqual(applicantMenu.slice(0, 3), ['Startseite', 'Meine Bewerbung', 'Mein Programm']);
    assert.ok(applicantMenu.includes('Alumni-Verzeichnis'), applicantMenu.join(', '));
    for (const staffOnly of ['Bewerbungen', 'Jury-Fortschritt', 'Benutzer', 'Audit-Protokoll']) assert.ok(!applicantMenu.includes(staffOnly), `${staffOnly} in ${applicantMenu.join(', ')}`);
    await screenshot(applicant, 'workspace-applicant');
    await applicant.context().close();

    const staff = await openAs(env, 'staff@example.org');
    const staffMenu = await menu(staff);
    for (const item of ['Startseite', 'Jahrgänge', 'Bewerbungen', 'Jury-Fortschritt', 'Auswahl', 'Förderungen', 'Coaching-Sitzungen', 'Tranchen', 'E-Mail-Ausgang']) {
      assert.ok(staffMenu.includes(item), `${item} missing from ${staffMenu.join(', ')}`);
    }
    assert.ok(!staffMenu.includes('Benutzer'), 'user administration is the admin’s');
    await staff.getByText('Ausschreibung', { exact: true }).waitFor();
    await staff.context().close();
  });

  it('speaks German by default and switches to English', async () => {
    const page = await openAs(env, 'jury1@example.org');
    await page.getByRole('heading', { name: 'Mein Fortschritt' }).waitFor();
    await page.getByRole('button', { name: /Deutsch/ }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My progress' }).waitFor();
    assert.deepEqual(await menu(page), ['Home', 'My applications', 'Conflicts of interest']);
    await page.reload();
    await page.getByRole('heading', { name: 'My progress' }).waitFor();
    await page.context().close();
  });

  it('shows a rule the server enforces on the form field it concerns', async () => {
    const page = await openAs(env, 'staff@example.org');
    const tranches = await apiCall<any[]>(page, 'GET', `disbursements?filter=${encodeURIComponent(JSON.stringify({ status: 'planned' }))}&range=${encodeURIComponent('[0,0]')}`);
    const fellowshipId = tranches.body[0].fellowship_id;
    const before = await apiCall<any>(page, 'GET', `fellowships/${fellowshipId}`);
    await go(page, `/fellowships/${fellowshipId}`);
    const grant = page.getByLabel('Stipendium');
    await grant.fill('1');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('unter den geplanten Tranchen').waitFor();
    await settle(page);
    await screenshot(page, 'server-validation-on-field');
    const after = await apiCall<any>(page, 'GET', `fellowships/${fellowshipId}`);
    assert.equal(after.body.grant_cents, before.body.grant_cents);
    await page.context().close();
  });
});
