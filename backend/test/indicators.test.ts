import assert from 'node:assert/strict';
import request from 'supertest';
import { agentFor, createOrganisation, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { createCohort, createFellowship } from './support/programme.ts';
import { indicatorProgress } from '../src/indicators/index.ts';
import { openDatabase } from '../src/db/database.ts';
import { seedDemo } from '../../seeds/demo.ts';
import { testContext } from './support/context.ts';

const indicator = (cohort_id: number, name = 'Neue Standorte', values: Record<string, unknown> = {}) =>
  db().insertInto('indicators').values({ cohort_id, name, unit: 'Standorte', direction: 'increase', ...values } as any).returningAll().executeTakeFirstOrThrow();

/** A cohort in the programme with one fellowship, its applicant and one indicator. */
async function programmeWorld() {
  const cohort = await createCohort({ phase: 'programme' });
  const organisation = await createOrganisation();
  const fellowship = await createFellowship({ cohort_id: cohort.id, organisation_id: organisation.id });
  const ind = await indicator(cohort.id);
  const fellow = await agentFor('applicant', { organisation_id: organisation.id });
  return { cohort, organisation, fellowship, indicator: ind, fellow: fellow.agent, fellowUser: fellow.user };
}

const value = (fellowship_id: number, indicator_id: number, extra: Record<string, unknown> = {}) => ({
  fellowship_id, indicator_id, kind: 'progress', measured_on: '2026-06-30', value: 3, ...extra,
});

describe('impact indicators (issue 20)', () => {
  describe('indicators of a cohort', () => {
    it('staff define, edit, reorder and delete indicators while the cohort is before the programme', async () => {
      const { agent } = await agentFor('staff');
      const cohort = await createCohort({ phase: 'selection' });
      const a = await agent.post('/api/indicators').send({ cohort_id: cohort.id, name: 'Neue Standorte', unit: 'Standorte' }).expect(201);
      const b = await agent.post('/api/indicators').send({ cohort_id: cohort.id, name: 'Aktive Ehrenamtliche', unit: 'Personen', direction: 'increase' }).expect(201);
      assert.deepEqual([a.body.position, b.body.position], [0, 1]);
      assert.equal(a.body.direction, 'increase');
      await agent.put(`/api/indicators/${b.body.id}`).send({ position: 0 }).expect(200);
      await agent.put(`/api/indicators/${a.body.id}`).send({ position: 1, direction: 'decrease' }).expect(200);
      const list = await agent.get('/api/indicators').query(listQuery({ filter: { cohort_id: cohort.id }, sort: ['position', 'ASC'] })).expect(200);
      assert.deepEqual(list.body.map((r: any) => r.name), ['Aktive Ehrenamtliche', 'Neue Standorte']);
      await agent.delete(`/api/indicators/${a.body.id}`).expect(200);
    });

    it('refuses every write once the cohort is in the programme or alumni (409, German reason), changing nothing', async () => {
      const { agent } = await agentFor('staff');
      for (const phase of ['programme', 'alumni'] as const) {
        const cohort = await createCohort({ phase });
        const ind = await indicator(cohort.id);
        const before = await databaseSnapshot();
        const create = await agent.post('/api/indicators').send({ cohort_id: cohort.id, name: 'Neu', unit: 'Stück' }).expect(409);
        assert.equal(create.body.code, 'indicators_locked');
        assert.match(create.body.message, /Programm/);
        await agent.put(`/api/indicators/${ind.id}`).send({ name: 'Anders' }).expect(409);
        await agent.delete(`/api/indicators/${ind.id}`).expect(409);
        assert.equal(await databaseSnapshot(), before);
      }
    });

    it('refuses bad input with 400 at the field and nothing changed', async () => {
      const { agent } = await agentFor('staff');
      const cohort = await createCohort({ phase: 'draft' });
      const before = await databaseSnapshot();
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ cohort_id: cohort.id, unit: 'Stück' }, 'name'],
        [{ cohort_id: cohort.id, name: 'X' }, 'unit'],
        [{ cohort_id: cohort.id, name: 'X', unit: 'Stück', direction: 'sideways' }, 'direction'],
        [{ cohort_id: cohort.id, name: 'x'.repeat(100_000), unit: 'Stück' }, 'name'],
        [{ cohort_id: cohort.id, name: 'Null\u0000byte', unit: 'Stück' }, 'name'],
        [{ cohort_id: 'eins', name: 'X', unit: 'Stück' }, 'cohort_id'],
        [{ cohort_id: cohort.id, name: 'X', unit: 'Stück', position: -1 }, 'position'],
      ];
      for (const [body, field] of bad) {
        const res = await agent.post('/api/indicators').send(body);
        assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
        assert.ok(res.body.errors?.[field], `${field}: ${JSON.stringify(res.body)}`.slice(0, 200));
      }
      await agent.post('/api/indicators').send({ cohort_id: 999_999, name: 'X', unit: 'Stück' }).expect(404);
      await agent.put('/api/indicators/999999').send({ name: 'X' }).expect(404);
      assert.equal(await databaseSnapshot(), before);
    });

    it('fellows and coaches read the indicators of their cohorts only; jurors are refused; none of them writes', async () => {
      const w = await programmeWorld();
      const otherCohort = await createCohort({ phase: 'programme' });
      const foreign = await indicator(otherCohort.id, 'Fremd');
      const coach = await agentFor('coach');
      await db().updateTable('fellowships').set({ coach_id: coach.user.id }).where('id', '=', w.fellowship.id).execute();
      for (const agent of [w.fellow, coach.agent]) {
        const list = await agent.get('/api/indicators').expect(200);
        assert.deepEqual(list.body.map((r: any) => r.id), [w.indicator.id]);
        await agent.get(`/api/indicators/${foreign.id}`).expect(404);
      }
      const stranger = await agentFor('applicant');
      assert.deepEqual((await stranger.agent.get('/api/indicators').expect(200)).body, []);
      await stranger.agent.get(`/api/indicators/${w.indicator.id}`).expect(404);
      const jury = await agentFor('jury');
      await jury.agent.get('/api/indicators').expect(403);
      await jury.agent.get(`/api/indicators/${w.indicator.id}`).expect(403);
      const draft = await createCohort({ phase: 'draft' });
      await w.fellow.post('/api/indicators').send({ cohort_id: draft.id, name: 'X', unit: 'Y' }).expect(403);
      await coach.agent.put(`/api/indicators/${w.indicator.id}`).send({ name: 'Y' }).expect(403);
    });
  });

  describe('copy-indicators', () => {
    it("copies last year's set in one action, in order, audited; a second copy is refused", async () => {
      const { agent } = await agentFor('staff');
      const last = await createCohort({ phase: 'alumni', year: 2030 });
      await indicator(last.id, 'Aktive Ehrenamtliche', { position: 2, unit: 'Personen' });
      await indicator(last.id, 'Neue Standorte', { position: 0 });
      await indicator(last.id, 'Erreichte Menschen pro Jahr', { position: 1, unit: 'Personen', description: 'pro Kalenderjahr' });
      const next = await createCohort({ phase: 'draft', year: 2031 });
      const res = await agent.post(`/api/cohorts/${next.id}/copy-indicators`).send({ from_cohort_id: last.id }).expect(200);
      assert.deepEqual(res.body.map((r: any) => [r.name, r.position]), [['Neue Standorte', 0], ['Erreichte Menschen pro Jahr', 1], ['Aktive Ehrenamtliche', 2]]);
      assert.equal(res.body[1].description, 'pro Kalenderjahr');
      assert.ok(res.body.every((r: any) => r.cohort_id === next.id));
      const audit = await db().selectFrom('audit_events').selectAll().where('action', '=', 'copy-indicators').where('record_id', '=', next.id).execute();
      assert.equal(audit.length, 1);
      const before = await databaseSnapshot();
      const again = await agent.post(`/api/cohorts/${next.id}/copy-indicators`).send({ from_cohort_id: last.id }).expect(409);
      assert.equal(again.body.code, 'indicators_exist');
      assert.equal(await databaseSnapshot(), before);
    });

    it('defaults to the latest earlier cohort with indicators', async () => {
      const { agent } = await agentFor('staff');
      const older = await createCohort({ phase: 'alumni', year: 2040 });
      await indicator(older.id, 'Alt');
      const newer = await createCohort({ phase: 'alumni', year: 2041 });
      await indicator(newer.id, 'Vorjahr');
      await createCohort({ phase: 'programme', year: 2042 });
      const target = await createCohort({ phase: 'call_open', year: 2043 });
      const res = await agent.post(`/api/cohorts/${target.id}/copy-indicators`).expect(200);
      assert.deepEqual(res.body.map((r: any) => r.name), ['Vorjahr']);
    });

    it('refuses a target past selection (409), an unknown or empty source (404), bad input (400) and other roles, changing nothing', async () => {
      const { agent } = await agentFor('staff');
      const source = await createCohort({ phase: 'alumni' });
      await indicator(source.id);
      const running = await createCohort({ phase: 'programme' });
      const empty = await createCohort({ phase: 'draft' });
      const target = await createCohort({ phase: 'review' });
      const before = await databaseSnapshot();
      assert.equal((await agent.post(`/api/cohorts/${running.id}/copy-indicators`).send({ from_cohort_id: source.id }).expect(409)).body.code, 'indicators_locked');
      await agent.post(`/api/cohorts/${target.id}/copy-indicators`).send({ from_cohort_id: 999_999 }).expect(404);
      await agent.post(`/api/cohorts/${target.id}/copy-indicators`).send({ from_cohort_id: empty.id }).expect(404);
      await agent.post('/api/cohorts/999999/copy-indicators').send({ from_cohort_id: source.id }).expect(404);
      const self = await agent.post(`/api/cohorts/${target.id}/copy-indicators`).send({ from_cohort_id: target.id }).expect(400);
      assert.ok(self.body.errors.from_cohort_id);
      assert.ok((await agent.post(`/api/cohorts/${target.id}/copy-indicators`).send({ from_cohort_id: 'letztes Jahr' }).expect(400)).body.errors.from_cohort_id);
      await agent.post(`/api/cohorts/${target.id}/copy-indicators`).send({ from_cohort_id: source.id, extra: 1 }).expect(400);
      for (const role of ['applicant', 'coach', 'jury'] as const) {
        const other = await agentFor(role);
        await other.agent.post(`/api/cohorts/${target.id}/copy-indicators`).send({ from_cohort_id: source.id }).expect(403);
      }
      const { rows } = await db().selectFrom('indicators').select('id').where('cohort_id', '=', target.id).execute().then((r) => ({ rows: r }));
      assert.equal(rows.length, 0);
      // The role users above were created; the indicator tables are what must be unchanged.
      assert.equal(before.split('\n').find((l) => l.startsWith('indicators:')), (await databaseSnapshot()).split('\n').find((l) => l.startsWith('indicators:')));
    });
  });

  describe('indicator values', () => {
    it('the fellow enters a baseline and progress values; the creator is recorded', async () => {
      const w = await programmeWorld();
      const base = await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id, { kind: 'baseline', measured_on: '2026-04-01', value: 2 })).expect(201);
      assert.equal(base.body.value, 2);
      assert.equal(base.body.indicator_name, 'Neue Standorte');
      const progress = await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id, { value: 4.5, note: 'zwei neue Partner' })).expect(201);
      assert.equal(progress.body.value, 4.5);
      const row = await db().selectFrom('indicator_values').selectAll().where('id', '=', progress.body.id).executeTakeFirstOrThrow();
      assert.equal(row.created_by, w.fellowUser.id);
    });

    it('keeps one baseline per fellowship and indicator (409), also when a value is changed into a baseline', async () => {
      const w = await programmeWorld();
      await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id, { kind: 'baseline' })).expect(201);
      const progress = await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id)).expect(201);
      const before = await databaseSnapshot();
      const second = await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id, { kind: 'baseline', value: 9 })).expect(409);
      assert.equal(second.body.code, 'baseline_exists');
      await w.fellow.put(`/api/indicator-values/${progress.body.id}`).send({ kind: 'baseline' }).expect(409);
      assert.equal(await databaseSnapshot(), before);
      // Another indicator of the same cohort has its own baseline.
      const other = await indicator(w.cohort.id, 'Aktive Ehrenamtliche');
      await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, other.id, { kind: 'baseline' })).expect(201);
    });

    it('two baselines sent at once: one is saved, the others answer 409', async () => {
      const w = await programmeWorld();
      const results = await Promise.all([1, 2, 3].map((v) => w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id, { kind: 'baseline', value: v }))));
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
      const rows = await db().selectFrom('indicator_values').select('id').where('fellowship_id', '=', w.fellowship.id).where('kind', '=', 'baseline').execute();
      assert.equal(rows.length, 1);
    });

    it('refuses an indicator of another cohort at the field indicator_id (400), changing nothing', async () => {
      const w = await programmeWorld();
      const otherCohort = await createCohort({ phase: 'programme' });
      const foreign = await indicator(otherCohort.id);
      const before = await databaseSnapshot();
      const res = await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, foreign.id)).expect(400);
      assert.ok(res.body.errors.indicator_id);
      const unknown = await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, 999_999)).expect(400);
      assert.ok(unknown.body.errors.indicator_id);
      assert.equal(await databaseSnapshot(), before);
    });

    it('a value is corrected only with a note; the old value stays in the audit trail', async () => {
      const w = await programmeWorld();
      const created = await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id, { value: 3, note: 'Stand Juni' })).expect(201);
      const before = await databaseSnapshot();
      const silent = await w.fellow.put(`/api/indicator-values/${created.body.id}`).send({ value: 5 }).expect(400);
      assert.ok(silent.body.errors.note);
      // The record as read, sent back with only the value changed: the old note does not explain the change.
      await w.fellow.put(`/api/indicator-values/${created.body.id}`).send({ ...created.body, value: 5 }).expect(400);
      await w.fellow.put(`/api/indicator-values/${created.body.id}`).send({ value: 5, note: '  ' }).expect(400);
      assert.equal(await databaseSnapshot(), before);
      // Other fields change without a note; the same value again is no correction.
      await w.fellow.put(`/api/indicator-values/${created.body.id}`).send({ measured_on: '2026-07-01', value: 3 }).expect(200);
      const fixed = await w.fellow.put(`/api/indicator-values/${created.body.id}`).send({ value: 5, note: 'Zählfehler: ein Standort doppelt gezählt' }).expect(200);
      assert.equal(fixed.body.value, 5);
      const events = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'indicator-values').where('record_id', '=', created.body.id).where('action', '=', 'update').orderBy('id').execute();
      const last = events.at(-1)!.changes as any;
      assert.equal(Number(last.before.value), 3);
      assert.equal(Number(last.after.value), 5);
      assert.equal(last.after.note, 'Zählfehler: ein Standort doppelt gezählt');
    });

    it('refuses bad input with 400 at the field and nothing changed', async () => {
      const w = await programmeWorld();
      const before = await databaseSnapshot();
      const bad: Array<[Record<string, unknown>, string]> = [
        [value(w.fellowship.id, w.indicator.id, { value: -1 }), 'value'],
        [value(w.fellowship.id, w.indicator.id, { value: 'viele' }), 'value'],
        [value(w.fellowship.id, w.indicator.id, { value: null }), 'value'],
        [value(w.fellowship.id, w.indicator.id, { value: 1e15 }), 'value'],
        [value(w.fellowship.id, w.indicator.id, { kind: 'final' }), 'kind'],
        [value(w.fellowship.id, w.indicator.id, { measured_on: '30.06.2026' }), 'measured_on'],
        [value(w.fellowship.id, w.indicator.id, { note: 'x'.repeat(100_000) }), 'note'],
        [value(w.fellowship.id, w.indicator.id, { note: 'a\u0000b' }), 'note'],
        [{ indicator_id: w.indicator.id, kind: 'progress', measured_on: '2026-06-30', value: 1 }, 'fellowship_id'],
        [{ fellowship_id: w.fellowship.id, kind: 'progress', measured_on: '2026-06-30', value: 1 }, 'indicator_id'],
      ];
      for (const [body, field] of bad) {
        const res = await w.fellow.post('/api/indicator-values').send(body);
        assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
        assert.ok(res.body.errors?.[field], `${field}: ${JSON.stringify(res.body)}`.slice(0, 200));
      }
      await w.fellow.post('/api/indicator-values').send({ ...value(w.fellowship.id, w.indicator.id), colour: 'rot' }).expect(400);
      await w.fellow.put('/api/indicator-values/999999').send({ value: 1, note: 'x' }).expect(404);
      assert.equal(await databaseSnapshot(), before);
    });

    it("other organisations' fellowships answer 404; coaches read but do not write; jurors are refused; alumni still write", async () => {
      const w = await programmeWorld();
      const mine = await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id)).expect(201);
      const stranger = await agentFor('applicant');
      const before = await databaseSnapshot();
      await stranger.agent.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id)).expect(404);
      await stranger.agent.get(`/api/indicator-values/${mine.body.id}`).expect(404);
      await stranger.agent.put(`/api/indicator-values/${mine.body.id}`).send({ value: 1, note: 'x' }).expect(404);
      await stranger.agent.get(`/api/fellowships/${w.fellowship.id}/indicators`).expect(404);
      assert.deepEqual((await stranger.agent.get('/api/indicator-values').expect(200)).body, []);
      const coach = await agentFor('coach');
      await coach.agent.get(`/api/indicator-values/${mine.body.id}`).expect(404);
      await db().updateTable('fellowships').set({ coach_id: coach.user.id }).where('id', '=', w.fellowship.id).execute();
      await coach.agent.get(`/api/indicator-values/${mine.body.id}`).expect(200);
      await coach.agent.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id)).expect(403);
      await coach.agent.put(`/api/indicator-values/${mine.body.id}`).send({ value: 1, note: 'x' }).expect(403);
      const jury = await agentFor('jury');
      await jury.agent.get('/api/indicator-values').expect(403);
      await jury.agent.get(`/api/fellowships/${w.fellowship.id}/indicators`).expect(403);
      await w.fellow.delete(`/api/indicator-values/${mine.body.id}`).expect(403);
      await db().updateTable('fellowships').set({ coach_id: null }).where('id', '=', w.fellowship.id).execute();
      assert.equal(await databaseSnapshot().then((s) => s.split('\n').filter((l) => l.startsWith('indicator')).join()), before.split('\n').filter((l) => l.startsWith('indicator')).join());
      // The year is over: the fellowship stays the organisation's, and so do its follow-ups.
      await db().updateTable('cohorts').set({ phase: 'alumni' }).where('id', '=', w.cohort.id).execute();
      await db().updateTable('fellowships').set({ status: 'completed' }).where('id', '=', w.fellowship.id).execute();
      await w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id, { kind: 'follow_up', measured_on: '2027-12-31', value: 8 })).expect(201);
      const { agent: staff } = await agentFor('staff');
      await staff.post('/api/indicator-values').send(value(w.fellowship.id, w.indicator.id, { measured_on: '2026-09-30' })).expect(201);
    });
  });

  describe('baseline → latest (the view indicator_progress)', () => {
    it('answers baseline, latest (by measured_on, then entry) and change per indicator, as the database holds them', async () => {
      const w = await programmeWorld();
      const people = await indicator(w.cohort.id, 'Erreichte Menschen pro Jahr', { unit: 'Personen', position: 1 });
      const empty = await indicator(w.cohort.id, 'Aktive Ehrenamtliche', { unit: 'Personen', position: 2 });
      const post = (indicator_id: number, kind: string, measured_on: string, v: number) =>
        w.fellow.post('/api/indicator-values').send(value(w.fellowship.id, indicator_id, { kind, measured_on, value: v })).expect(201);
      await post(w.indicator.id, 'baseline', '2026-04-01', 2);
      await post(w.indicator.id, 'progress', '2026-09-30', 6);
      await post(w.indicator.id, 'progress', '2026-06-30', 4); // entered later, measured earlier
      await post(people.id, 'progress', '2026-06-30', 120);
      await post(people.id, 'progress', '2026-06-30', 150); // same day: the later entry wins
      await post(people.id, 'baseline', '2026-04-01', 100.5);
      const res = await w.fellow.get(`/api/fellowships/${w.fellowship.id}/indicators`).expect(200);
      const byName = Object.fromEntries(res.body.map((r: any) => [r.name, r]));
      assert.deepEqual(res.body.map((r: any) => r.name), ['Neue Standorte', 'Erreichte Menschen pro Jahr', 'Aktive Ehrenamtliche']);
      assert.deepEqual([byName['Neue Standorte'].baseline_value, byName['Neue Standorte'].latest_value, byName['Neue Standorte'].change, byName['Neue Standorte'].latest_on], [2, 6, 4, '2026-09-30']);
      assert.deepEqual([byName['Erreichte Menschen pro Jahr'].baseline_value, byName['Erreichte Menschen pro Jahr'].latest_value, byName['Erreichte Menschen pro Jahr'].change], [100.5, 150, 49.5]);
      assert.deepEqual([byName['Aktive Ehrenamtliche'].baseline_value, byName['Aktive Ehrenamtliche'].latest_value, byName['Aktive Ehrenamtliche'].change, byName['Aktive Ehrenamtliche'].value_count], [null, null, null, 0]);
      assert.equal(byName['Aktive Ehrenamtliche'].indicator_id, empty.id);

      // The same numbers, computed straight from the table.
      for (const row of res.body) {
        const values = await db().selectFrom('indicator_values').selectAll().where('fellowship_id', '=', w.fellowship.id).where('indicator_id', '=', row.indicator_id).execute();
        const baseline = values.find((v) => v.kind === 'baseline');
        const latest = [...values].sort((a, b) => a.measured_on.localeCompare(b.measured_on) || a.id - b.id).at(-1);
        assert.equal(row.baseline_value, baseline ? Number(baseline.value) : null);
        assert.equal(row.latest_value, latest ? Number(latest.value) : null);
        assert.equal(row.change, baseline && latest ? Number(latest.value) - Number(baseline.value) : null);
        assert.equal(row.value_count, values.length);
      }
      // The query function other features (the funder report) use answers the same.
      assert.deepEqual(await indicatorProgress(db(), [w.fellowship.id]), res.body);
    });
  });

  describe('demo data', () => {
    it('gives every cohort the three indicators, current fellows a baseline and progress, alumni follow-ups; the fellow applicant4 sees them', async function () {
      this.timeout(300_000);
      if (testContext.databaseUrl) {
        const own = await openDatabase({ url: testContext.databaseUrl, poolSize: 1 });
        await seedDemo(own.db, { publicUrl: 'https://crm.example.org' }).finally(() => own.close());
      } else {
        await seedDemo(db(), { publicUrl: 'https://crm.example.org' });
      }
      const cohorts = await db().selectFrom('cohorts').select(['id', 'phase']).execute();
      for (const c of cohorts) {
        const names = (await db().selectFrom('indicators').select('name').where('cohort_id', '=', c.id).orderBy('position').execute()).map((r) => r.name);
        assert.deepEqual(names, ['Neue Standorte', 'Erreichte Menschen pro Jahr', 'Aktive Ehrenamtliche']);
      }
      const fellowships = await db().selectFrom('fellowships as f').innerJoin('cohorts as c', 'c.id', 'f.cohort_id').select(['f.id', 'c.phase', 'c.year']).where('f.status', '<>', 'withdrawn').execute();
      const progress = await indicatorProgress(db(), fellowships.map((f) => f.id));
      for (const f of fellowships) {
        const rows = progress.filter((r) => r.fellowship_id === f.id);
        assert.equal(rows.length, 3);
        for (const r of rows) {
          assert.notEqual(r.baseline_value, null);
          assert.ok(r.value_count >= 2, 'baseline and at least one progress value');
          // The first follow-up is asked for on 1 December of the year after the programme.
          if (f.phase === 'alumni' && `${f.year + 1}-12-01` <= new Date().toISOString().slice(0, 10)) assert.equal(r.latest_kind, 'follow_up');
        }
      }
      assert.ok(fellowships.some((f) => f.phase === 'programme') && fellowships.some((f) => f.phase === 'alumni'));
      assert.ok(progress.some((r) => r.latest_kind === 'follow_up'));
      // The demo's fellow login enters values from the programme page: it must have a fellowship with indicators.
      const agent = request.agent(testContext.app);
      await agent.post('/api/auth/login').send({ email: 'applicant4@example.org', password: 'demo-password' }).expect(200);
      const [fellowship] = (await agent.get('/api/fellowships').expect(200)).body;
      const mine = await agent.get(`/api/fellowships/${fellowship.id}/indicators`).expect(200);
      assert.equal(mine.body.length, 3);
      assert.ok(mine.body.every((r: any) => r.change != null));
    });
  });
});
