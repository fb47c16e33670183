import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { date as formatDate } from '../../backend/src/shared/format.ts';
import { apiCall, go, openAs, rawKeysOnPage, screenshot, seriousViolations, settle, sharedEnv, type BrowserEnv } from './support/server.ts';

const q = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,99]')}`;

/**
 * Issue 19 on the demo year: the fellow's home ("Mein Programm") shows the next open grantee report
 * with its due date and opens it; the staff fellowship page lists the fellowship's tranches with
 * what releases them and plans a new one for this fellowship. Screenshots: test-artifacts/fellow-home-*.png.
 */
describe('fellow home: the next report; fellowship page: the tranches', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let fellow: Page;
  let staff: Page;
  let fellowshipId: number;

  before(async () => {
    env = await sharedEnv();
    fellow = await openAs(env, 'applicant4@example.org');
    staff = await openAs(env, 'staff@example.org');
    const row = await env.handle.db
      .selectFrom('users as u')
      .innerJoin('fellowships as f', 'f.organisation_id', 'u.organisation_id')
      .select('f.id')
      .where('u.email', '=', 'applicant4@example.org')
      .where('f.status', '=', 'active')
      .executeTakeFirstOrThrow();
    fellowshipId = row.id;
  });
  after(async () => {
    await fellow?.context().close();
    await staff?.context().close();
  });

  it('shows applicant4 the next open report with its due date, and the button opens it', async () => {
    // The database's answer: the fellowship's open (requested or returned) report due first.
    const expected = await env.handle.db
      .selectFrom('grantee_reports')
      .select(['id', 'status', 'review_note'])
      .where('fellowship_id', '=', fellowshipId)
      .where('status', 'in', ['requested', 'returned'])
      .orderBy('due_on')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // The API's record of it (due date as the console gets it, and whether it is overdue).
    const report = (await apiCall<any>(fellow, 'GET', `grantee-reports/${expected.id}`)).body;
    const [first] = (await apiCall<any[]>(fellow, 'GET', `grantee-reports?${q({ fellowship_id: fellowshipId, status: ['requested', 'returned'] })}&sort=${encodeURIComponent('["due_on","ASC"]')}`)).body;
    assert.equal(first.id, expected.id);
    assert.equal(report.status, 'returned', 'the demo year returns applicant4’s interim report');

    await go(fellow, '/my-programme');
    const card = fellow.getByTestId('next-report');
    await card.waitFor();
    const due = formatDate(report.due_on, 'de');
    const heading = report.overdue ? `Bericht überfällig seit ${due}` : `Bericht fällig am ${due}`;
    await card.getByRole('heading', { name: heading }).waitFor();
    const text = (await card.textContent())!;
    assert.match(text, /Zwischenbericht|Schlussbericht/);
    assert.ok(text.includes(`Zur Überarbeitung zurückgegeben: ${expected.review_note!}`), 'the return note is on the card');
    assert.deepEqual(await seriousViolations(fellow), [], 'the card passes axe');
    await screenshot(fellow, 'fellow-home-01-next-report');

    await card.getByRole('link', { name: 'Bericht öffnen' }).click();
    await fellow.waitForURL(new RegExp(`#/grantee-reports/${expected.id}/show$`));
    await fellow.getByTestId('return-note').waitFor();
  });

  it('speaks English on the card and the tranche tab', async () => {
    const en = await openAs(env, 'applicant4@example.org', 'en');
    await go(en, '/my-programme');
    const card = en.getByTestId('next-report');
    await card.getByRole('heading', { name: /^Report (due on|overdue since) \d\d\/\d\d\/\d{4}$/ }).waitFor();
    await card.getByRole('link', { name: 'Open report' }).waitFor();
    assert.deepEqual(await rawKeysOnPage(en), []);
    await en.context().close();
    const staffEn = await openAs(env, 'staff@example.org', 'en');
    await go(staffEn, `/fellowships/${fellowshipId}/show/tranches`);
    await staffEn.getByRole('link', { name: 'Plan a tranche' }).waitFor();
    await staffEn.getByRole('columnheader', { name: 'Released after' }).waitFor();
    assert.deepEqual(await rawKeysOnPage(staffEn), []);
    await staffEn.context().close();
  });

  it('shows staff the fellowship’s tranches with their state and release condition, and plans a new one for it', async () => {
    const tranches = (await apiCall<any[]>(staff, 'GET', `disbursements?${q({ fellowship_id: fellowshipId })}`)).body;
    assert.ok(tranches.length > 0, 'the demo fellowship has tranches');
    const tied = tranches.find((t) => t.grantee_report_id != null);
    assert.ok(tied, 'a tranche of applicant4’s fellowship is tied to a report');

    await go(staff, `/fellowships/${fellowshipId}/show`);
    await staff.getByRole('tab', { name: 'Tranchen' }).click();
    await settle(staff);
    const panel = staff.getByTestId('fellowship-tranches');
    await panel.waitFor();
    const rows = panel.locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), tranches.length, 'one row per tranche of this fellowship');
    for (const t of tranches) await panel.getByText(t.label, { exact: true }).first().waitFor();
    const tiedRow = rows.filter({ hasText: tied.label });
    await tiedRow.getByRole('link', { name: /Zwischenbericht|Schlussbericht/ }).waitFor();
    const STATUS: Record<string, string> = { planned: 'Geplant', approved: 'Freigegeben', paid: 'Ausgezahlt', cancelled: 'Storniert' };
    assert.ok((await tiedRow.textContent())!.includes(STATUS[tied.status]), 'the tranche’s state is shown');
    assert.deepEqual(await seriousViolations(staff), [], 'the tranche tab passes axe');
    await screenshot(staff, 'fellow-home-02-fellowship-tranches');

    const create = panel.getByRole('link', { name: 'Tranche anlegen' });
    assert.ok((await create.getAttribute('href'))!.includes(encodeURIComponent(JSON.stringify({ fellowship_id: fellowshipId }))));
    await create.click();
    await staff.waitForURL(/#\/disbursements\/create/);
    await settle(staff);
    const fellowshipInput = staff.getByRole('combobox', { name: /Förderung/ });
    await fellowshipInput.waitFor();
    assert.ok(((await fellowshipInput.inputValue()) ?? '').length > 0, 'the fellowship is chosen');
  });
});
