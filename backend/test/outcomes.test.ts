import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { agentFor, databaseSnapshot, db } from './support/fixtures.ts';
import { createFellowship, insertTranche } from './support/funding-fixtures.ts';
import { cohortOutcomes, programmeComparison } from '../src/outcomes/index.ts';

async function cohort(year: number, name = `Jahrgang ${year}`) {
  return db()
    .insertInto('cohorts')
    .values({ name, year, phase: 'alumni', application_opens_at: `${year}-01-01T00:00:00Z`, application_closes_at: `${year}-03-01T00:00:00Z` })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function indicator(cohortId: number, name: string, position = 0) {
  return db().insertInto('indicators').values({ cohort_id: cohortId, name, unit: 'Personen', position }).returning('id').executeTakeFirstOrThrow();
}

type Kind = 'baseline' | 'progress' | 'follow_up';
async function value(fellowship_id: number, indicator_id: number, kind: Kind, measured_on: string, value: number) {
  await db().insertInto('indicator_values').values({ fellowship_id, indicator_id, kind, measured_on, value }).execute();
}

async function site(fellowship_id: number, state: string, status: 'planned' | 'preparing' | 'active' | 'closed') {
  await db().insertInto('transfer_sites').values({
    fellowship_id, name: `Standort ${state}`, city: 'Ort', state, transfer_model: 'affiliation', status,
    opened_on: status === 'active' || status === 'closed' ? '2031-03-01' : null, closed_on: status === 'closed' ? '2032-03-01' : null,
  }).execute();
}

/**
 * Cohort 2030 with three fellows and one withdrawn: A grows and has both follow-ups, B has only a
 * baseline, C no baseline; sites in Sachsen and Bayern; tranches paid, approved and cancelled.
 */
async function world() {
  const staff = await agentFor('staff');
  const { id: cohortId } = await cohort(2030);
  const people = await indicator(cohortId, 'Erreichte Menschen', 0);
  const volunteers = await indicator(cohortId, 'Ehrenamtliche', 1);
  const a = await createFellowship({ cohort_id: cohortId, organisation: { name: 'Alpha e.V.' } });
  const b = await createFellowship({ cohort_id: cohortId, organisation: { name: 'Beta gGmbH' } });
  const c = await createFellowship({ cohort_id: cohortId, organisation: { name: 'Gamma e.V.' } });
  const w = await createFellowship({ cohort_id: cohortId, organisation: { name: 'Omega e.V.' }, status: 'withdrawn' });
  await value(a.id, people.id, 'baseline', '2030-04-15', 100);
  await value(a.id, people.id, 'progress', '2030-11-15', 160);
  await value(a.id, people.id, 'follow_up', '2031-12-01', 200);
  await value(a.id, people.id, 'follow_up', '2032-12-01', 250);
  await value(b.id, people.id, 'baseline', '2030-04-15', 50);
  await value(c.id, people.id, 'progress', '2030-07-15', 70);
  await value(a.id, volunteers.id, 'baseline', '2030-04-15', 10);
  await value(a.id, volunteers.id, 'progress', '2030-11-15', 8);
  await site(a.id, 'Sachsen', 'active');
  await site(a.id, 'Bayern', 'closed');
  await site(b.id, 'Sachsen', 'planned');
  await site(c.id, 'Bayern', 'active');
  const creator = staff.user.id;
  const approver = (await agentFor('admin')).user.id;
  await insertTranche({ fellowship_id: a.id, amount_cents: 1_000_000, status: 'paid', created_by: creator, approved_by: approver });
  await insertTranche({ fellowship_id: a.id, amount_cents: 500_000, status: 'approved', created_by: creator, approved_by: approver });
  await insertTranche({ fellowship_id: b.id, amount_cents: 250_001, status: 'paid', created_by: creator, approved_by: approver });
  await insertTranche({ fellowship_id: w.id, amount_cents: 300_000, status: 'cancelled', created_by: creator, approved_by: approver });
  return { staff, cohortId, people, volunteers, a, b, c, w };
}

/** The same numbers summed from the raw tables, without the view or the module's queries. */
async function rawSums(cohortId: number, indicatorId: number) {
  const { rows } = await sql<Record<string, string | number | null>>`
    SELECT
      (SELECT sum(v.value) FROM indicator_values v WHERE v.indicator_id = ${indicatorId} AND v.kind = 'baseline') AS baseline_total,
      (SELECT sum(l.value) FROM (SELECT DISTINCT ON (v.fellowship_id) v.value FROM indicator_values v
                                  WHERE v.indicator_id = ${indicatorId} ORDER BY v.fellowship_id, v.measured_on DESC, v.id DESC) l) AS latest_total,
      (SELECT count(*) FROM indicator_values v JOIN fellowships f ON f.id = v.fellowship_id WHERE f.cohort_id = ${cohortId} AND v.kind = 'follow_up') AS follow_ups,
      (SELECT sum(d.amount_cents) FROM disbursements d JOIN fellowships f ON f.id = d.fellowship_id WHERE f.cohort_id = ${cohortId} AND d.status = 'paid') AS paid,
      (SELECT count(*) FROM transfer_sites t JOIN fellowships f ON f.id = t.fellowship_id WHERE f.cohort_id = ${cohortId} AND t.status = 'active') AS active,
      (SELECT count(*) FROM transfer_sites t JOIN fellowships f ON f.id = t.fellowship_id WHERE f.cohort_id = ${cohortId} AND t.opened_on IS NOT NULL) AS opened,
      (SELECT count(*) FROM fellowships f WHERE f.cohort_id = ${cohortId} AND f.status <> 'withdrawn') AS fellows`.execute(db());
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v ?? 0)]));
}

