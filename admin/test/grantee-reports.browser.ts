import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, login, openAs, screenshot, settle, sharedEnv, trackRequests, type BrowserEnv } from './support/server.ts';

const q = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,99]')}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * Issue 19 in a real browser on the demo year: the fellow reworks a returned report on a phone
 * (390 px) — reads the return note, edits the texts, adds an expense with a receipt, submits with
 * the confirmation — and staff accept it in the review dialog. Screenshots: test-artifacts/grantee-report-*.png.
 */
describe('grantee reports: the fellow reworks and submits, staff review', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let staff: Page;
  let fellow: Page;
  let report: any;

  before(async () => {
    env = await sharedEnv();
    staff = await openAs(env, 'staff@example.org');
    const [returned] = (await apiCall<any[]>(staff, 'GET', `grantee-reports?${q({ status: 'returned' })}`)).body;
    assert.ok(returned, 'the demo year has a returned report');
    report = returned;
    const [user] = (await apiCall<any[]>(staff, 'GET', `users?${q({ organisation_id: returned.organisation_id, role: 'applicant' })}`)).body;
    assert.ok(user, 'the returned report’s organisation has a login');
    // A phone from the start (390 × 844, touch): the menu is a drawer, the actions are icons.
    const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    fellow = await context.newPage();
    trackRequests(fellow);
    await login(fellow, env.baseUrl, user.email);
    await settle(fellow);
  });
  after(async () => {
    await staff?.context().close();
    await fellow?.context().close();
  });

  it('shows the fellow the return note first and lets them rework and submit at 390 px', async () => {
    await go(fellow, `/grantee-reports/${report.id}/show`);
    const note = fellow.getByTestId('return-note');
    await note.waitFor();
    assert.match((await note.textContent())!, new RegExp(report.review_note.slice(0, 30)));
    assert.ok(await fellow.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling at 390 px');
    await screenshot(fellow, 'grantee-report-01-returned-phone');

    // "Texte bearbeiten" (an icon on a phone) opens the edit form.
    await fellow.locator(`a[href$="/grantee-reports/${report.id}"]`).first().click();
    const achievements = fellow.getByLabel(/Was wurde erreicht/);
    await achievements.waitFor();
    await achievements.fill('Drei Standorte, Honorarrechnungen nachgereicht; Verwaltungspauschale: 10 % laut Fördervertrag.');
    await fellow.getByRole('button', { name: 'Speichern' }).click();
    await fellow.getByTestId('return-note').waitFor();
    await settle(fellow);

    await fellow.getByRole('button', { name: 'Ausgabe erfassen' }).click();
    const dialog = fellow.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('combobox').click();
    await fellow.getByRole('option', { name: 'Honorare' }).click();
    await dialog.getByLabel(/^Datum/).fill('2026-06-15');
    await dialog.getByLabel(/^Empfänger/).fill('Büro Grünwald – Organisationsberatung');
    await dialog.getByLabel(/^Zweck/).fill('Honorar Workshop Transfermodell (Rechnung nachgereicht)');
    await dialog.getByLabel(/^Betrag/).fill('850,00');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'Rechnung Grünwald.pdf', mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByText('Rechnung Grünwald.pdf').waitFor();
    await screenshot(fellow, 'grantee-report-02-expense-dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await fellow.getByText('Ausgabe gespeichert.').waitFor();
    await settle(fellow);
    await fellow.getByRole('link', { name: 'Rechnung Grünwald.pdf' }).waitFor();

    await fellow.getByRole('button', { name: 'Einreichen' }).click();
    const confirm = fellow.getByRole('dialog');
    await confirm.getByText(/nicht mehr ändern/).waitFor();
    await confirm.getByRole('button', { name: 'Einreichen' }).click();
    await fellow.getByText('Bericht eingereicht.').waitFor();
    await settle(fellow);
    const after = (await apiCall<any>(fellow, 'GET', `grantee-reports/${report.id}`)).body;
    assert.equal(after.status, 'submitted');
    assert.ok(after.achievements.startsWith('Drei Standorte'));
    assert.ok(await fellow.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling at 390 px');
  });

  it('lets staff accept the resubmitted report in the dialog, and keeps the return in the history', async () => {
    await go(staff, `/grantee-reports/${report.id}/show`);
    await staff.getByTestId('budget-table').waitFor();
    await staff.getByRole('button', { name: 'Annehmen' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByText(/An den Bericht gebundene Tranchen/).waitFor();
    await screenshot(staff, 'grantee-report-03-accept-dialog');
    await dialog.getByRole('button', { name: 'Annehmen' }).click();
    await staff.getByText('Bericht angenommen.').waitFor();
    await settle(staff);
    const accepted = (await apiCall<any>(staff, 'GET', `grantee-reports/${report.id}`)).body;
    assert.equal(accepted.status, 'accepted');
    assert.deepEqual(accepted.history.map((h: any) => h.outcome), ['returned', 'accepted']);
    await staff.getByText(/Zur Überarbeitung zurückgegeben am/).waitFor();
    await screenshot(staff, 'grantee-report-04-accepted');
  });
});
