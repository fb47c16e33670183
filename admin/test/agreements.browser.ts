import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { label } from '../../backend/src/shared/labels.ts';
import { apiCall, go, openAs, screenshot, settle, sharedEnv, until, type BrowserEnv } from './support/server.ts';

function ok<T>(res: { status: number; body: T }, what: string): T {
  assert.ok(res.status >= 200 && res.status < 300, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const q = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,99]')}`;
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const berlinToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

/**
 * The grant agreement (issue 19) in a real browser on the demo year: the one current fellow
 * without a signed agreement cannot get a tranche approved (the dialog says why), staff record the
 * date and extend the budget plan on the fellowship's "Fördervertrag" tab, and the fellow sees the
 * plan read-only with the PDF. Screenshots: test-artifacts/agreement-*.png.
 */
describe('grant agreement screens: unsigned approval, signed date, budget plan, the fellow’s view', function () {
  this.timeout(240_000);
  let env: BrowserEnv;
  let staff: Page;
  let staff2: Page;
  let fellowship: any;

  before(async () => {
    env = await sharedEnv();
    staff = await openAs(env, 'staff@example.org');
    staff2 = await openAs(env, 'staff2@example.org');
    const all = ok(await apiCall<any[]>(staff, 'GET', `fellowships?${q({ status: 'active' })}`), 'fellowships');
    fellowship = all.find((f) => !f.agreement_signed_on);
    assert.ok(fellowship, 'the demo year has a current fellow without a signed agreement');
  });
  after(async () => {
    await staff?.context().close();
    await staff2?.context().close();
  });

  it('the approve dialog warns about the unsigned agreement and shows the refusal in words', async () => {
    const tranches = ok(await apiCall<any[]>(staff2, 'GET', `disbursements?${q({ fellowship_id: fellowship.id, to_approve: true })}`), 'tranches');
    const tranche = tranches.find((t) => t.milestone_id == null);
    assert.ok(tranche, 'staff2 has a tranche of the unsigned fellow to approve');
    await go(staff2, `/disbursements?filter=${encodeURIComponent(JSON.stringify({ id: tranche.id }))}`);
    await staff2.getByRole('row').filter({ hasText: tranche.label }).getByRole('button', { name: 'Freigeben' }).click();
    const dialog = staff2.getByRole('dialog');
    await dialog.waitFor();
    assert.match(plain(await dialog.getByTestId('approve-unsigned').textContent()), /Fördervertrag .* noch nicht unterschrieben/);
    await dialog.getByRole('button', { name: 'Freigeben' }).click();
    const refusal = dialog.getByTestId('approve-refusal');
    await refusal.waitFor();
    assert.match(plain(await refusal.textContent()), /Der Fördervertrag ist noch nicht unterschrieben/);
    await screenshot(staff2, 'agreement-approve-refused');
    const after = ok(await apiCall<any>(staff2, 'GET', `disbursements/${tranche.id}`), 'tranche');
    assert.equal(after.status, 'planned');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  });

  it('staff record the signed date and add a budget line on the fellowship’s agreement tab', async () => {
    await go(staff, `/fellowships/${fellowship.id}/show/agreement`);
    const panel = staff.getByTestId('agreement-panel');
    await panel.waitFor();
    assert.match(plain(await panel.textContent()), /noch nicht unterschrieben/);
    const lines = ok(await apiCall<any[]>(staff, 'GET', `budget-lines?${q({ fellowship_id: fellowship.id })}`), 'lines');
    const planned = lines.reduce((s, l) => s + l.planned_cents, 0);
    assert.equal(fellowship.budget_planned_cents, planned);
    for (const l of lines) assert.ok(plain(await panel.textContent()).includes(l.note ?? ''), l.note);

    await staff.getByTestId('agreement-signed-on').fill(berlinToday());
    await panel.getByRole('button', { name: 'Speichern' }).click();
    await until(async () => (await apiCall<any>(staff, 'GET', `fellowships/${fellowship.id}`)).body.agreement_signed_on === berlinToday());
    await staff.getByTestId('agreement-signed').waitFor();

    const used = new Set(lines.map((l) => l.category));
    const free = ['other', 'overhead', 'events', 'material', 'travel', 'fees', 'personnel'].find((c) => !used.has(c));
    const room = fellowship.grant_cents - planned;
    if (free && room > 0) {
      await panel.getByRole('link', { name: 'Zeile hinzufügen' }).click();
      await settle(staff);
      await staff.getByLabel('Kostenkategorie').click();
      await staff.getByRole('option', { name: label('budget_category', free), exact: true }).click();
      await staff.getByLabel('Geplant').fill(String(Math.min(room, 50_000) / 100));
      await staff.getByLabel('Erläuterung').fill('Browsertest: Übersetzung ins Türkische');
      await staff.getByRole('button', { name: 'Speichern' }).click();
      await until(async () => ok(await apiCall<any[]>(staff, 'GET', `budget-lines?${q({ fellowship_id: fellowship.id })}`), 'lines').length === lines.length + 1);
      await staff.getByTestId('agreement-panel').waitFor();
      await until(async () => plain(await staff.getByTestId('agreement-panel').textContent()).includes('Browsertest: Übersetzung ins Türkische'));
    }
    await screenshot(staff, 'agreement-tab');
  });

  it('the fellow sees the plan read-only and downloads the agreement', async () => {
    const active = ok(await apiCall<any[]>(staff, 'GET', `fellowships?${q({ status: 'active' })}`), 'fellowships');
    const users = ok(await apiCall<any[]>(staff, 'GET', `users?${q({ role: 'applicant', organisation_id: active.map((f) => f.organisation_id) })}`), 'users');
    assert.ok(users.length, 'a current fellow has an applicant login');
    const own = active.find((f) => f.organisation_id === users[0].organisation_id);
    const fellow = await openAs(env, users[0].email);
    try {
      await go(fellow, '/my-programme');
      const panel = fellow.getByTestId('agreement-panel');
      await panel.waitFor();
      assert.match(plain(await panel.getByTestId('budget-total').textContent()), /verplant/);
      assert.equal(await panel.getByRole('link', { name: 'Zeile hinzufügen' }).count(), 0);
      assert.equal(await panel.getByRole('button', { name: 'Speichern' }).count(), 0);
      const href = await panel.getByRole('link', { name: 'Fördervertrag (PDF)' }).getAttribute('href');
      assert.equal(href, `/api/fellowships/${own.id}/agreement.pdf`);
      const pdf = await fellow.evaluate(async (url) => {
        const res = await fetch(url, { credentials: 'include' });
        return { status: res.status, type: res.headers.get('content-type'), head: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)) };
      }, href!);
      assert.deepEqual(pdf, { status: 200, type: 'application/pdf', head: '%PDF-' });
      await screenshot(fellow, 'agreement-fellow');
    } finally {
      await fellow.context().close();
    }
  });
});
