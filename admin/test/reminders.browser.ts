import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, openAs, screenshot, settle, sharedEnv, until, type BrowserEnv } from './support/server.ts';

/**
 * Reminders (issue 21): staff see the shipped rules with their switches, switch one on in the list,
 * and change a rule's offset in its form; an offset out of range is refused. Screenshots:
 * test-artifacts/reminders-*.png.
 */
describe('reminders: the rules with their switches, and the edit form', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let staff: Page;
  let milestone: { id: number; active: boolean; offset_days: number };

  before(async () => {
    env = await sharedEnv();
    staff = await openAs(env, 'staff@example.org');
    milestone = (await apiCall<any[]>(staff, 'GET', 'reminder-rules')).body.find((r) => r.event === 'milestone_due');
  });
  after(async () => {
    if (milestone) await apiCall(staff, 'PUT', `reminder-rules/${milestone.id}`, { active: milestone.active, offset_days: milestone.offset_days });
    await staff?.context().close();
  });

  it('lists the rules and switches one on', async () => {
    await go(staff, '/reminder-rules');
    const toggle = staff.getByRole('switch', { name: /Meilenstein fällig/ }).or(staff.getByRole('checkbox', { name: /Meilenstein fällig/ }));
    await toggle.first().waitFor();
    assert.ok(await staff.getByText('14 Tage vorher').first().isVisible());
    await toggle.first().click();
    await until(async () => (await apiCall<any>(staff, 'GET', `reminder-rules/${milestone.id}`)).body.active === true);
    await screenshot(staff, 'reminders-list');
  });

  it('edits the offset; out of range is refused', async () => {
    await go(staff, `/reminder-rules/${milestone.id}`);
    const offset = staff.getByLabel('Versatz (Tage)');
    await offset.waitFor();
    await offset.fill('-90');
    await staff.getByRole('button', { name: 'Speichern' }).click();
    await staff.getByText(/Höchstens 60 Tage vorher/).first().waitFor();
    assert.equal((await apiCall<any>(staff, 'GET', `reminder-rules/${milestone.id}`)).body.offset_days, milestone.offset_days, 'nothing was saved');
    await offset.fill('-10');
    await staff.getByRole('button', { name: 'Speichern' }).click();
    await until(async () => (await apiCall<any>(staff, 'GET', `reminder-rules/${milestone.id}`)).body.offset_days === -10);
    await settle(staff);
    await screenshot(staff, 'reminders-edit');
  });
});
