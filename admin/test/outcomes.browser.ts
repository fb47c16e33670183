import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { formatCount, formatMoney, formatNumber } from '../src/shared/format.ts';
import { apiCall, go, openAs, rawKeysOnPage, screenshot, seriousViolations, settle, sharedEnv, type BrowserEnv } from './support/server.ts';

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * "Wirkung" (issue 20): staff open the outcome dashboard, see the current cohort's figures exactly as
 * `GET /api/cohorts/:id/outcomes` gives them, pick an alumni cohort with follow-ups, and compare the
 * cohorts as `GET /api/outcomes` does; axe finds nothing serious on either tab.
 * Screenshots: test-artifacts/outcomes-*.png.
 */
describe('outcomes: staff see the numbers the API gives, per cohort and compared', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let staff: Page;

  before(async () => {
    env = await sharedEnv();
    staff = await openAs(env, 'staff@example.org', 'de');
  });
  after(async () => {
    await staff?.context().close();
  });

  it('shows the current cohort, then an alumni cohort, with the API numbers', async () => {
    await go(staff, '/outcomes');
    await staff.getByTestId('outcomes-paid').waitFor({ timeout: 30_000 });
    await settle(staff);
    const cohorts = (await apiCall<Array<{ id: number; name: string; year: number; phase: string }>>(staff, 'GET', 'cohorts?range=%5B0%2C199%5D')).body;
    const shown = plain(await staff.getByRole('combobox', { name: 'Jahrgang' }).textContent());
    const current = cohorts.find((c) => shown.includes(c.name))!;
    assert.ok(current, `no cohort named in "${shown}"`);
    const api = (await apiCall<any>(staff, 'GET', `cohorts/${current.id}/outcomes`)).body;
    assert.equal(plain(await staff.getByTestId('outcomes-paid').textContent()), formatMoney(api.money.paid_total_cents, 'de', { whole: true }));
    assert.equal(plain(await staff.getByTestId('outcomes-fellows').textContent()), formatCount(api.fellows, 'de'));
    assert.equal(plain(await staff.getByTestId('outcomes-sites-active').textContent()), formatCount(api.sites.active, 'de'));
    assert.ok(api.indicators.length > 0, 'the demo cohort measures indicators');
    const first = staff.getByTestId(`outcomes-indicator-${api.indicators[0].indicator_id}`);
    assert.equal(plain(await first.getByTestId('outcomes-latest-total').textContent()), formatNumber(api.indicators[0].latest_total, 'de', 2));
    assert.deepEqual(await seriousViolations(staff), []);
    await screenshot(staff, 'outcomes-cohort');

    const alumni = cohorts.filter((c) => c.phase === 'alumni').sort((a, b) => a.year - b.year)[0];
    assert.ok(alumni, 'the demo data has an alumni cohort');
    await staff.getByRole('combobox', { name: 'Jahrgang' }).click();
    await staff.getByRole('option', { name: alumni.name, exact: true }).click();
    const past = (await apiCall<any>(staff, 'GET', `cohorts/${alumni.id}/outcomes`)).body;
    await staff.getByTestId('outcomes-follow-ups').filter({ hasText: formatCount(past.follow_ups.values, 'de') }).waitFor();
    assert.ok(past.follow_ups.values > 0 && past.sites.opened > 0, 'the alumni cohort has follow-ups and opened sites');
    assert.equal(plain(await staff.getByTestId('outcomes-per-active-site').textContent()), formatMoney(past.money.per_active_site_cents, 'de', { whole: true }));
    await settle(staff);
    await screenshot(staff, 'outcomes-alumni');
  });

  it('compares the cohorts as GET /api/outcomes does', async () => {
    await staff.getByRole('tab', { name: 'Jahrgänge im Vergleich' }).click();
    const table = staff.getByTestId('compare-table');
    await table.waitFor({ timeout: 30_000 });
    await settle(staff);
    const from = await staff.getByLabel('Von Jahr').inputValue();
    const to = await staff.getByLabel('Bis Jahr').inputValue();
    const api = (await apiCall<any>(staff, 'GET', `outcomes?from_year=${from}&to_year=${to}`)).body;
    assert.ok(api.cohorts.length >= 2, 'the demo data spans several cohorts');
    assert.equal(plain(await staff.getByTestId('compare-paid').textContent()), formatMoney(api.totals.paid_total_cents, 'de', { whole: true }));
    assert.equal(plain(await staff.getByTestId('compare-sites-opened').textContent()), formatCount(api.totals.sites_opened, 'de'));
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), api.cohorts.length + 1);
    const firstRow = plain(await rows.first().textContent());
    assert.ok(firstRow.startsWith(api.cohorts[0].cohort.name) && firstRow.includes(formatMoney(api.cohorts[0].money.paid_total_cents, 'de')), firstRow);
    assert.deepEqual(await seriousViolations(staff), []);
    await screenshot(staff, 'outcomes-compare');
  });

  it('speaks English too, without a raw translation key and without an axe finding', async () => {
    const english = await openAs(env, 'staff@example.org', 'en');
    try {
      await go(english, '/outcomes');
      await english.getByTestId('outcomes-paid').waitFor({ timeout: 30_000 });
      await english.getByRole('tab', { name: 'Per cohort' }).waitFor();
      await settle(english);
      assert.deepEqual(await rawKeysOnPage(english), []);
      assert.ok(!(await english.evaluate(() => document.body.innerText)).includes('resources.outcomes'));
      await english.getByRole('tab', { name: 'Cohorts compared' }).click();
      await english.getByTestId('compare-table').waitFor({ timeout: 30_000 });
      await settle(english);
      assert.ok(!(await english.evaluate(() => document.body.innerText)).includes('resources.outcomes'));
      assert.deepEqual(await seriousViolations(english), []);
    } finally {
      await english.context().close();
    }
  });
});
