import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { agentFor, databaseSnapshot, db } from './support/fixtures.ts';
import { createFellowship } from './support/funding-fixtures.ts';
import { BUNDESLAENDER } from '../src/organisations/organisations.schema.ts';
import { berlinDay } from '../src/shared/format.ts';
import { transferSiteSummary } from '../src/transfer-sites/index.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;

/** Waits until `count` other sessions of this database are blocked on a lock (PostgreSQL). */
async function lockWaiters(count: number) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db());
    if (rows[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no session waited for a lock');
}

/** A fellowship with its applicant and coach, another organisation's applicant, staff. */
async function world() {
  const f = await createFellowship();
  const coach = await agentFor('coach');
  await db().updateTable('fellowships').set({ coach_id: coach.user.id }).where('id', '=', f.id).execute();
  const applicant = await agentFor('applicant', { organisation_id: f.organisation_id });
  const other = await createFellowship();
  const otherApplicant = await agentFor('applicant', { organisation_id: other.organisation_id });
  const otherCoach = await agentFor('coach');
  const staff = await agentFor('staff');
  const jury = await agentFor('jury');
  return { f, other, coach, applicant, otherApplicant, otherCoach, staff, jury };
}
type World = Awaited<ReturnType<typeof world>>;

const site = (values: Record<string, unknown> = {}) => ({ name: 'Standort Leipzig', city: 'Leipzig', state: 'Sachsen', transfer_model: 'social_franchise', ...values });
const create = (w: World, values: Record<string, unknown> = {}, agent = w.applicant.agent) =>
  agent.post('/api/transfer-sites').send(site({ fellowship_id: w.f.id, ...values }));
const stored = (id: number) => db().selectFrom('transfer_sites').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('transfer sites (issue 20)', () => {
  describe('status moves', () => {
    it('creates a planned site for the fellow and audits it', async () => {
      const w = await world();
      const res = await create(w).expect(201);
      assert.equal(res.body.status, 'planned');
      assert.equal(res.body.opened_on, null);
      assert.equal(res.body.cohort_id, w.f.cohort_id);
      const audit = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'transfer-sites').where('record_id', '=', res.body.id).execute();
      assert.deepEqual(audit.map((a) => [a.action, a.actor_id]), [['create', w.applicant.user.id]]);
    });

    it('moves forward step by step, sets the opening date when it becomes active and the closing date when it closes', async () => {
      const w = await world();
      const { body } = await create(w).expect(201);
      const put = (values: Record<string, unknown>) => w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send(values).expect(200);
      assert.equal((await put({ status: 'preparing' })).body.status, 'preparing');
      const active = (await put({ status: 'active' })).body;
      assert.equal(active.opened_on, berlinDay(new Date()));
      const closed = (await put({ status: 'closed' })).body;
      assert.deepEqual([closed.status, closed.closed_on], ['closed', berlinDay(new Date())]);
    });

    it('keeps a given opening date and may skip steps forward', async () => {
      const w = await world();
      const { body } = await create(w).expect(201);
      const res = await w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'active', opened_on: '2025-09-01' }).expect(200);
      assert.deepEqual([res.body.status, res.body.opened_on], ['active', '2025-09-01']);
    });

    it('refuses every step back with 409 and a German reason, changing nothing', async () => {
      const w = await world();
      const { body } = await create(w, { status: 'active', opened_on: '2025-09-01' }).expect(201);
      for (const status of ['planned', 'preparing']) {
        const before = await databaseSnapshot();
        const res = await w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send({ status }).expect(409);
        assert.equal(res.body.code, 'backwards');
        assert.match(res.body.error ?? res.body.message, /geht nicht zurück/);
        assert.equal(await databaseSnapshot(), before);
      }
      await w.staff.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'closed', closed_on: '2026-01-31' }).expect(200);
      for (const status of ['planned', 'preparing', 'active']) {
        assert.equal((await w.staff.agent.put(`/api/transfer-sites/${body.id}`).send({ status }).expect(409)).body.code, 'backwards');
      }
      assert.equal((await stored(body.id)).status, 'closed');
    });

    it('closes from any earlier state', async () => {
      const w = await world();
      for (const from of ['planned', 'preparing', 'active']) {
        const { body } = await create(w, { status: from }).expect(201);
        const res = await w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'closed' }).expect(200);
        assert.equal(res.body.status, 'closed');
        assert.equal(res.body.closed_on, berlinDay(new Date()));
      }
    });

    it('keeps the dates consistent: active needs an opening date, closing not before opening, no closing date while open', async () => {
      const w = await world();
      const { body } = await create(w, { status: 'active', opened_on: '2025-09-01' }).expect(201);
      const before = await databaseSnapshot();
      const put = (values: Record<string, unknown>) => w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send(values).expect(400);
      assert.ok((await put({ opened_on: null })).body.errors.opened_on);
      assert.ok((await put({ status: 'closed', closed_on: '2025-08-31' })).body.errors.closed_on);
      assert.ok((await put({ closed_on: '2025-12-31' })).body.errors.closed_on);
      assert.equal(await databaseSnapshot(), before);
      assert.ok((await create(w, { closed_on: '2025-12-31' }).expect(400)).body.errors.closed_on);
      assert.ok((await create(w, { status: 'closed', opened_on: '2025-09-01', closed_on: '2025-08-01' }).expect(400)).body.errors.closed_on);
      const sameDay = await create(w, { status: 'closed', opened_on: '2025-09-01', closed_on: '2025-09-01' }).expect(201);
      assert.equal(sameDay.body.closed_on, '2025-09-01');
    });

    it('holds the row while moving: a move in flight is waited for and the step back refused (PostgreSQL only)', async function () {
      if (!onPostgres) this.skip();
      const w = await world();
      const { body } = await create(w).expect(201);
      let move: Promise<any> | undefined;
      await db().transaction().execute(async (trx) => {
        await trx.selectFrom('transfer_sites').select('id').where('id', '=', body.id).forUpdate().execute();
        await trx.updateTable('transfer_sites').set({ status: 'closed', closed_on: '2026-01-31' }).where('id', '=', body.id).execute();
        move = w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'preparing' }).then((r) => r);
        await lockWaiters(1);
      });
      const res = await move!;
      assert.equal(res.status, 409);
      assert.equal((await stored(body.id)).status, 'closed');
    });

    it('never ends behind a parallel closing: two moves at once run one after the other', async () => {
      const w = await world();
      for (let i = 0; i < 8; i++) {
        const { body } = await create(w).expect(201);
        const [prepare, close] = await Promise.all([
          w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'preparing' }),
          w.staff.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'closed' }),
        ]);
        assert.equal(close.status, 200);
        assert.ok([200, 409].includes(prepare.status), `preparing answered ${prepare.status}`);
        assert.equal((await stored(body.id)).status, 'closed');
        const moves = await db().selectFrom('audit_events').select('action').where('resource', '=', 'transfer-sites').where('record_id', '=', body.id).execute();
        assert.equal(moves.length, prepare.status === 200 ? 3 : 2);
      }
    });
  });

  describe('validation', () => {
    it('takes the 16 Bundesländer as spelled for organisations and nothing else', async () => {
      const w = await world();
      for (const state of BUNDESLAENDER) await create(w, { state }).expect(201);
      const before = await databaseSnapshot();
      for (const state of ['Bavaria', 'bayern', 'NRW', '', null, 7, 'Österreich']) {
        const res = await create(w, { state }).expect(400);
        assert.ok(res.body.errors.state, `state ${String(state)}`);
      }
      assert.equal(await databaseSnapshot(), before);
    });

    it('refuses a state outside the list in the database itself', async () => {
      const w = await world();
      await assert.rejects(
        db().insertInto('transfer_sites').values({ fellowship_id: w.f.id, name: 'X', city: 'Wien', state: 'Wien', transfer_model: 'other' }).execute(),
        /check/i,
      );
    });

    it('refuses bad input with 400 and changes nothing', async () => {
      const w = await world();
      const { body } = await create(w).expect(201);
      const before = await databaseSnapshot();
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ name: undefined }, 'name'], [{ name: '' }, 'name'], [{ name: 'x'.repeat(301) }, 'name'], [{ name: 'A\u0000B' }, 'name'],
        [{ city: 12 }, 'city'], [{ city: 'x'.repeat(100_000) }, 'city'], [{ transfer_model: 'franchise' }, 'transfer_model'],
        [{ transfer_model: undefined }, 'transfer_model'], [{ status: 'open' }, 'status'], [{ opened_on: '2025-13-01' }, 'opened_on'],
        [{ opened_on: 20250101 }, 'opened_on'], [{ fellowship_id: 'eins' }, 'fellowship_id'], [{ fellowship_id: -1 }, 'fellowship_id'],
      ];
      for (const [values, field] of bad) {
        const res = await create(w, values);
        assert.equal(res.status, 400, JSON.stringify(values).slice(0, 80));
        assert.ok(res.body.errors?.[field], `${field}: ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      assert.equal((await create(w, { colour: 'blau' }).expect(400)).body.code, 'unknown_field');
      assert.equal((await w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send({ state: 'Tirol' }).expect(400)).body.errors.state !== undefined, true);
      // The fellowship is read-only: it may come back with the record and is ignored.
      await w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send({ fellowship_id: w.other.id }).expect(200);
      await create(w, { fellowship_id: 2_000_000 }).expect(404);
      await w.applicant.agent.put('/api/transfer-sites/999999').send({ status: 'closed' }).expect(404);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('who may', () => {
    it('lets the coach read the fellowship’s sites, not write them; others see nothing', async () => {
      const w = await world();
      const { body } = await create(w).expect(201);
      const theirs = (await create(w, { fellowship_id: w.other.id }, w.otherApplicant.agent).expect(201)).body;
      await w.coach.agent.get(`/api/transfer-sites/${body.id}`).expect(200);
      assert.deepEqual((await w.coach.agent.get('/api/transfer-sites').expect(200)).body.map((s: any) => s.id), [body.id]);
      const before = await databaseSnapshot();
      await w.coach.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'closed' }).expect(403);
      await create(w, {}, w.coach.agent).expect(403);
      await w.otherCoach.agent.get(`/api/transfer-sites/${body.id}`).expect(404);
      await w.otherApplicant.agent.get(`/api/transfer-sites/${body.id}`).expect(404);
      await w.otherApplicant.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'closed' }).expect(404);
      await create(w, {}, w.otherApplicant.agent).expect(404);
      await w.applicant.agent.put(`/api/transfer-sites/${theirs.id}`).send({ status: 'closed' }).expect(404);
      await w.applicant.agent.delete(`/api/transfer-sites/${body.id}`).expect(403);
      await w.jury.agent.get('/api/transfer-sites').expect(403);
      await w.applicant.agent.get('/api/transfer-sites/summary').expect(403);
      await w.coach.agent.get('/api/transfer-sites/summary').expect(403);
      assert.equal(await databaseSnapshot(), before);
    });

    it('lets the alumni of a completed fellowship keep writing their sites', async () => {
      const w = await world();
      await db().updateTable('fellowships').set({ status: 'completed' }).where('id', '=', w.f.id).execute();
      const { body } = await create(w).expect(201);
      await w.applicant.agent.put(`/api/transfer-sites/${body.id}`).send({ status: 'active' }).expect(200);
    });
  });

  describe('summary', () => {
    it('counts by Bundesland and status per cohort and across cohorts, as the database has them', async () => {
      const w = await world();
      const plan: Array<[number, string, string]> = [
        [w.f.id, 'Sachsen', 'planned'], [w.f.id, 'Sachsen', 'active'], [w.f.id, 'Bayern', 'active'], [w.f.id, 'Bayern', 'closed'],
        [w.other.id, 'Sachsen', 'preparing'], [w.other.id, 'Berlin', 'active'], [w.other.id, 'Berlin', 'active'],
      ];
      for (const [fellowship_id, state, status] of plan) {
        await db().insertInto('transfer_sites').values({
          fellowship_id, name: `Standort ${state}`, city: state, state, transfer_model: 'affiliation', status: status as any,
          opened_on: status === 'active' || status === 'closed' ? '2025-01-01' : null, closed_on: status === 'closed' ? '2025-12-31' : null,
        }).execute();
      }
      const fromDb = async (cohortId?: number) => {
        let q = db().selectFrom('transfer_sites as s').innerJoin('fellowships as f', 'f.id', 's.fellowship_id')
          .select(['s.state', 's.status', sql<number>`count(*)::int`.as('n')]).groupBy(['s.state', 's.status']);
        if (cohortId) q = q.where('f.cohort_id', '=', cohortId);
        const counts: Record<string, number> = {};
        for (const r of await q.execute()) counts[`${r.state}/${r.status}`] = r.n;
        return counts;
      };
      const fromApi = (rows: any[]) => {
        const counts: Record<string, number> = {};
        for (const r of rows) for (const status of ['planned', 'preparing', 'active', 'closed']) if (r[status]) counts[`${r.state}/${status}`] = r[status];
        return counts;
      };
      const all = (await w.staff.agent.get('/api/transfer-sites/summary').expect(200)).body;
      assert.equal(all.rows.length, 16);
      assert.deepEqual(all.rows.map((r: any) => r.state), [...BUNDESLAENDER]);
      assert.deepEqual(fromApi(all.rows), await fromDb());
      assert.deepEqual(all.totals, { planned: 1, preparing: 1, active: 4, closed: 1, sites: 7, states_with_active: 3 });
      const one = (await w.staff.agent.get(`/api/transfer-sites/summary?cohort_id=${w.f.cohort_id}`).expect(200)).body;
      assert.equal(one.cohort_id, w.f.cohort_id);
      assert.deepEqual(fromApi(one.rows), await fromDb(w.f.cohort_id));
      assert.deepEqual(one.rows.find((r: any) => r.state === 'Sachsen'), { state: 'Sachsen', planned: 1, preparing: 0, active: 1, closed: 0 });
      assert.equal(one.totals.sites, 4);
      // The entry point other features (the funder report) use answers exactly what the route does.
      assert.deepEqual(await transferSiteSummary(db(), w.f.cohort_id), one);
      assert.deepEqual(await transferSiteSummary(db()), all);
    });

    it('refuses a bad query: wrong type, unknown parameter, unknown cohort', async () => {
      const w = await world();
      for (const query of ['cohort_id=abc', 'cohort_id=-1', 'cohort_id=1e3', 'cohort_id=%00', 'state=Bayern', 'cohort_id=1&cohort_id=2']) {
        await w.staff.agent.get(`/api/transfer-sites/summary?${query}`).expect(400);
      }
      await w.staff.agent.get('/api/transfer-sites/summary?cohort_id=999999').expect(404);
    });

    it('filters the list by cohort, state, status and fellowship', async () => {
      const w = await world();
      const a = (await create(w, { state: 'Bayern' }).expect(201)).body;
      await create(w, { state: 'Berlin', status: 'active' }).expect(201);
      const b = (await create(w, { fellowship_id: w.other.id, state: 'Bayern' }, w.otherApplicant.agent).expect(201)).body;
      const list = async (filter: Record<string, unknown>) =>
        (await w.staff.agent.get('/api/transfer-sites').query({ filter: JSON.stringify(filter) }).expect(200)).body.map((s: any) => s.id);
      assert.deepEqual(await list({ state: 'Bayern' }), [a.id, b.id]);
      assert.deepEqual(await list({ state: 'Bayern', cohort_id: w.f.cohort_id }), [a.id]);
      assert.deepEqual(await list({ status: 'planned', fellowship_id: w.other.id }), [b.id]);
      await w.staff.agent.get('/api/transfer-sites').query({ filter: JSON.stringify({ state: 'Tirol' }) }).expect(400);
    });
  });
});
