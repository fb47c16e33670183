import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, openAs, screenshot, settle, sharedEnv, type BrowserEnv } from './support/server.ts';

/**
 * Issue 20's follow-ups in a real browser on the demo year: alumni1's organisation (2024 cohort)
 * has an open 12-month follow-up request. Its home shows the card; the button leads to the impact
 * on the programme page, where the new value is preset to "Nachbefragung"; after saving, the card
 * is gone and the staff dashboard's "Rücklauf Nachbefragung" of that cohort counts one more answer.
 * Screenshots: test-artifacts/follow-ups-*.png.
 */
describe('follow-ups: the alumnus is asked, answers, and staff see the response rate', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let alumnus: Page;
  let staff: Page;

  before(async () => {
    env = await sharedEnv();
    alumnus = await openAs(env, 'alumni1@example.org');
    staff = await openAs(env, 'staff@example.org');
  });
  after(async () => {
    await alumnus?.context().close();
    await staff?.context().close();
  });

  /** The dashboard's key figure for a cohort chosen in its selector (label, then value: StaffDashboardView's `Figure`). */
  async function followUpFigure(cohortName: string): Promise<string> {
    // A fresh page load: the dashboard's numbers are read anew, as when staff open it again.
    await go(staff, '/');
    await staff.reload();
    await staff.getByRole('heading', { name: 'Kennzahlen' }).waitFor();
    await staff.getByLabel('Jahrgang').click();
    await staff.getByRole('option', { name: cohortName }).click();
    await staff.getByRole('heading', { name: cohortName }).waitFor();
    await settle(staff);
    const box = staff.locator('.RaLayout-content').getByText('Rücklauf Nachbefragung', { exact: true }).locator('xpath=..');
    return (await box.locator('p').nth(1).innerText()).trim();
  }

  it('shows the open request on the home page, takes the value as a follow-up, and the rate counts it', async () => {
    const [request] = (await apiCall<any[]>(alumnus, 'GET', `follow-up-requests?filter=${encodeURIComponent(JSON.stringify({ responded: false }))}`)).body;
    assert.ok(request, 'the demo gives alumni1 an open follow-up request');
    assert.equal(request.months, 12);
    const before = (await apiCall<any>(staff, 'GET', `dashboard?cohort_id=${request.cohort_id}`)).body;
    const row = before.follow_ups.find((f: any) => f.months === 12);
    const shownBefore = await followUpFigure(request.cohort_name);
    assert.ok(shownBefore.startsWith(`12 Monate: ${row.answered} von ${row.sent} (`), `before: ${shownBefore} / ${JSON.stringify(row)}`);

    await go(alumnus, '/');
    const card = alumnus.getByRole('heading', { name: 'Bitte aktualisieren Sie Ihre Wirkung — 12 Monate nach dem Programmjahr' });
    await card.waitFor();
    await screenshot(alumnus, 'follow-ups-01-home-card');
    await alumnus.getByRole('link', { name: 'Wirkung aktualisieren' }).click();
    await alumnus.waitForURL(new RegExp(`my-programme\\?fellowship_id=${request.fellowship_id}`));
    const impact = alumnus.getByTestId('fellowship-impact');
    await impact.waitFor();
    await settle(alumnus);
    await impact.getByRole('link', { name: 'Wert eintragen' }).click();
    await alumnus.getByLabel('Indikator').click();
    await alumnus.getByRole('option', { name: 'Neue Standorte (Standorte)' }).click();
    assert.match(await alumnus.getByLabel(/^Art/).innerText(), /Nachbefragung/, 'the new value is preset to a follow-up');
    await alumnus.getByLabel(/^Gemessen am/).fill('2026-12-03');
    await alumnus.getByLabel(/^Wert/).fill('9');
    await screenshot(alumnus, 'follow-ups-02-enter-follow-up');
    await alumnus.getByRole('button', { name: 'Speichern' }).click();
    await alumnus.getByTestId('fellowship-impact').waitFor();
    await settle(alumnus);

    const answered = (await apiCall<any>(alumnus, 'GET', `follow-up-requests/${request.id}`)).body;
    assert.equal(answered.responded, true);
    const values = (await apiCall<any[]>(alumnus, 'GET', `indicator-values?filter=${encodeURIComponent(JSON.stringify({ fellowship_id: request.fellowship_id, measured_on: '2026-12-03' }))}`)).body;
    assert.deepEqual(values.map((v) => [v.kind, v.value]), [['follow_up', 9]]);
    await go(alumnus, '/');
    await alumnus.getByRole('heading', { name: /Willkommen|Hallo/ }).first().waitFor();
    await settle(alumnus);
    assert.equal(await card.count(), 0, 'the card is gone once answered');

    const after = (await apiCall<any>(staff, 'GET', `dashboard?cohort_id=${request.cohort_id}`)).body.follow_ups.find((f: any) => f.months === 12);
    assert.deepEqual([after.answered, after.sent], [row.answered + 1, row.sent]);
    const shownAfter = await followUpFigure(request.cohort_name);
    assert.ok(shownAfter.startsWith(`12 Monate: ${row.answered + 1} von ${row.sent} (`), `after: ${shownAfter} / ${JSON.stringify(row)}`);
    await screenshot(staff, 'follow-ups-03-dashboard-rate');
  });

  it('lists the requests for staff, filtered to the open ones, in English too', async () => {
    // Filtered to the 12-month requests: with three past cohorts the newest due dates are 24-month ones.
    const twelve = `/follow-up-requests?filter=${encodeURIComponent(JSON.stringify({ months: 12 }))}`;
    await go(staff, twelve);
    await staff.getByRole('columnheader', { name: 'Organisation' }).waitFor();
    await settle(staff);
    assert.ok((await staff.getByText('12 Monate').count()) > 0);
    const en = await openAs(env, 'staff@example.org', 'en');
    await go(en, twelve);
    await en.getByRole('columnheader', { name: 'Answered on' }).waitFor();
    await settle(en);
    assert.ok((await en.getByText('12 months').count()) > 0);
    await screenshot(en, 'follow-ups-04-staff-list-en');
    await en.context().close();
  });
});
