import assert from 'node:assert/strict';
import { agentFor, api, createUser, databaseSnapshot, db, listQuery, loginAs } from './support/fixtures.ts';
import { createFellowship, createMilestone, insertTranche } from './support/funding-fixtures.ts';

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
