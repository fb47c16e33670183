import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, login, openAs, screenshot, settle, sharedEnv, trackRequests, type BrowserEnv } from './support/server.ts';

/**
 * Issue 20 in a real browser on the demo year: the fellow (applicant4) enters a progress value on
 * a phone (390 px) from the programme page and corrects it, which needs a note; staff copy last
 * year's indicators into a new cohort with one confirmed click. Screenshots: test-artifacts/indicators-*.png.
 */
describe('impact indicators: the fellow enters values, staff copy last year’s set', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let fellow: Page;
  let staff: Page;

  before(async () => {
    env = await sharedEnv();
    const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    fellow = await context.newPage();
    trackRequests(fellow);
    await login(fellow, env.baseUrl, 'applicant4@example.org');
    await settle(fellow);
    staff = await openAs(env, 'staff@example.org');
  });
  after(async () => {
    await fellow?.context().close();
    await staff?.context().close();
  });

  it('lets the fellow enter a progress value and correct it only with a note, at 390 px', async () => {
    await go(fellow, '/my-programme');
    const impact = fellow.getByTestId('fellowship-impact');
    await impact.waitFor();
    assert.ok(await fellow.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling at 390 px');
    const [fellowship] = (await apiCall<any[]>(fellow, 'GET', 'fellowships')).body;
    const before = (await apiCall<any[]>(fellow, 'GET', `fellowships/${fellowship.id}/indicators`)).body;
    const target = before.find((r) => r.name === 'Aktive Ehrenamtliche')!;

    await impact.getByRole('link', { name: 'Wert eintragen' }).click();
    await fellow.getByLabel('Indikator').click();
    await fellow.getByRole('option', { name: 'Aktive Ehrenamtliche (Personen)' }).click();
    await fellow.getByLabel(/^Gemessen am/).fill('2026-12-05');
    await fellow.getByLabel(/^Wert/).fill('77');
    assert.ok(await fellow.evaluate(() => document.documentElement.scrollWidth <= 390), 'the form fits 390 px');
    await screenshot(fellow, 'indicators-01-enter-value-phone');
    await fellow.getByRole('button', { name: 'Speichern' }).click();
    await fellow.getByTestId('fellowship-impact').waitFor();
    await settle(fellow);
    await fellow.getByTestId(`indicator-${target.indicator_id}`).getByText(/Aktuell: 77/).waitFor();
    await fellow.getByTestId(`indicator-${target.indicator_id}`).scrollIntoViewIfNeeded();
    await screenshot(fellow, 'indicators-02-programme-phone');
    const after = (await apiCall<any[]>(fellow, 'GET', `fellowships/${fellowship.id}/indicators`)).body.find((r) => r.indicator_id === target.indicator_id);
    assert.equal(after.latest_value, 77);
    assert.equal(after.change, 77 - target.baseline_value);

    // Correcting the value: without a note the server refuses it at the note field.
    const [entry] = (await apiCall<any[]>(fellow, 'GET', `indicator-values?filter=${encodeURIComponent(JSON.stringify({ fellowship_id: fellowship.id, measured_on: '2026-12-05' }))}`)).body;
    await go(fellow, `/indicator-values/${entry.id}`);
    // Saved with Enter in the value field: the "created" notice of the headless page (no window
    // focus, so it never times out) lies over the phone's save bar.
    await fellow.getByLabel(/^Wert/).fill('70');
    await fellow.getByLabel(/^Wert/).press('Enter');
    await fellow.getByText('Bitte begründen Sie die Korrektur in der Notiz.').waitFor();
    assert.equal((await apiCall<any>(fellow, 'GET', `indicator-values/${entry.id}`)).body.value, 77);
    await fellow.getByLabel(/^Notiz/).fill('Sieben Personen doppelt gezählt.');
    await fellow.getByLabel(/^Wert/).press('Enter');
    await fellow.getByTestId('fellowship-impact').waitFor();
    await settle(fellow);
    assert.equal((await apiCall<any>(fellow, 'GET', `indicator-values/${entry.id}`)).body.value, 70);
  });

  it("copies last year's indicators into a new cohort after a confirmation", async () => {
    const created = await apiCall<any>(staff, 'POST', 'cohorts', {
      name: 'Indikatoren-Probe (Browsertest)', year: 2027, application_opens_at: '2026-11-01T09:00:00+01:00', application_closes_at: '2027-02-28T23:59:59+01:00',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await go(staff, `/cohorts/${created.body.id}/show/indicators`);
    await staff.getByRole('button', { name: 'Indikatoren aus Vorjahr übernehmen' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByText(/werden in diesen Jahrgang kopiert/).waitFor();
    await dialog.getByRole('button', { name: /Bestätigen|Ja/ }).click();
    await staff.getByText('Indikatoren übernommen').waitFor();
    await settle(staff);
    await staff.getByText('Erreichte Menschen pro Jahr').waitFor();
    await screenshot(staff, 'indicators-03-cohort-copied');
    const copied = (await apiCall<any[]>(staff, 'GET', `indicators?filter=${encodeURIComponent(JSON.stringify({ cohort_id: created.body.id }))}`)).body;
    assert.deepEqual(copied.map((r) => r.name), ['Neue Standorte', 'Erreichte Menschen pro Jahr', 'Aktive Ehrenamtliche']);
    assert.equal(await staff.getByRole('button', { name: 'Indikatoren aus Vorjahr übernehmen' }).count(), 0, 'no second copy is offered');

    // Reorder: "Aktive Ehrenamtliche" one up.
    await staff.getByRole('row', { name: /Aktive Ehrenamtliche/ }).getByRole('button', { name: 'Nach oben' }).click();
    await settle(staff);
    const reordered = (await apiCall<any[]>(staff, 'GET', `indicators?filter=${encodeURIComponent(JSON.stringify({ cohort_id: created.body.id }))}&sort=${encodeURIComponent('["position","ASC"]')}`)).body;
    assert.deepEqual(reordered.map((r) => r.name), ['Neue Standorte', 'Aktive Ehrenamtliche', 'Erreichte Menschen pro Jahr']);
  });
});
