import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, openAs, screenshot, settle, sharedEnv, type BrowserEnv } from './support/server.ts';

/** Fails the step with the server's answer when an API call a screen relies on is refused. */
function ok<T>(res: { status: number; body: T }, what: string): T {
  assert.ok(res.status >= 200 && res.status < 300, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const euro = (cents: number) => (cents / 100).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' });
/** Intl writes a no-break space before "€"; compare text with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const listOf = (filter: Record<string, unknown>, range = [0, 99]) =>
  `disbursements?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(JSON.stringify(range))}&sort=${encodeURIComponent('["id","ASC"]')}`;

/**
 * The money screens (issue 17) in a real browser on the demo year: the export confirmation states
 * what the API's preview says and the export then does, the approval shows whom it pays, and a paid
 * tranche opens read-only. Screenshots: test-artifacts/money-*.png.
 */
describe('money screens: export confirmation, approval dialog, read-only tranches', function () {
  this.timeout(240_000);
  let env: BrowserEnv;
  let staff: Page;

  before(async () => {
    env = await sharedEnv();
    staff = await openAs(env, 'staff@example.org');
  });
  after(async () => {
    await staff?.context().close();
  });

  it('the approve dialog shows payee, masked IBAN and amount, and approving copies exactly that account', async () => {
    const waiting = ok(await apiCall<any[]>(staff, 'GET', listOf({ to_approve: true })), 'to approve');
    const tranche = waiting.find((t) => t.milestone_id == null && t.current_iban);
    assert.ok(tranche, 'the demo year has a tranche for staff@example.org to approve');
    await go(staff, `/disbursements?filter=${encodeURIComponent(JSON.stringify({ id: tranche.id }))}`);
    const row = staff.getByRole('row').filter({ hasText: tranche.label });
    await row.getByRole('button', { name: 'Freigeben' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.waitFor();
    const iban: string = tranche.current_iban;
    const masked = `${iban.slice(0, 4)} •••• •••• •••• ${iban.slice(-4)}`;
    assert.equal(plain(await dialog.getByTestId('approve-payee').textContent()), tranche.current_account_holder);
    assert.equal(plain(await dialog.getByTestId('approve-iban').textContent()), masked);
    assert.equal(plain(await dialog.getByTestId('approve-amount').textContent()), plain(euro(Number(tranche.amount_cents))));
    assert.ok(!(await dialog.textContent())!.includes(iban.slice(4, 12)), 'the middle of the IBAN is not shown');
    await screenshot(staff, 'money-01-approve-dialog');
    await dialog.getByRole('button', { name: 'Freigeben' }).click();
    await staff.getByText('Tranche freigegeben.').waitFor();
    await settle(staff);
    const approved = ok(await apiCall<any>(staff, 'GET', `disbursements/${tranche.id}`), 'tranche');
    assert.equal(approved.status, 'approved');
    assert.equal(approved.payee_iban, iban);
  });

  it('the export dialog of one cohort states count and sum exactly as the API previews them, and the export marks exactly those', async () => {
    await go(staff, '/funding');
    const overview = ok(await apiCall<any>(staff, 'GET', 'funding-overview'), 'overview');
    const cohortId: number = overview.cohort_id;
    const preview = ok(await apiCall<any>(staff, 'GET', `disbursements/export-preview?cohort_id=${cohortId}&format=csv`), 'preview');
    assert.ok(preview.tranche_count > 0, 'the current cohort has approved tranches to export');
    const approvedElsewhere = ok(await apiCall<any[]>(staff, 'GET', listOf({ status: 'approved', cohort_id_neq: cohortId }, [0, 999])), 'other cohorts');

    await staff.getByRole('button', { name: 'CSV für die Buchhaltung' }).click();
    const dialog = staff.getByRole('dialog');
    const summary = dialog.getByTestId('export-summary');
    await summary.waitFor();
    assert.equal(plain(await summary.textContent()), plain(`${preview.tranche_count} Tranchen, Summe ${euro(preview.total_cents)}, werden als exportiert markiert.`));
    assert.equal(await dialog.getByRole('row').count(), preview.tranche_count + 1, 'one line per tranche');
    for (const t of preview.tranches) assert.ok((await dialog.textContent())!.includes(t.organisation_name));
    await screenshot(staff, 'money-02-export-dialog');

    await dialog.getByRole('button', { name: 'Exportieren' }).click();
    await staff.getByText(/^Export OTA-/).waitFor();
    await settle(staff);
    const [batch] = ok(await apiCall<any[]>(staff, 'GET', `disbursement-exports?sort=${encodeURIComponent('["id","DESC"]')}&range=${encodeURIComponent('[0,0]')}`), 'batches');
    assert.deepEqual([batch.tranche_count, batch.total_cents, batch.cohort_id, batch.format], [preview.tranche_count, preview.total_cents, cohortId, 'csv']);
    const marked = ok(await apiCall<any[]>(staff, 'GET', listOf({ export_id: batch.id }, [0, 999])), 'marked');
    assert.deepEqual(marked.map((t) => t.id).sort((a, b) => a - b), [...preview.disbursement_ids].sort((a: number, b: number) => a - b));
    // Other cohorts' approved tranches were not touched.
    const stillOpen = ok(await apiCall<any[]>(staff, 'GET', listOf({ status: 'approved', cohort_id_neq: cohortId }, [0, 999])), 'other cohorts after');
    assert.deepEqual(stillOpen.map((t) => [t.id, t.export_id]), approvedElsewhere.map((t) => [t.id, t.export_id]));

    // A second look finds nothing left in this cohort.
    await staff.getByRole('button', { name: 'SEPA-Überweisungsdatei' }).click();
    await staff.getByRole('dialog').getByTestId('export-summary').filter({ hasText: 'keine freigegebenen' }).waitFor();
    assert.ok(await staff.getByRole('dialog').getByRole('button', { name: 'Exportieren' }).isDisabled());
    await screenshot(staff, 'money-03-export-nothing-left');
    await staff.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).click();
  });

  it('a paid tranche opens read-only: a show view without Löschen, also from its edit address', async () => {
    const [paid] = ok(await apiCall<any[]>(staff, 'GET', listOf({ status: 'paid' }, [0, 0])), 'paid');
    assert.ok(paid, 'the demo year has paid tranches');
    await go(staff, `/disbursements?filter=${encodeURIComponent(JSON.stringify({ id: paid.id }))}`);
    await staff.getByRole('row').filter({ hasText: paid.label }).getByRole('cell').first().click();
    await staff.waitForURL(new RegExp(`#/disbursements/${paid.id}/show$`));
    await settle(staff);
    const main = staff.locator('main');
    await main.getByText('Ausgezahlt – die Tranche kann nicht mehr geändert oder gelöscht werden.').waitFor();
    assert.ok(plain(await main.textContent()).includes(plain(euro(Number(paid.amount_cents)))), 'amount as 1.234,56 €');
    const [y, m, d] = String(paid.due_on).split('-');
    assert.ok(plain(await main.textContent()).includes(`${d}.${m}.${y}`), 'due date as dd.MM.yyyy');
    assert.equal(await staff.getByRole('button', { name: 'Löschen' }).count(), 0);
    assert.equal(await main.getByRole('textbox').count(), 0, 'no edit form');
    assert.equal(await staff.getByRole('button', { name: 'Stornieren' }).count(), 0);
    await screenshot(staff, 'money-04-paid-read-only');

    await go(staff, `/disbursements/${paid.id}`);
    await staff.waitForURL(new RegExp(`#/disbursements/${paid.id}/show$`));
    await settle(staff);
    await main.getByText('Ausgezahlt – die Tranche kann nicht mehr geändert oder gelöscht werden.').waitFor();
    assert.equal(await staff.getByRole('button', { name: 'Löschen' }).count(), 0);
    assert.equal(await main.getByRole('textbox').count(), 0, 'no edit form');
  });
});