describe('outcomes (issue 20)', () => {
  describe('GET /api/cohorts/:id/outcomes', () => {
    it('sums baseline and latest per indicator as the raw tables do, with the follow-ups 12 and 24 months on', async () => {
      const w = await world();
      const { body } = await w.staff.agent.get(`/api/cohorts/${w.cohortId}/outcomes`).expect(200);
      const raw = await rawSums(w.cohortId, w.people.id);
      const people = body.indicators.find((i: { indicator_id: number }) => i.indicator_id === w.people.id);
      assert.equal(people.baseline_total, raw.baseline_total);
      assert.equal(people.latest_total, raw.latest_total);
      assert.equal(people.baseline_total, 150);
      assert.equal(people.latest_total, 250 + 50 + 70);
      // Only fellows with a baseline add growth: A 100 → 250, B 50 → 50; C (no baseline) adds none.
      assert.equal(people.change, 150);
      assert.equal(people.fellows_with_baseline, 2);
      assert.equal(people.fellows_reporting, 3);
      assert.equal(people.follow_up_12_total, 200);
      assert.equal(people.follow_up_24_total, 250);
      const alpha = people.per_fellow.find((f: { fellowship_id: number }) => f.fellowship_id === w.a.id);
      assert.deepEqual(
        { ...alpha },
        { fellowship_id: w.a.id, organisation_name: 'Alpha e.V.', fellowship_status: 'active', baseline: 100, latest: 250, latest_kind: 'follow_up', change: 150, follow_up_12: 200, follow_up_24: 250 },
      );
      const gamma = people.per_fellow.find((f: { fellowship_id: number }) => f.fellowship_id === w.c.id);
      assert.deepEqual([gamma.baseline, gamma.latest, gamma.change, gamma.follow_up_12], [null, 70, null, null]);
      const volunteers = body.indicators.find((i: { indicator_id: number }) => i.indicator_id === w.volunteers.id);
      assert.deepEqual([volunteers.baseline_total, volunteers.latest_total, volunteers.change, volunteers.follow_up_12_total], [10, 8, -2, null]);
      assert.deepEqual(body.indicators.map((i: { name: string }) => i.name), ['Erreichte Menschen', 'Ehrenamtliche']);
    });

    it('counts fellows, sites and follow-ups and divides the money paid by the sites, as the raw tables say', async () => {
      const w = await world();
      const { body } = await w.staff.agent.get(`/api/cohorts/${w.cohortId}/outcomes`).expect(200);
      const raw = await rawSums(w.cohortId, w.people.id);
      assert.deepEqual(body.cohort, { id: w.cohortId, name: 'Jahrgang 2030', year: 2030, phase: 'alumni' });
      assert.equal(body.fellows, raw.fellows);
      assert.equal(body.withdrawn, 1);
      assert.deepEqual(body.follow_ups, { values: raw.follow_ups, fellows: 1 });
      assert.equal(body.sites.active, raw.active);
      assert.equal(body.sites.opened, raw.opened);
      assert.deepEqual([body.sites.active, body.sites.opened, body.sites.totals.sites], [2, 3, 4]);
      const sachsen = body.sites.by_state.find((r: { state: string }) => r.state === 'Sachsen');
      assert.deepEqual({ ...sachsen }, { state: 'Sachsen', planned: 1, preparing: 0, active: 1, closed: 0 });
      assert.equal(body.sites.by_state.length, 16);
      assert.equal(body.money.paid_total_cents, raw.paid);
      assert.equal(body.money.paid_total_cents, 1_250_001);
      assert.equal(body.money.per_active_site_cents, Math.round(raw.paid / raw.active));
      assert.equal(body.money.per_opened_site_cents, Math.round(1_250_001 / 3));
    });

    it('answers a cohort without fellows, indicators or sites with zeros, and an unknown one with 404', async () => {
      const staff = await agentFor('staff');
      const { id } = await cohort(2040);
      const { body } = await staff.agent.get(`/api/cohorts/${id}/outcomes`).expect(200);
      assert.equal(body.fellows, 0);
      assert.deepEqual(body.indicators, []);
      assert.deepEqual(body.follow_ups, { values: 0, fellows: 0 });
      assert.deepEqual([body.sites.opened, body.sites.active, body.sites.totals.sites], [0, 0, 0]);
      assert.deepEqual(body.money, { paid_total_cents: 0, granted_total_cents: 0, per_active_site_cents: null, per_opened_site_cents: null });
      await staff.agent.get(`/api/cohorts/${id + 1}/outcomes`).expect(404);
    });

    it('lists an indicator without any values with zero totals and every fellow empty', async () => {
      const staff = await agentFor('staff');
      const { id } = await cohort(2041);
      await indicator(id, 'Neue Standorte');
      await createFellowship({ cohort_id: id });
      const { body } = await staff.agent.get(`/api/cohorts/${id}/outcomes`).expect(200);
      assert.equal(body.indicators.length, 1);
      assert.deepEqual([body.indicators[0].baseline_total, body.indicators[0].latest_total, body.indicators[0].fellows_reporting], [0, 0, 0]);
      assert.deepEqual(body.indicators[0].per_fellow.map((f: { latest: unknown }) => f.latest), [null]);
    });

    it('is for staff only', async () => {
      const w = await world();
      const coach = await agentFor('coach');
      await db().updateTable('fellowships').set({ coach_id: coach.user.id }).where('id', '=', w.a.id).execute();
      await coach.agent.get(`/api/cohorts/${w.cohortId}/outcomes`).expect(403);
      const applicant = await agentFor('applicant', { organisation_id: w.a.organisation_id });
      await applicant.agent.get(`/api/cohorts/${w.cohortId}/outcomes`).expect(403);
    });
  });

  describe('GET /api/outcomes', () => {
    it('compares the cohorts of the years asked for, indicators matched by name, with the same numbers as each cohort', async () => {
      const w = await world();
      const { id: next } = await cohort(2031);
      await indicator(next, 'Neue Standorte', 0);
      const people = await indicator(next, 'Erreichte Menschen', 1);
      const f = await createFellowship({ cohort_id: next });
      await value(f.id, people.id, 'baseline', '2031-04-15', 30);
      await value(f.id, people.id, 'progress', '2031-07-15', 45);
      await site(f.id, 'Berlin', 'active');
      await cohort(2029);
      const { body } = await w.staff.agent.get('/api/outcomes?from_year=2030&to_year=2031').expect(200);
      assert.deepEqual(body.cohorts.map((c: { cohort: { year: number } }) => c.cohort.year), [2030, 2031]);
      // The newest cohort's order first, then what only older cohorts measured.
      assert.deepEqual(body.indicators.map((i: { name: string }) => i.name), ['Neue Standorte', 'Erreichte Menschen', 'Ehrenamtliche']);
      const [older, newer] = body.cohorts;
      assert.equal(older.indicators[0], null);
      assert.deepEqual([older.indicators[1].baseline_total, older.indicators[1].latest_total], [150, 370]);
      assert.deepEqual([newer.indicators[1].baseline_total, newer.indicators[1].latest_total, newer.indicators[1].change], [30, 45, 15]);
      assert.equal(newer.indicators[2], null);

      const single = (await cohortOutcomes(db(), w.cohortId))!;
      assert.equal(older.fellows, single.fellows);
      assert.equal(older.sites_opened, single.sites.opened);
      assert.equal(older.sites_active, single.sites.active);
      assert.deepEqual(older.money, single.money);
      assert.deepEqual(older.follow_ups, single.follow_ups);
      const raw = await rawSums(w.cohortId, w.people.id);
      assert.equal(older.money.paid_total_cents, raw.paid);
      assert.deepEqual(
        body.totals,
        { fellows: 4, sites_opened: 4, sites_active: 3, follow_up_values: 2, paid_total_cents: 1_250_001, per_active_site_cents: Math.round(1_250_001 / 3) },
      );
      assert.deepEqual(await programmeComparison(db(), 2030, 2031), body);
    });

    it('answers a span without cohorts with an empty comparison', async () => {
      const staff = await agentFor('staff');
      const { body } = await staff.agent.get('/api/outcomes?from_year=1990&to_year=1999').expect(200);
      assert.deepEqual(body, {
        from_year: 1990, to_year: 1999, indicators: [], cohorts: [],
        totals: { fellows: 0, sites_opened: 0, sites_active: 0, follow_up_values: 0, paid_total_cents: 0, per_active_site_cents: null },
      });
    });

    it('refuses missing, malformed, reversed and too long spans with 400 and changes nothing', async () => {
      const w = await world();
      const before = await databaseSnapshot();
      const bad: Array<[string, string]> = [
        ['', 'from_year'],
        ['from_year=2030', 'to_year'],
        ['from_year=2030&to_year=20x1', 'to_year'],
        ['from_year=2030.5&to_year=2031', 'from_year'],
        ['from_year=-2030&to_year=2031', 'from_year'],
        ['from_year=2031&to_year=2030', 'to_year'],
        ['from_year=2000&to_year=2020', 'to_year'],
        ['from_year=2030&to_year=2031&cohort_id=1', 'cohort_id'],
        ['from_year=2030&from_year=2031&to_year=2031', 'from_year'],
      ];
      for (const [query, field] of bad) {
        const res = await w.staff.agent.get(`/api/outcomes?${query}`);
        assert.equal(res.status, 400, query);
        assert.ok(res.body.errors?.[field], `${query}: ${JSON.stringify(res.body)}`);
      }
      // Twenty years, both ends included, is the most.
      await w.staff.agent.get('/api/outcomes?from_year=2001&to_year=2020').expect(200);
      assert.equal(await databaseSnapshot(), before);
    });
  });
});
