import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { agentFor, api, createUser, databaseSnapshot, db, listQuery, loginAs } from './support/fixtures.ts';
import { createFellowship, createMilestone, insertTranche } from './support/funding-fixtures.ts';
import { setActor } from '../src/db/actor.ts';
import { databaseMigratedTo } from './support/legacy-database.ts';

async function twoStaff() {
  const planner = await agentFor('staff');
  const approver = await agentFor('staff');
  return { planner, approver };
}

const plan = (agent: any, fellowship_id: number, amount_cents: number, extra: Record<string, unknown> = {}) =>
  agent.post('/api/disbursements').send({ fellowship_id, label: 'Rate', amount_cents, due_on: '2026-05-01', ...extra });

const sumOfLive = async (fellowshipId: number) => {
  const rows = await db().selectFrom('disbursements').select('amount_cents').where('fellowship_id', '=', fellowshipId).where('status', '<>', 'cancelled').execute();
  return rows.reduce((s, r) => s + Number(r.amount_cents), 0);
};

const onPostgres = !!process.env.TEST_DATABASE_URL;

/** Waits until `count` other sessions of this database are blocked on a lock (PostgreSQL). */
async function lockWaiters(count: number) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db());
    if (rows[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no session waited for a lock`);
}

describe('disbursements', () => {
  describe('planning within the grant', () => {
    it('plans a tranche, records its creator and an audit event with the new values', async () => {
      const { planner } = await twoStaff();
      const f = await createFellowship({ grant_cents: 2_500_000 });
      const res = await plan(planner.agent, f.id, 1_000_000, { label: '1. Rate' }).expect(201);
      assert.equal(res.body.status, 'planned');
      assert.equal(res.body.amount_cents, 1_000_000);
      assert.equal(res.body.created_by, planner.user.id);
      assert.equal(res.body.organisation_name, f.organisation.name);
      assert.equal(res.body.due_on, '2026-05-01');
      const event = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'disbursements').executeTakeFirstOrThrow();
      assert.equal(event.actor_id, planner.user.id);
      assert.equal(event.action, 'create');
      assert.equal((event.changes as any).after.amount_cents, 1_000_000);
    });

    it('refuses a tranche that would exceed the grant and changes nothing', async () => {
      const { planner } = await twoStaff();
      const f = await createFellowship({ grant_cents: 2_500_000 });
      await plan(planner.agent, f.id, 2_000_000).expect(201);
      const before = await databaseSnapshot();
      const res = await plan(planner.agent, f.id, 500_001).expect(409);
      assert.equal(res.body.code, 'budget_exceeded');
      assert.ok(res.body.errors.amount_cents);
      assert.equal(await databaseSnapshot(), before);
      await plan(planner.agent, f.id, 500_000).expect(201);
      assert.equal(await sumOfLive(f.id), 2_500_000);
    });

    it('frees the budget of a cancelled tranche', async () => {
      const { planner } = await twoStaff();
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const first = await plan(planner.agent, f.id, 1_000_000).expect(201);
      await plan(planner.agent, f.id, 1).expect(409);
      await planner.agent.post(`/api/disbursements/${first.body.id}/cancel`).send({}).expect(200);
      await plan(planner.agent, f.id, 1_000_000).expect(201);
    });

    it('refuses raising a planned amount beyond the grant but allows lowering it', async () => {
      const { planner } = await twoStaff();
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const a = await plan(planner.agent, f.id, 600_000).expect(201);
      await plan(planner.agent, f.id, 400_000).expect(201);
      const res = await planner.agent.put(`/api/disbursements/${a.body.id}`).send({ ...a.body, amount_cents: 600_001 }).expect(409);
      assert.equal(res.body.code, 'budget_exceeded');
      const lowered = await planner.agent.put(`/api/disbursements/${a.body.id}`).send({ ...a.body, amount_cents: 500_000, label: '1. Rate (gekürzt)' }).expect(200);
      assert.equal(lowered.body.amount_cents, 500_000);
      assert.equal(lowered.body.label, '1. Rate (gekürzt)');
    });

    it('keeps the sum within the grant when many tranches are planned in parallel', async () => {
      const { planner } = await twoStaff();
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const results = await Promise.all(Array.from({ length: 12 }, () => plan(planner.agent, f.id, 300_000)));
      const created = results.filter((r) => r.status === 201).length;
      assert.equal(created, 3, `statuses: ${results.map((r) => r.status).join(',')}`);
      assert.ok(results.every((r) => r.status === 201 || r.status === 409));
      assert.equal(await sumOfLive(f.id), 900_000);
    });

    it('keeps the sum within the grant when planned amounts are raised in parallel', async () => {
      const { planner } = await twoStaff();
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const tranches = [];
      for (let i = 0; i < 5; i++) tranches.push((await plan(planner.agent, f.id, 100_000).expect(201)).body);
      const results = await Promise.all(tranches.map((t) => planner.agent.put(`/api/disbursements/${t.id}`).send({ ...t, amount_cents: 400_000 })));
      // 5 × 1.000 € planned; each raise to 4.000 € adds 3.000 €: only one fits the 10.000 € grant.
      assert.equal(results.filter((r) => r.status === 200).length, 1, `statuses: ${results.map((r) => r.status).join(',')}`);
      assert.equal(await sumOfLive(f.id), 800_000);
    });

    it('refuses tranches for a withdrawn fellowship and milestones of another fellowship', async () => {
      const { planner } = await twoStaff();
      const withdrawn = await createFellowship({ status: 'withdrawn' });
      assert.equal((await plan(planner.agent, withdrawn.id, 1000).expect(409)).body.code, 'wrong_state');
      const f = await createFellowship();
      const other = await createFellowship();
      const foreign = await createMilestone(other.id);
      const res = await plan(planner.agent, f.id, 1000, { milestone_id: foreign.id }).expect(400);
      assert.ok(res.body.errors.milestone_id);
    });
  });

  describe('four eyes and the milestone gate', () => {
    it('refuses approval by the staff member who planned the tranche', async () => {
      const { planner } = await twoStaff();
      const f = await createFellowship();
      const t = await plan(planner.agent, f.id, 1000).expect(201);
      const before = await databaseSnapshot();
      const res = await planner.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(403);
      assert.match(res.body.message, /Vier-Augen/);
      assert.equal(await databaseSnapshot(), before);
    });

    it('lets a second staff member (or an admin) approve and records who and when', async () => {
      const { planner, approver } = await twoStaff();
      const admin = await agentFor('admin');
      const f = await createFellowship();
      const t1 = await plan(planner.agent, f.id, 1000).expect(201);
      const t2 = await plan(planner.agent, f.id, 2000).expect(201);
      const ok = await approver.agent.post(`/api/disbursements/${t1.body.id}/approve`).send({}).expect(200);
      assert.equal(ok.body.status, 'approved');
      assert.equal(ok.body.approved_by, approver.user.id);
      assert.equal(ok.body.approved_by_name, approver.user.name);
      assert.ok(ok.body.approved_at);
      await admin.agent.post(`/api/disbursements/${t2.body.id}/approve`).send({}).expect(200);
      const again = await approver.agent.post(`/api/disbursements/${t1.body.id}/approve`).send({}).expect(409);
      assert.equal(again.body.code, 'wrong_state');
      const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'approve').where('record_id', '=', t1.body.id).executeTakeFirstOrThrow();
      assert.equal(event.actor_id, approver.user.id);
      assert.deepEqual((event.changes as any).before.status, 'planned');
      assert.deepEqual((event.changes as any).after.status, 'approved');
    });

    it('approves a milestone tranche only once the milestone is achieved', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const milestone = await createMilestone(f.id, 'open');
      const t = await plan(planner.agent, f.id, 500_000, { label: 'Transferbonus', milestone_id: milestone.id }).expect(201);
      assert.equal(t.body.milestone_status, 'open');
      const before = await databaseSnapshot();
      const res = await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(409);
      assert.equal(res.body.code, 'milestone_open');
      assert.equal(await databaseSnapshot(), before);
      await db().updateTable('milestones').set({ status: 'missed' }).where('id', '=', milestone.id).execute();
      await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(409);
      await db().updateTable('milestones').set({ status: 'achieved', achieved_at: new Date() }).where('id', '=', milestone.id).execute();
      const ok = await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      assert.equal(ok.body.status, 'approved');
    });

    it('never approves beyond a grant that was lowered after planning', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const t = await plan(planner.agent, f.id, 800_000).expect(201);
      await db().updateTable('fellowships').set({ grant_cents: 500_000 }).where('id', '=', f.id).execute();
      assert.equal((await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(409)).body.code, 'budget_exceeded');
    });

    it('lists the tranches waiting for the caller as second pair of eyes', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const mine = await plan(approver.agent, f.id, 1000).expect(201);
      const theirs = await plan(planner.agent, f.id, 2000).expect(201);
      const approved = await plan(planner.agent, f.id, 3000).expect(201);
      await approver.agent.post(`/api/disbursements/${approved.body.id}/approve`).send({}).expect(200);
      const list = await approver.agent.get('/api/disbursements').query(listQuery({ filter: { to_approve: true } })).expect(200);
      assert.deepEqual(list.body.map((d: any) => d.id), [theirs.body.id]);
      assert.equal(list.headers['content-range'], 'disbursements 0-0/1');
      const forPlanner = await planner.agent.get('/api/disbursements').query(listQuery({ filter: { to_approve: true } })).expect(200);
      assert.deepEqual(forPlanner.body.map((d: any) => d.id), [mine.body.id]);
      await approver.agent.get('/api/disbursements').query(listQuery({ filter: { to_approve: 'yes' } })).expect(400);
    });
  });

  describe('payment', () => {
    it('records a payment only after approval and requires a payment reference', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const t = await plan(planner.agent, f.id, 1000).expect(201);
      assert.equal((await approver.agent.post(`/api/disbursements/${t.body.id}/pay`).send({ payment_reference: 'X' }).expect(409)).body.code, 'wrong_state');
      await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      const before = await databaseSnapshot();
      for (const body of [{}, { payment_reference: '' }, { payment_reference: 42 }, { payment_reference: 'x'.repeat(141) }]) {
        const res = await planner.agent.post(`/api/disbursements/${t.body.id}/pay`).send(body).expect(400);
        assert.ok(res.body.errors.payment_reference, JSON.stringify(body));
      }
      assert.equal(await databaseSnapshot(), before);
      const paid = await planner.agent.post(`/api/disbursements/${t.body.id}/pay`).send({ payment_reference: '  SEPA-2026-0042 ' }).expect(200);
      assert.equal(paid.body.status, 'paid');
      assert.equal(paid.body.payment_reference, 'SEPA-2026-0042');
      assert.ok(paid.body.paid_at);
    });

    it('pays exactly once when the payment is recorded 20 times in parallel', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const t = await plan(planner.agent, f.id, 1_234_567 % 2_500_000).expect(201);
      await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => planner.agent.post(`/api/disbursements/${t.body.id}/pay`).send({ payment_reference: `REF-${i}` })),
      );
      const statuses = results.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(','));
      assert.equal(statuses.filter((s) => s === 409).length, 19, statuses.join(','));
      const winner = results.find((r) => r.status === 200)!;
      const row = await db().selectFrom('disbursements').selectAll().where('id', '=', t.body.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'paid');
      assert.equal(row.payment_reference, winner.body.payment_reference);
      const events = await db().selectFrom('audit_events').selectAll().where('action', '=', 'pay').execute();
      assert.equal(events.length, 1);
      assert.equal((events[0].changes as any).after.payment_reference, winner.body.payment_reference);
    });

    it('approves exactly once under parallel approvals', async () => {
      const { planner } = await twoStaff();
      const approvers = await Promise.all([1, 2, 3, 4, 5].map(() => createUser('staff')));
      const agents = await Promise.all(approvers.map((u) => loginAs(u)));
      const f = await createFellowship();
      const t = await plan(planner.agent, f.id, 1000).expect(201);
      const results = await Promise.all(agents.map((a) => a.post(`/api/disbursements/${t.body.id}/approve`).send({})));
      assert.equal(results.filter((r) => r.status === 200).length, 1);
      assert.equal((await db().selectFrom('audit_events').select('id').where('action', '=', 'approve').execute()).length, 1);
    });
  });

  describe('cancel and immutability', () => {
    it('cancels planned and approved tranches but never a paid or cancelled one', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const planned = await plan(planner.agent, f.id, 1000).expect(201);
      const approved = await plan(planner.agent, f.id, 2000).expect(201);
      const paid = await plan(planner.agent, f.id, 3000).expect(201);
      for (const t of [approved, paid]) await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      await approver.agent.post(`/api/disbursements/${paid.body.id}/pay`).send({ payment_reference: 'R1' }).expect(200);

      const c1 = await approver.agent.post(`/api/disbursements/${planned.body.id}/cancel`).send({}).expect(200);
      assert.equal(c1.body.status, 'cancelled');
      assert.ok(c1.body.cancelled_at);
      await approver.agent.post(`/api/disbursements/${approved.body.id}/cancel`).send({}).expect(200);
      const before = await databaseSnapshot();
      assert.equal((await approver.agent.post(`/api/disbursements/${paid.body.id}/cancel`).send({}).expect(409)).body.code, 'immutable');
      assert.equal((await approver.agent.post(`/api/disbursements/${planned.body.id}/cancel`).send({}).expect(409)).body.code, 'wrong_state');
      await approver.agent.post(`/api/disbursements/${planned.body.id}/approve`).send({}).expect(409);
      assert.equal(await databaseSnapshot(), before);
      const events = await db().selectFrom('audit_events').select(['action', 'actor_id']).where('action', '=', 'cancel').execute();
      assert.equal(events.length, 2);
      assert.ok(events.every((e) => e.actor_id === approver.user.id));
    });

    it('keeps paid tranches immutable: PUT and DELETE answer 409', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const t = await plan(planner.agent, f.id, 1000).expect(201);
      await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      const paid = await approver.agent.post(`/api/disbursements/${t.body.id}/pay`).send({ payment_reference: 'R1' }).expect(200);
      const before = await databaseSnapshot();
      assert.equal((await planner.agent.put(`/api/disbursements/${t.body.id}`).send({ ...paid.body, amount_cents: 999 }).expect(409)).body.code, 'immutable');
      assert.equal((await planner.agent.put(`/api/disbursements/${t.body.id}`).send(paid.body).expect(409)).body.code, 'immutable');
      assert.equal((await planner.agent.delete(`/api/disbursements/${t.body.id}`).expect(409)).body.code, 'immutable');
      assert.equal(await databaseSnapshot(), before);
    });

    it('shows the account an approval would pay and refuses the approval when it changed since the dialog opened (issue 17)', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship({ organisation: { name: 'Zeigeverein e.V.', account_holder: null, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' } });
      const t = await plan(planner.agent, f.id, 123_456).expect(201);
      const shown = (await approver.agent.get(`/api/disbursements/${t.body.id}`).expect(200)).body;
      assert.deepEqual([shown.current_account_holder, shown.current_iban, shown.current_bic, shown.amount_cents], ['Zeigeverein e.V.', 'DE89370400440532013000', 'COBADEFFXXX', 123_456]);
      const before = await databaseSnapshot();
      const refused = await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({ iban: 'DE02120300000000202051' }).expect(409);
      assert.equal(refused.body.code, 'payee_changed');
      await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({ iban: 42 }).expect(400);
      assert.equal(await databaseSnapshot(), before);
      const ok = await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({ iban: 'de89 3704 0044 0532 0130 00' }).expect(200);
      assert.deepEqual([ok.body.status, ok.body.payee_iban, ok.body.payee_account_holder], ['approved', 'DE89370400440532013000', 'Zeigeverein e.V.']);
    });

    it('keeps exported tranches read-only: every PUT (also an unchanged one) and DELETE answer 409 and change nothing (issue 17)', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const t = await plan(planner.agent, f.id, 1000, { due_on: '2026-05-01' }).expect(201);
      await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id: f.cohort_id }).expect(201);
      const exported = (await planner.agent.get(`/api/disbursements/${t.body.id}`).expect(200)).body;
      assert.ok(exported.export_id);
      const before = await databaseSnapshot();
      for (const change of [{}, { amount_cents: 999 }, { label: 'Neu' }, { due_on: '2026-06-01' }]) {
        const res = await planner.agent.put(`/api/disbursements/${t.body.id}`).send({ ...exported, ...change }).expect(409);
        assert.equal(res.body.code, 'exported', JSON.stringify(change));
      }
      for (const agent of [planner.agent, approver.agent]) assert.equal((await agent.delete(`/api/disbursements/${t.body.id}`).expect(409)).body.code, 'exported');
      assert.equal(await databaseSnapshot(), before);
      // Paid after the export: still read-only (paid wins).
      await approver.agent.post(`/api/disbursements/${t.body.id}/pay`).send({ payment_reference: 'R1' }).expect(200);
      const paid = await databaseSnapshot();
      assert.equal((await planner.agent.put(`/api/disbursements/${t.body.id}`).send(exported).expect(409)).body.code, 'immutable');
      assert.equal((await planner.agent.delete(`/api/disbursements/${t.body.id}`).expect(409)).body.code, 'immutable');
      assert.equal(await databaseSnapshot(), paid);
    });

    it('freezes approved tranches (an unchanged PUT is a no-op) and deletes only planned ones', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const milestone = await createMilestone(f.id, 'achieved');
      const t = await plan(planner.agent, f.id, 1000, { milestone_id: milestone.id }).expect(201);
      const approved = await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      const before = await databaseSnapshot();
      await planner.agent.put(`/api/disbursements/${t.body.id}`).send({ ...approved.body, amount_cents: 500 }).expect(409);
      await planner.agent.put(`/api/disbursements/${t.body.id}`).send({ ...approved.body, milestone_id: null }).expect(409);
      await planner.agent.put(`/api/disbursements/${t.body.id}`).send(approved.body).expect(200);
      await planner.agent.delete(`/api/disbursements/${t.body.id}`).expect(409);
      assert.equal(await databaseSnapshot(), before);
      const other = await plan(planner.agent, f.id, 1000).expect(201);
      await planner.agent.delete(`/api/disbursements/${other.body.id}`).expect(200);
      const events = await db().selectFrom('audit_events').select('action').where('record_id', '=', other.body.id).where('resource', '=', 'disbursements').orderBy('id').execute();
      assert.deepEqual(events.map((e) => e.action), ['create', 'delete']);
    });
  });

  describe('four eyes edited around (issue 16, class 2)', () => {
    const row = (id: number) => db().selectFrom('disbursements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const NEW_IBAN = 'DE02120300000000202051';

    it('refuses approval by a staff member who changed any money field of the tranche, and leaves them off the to-approve list', async () => {
      const { planner, approver: editor } = await twoStaff();
      const third = await agentFor('staff');
      const f = await createFellowship();
      const milestone = await createMilestone(f.id, 'achieved');
      const changes: Array<[string, Record<string, unknown>]> = [
        ['label', { label: '1. Rate (neu)' }],
        ['amount_cents', { amount_cents: 1500 }],
        ['due_on', { due_on: '2026-09-30' }],
        ['milestone_id', { milestone_id: milestone.id }],
      ];
      for (const [field, change] of changes) {
        const t = await plan(planner.agent, f.id, 1000).expect(201);
        const edited = await editor.agent.put(`/api/disbursements/${t.body.id}`).send({ ...t.body, ...change }).expect(200);
        assert.deepEqual(edited.body.money_editors, [planner.user.id, editor.user.id].sort((a, b) => a - b), field);
        const list = await editor.agent.get('/api/disbursements').query(listQuery({ filter: { to_approve: true } })).expect(200);
        assert.ok(!list.body.some((d: any) => d.id === t.body.id), field);
        const before = await databaseSnapshot();
        const res = await editor.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(403);
        assert.equal(res.body.code, 'four_eyes', field);
        assert.match(res.body.message, /Vier-Augen/);
        assert.equal(await databaseSnapshot(), before, field);
        const ok = await third.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
        assert.equal(ok.body.approved_by, third.user.id, field);
      }
    });

    it('does not count a PUT that changes nothing (react-admin sends the whole record) as an edit', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const t = await plan(planner.agent, f.id, 1000).expect(201);
      await approver.agent.put(`/api/disbursements/${t.body.id}`).send(t.body).expect(200);
      assert.deepEqual((await row(t.body.id)).money_editors, [planner.user.id]);
      await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
    });

    it('holds on every write path: a money field changes only with a named actor, who then cannot approve', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const other = await createFellowship({ cohort_id: f.cohort_id });
      const t = await plan(planner.agent, f.id, 1000).expect(201);
      // Straight SQL, past the API: without an actor the trigger refuses the change.
      await assert.rejects(db().updateTable('disbursements').set({ amount_cents: 999 }).where('id', '=', t.body.id).execute(), /app\.actor_id/);
      // With one (the fellowship cannot even change through the API), the actor becomes an editor.
      await db().transaction().execute(async (trx) => {
        await setActor(trx, approver.user.id);
        await trx.updateTable('disbursements').set({ fellowship_id: other.id }).where('id', '=', t.body.id).execute();
      });
      assert.deepEqual((await row(t.body.id)).money_editors, [planner.user.id, approver.user.id].sort((a, b) => a - b));
      assert.equal((await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(403)).body.code, 'four_eyes');
      // The list of editors only grows, and the database refuses an approver among them.
      await db().updateTable('disbursements').set({ money_editors: [] }).where('id', '=', t.body.id).execute();
      assert.deepEqual((await row(t.body.id)).money_editors, [planner.user.id, approver.user.id].sort((a, b) => a - b));
      await assert.rejects(
        db().updateTable('disbursements').set({ status: 'approved', approved_by: approver.user.id, approved_at: new Date() }).where('id', '=', t.body.id).execute(),
        /disbursements_four_eyes/,
      );
    });

    it('freezes every money field of an approved tranche (409, cancel and plan anew), also past the API', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const milestone = await createMilestone(f.id, 'achieved');
      const t = await plan(planner.agent, f.id, 1000).expect(201);
      const approved = await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      const before = await databaseSnapshot();
      for (const change of [{ label: 'Umbenannt' }, { amount_cents: 2000 }, { due_on: '2027-01-01' }, { milestone_id: milestone.id }]) {
        const res = await planner.agent.put(`/api/disbursements/${t.body.id}`).send({ ...approved.body, ...change }).expect(409);
        assert.equal(res.body.code, 'wrong_state', JSON.stringify(change));
      }
      assert.equal(await databaseSnapshot(), before);
      await assert.rejects(
        db().transaction().execute(async (trx) => {
          await setActor(trx, planner.user.id);
          await trx.updateTable('disbursements').set({ amount_cents: 2000 }).where('id', '=', t.body.id).execute();
        }),
        /eingefroren/,
      );
      // The copied payee is frozen too: a direct write to it is ignored.
      await db().updateTable('disbursements').set({ payee_iban: NEW_IBAN }).where('id', '=', t.body.id).execute();
      assert.equal((await row(t.body.id)).payee_iban, 'DE89370400440532013000');
    });

    it('copies the payee at approval; a change of bank details resets approved, unpaid, unexported tranches with a note and leaves the rest alone', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship({ organisation: { account_holder: 'Förderverein Kontoinhaber' } });
      const applicant = await agentFor('applicant', { organisation_id: f.organisation_id });
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) ids.push((await plan(planner.agent, f.id, 1000 + i).expect(201)).body.id);
      for (const id of ids.slice(0, 3)) {
        const ok = await approver.agent.post(`/api/disbursements/${id}/approve`).send({}).expect(200);
        assert.deepEqual([ok.body.payee_account_holder, ok.body.payee_iban, ok.body.payee_bic], ['Förderverein Kontoinhaber', 'DE89370400440532013000', 'COBADEFFXXX']);
      }
      const [approvedId, paidId, exportedId, plannedId] = ids;
      await approver.agent.post(`/api/disbursements/${paidId}/pay`).send({ payment_reference: 'R1' }).expect(200);
      await planner.agent.post('/api/disbursement-exports').send({ format: 'csv', cohort_id: f.cohort_id, disbursement_ids: [exportedId] }).expect(201);

      // An unchanged save of the organisation changes nothing.
      const org = (await applicant.agent.get(`/api/organisations/${f.organisation_id}`).expect(200)).body;
      await applicant.agent.put(`/api/organisations/${f.organisation_id}`).send(org).expect(200);
      assert.equal((await row(approvedId)).status, 'approved');

      await applicant.agent.put(`/api/organisations/${f.organisation_id}`).send({ ...org, iban: 'DE02 1203 0000 0000 2020 51' }).expect(200);
      const reset = (await planner.agent.get(`/api/disbursements/${approvedId}`).expect(200)).body;
      assert.equal(reset.status, 'planned');
      assert.equal(reset.approved_by, null);
      assert.equal(reset.approved_at, null);
      assert.equal(reset.payee_iban, null);
      assert.ok(reset.bank_changed_at);
      assert.match(reset.bank_change_note, /IBAN …3000 → …2051/);
      assert.match(reset.bank_change_note, /Freigabe zurückgenommen/);
      assert.ok(reset.money_editors.includes(applicant.user.id));
      const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'reset_approval').executeTakeFirstOrThrow();
      assert.equal(event.record_id, approvedId);
      assert.equal(event.actor_id, applicant.user.id);
      assert.equal((event.changes as any).before.payee_iban, 'DE89370400440532013000');

      const paidRow = await row(paidId);
      assert.deepEqual([paidRow.status, paidRow.payee_iban, paidRow.bank_change_note], ['paid', 'DE89370400440532013000', null]);
      const exportedRow = await row(exportedId);
      assert.deepEqual([exportedRow.status, exportedRow.payee_iban], ['approved', 'DE89370400440532013000']);
      const plannedRow = await row(plannedId);
      assert.equal(plannedRow.status, 'planned');
      assert.match(plannedRow.bank_change_note!, /vor der Freigabe prüfen/);

      // A fresh approval by someone allowed copies the new details and clears the note.
      const again = await approver.agent.post(`/api/disbursements/${approvedId}/approve`).send({}).expect(200);
      assert.deepEqual([again.body.status, again.body.payee_iban, again.body.bank_change_note], ['approved', NEW_IBAN, null]);
    });

    it('bars the staff member who changed an organisation’s bank details from approving its open tranches', async () => {
      const { planner, approver } = await twoStaff();
      const changer = await agentFor('staff');
      const f = await createFellowship();
      const open = await plan(planner.agent, f.id, 1000).expect(201);
      const approved = await plan(planner.agent, f.id, 2000).expect(201);
      await approver.agent.post(`/api/disbursements/${approved.body.id}/approve`).send({}).expect(200);
      await changer.agent.put(`/api/organisations/${f.organisation_id}`).send({ name: f.organisation.name, iban: NEW_IBAN, account_holder: 'Neuer Inhaber' }).expect(200);
      for (const id of [open.body.id, approved.body.id]) {
        const res = await changer.agent.post(`/api/disbursements/${id}/approve`).send({}).expect(403);
        assert.equal(res.body.code, 'four_eyes');
      }
      const list = await changer.agent.get('/api/disbursements').query(listQuery({ filter: { to_approve: true } })).expect(200);
      assert.deepEqual(list.body, []);
      for (const id of [open.body.id, approved.body.id]) {
        const ok = await approver.agent.post(`/api/disbursements/${id}/approve`).send({}).expect(200);
        assert.deepEqual([ok.body.payee_iban, ok.body.payee_account_holder], [NEW_IBAN, 'Neuer Inhaber']);
      }
    });

    it('ends consistent when approvals race changes of the bank details (PostgreSQL)', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship({ grant_cents: 10_000_000 });
      const applicant = await agentFor('applicant', { organisation_id: f.organisation_id });
      const ids: number[] = [];
      for (let i = 0; i < 8; i++) ids.push((await plan(planner.agent, f.id, 1000 + i).expect(201)).body.id);
      const ibans = [NEW_IBAN, 'DE89370400440532013000', 'DE02500105170137075030'];
      // Changes of the bank details in between the approvals, so that either may come first.
      const requests = ids.flatMap((id, i) => [
        approver.agent.post(`/api/disbursements/${id}/approve`).send({}),
        ...(i % 3 === 1 ? [applicant.agent.put(`/api/organisations/${f.organisation_id}`).send({ name: f.organisation.name, iban: ibans[(i - 1) / 3] })] : []),
      ]);
      const results = await Promise.all(requests);
      assert.deepEqual([...new Set(results.map((r) => r.status))], [200], results.map((r) => `${r.status} ${r.body.message ?? ''}`).join(', '));
      const organisation = await db().selectFrom('organisations').select('iban').where('id', '=', f.organisation_id).executeTakeFirstOrThrow();
      for (const id of ids) {
        const t = await row(id);
        if (t.status === 'approved') {
          // Approved after the last change: it carries exactly the account that is valid now.
          assert.equal(t.payee_iban, organisation.iban, `tranche ${id}`);
        } else {
          assert.equal(t.status, 'planned', `tranche ${id}`);
          assert.deepEqual([t.approved_by, t.payee_iban], [null, null], `tranche ${id}`);
          assert.ok(t.bank_change_note, `tranche ${id}`);
        }
      }
    });

    it('orders an approval and a bank-detail change that meet on the organisation row (PostgreSQL only)', async function () {
      if (!onPostgres) this.skip();
      const { planner, approver } = await twoStaff();
      const f = await createFellowship();
      const applicant = await agentFor('applicant', { organisation_id: f.organisation_id });
      const first = (await plan(planner.agent, f.id, 1000).expect(201)).body.id;
      const second = (await plan(planner.agent, f.id, 2000).expect(201)).body.id;

      // The change is in flight (uncommitted) when the approval arrives: the approval waits for
      // it and then copies the new account.
      let approval: Promise<any> | undefined;
      await db().transaction().execute(async (trx) => {
        await setActor(trx, applicant.user.id);
        await trx.updateTable('organisations').set({ iban: NEW_IBAN }).where('id', '=', f.organisation_id).execute();
        approval = approver.agent.post(`/api/disbursements/${first}/approve`).send({}).then((r) => r);
        await lockWaiters(1);
      });
      const approved = await approval!;
      assert.equal(approved.status, 200);
      assert.equal(approved.body.payee_iban, NEW_IBAN);

      // The approval is in flight (organisation share-locked, tranche approved, as the API does)
      // when the change arrives: the change waits, then resets both approved tranches.
      let change: Promise<any> | undefined;
      await db().transaction().execute(async (trx) => {
        await setActor(trx, approver.user.id);
        await trx.selectFrom('organisations').select('id').where('id', '=', f.organisation_id).forShare().execute();
        await trx.updateTable('disbursements').set({ status: 'approved', approved_by: approver.user.id, approved_at: new Date() }).where('id', '=', second).execute();
        change = applicant.agent.put(`/api/organisations/${f.organisation_id}`).send({ name: f.organisation.name, iban: 'DE89370400440532013000' }).then((r) => r);
        await lockWaiters(1);
      });
      assert.equal((await change!).status, 200);
      for (const id of [first, second]) {
        const t = await row(id);
        assert.deepEqual([t.status, t.approved_by, t.payee_iban], ['planned', null, null], `tranche ${id}`);
        assert.match(t.bank_change_note!, /IBAN …2051 → …3000/);
      }
    });

    it('ends consistent when an approval races an edit of the same tranche by the approver (PostgreSQL)', async () => {
      const { planner, approver } = await twoStaff();
      const f = await createFellowship({ grant_cents: 10_000_000 });
      const tranches = [];
      for (let i = 0; i < 8; i++) tranches.push((await plan(planner.agent, f.id, 1000 + i).expect(201)).body);
      const results = await Promise.all(tranches.flatMap((t) => [
        approver.agent.post(`/api/disbursements/${t.id}/approve`).send({}),
        approver.agent.put(`/api/disbursements/${t.id}`).send({ ...t, amount_cents: 5000 }),
      ]));
      for (const [i, t] of tranches.entries()) {
        const [approve, edit] = [results[2 * i], results[2 * i + 1]];
        const stored = await row(t.id);
        if (approve.status === 200) {
          // Approved first: the edit came too late and the approved amount stands.
          assert.deepEqual([edit.status, stored.status, Number(stored.amount_cents)], [409, 'approved', t.amount_cents]);
        } else {
          // Edited first: the editor may not approve.
          assert.deepEqual([approve.status, approve.body.code, edit.status, stored.status, Number(stored.amount_cents)], [403, 'four_eyes', 200, 'planned', 5000]);
          assert.ok(stored.money_editors.includes(approver.user.id));
        }
        assert.ok(stored.approved_by === null || !stored.money_editors.includes(stored.approved_by));
      }
    });
  });

  describe('migration 0010 on existing tranches', () => {
    it('gives existing tranches their editors (creator, and who changed a planned one) and approved/paid ones their payee', async function () {
      this.timeout(60_000);
      const { handle, migrateToLatest } = await databaseMigratedTo('0008_alumni_introductions');
      try {
        const legacy = handle.db as Kysely<any>;
        const one = async (table: string, values: Record<string, unknown>) => (await legacy.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow()).id as number;
        const users: number[] = [];
        for (const name of ['planner', 'editor', 'approver']) users.push(await one('users', { email: `${name}@example.org`, name, role: 'staff' }));
        const org = await one('organisations', { name: 'Altverein e.V.', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
        const cohort = await one('cohorts', { name: 'Jahrgang 2024', year: 2024, application_opens_at: '2023-09-01T00:00:00Z', application_closes_at: '2023-11-01T00:00:00Z' });
        const application = await one('applications', { cohort_id: cohort, organisation_id: org });
        const fellowship = await one('fellowships', { cohort_id: cohort, organisation_id: org, application_id: application, grant_cents: 1_000_000 });
        const tranche = (status: string, approved: boolean) => one('disbursements', {
          fellowship_id: fellowship, label: status, amount_cents: 1000, status, created_by: users[0], approved_by: approved ? users[2] : null,
        });
        const planned = await tranche('planned', false);
        const approved = await tranche('approved', true);
        const paid = await tranche('paid', true);
        await one('audit_events', { actor_id: users[1], action: 'update', resource: 'disbursements', record_id: planned, changes: '{}' });
        await one('audit_events', { actor_id: users[1], action: 'update', resource: 'disbursements', record_id: approved, changes: '{}' });

        await migrateToLatest();
        const rows = await handle.db.selectFrom('disbursements').selectAll().orderBy('id').execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        assert.deepEqual(byId.get(planned)!.money_editors, [users[0], users[1]]);
        assert.deepEqual(byId.get(approved)!.money_editors, [users[0]]);
        assert.equal(byId.get(planned)!.payee_iban, null);
        for (const id of [approved, paid]) {
          assert.deepEqual([byId.get(id)!.payee_account_holder, byId.get(id)!.payee_iban, byId.get(id)!.payee_bic], ['Altverein e.V.', 'DE89370400440532013000', 'COBADEFFXXX']);
        }
      } finally {
        await handle.close();
      }
    });
  });

  describe('funding overview', () => {
    it('sums granted / planned / approved / paid / open per fellowship and for the cohort', async () => {
      const { planner, approver } = await twoStaff();
      const a = await createFellowship({ grant_cents: 2_500_000 });
      const b = await createFellowship({ grant_cents: 2_000_000, cohort_id: a.cohort_id });
      const elsewhere = await createFellowship({ grant_cents: 9_999_900 });
      await insertTranche({ fellowship_id: a.id, amount_cents: 1_000_000, status: 'paid', created_by: planner.user.id, approved_by: approver.user.id });
      await insertTranche({ fellowship_id: a.id, amount_cents: 750_000, status: 'approved', created_by: planner.user.id, approved_by: approver.user.id });
      await insertTranche({ fellowship_id: a.id, amount_cents: 500_000, status: 'planned', created_by: planner.user.id });
      await insertTranche({ fellowship_id: a.id, amount_cents: 250_000, status: 'cancelled', created_by: planner.user.id });
      await insertTranche({ fellowship_id: b.id, amount_cents: 1, status: 'paid', created_by: planner.user.id, approved_by: approver.user.id });
      await insertTranche({ fellowship_id: elsewhere.id, amount_cents: 77, status: 'paid', created_by: planner.user.id, approved_by: approver.user.id });

      const res = await planner.agent.get('/api/funding-overview').query({ cohort_id: String(a.cohort_id) }).expect(200);
      assert.equal(res.body.cohort_id, a.cohort_id);
      const rowA = res.body.fellowships.find((r: any) => r.fellowship_id === a.id);
      assert.deepEqual(
        [rowA.granted_cents, rowA.planned_cents, rowA.approved_cents, rowA.paid_cents, rowA.unplanned_cents, rowA.open_cents, rowA.to_approve_count],
        [2_500_000, 500_000, 750_000, 1_000_000, 250_000, 1_500_000, 1],
      );
      assert.equal(res.body.fellowships.length, 2);
      const t = res.body.totals;
      assert.deepEqual(
        [t.fellowship_count, t.granted_cents, t.planned_cents, t.approved_cents, t.paid_cents, t.open_cents],
        [2, 4_500_000, 500_000, 750_000, 1_000_001, 3_499_999],
      );
      assert.ok(res.body.cohorts.some((c: any) => c.id === elsewhere.cohort_id));
    });

    it('rejects a malformed or unknown cohort and other roles', async () => {
      const { agent } = await agentFor('staff');
      await agent.get('/api/funding-overview').query({ cohort_id: 'abc' }).expect(400);
      await agent.get('/api/funding-overview').query({ cohort_id: '999999' }).expect(404);
      await agent.get('/api/funding-overview').query({ cohort: '1' }).expect(400);
      const empty = await agent.get('/api/funding-overview').expect(200);
      assert.deepEqual(empty.body.fellowships, []);
      for (const role of ['jury', 'coach', 'applicant'] as const) {
        const other = await agentFor(role);
        await other.agent.get('/api/funding-overview').expect(403);
      }
    });
  });

  describe('bad input and other roles', () => {
    it('rejects bad input with clear 4xx answers and changes nothing', async () => {
      const { planner } = await twoStaff();
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const t = await plan(planner.agent, f.id, 1000).expect(201);
      const before = await databaseSnapshot();
      const cases: Array<[string, unknown, number]> = [
        ['missing fields', {}, 400],
        ['missing label', { fellowship_id: f.id, amount_cents: 100 }, 400],
        ['amount as string', { fellowship_id: f.id, label: 'x', amount_cents: '100' }, 400],
        ['fractional cents', { fellowship_id: f.id, label: 'x', amount_cents: 100.5 }, 400],
        ['zero amount', { fellowship_id: f.id, label: 'x', amount_cents: 0 }, 400],
        ['negative amount', { fellowship_id: f.id, label: 'x', amount_cents: -100 }, 400],
        ['huge amount', { fellowship_id: f.id, label: 'x', amount_cents: 1e15 }, 400],
        ['bad date', { fellowship_id: f.id, label: 'x', amount_cents: 100, due_on: '31.12.2026' }, 400],
        ['huge label', { fellowship_id: f.id, label: 'x'.repeat(100_000), amount_cents: 100 }, 400],
        ['unknown fellowship', { fellowship_id: 999_999, label: 'x', amount_cents: 100 }, 400],
        ['unknown milestone', { fellowship_id: f.id, label: 'x', amount_cents: 100, milestone_id: 999_999 }, 400],
        ['fellowship as string', { fellowship_id: 'eins', label: 'x', amount_cents: 100 }, 400],
        ['array body', [1, 2], 400],
      ];
      for (const [label, body, status] of cases) {
        const res = await planner.agent.post('/api/disbursements').send(body as any);
        assert.equal(res.status, status, label);
        assert.equal(typeof res.body.message, 'string', label);
      }
      const fieldErrors = await planner.agent.post('/api/disbursements').send({ amount_cents: 'viel' }).expect(400);
      assert.ok(fieldErrors.body.errors.fellowship_id && fieldErrors.body.errors.label && fieldErrors.body.errors.amount_cents);
      await planner.agent.post('/api/disbursements').set('Content-Type', 'application/json').send('{"label": "x"').expect(400);
      await planner.agent.put(`/api/disbursements/${t.body.id}`).send({ amount_cents: 'x' }).expect(400);
      await planner.agent.put('/api/disbursements/999999').send({ label: 'x' }).expect(404);
      await planner.agent.delete('/api/disbursements/abc').expect(404);
      await planner.agent.post('/api/disbursements/999999/approve').send({}).expect(404);
      await planner.agent.post('/api/disbursements/999999/pay').send({ payment_reference: 'x' }).expect(404);
      await planner.agent.post('/api/disbursements/-1/cancel').send({}).expect(404);
      await planner.agent.post(`/api/disbursements/${t.body.id}/pay`).set('Content-Type', 'application/json').send('{').expect(400);
      await planner.agent.get('/api/disbursements').query({ filter: '{bad' }).expect(400);
      await planner.agent.get('/api/disbursements').query(listQuery({ filter: { password: 'x' } })).expect(400);
      await planner.agent.get('/api/disbursements').query(listQuery({ sort: ['payment_reference; drop', 'ASC'] })).expect(400);
      assert.equal(await databaseSnapshot(), before);
    });

    it('lets an applicant see only their own fellowship’s tranches, read-only; jury and coaches none', async () => {
      const { planner } = await twoStaff();
      const own = await createFellowship();
      const foreign = await createFellowship();
      const mine = await plan(planner.agent, own.id, 1000).expect(201);
      const theirs = await plan(planner.agent, foreign.id, 2000).expect(201);
      const applicant = await agentFor('applicant', { organisation_id: own.organisation_id });
      const list = await applicant.agent.get('/api/disbursements').expect(200);
      assert.deepEqual(list.body.map((d: any) => d.id), [mine.body.id]);
      await applicant.agent.get(`/api/disbursements/${theirs.body.id}`).expect(404);
      const others = [await agentFor('jury'), await agentFor('coach')];
      const before = await databaseSnapshot();
      await applicant.agent.post('/api/disbursements').send({ fellowship_id: own.id, label: 'x', amount_cents: 1 }).expect(403);
      await applicant.agent.put(`/api/disbursements/${mine.body.id}`).send({ amount_cents: 1 }).expect(403);
      await applicant.agent.post(`/api/disbursements/${mine.body.id}/approve`).send({}).expect(403);
      await applicant.agent.post(`/api/disbursements/${mine.body.id}/pay`).send({ payment_reference: 'x' }).expect(403);
      for (const other of others) {
        await other.agent.get('/api/disbursements').expect(403);
        await other.agent.post(`/api/disbursements/${mine.body.id}/cancel`).send({}).expect(403);
      }
      await api().get('/api/disbursements').expect(401);
      assert.equal(await databaseSnapshot(), before);
    });
  });
});
