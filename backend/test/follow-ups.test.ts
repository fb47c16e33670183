import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { agentFor, createOrganisation, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { createCohort, createFellowship } from './support/programme.ts';
import { testContext } from './support/context.ts';
import { openDatabase } from '../src/db/database.ts';
import { followUpDue, followUpDueDates } from '../src/follow-ups/follow-ups.due.ts';
import { queueFollowUpRequests } from '../src/follow-ups/follow-ups.job.ts';
import { seedDemo } from '../../seeds/demo.ts';
import { LABELS } from '../src/shared/labels.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const PUBLIC_URL = 'https://crm.example.org';

/**
 * The demo's calendar: selection released on 25 March 2025, so the programme year runs 1 April
 * 2025 – 31 March 2026; the follow-ups fall due on 1 April 2027 (12 months) and 1 April 2028 (24).
 */
const RELEASED = new Date('2025-03-25T10:00:00Z');
const DUE_12 = '2027-04-01';
const DUE_24 = '2028-04-01';
/** Noon in Berlin on that day. */
const on = (day: string) => new Date(`${day}T10:00:00Z`);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function alumniCohort(phase: 'programme' | 'alumni' = 'alumni') {
  return createCohort({ phase, selection_finalized_at: RELEASED, application_opens_at: new Date('2024-11-01T00:00:00Z'), application_closes_at: new Date('2025-01-31T22:59:00Z') });
}

/** An alumni fellowship (completed, cohort in `alumni`) with its applicant login and an indicator of the cohort. */
async function alumnus(options: { locale?: 'de' | 'en'; cohortId?: number; status?: string } = {}) {
  const cohortId = options.cohortId ?? (await alumniCohort()).id;
  const organisation = await createOrganisation();
  const fellowship = await createFellowship({ cohort_id: cohortId, organisation_id: organisation.id, status: options.status ?? 'completed' });
  const fellow = await agentFor('applicant', { organisation_id: organisation.id, locale: options.locale ?? 'de' });
  const indicator = await db().insertInto('indicators').values({ cohort_id: cohortId, name: 'Neue Standorte', unit: 'Standorte' }).returningAll().executeTakeFirstOrThrow();
  return { cohortId, organisation, fellowship, fellow, indicator };
}

const requestsOf = (fellowshipId: number) =>
  db().selectFrom('follow_up_requests').selectAll().where('fellowship_id', '=', fellowshipId).orderBy('months').execute();
const lettersOf = (fellowshipId: number) =>
  db().selectFrom('emails').selectAll().where('dedupe_key', 'like', `follow-up-request:${fellowshipId}:%`).orderBy('id').execute();

/** A request as the job writes it, dated in the past (so a later write counts as its answer). */
async function pastRequest(fellowshipId: number, months: 12 | 24 = 12) {
  return db()
    .insertInto('follow_up_requests')
    .values({ fellowship_id: fellowshipId, months, due_on: months === 12 ? DUE_12 : DUE_24, requested_at: new Date(Date.now() - 3_600_000) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

describe('follow-ups (issue 20)', () => {
  describe('when a follow-up is due', () => {
    it('computes the due days from the programme year: 12 and 24 months after it ended', () => {
      const cohort = { selection_finalized_at: RELEASED, application_closes_at: new Date('2025-01-31T22:59:00Z') };
      assert.deepEqual(followUpDueDates(cohort), { 12: DUE_12, 24: DUE_24 });
      assert.equal(followUpDue(cohort, dayBefore(DUE_12)), null);
      assert.deepEqual(followUpDue(cohort, DUE_12), { months: 12, due_on: DUE_12 });
      assert.deepEqual(followUpDue(cohort, dayAfter(DUE_12)), { months: 12, due_on: DUE_12 });
      assert.deepEqual(followUpDue(cohort, dayBefore(DUE_24)), { months: 12, due_on: DUE_12 });
      assert.deepEqual(followUpDue(cohort, DUE_24), { months: 24, due_on: DUE_24 });
      assert.deepEqual(followUpDue(cohort, '2029-03-31'), { months: 24, due_on: DUE_24 });
      assert.equal(followUpDue(cohort, '2029-04-01'), null, 'a year after the 24-month follow-up nobody is asked any more');
      // Before the release the year is estimated from the deadline (31 January → 1 April).
      assert.deepEqual(followUpDueDates({ selection_finalized_at: null, application_closes_at: new Date('2025-01-31T22:59:00Z') }), { 12: DUE_12, 24: DUE_24 });
    });

    it('asks nobody the day before, asks on the day (once), and again 24 months after the year', async () => {
      const a = await alumnus();
      assert.deepEqual(await queueFollowUpRequests(db(), PUBLIC_URL, on(dayBefore(DUE_12))), []);
      assert.equal((await requestsOf(a.fellowship.id)).length, 0);

      const queued = await queueFollowUpRequests(db(), PUBLIC_URL, on(DUE_12));
      assert.equal(queued.length, 1);
      const [request] = await requestsOf(a.fellowship.id);
      assert.deepEqual([request.months, request.due_on, request.email_id, request.responded_at], [12, DUE_12, queued[0], null]);
      const [letter] = await lettersOf(a.fellowship.id);
      assert.equal(letter.template, 'follow_up_request');
      assert.ok(Object.hasOwn(LABELS.email_template, letter.template), 'the outbox names the letter in words');
      assert.doesNotMatch(letter.body, /\b\d{4}-\d{2}-\d{2}\b/, 'no ISO date in the letter');
      assert.equal(letter.to, a.fellow.user.email);
      assert.equal(letter.organisation_id, a.organisation.id);
      assert.match(letter.subject, /12 Monate nach dem Programmjahr/);
      assert.ok(letter.body.includes(`${PUBLIC_URL}/#/my-programme?fellowship_id=${a.fellowship.id}`), letter.body);

      assert.deepEqual(await queueFollowUpRequests(db(), PUBLIC_URL, on(dayAfter(DUE_12))), [], 'the day after: already asked');
      assert.deepEqual(await queueFollowUpRequests(db(), PUBLIC_URL, on(dayBefore(DUE_24))), []);
      assert.equal((await queueFollowUpRequests(db(), PUBLIC_URL, on(DUE_24))).length, 1);
      assert.deepEqual((await requestsOf(a.fellowship.id)).map((r) => [r.months, r.due_on]), [[12, DUE_12], [24, DUE_24]]);
      assert.equal((await lettersOf(a.fellowship.id)).length, 2);
    });

    it('writes in English to a recipient who chose English', async () => {
      const a = await alumnus({ locale: 'en' });
      await queueFollowUpRequests(db(), PUBLIC_URL, on(DUE_12));
      const [letter] = await lettersOf(a.fellowship.id);
      assert.match(letter.subject, /^Your impact 12 months after the programme year/);
      assert.match(letter.body, /Update your impact: https:\/\/crm\.example\.org\/#\/my-programme\?fellowship_id=/);
    });

    it('asks only alumni: completed or of a cohort in `alumni`, never withdrawn, never a running programme', async () => {
      const alumniCohortId = (await alumniCohort('alumni')).id;
      const runningCohortId = (await alumniCohort('programme')).id;
      const completed = await alumnus({ cohortId: alumniCohortId, status: 'completed' });
      const activeInAlumni = await alumnus({ cohortId: alumniCohortId, status: 'active' });
      const withdrawn = await alumnus({ cohortId: alumniCohortId, status: 'withdrawn' });
      const running = await alumnus({ cohortId: runningCohortId, status: 'active' });
      const completedEarly = await alumnus({ cohortId: runningCohortId, status: 'completed' });
      await queueFollowUpRequests(db(), PUBLIC_URL, on(DUE_12));
      const asked = (await db().selectFrom('follow_up_requests').select('fellowship_id').execute()).map((r) => r.fellowship_id).sort();
      assert.deepEqual(asked, [completed, activeInAlumni, completedEarly].map((x) => x.fellowship.id).sort());
      assert.equal((await lettersOf(withdrawn.fellowship.id)).length, 0);
      assert.equal((await lettersOf(running.fellowship.id)).length, 0);
    });

    it('asks an anonymised organisation nothing, and one without any address only once it has one', async () => {
      const gone = await alumnus();
      await db().updateTable('organisations').set({ anonymised_at: new Date() }).where('id', '=', gone.organisation.id).execute();
      const cohortId = (await alumniCohort()).id;
      const mute = await createOrganisation({ email: null });
      const fellowship = await createFellowship({ cohort_id: cohortId, organisation_id: mute.id, status: 'completed' });
      assert.deepEqual(await queueFollowUpRequests(db(), PUBLIC_URL, on(DUE_12)), []);
      assert.equal((await db().selectFrom('follow_up_requests').select('id').execute()).length, 0);
      await db().updateTable('organisations').set({ email: 'neu@example.org' }).where('id', '=', mute.id).execute();
      assert.equal((await queueFollowUpRequests(db(), PUBLIC_URL, on(dayAfter(DUE_12)))).length, 1);
      assert.equal((await requestsOf(fellowship.id)).length, 1);
    });
  });

  describe('once per alumnus and follow-up', () => {
    it('queues one letter per fellowship when several runs overlap', async () => {
      const cohortId = (await alumniCohort()).id;
      const alumni = [await alumnus({ cohortId }), await alumnus({ cohortId }), await alumnus({ cohortId })];
      const runs = await Promise.all(Array.from({ length: 4 }, () => queueFollowUpRequests(db(), PUBLIC_URL, on(DUE_12))));
      assert.equal(runs.flat().length, 3);
      for (const a of alumni) {
        assert.equal((await requestsOf(a.fellowship.id)).length, 1);
        assert.equal((await lettersOf(a.fellowship.id)).length, 1);
      }
    });

    it('queues one letter when two app instances run the job at the same time (PostgreSQL only)', async function () {
      if (!onPostgres) this.skip();
      const cohortId = (await alumniCohort()).id;
      const alumni = await Promise.all(Array.from({ length: 5 }, () => alumnus({ cohortId })));
      const instances = await Promise.all([1, 2].map(() => openDatabase({ url: testContext.databaseUrl, poolSize: 4 })));
      try {
        const runs = await Promise.all(instances.flatMap((i) => [queueFollowUpRequests(i.db, PUBLIC_URL, on(DUE_12)), queueFollowUpRequests(i.db, PUBLIC_URL, on(DUE_12))]));
        assert.equal(runs.flat().length, alumni.length);
      } finally {
        await Promise.all(instances.map((i) => i.close()));
      }
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from emails where template = 'follow_up_request'`.execute(db());
      assert.equal(rows[0].n, alumni.length);
      for (const a of alumni) assert.equal((await requestsOf(a.fellowship.id)).length, 1);
    });

    it('the database refuses a second request for the same fellowship and follow-up', async () => {
      const a = await alumnus();
      await pastRequest(a.fellowship.id, 12);
      await assert.rejects(pastRequest(a.fellowship.id, 12), /follow_up_requests_once|unique/i);
      await assert.rejects(
        db().insertInto('follow_up_requests').values({ fellowship_id: a.fellowship.id, months: 18 as 12, due_on: DUE_12 }).execute(),
        /check/i,
      );
    });
  });

  describe('answered', () => {
    it('a follow-up value the organisation enters answers the open request, in the same write', async () => {
      const a = await alumnus();
      const request = await pastRequest(a.fellowship.id);
      const value = (kind: string) => ({ fellowship_id: a.fellowship.id, indicator_id: a.indicator.id, kind, measured_on: '2027-04-10', value: 7 });
      await a.fellow.agent.post('/api/indicator-values').send(value('progress')).expect(201);
      assert.equal((await requestsOf(a.fellowship.id))[0].responded_at, null, 'a progress value is no follow-up');
      const { agent: staff } = await agentFor('staff');
      await staff.post('/api/indicator-values').send(value('follow_up')).expect(201);
      assert.equal((await requestsOf(a.fellowship.id))[0].responded_at, null, 'staff entering a value is not the alumnus answering');
      const res = await a.fellow.agent.post('/api/indicator-values').send(value('follow_up')).expect(201);
      const [answered] = await requestsOf(a.fellowship.id);
      assert.ok(answered.responded_at instanceof Date);
      assert.ok(answered.responded_at >= request.requested_at);
      const created = await db().selectFrom('indicator_values').select('created_at').where('id', '=', res.body.id).executeTakeFirstOrThrow();
      assert.equal(answered.responded_at.getTime(), created.created_at.getTime(), 'marked in the transaction of the value (same now())');
      const list = await a.fellow.agent.get('/api/follow-up-requests').expect(200);
      assert.deepEqual(list.body.map((r: any) => [r.id, r.responded]), [[request.id, true]]);
    });

    it('a value entered before the request is no answer to it; a later change of a follow-up value is', async () => {
      const a = await alumnus();
      const before = await a.fellow.agent.post('/api/indicator-values')
        .send({ fellowship_id: a.fellowship.id, indicator_id: a.indicator.id, kind: 'follow_up', measured_on: '2027-03-01', value: 3 }).expect(201);
      const request = await db().insertInto('follow_up_requests').values({ fellowship_id: a.fellowship.id, months: 12, due_on: DUE_12 }).returningAll().executeTakeFirstOrThrow();
      assert.equal((await requestsOf(a.fellowship.id))[0].responded_at, null);
      await a.fellow.agent.put(`/api/indicator-values/${before.body.id}`).send({ measured_on: '2027-04-02' }).expect(200);
      const [answered] = await requestsOf(a.fellowship.id);
      assert.equal(answered.id, request.id);
      assert.ok(answered.responded_at);
    });

    it('a transfer site the organisation adds or moves answers it too', async () => {
      const a = await alumnus();
      await pastRequest(a.fellowship.id);
      const site = await a.fellow.agent.post('/api/transfer-sites')
        .send({ fellowship_id: a.fellowship.id, name: 'Standort Kiel', city: 'Kiel', state: 'Schleswig-Holstein', transfer_model: 'affiliation' }).expect(201);
      assert.ok((await requestsOf(a.fellowship.id))[0].responded_at);
      await pastRequest(a.fellowship.id, 24);
      await a.fellow.agent.put(`/api/transfer-sites/${site.body.id}`).send({ status: 'preparing' }).expect(200);
      assert.ok((await requestsOf(a.fellowship.id))[1].responded_at);
    });

    it('an answer refused by the rules marks nothing', async () => {
      const a = await alumnus();
      await pastRequest(a.fellowship.id);
      const before = await databaseSnapshot();
      await a.fellow.agent.post('/api/indicator-values')
        .send({ fellowship_id: a.fellowship.id, indicator_id: a.indicator.id, kind: 'follow_up', measured_on: '2027-04-10', value: -1 }).expect(400);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('response rate', () => {
    it('counts sent and answered per cohort and follow-up as the raw rows say, on the summary and the dashboard', async () => {
      const c1 = (await alumniCohort()).id;
      const c2 = (await alumniCohort()).id;
      const rows: Array<[number, 12 | 24, boolean]> = [[c1, 12, true], [c1, 12, false], [c1, 12, true], [c1, 24, false], [c2, 12, false]];
      for (const [cohortId, months, answered] of rows) {
        const a = await alumnus({ cohortId });
        await pastRequest(a.fellowship.id, months);
        if (answered) {
          await a.fellow.agent.post('/api/indicator-values')
            .send({ fellowship_id: a.fellowship.id, indicator_id: a.indicator.id, kind: 'follow_up', measured_on: '2027-04-10', value: 1 }).expect(201);
        }
      }
      const { rows: raw } = await sql<{ cohort_id: number; months: number; sent: number; answered: number }>`
        select f.cohort_id, r.months, count(*)::int as sent, count(*) filter (where r.responded_at is not null)::int as answered
          from follow_up_requests r join fellowships f on f.id = r.fellowship_id group by 1, 2 order by 1, 2`.execute(db());
      assert.deepEqual(raw.map((r) => [r.cohort_id, r.months, r.sent, r.answered]), [[c1, 12, 3, 2], [c1, 24, 1, 0], [c2, 12, 1, 0]]);

      const { agent: staff } = await agentFor('staff');
      const summary = (await staff.get('/api/follow-up-requests/summary').expect(200)).body;
      const byKey = new Map(summary.map((r: any) => [`${r.cohort_id}:${r.months}`, r]));
      for (const r of raw) {
        const got: any = byKey.get(`${r.cohort_id}:${r.months}`);
        assert.deepEqual([got.sent, got.answered, got.rate_percent], [r.sent, r.answered, Math.round((1000 * r.answered) / r.sent) / 10]);
      }
      assert.equal(summary.length, raw.length);
      const one = (await staff.get('/api/follow-up-requests/summary').query({ cohort_id: String(c1) }).expect(200)).body;
      assert.deepEqual(one.map((r: any) => [r.months, r.sent, r.answered, r.rate_percent]), [[12, 3, 2, 66.7], [24, 1, 0, 0]]);

      const dashboard = (await staff.get('/api/dashboard').query({ cohort_id: String(c1) }).expect(200)).body;
      assert.deepEqual(dashboard.follow_ups, [{ months: 12, sent: 3, answered: 2, rate_percent: 66.7 }, { months: 24, sent: 1, answered: 0, rate_percent: 0 }]);
      const empty = (await staff.get('/api/dashboard').query({ cohort_id: String((await createCohort()).id) }).expect(200)).body;
      assert.deepEqual(empty.follow_ups, []);
    });
  });

  describe('the list', () => {
    it('filters by cohort, follow-up and answered', async () => {
      const c1 = (await alumniCohort()).id;
      const c2 = (await alumniCohort()).id;
      const a = await alumnus({ cohortId: c1 });
      const b = await alumnus({ cohortId: c2 });
      const r12 = await pastRequest(a.fellowship.id, 12);
      const r24 = await pastRequest(a.fellowship.id, 24);
      const rb = await pastRequest(b.fellowship.id, 12);
      await db().updateTable('follow_up_requests').set({ responded_at: new Date() }).where('id', '=', r24.id).execute();
      const { agent: staff } = await agentFor('staff');
      const ids = async (filter: Record<string, unknown>) =>
        (await staff.get('/api/follow-up-requests').query(listQuery({ filter, sort: ['id', 'ASC'] })).expect(200)).body.map((r: any) => r.id);
      assert.deepEqual(await ids({}), [r12.id, r24.id, rb.id]);
      assert.deepEqual(await ids({ cohort_id: c1 }), [r12.id, r24.id]);
      assert.deepEqual(await ids({ months: 12 }), [r12.id, rb.id]);
      assert.deepEqual(await ids({ months: '24' }), [r24.id]);
      assert.deepEqual(await ids({ responded: true }), [r24.id]);
      assert.deepEqual(await ids({ responded: 'false', cohort_id: c1 }), [r12.id]);
    });

    it('answers bad filters with 400 and an unknown cohort with 404', async () => {
      const { agent: staff } = await agentFor('staff');
      const bad = async (filter: Record<string, unknown>, field: string) => {
        const res = await staff.get('/api/follow-up-requests').query(listQuery({ filter })).expect(400);
        assert.ok(res.body.errors?.[field], JSON.stringify(res.body));
      };
      await bad({ months: 13 }, 'months');
      await bad({ months: 'zwölf' }, 'months');
      await bad({ months: [12, 24] }, 'months');
      await bad({ responded: 'vielleicht' }, 'responded');
      await bad({ cohort_id: 'abc' }, 'cohort_id');
      await staff.get('/api/follow-up-requests').query(listQuery({ filter: { organisation_secret: 1 } })).expect(400);
      const summary = await staff.get('/api/follow-up-requests/summary').query({ cohort_id: 'abc' }).expect(400);
      assert.ok(summary.body.errors?.cohort_id);
      await staff.get('/api/follow-up-requests/summary').query({ cohort_id: '1', extra: 'x' }).expect(400);
      await staff.get('/api/follow-up-requests/summary').query({ cohort_id: '999999' }).expect(404);
    });

    it("shows an organisation its own requests only; another organisation's is 404", async () => {
      const cohortId = (await alumniCohort()).id;
      const a = await alumnus({ cohortId });
      const b = await alumnus({ cohortId });
      const ra = await pastRequest(a.fellowship.id);
      const rb = await pastRequest(b.fellowship.id);
      const list = await a.fellow.agent.get('/api/follow-up-requests').expect(200);
      assert.deepEqual(list.body.map((r: any) => r.id), [ra.id]);
      await a.fellow.agent.get(`/api/follow-up-requests/${rb.id}`).expect(404);
      await a.fellow.agent.get(`/api/follow-up-requests/${ra.id}`).expect(200);
      await a.fellow.agent.get('/api/follow-up-requests/summary').expect(403);
      const { agent: coach } = await agentFor('coach');
      await coach.get('/api/follow-up-requests').expect(403);
    });
  });

  describe('demo data', () => {
    it('seeds asked follow-ups, some answered by a later follow-up value, and the job at start sends none again', async function () {
      this.timeout(300_000);
      if (testContext.databaseUrl) {
        const own = await openDatabase({ url: testContext.databaseUrl, poolSize: 1 });
        await seedDemo(own.db, { publicUrl: PUBLIC_URL }).finally(() => own.close());
      } else {
        await seedDemo(db(), { publicUrl: PUBLIC_URL });
      }
      const requests = await db().selectFrom('follow_up_requests').selectAll().execute();
      assert.ok(requests.length > 0, 'the past cohorts have follow-up requests');
      const answered = requests.filter((r) => r.responded_at);
      assert.ok(answered.length > 0 && answered.length < requests.length, 'some answered, some not');
      for (const r of answered) {
        const later = await db().selectFrom('indicator_values').select('id')
          .where('fellowship_id', '=', r.fellowship_id).where('kind', '=', 'follow_up').where('created_at', '>=', r.requested_at).execute();
        assert.ok(later.length > 0, `request ${r.id} is answered by a follow-up value after it`);
      }
      for (const r of requests.filter((x) => !x.responded_at)) {
        const later = await db().selectFrom('indicator_values').select('id')
          .where('fellowship_id', '=', r.fellowship_id).where('kind', '=', 'follow_up').where('measured_on', '>=', r.due_on).execute();
        assert.equal(later.length, 0, `open request ${r.id} has no follow-up value after its day`);
      }
      const alumni1 = await db().selectFrom('users').select('organisation_id').where('email', '=', 'alumni1@example.org').executeTakeFirstOrThrow();
      const open = await db().selectFrom('follow_up_requests as r').innerJoin('fellowships as f', 'f.id', 'r.fellowship_id')
        .select('r.id').where('f.organisation_id', '=', alumni1.organisation_id).where('r.responded_at', 'is', null).execute();
      assert.equal(open.length, 1, 'alumni1 has an open request to show on the home page');
      const letters = await db().selectFrom('emails').select('id').where('template', '=', 'follow_up_request').execute();
      assert.equal(letters.length, requests.length);
      assert.deepEqual(await queueFollowUpRequests(db(), PUBLIC_URL), [], 'nothing left to ask at start');
    });
  });
});
