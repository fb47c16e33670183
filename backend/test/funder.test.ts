import assert from 'node:assert/strict';
import request from 'supertest';
import { openDatabase } from '../src/db/database.ts';
import { seedDemo } from '../../seeds/demo.ts';
import { testContext } from './support/context.ts';
import { agentFor, createUser, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { createFellowship } from './support/funding-fixtures.ts';

/**
 * The funder role (issue 20, DESIGN.md "Impact"): read-only; the cohorts whose funder_user_ids
 * contain it, their dashboard, their issued funder and funding reports, the transfer-site counts;
 * a single record of anything else is 404, a list it may not read 403.
 */
async function world() {
  const staff = await agentFor('staff');
  const funder = await agentFor('funder', { name: 'Bertelsmann Stiftung' });
  const otherFunder = await agentFor('funder', { name: 'Andere Stiftung' });
  const funded = await createFellowship();
  const other = await createFellowship();
  await db().updateTable('cohorts').set({ funder_user_ids: [funder.user.id] }).where('id', '=', funded.cohort_id).execute();
  await db().updateTable('cohorts').set({ funder_user_ids: [otherFunder.user.id] }).where('id', '=', other.cohort_id).execute();
  return { staff, funder, otherFunder, funded, other };
}
type World = Awaited<ReturnType<typeof world>>;

/** A report of `kind` for the cohort, issued by staff when `issue` (the PDF is frozen then). */
async function report(w: World, cohortId: number, kind: 'funder' | 'selection' | 'funding', issue = true) {
  const draft = await w.staff.agent.post('/api/reports').send({ cohort_id: cohortId, kind }).expect(201);
  if (!issue) return draft.body.id as number;
  await w.staff.agent.post(`/api/reports/${draft.body.id}/issue`).send({}).expect(200);
  return draft.body.id as number;
}

describe('funder role (issue 20)', () => {
  describe('cohorts', () => {
    it('lists only the cohorts the funder funds, without who else funds them', async () => {
      const w = await world();
      const { body } = await w.funder.agent.get('/api/cohorts').expect(200);
      assert.deepEqual(body.map((c: { id: number }) => c.id), [w.funded.cohort_id]);
      assert.ok(!('funder_user_ids' in body[0]), 'the list of funders is staff’s');
      const one = await w.funder.agent.get(`/api/cohorts/${w.funded.cohort_id}`).expect(200);
      assert.equal(one.body.id, w.funded.cohort_id);
    });

    it('answers 404 for another funder’s cohort, as for a missing one, and changes nothing', async () => {
      const w = await world();
      const before = await databaseSnapshot();
      const res = await w.funder.agent.get(`/api/cohorts/${w.other.cohort_id}`).expect(404);
      assert.equal(res.body.code, 'not_found');
      await w.funder.agent.get('/api/cohorts/999999').expect(404);
      await w.funder.agent.get('/api/dashboard').query({ cohort_id: String(w.other.cohort_id) }).expect(404);
      await w.funder.agent.get('/api/transfer-sites/summary').query({ cohort_id: String(w.other.cohort_id) }).expect(404);
      assert.equal(await databaseSnapshot(), before);
    });

    it('lets staff set the funders with PUT /cohorts/:id and shows them the new cohort at once', async () => {
      const w = await world();
      const res = await w.staff.agent.put(`/api/cohorts/${w.other.cohort_id}`).send({ funder_user_ids: [w.funder.user.id, w.otherFunder.user.id, w.funder.user.id] }).expect(200);
      assert.deepEqual(res.body.funder_user_ids, [w.funder.user.id, w.otherFunder.user.id].sort((a, b) => a - b));
      const { body } = await w.funder.agent.get('/api/cohorts').query(listQuery({ sort: ['id', 'ASC'] })).expect(200);
      assert.deepEqual(body.map((c: { id: number }) => c.id), [w.funded.cohort_id, w.other.cohort_id]);
      const audit = await db().selectFrom('audit_events').select(['action', 'changes']).where('resource', '=', 'cohorts').where('record_id', '=', w.other.cohort_id).execute();
      assert.ok(audit.some((a) => a.action === 'update' && JSON.stringify(a.changes).includes('funder_user_ids')), 'the change is in the audit trail');
    });

    it('refuses funder_user_ids naming a user who is not a funder (400 naming the field), changing nothing', async () => {
      const w = await world();
      const coach = await createUser('coach');
      const before = await databaseSnapshot();
      for (const ids of [[coach.id], [w.funder.user.id, 999_999], ['x'], 'nope']) {
        const res = await w.staff.agent.put(`/api/cohorts/${w.funded.cohort_id}`).send({ funder_user_ids: ids }).expect(400);
        assert.ok(Object.keys(res.body.errors ?? {}).some((key) => key.startsWith('funder_user_ids')), JSON.stringify(res.body));
      }
      assert.equal(await databaseSnapshot(), before);
    });

    it('takes a user out of every cohort’s funders when an admin gives it another role or deletes it, audited', async () => {
      const w = await world();
      const admin = await agentFor('admin');
      await db().updateTable('cohorts').set({ funder_user_ids: [w.funder.user.id, w.otherFunder.user.id] }).where('id', '=', w.other.cohort_id).execute();
      await admin.agent.put(`/api/users/${w.funder.user.id}`).send({ role: 'staff' }).expect(200);
      const funders = async () => (await db().selectFrom('cohorts').select(['id', 'funder_user_ids']).orderBy('id').execute()).map((c) => [c.id, c.funder_user_ids]);
      assert.deepEqual(await funders(), [[w.funded.cohort_id, []], [w.other.cohort_id, [w.otherFunder.user.id]]]);
      await admin.agent.delete(`/api/users/${w.otherFunder.user.id}`).expect(200);
      assert.deepEqual(await funders(), [[w.funded.cohort_id, []], [w.other.cohort_id, []]]);
      const audit = await db().selectFrom('audit_events').select('record_id').where('resource', '=', 'cohorts').where('action', '=', 'update').execute();
      assert.equal(audit.length, 3);
      // The cohort form saves again without naming a user who is no longer a funder.
      await w.staff.agent.put(`/api/cohorts/${w.funded.cohort_id}`).send({ name: 'Umbenannt', funder_user_ids: [] }).expect(200);
    });

    it('never lets a funder write: PUT of its own cohort is 403, nothing changed', async () => {
      const w = await world();
      const before = await databaseSnapshot();
      await w.funder.agent.put(`/api/cohorts/${w.funded.cohort_id}`).send({ funder_user_ids: [w.funder.user.id, w.otherFunder.user.id] }).expect(403);
      await w.funder.agent.post('/api/cohorts').send({ name: 'X' }).expect(403);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('dashboard', () => {
    it('shows the funded cohort in numbers only: no juror names, no fellows one by one', async () => {
      const w = await world();
      const jury = await createUser('jury', { name: 'Jutta Jurorin' });
      const application = await db().selectFrom('applications').select('id').where('cohort_id', '=', w.funded.cohort_id).executeTakeFirstOrThrow();
      await db().insertInto('reviews').values({ application_id: application.id, juror_id: jury.id, status: 'assigned' }).execute();
      const staffView = (await w.staff.agent.get('/api/dashboard').query({ cohort_id: String(w.funded.cohort_id) }).expect(200)).body;
      assert.equal(staffView.jury.by_juror[0].juror_name, 'Jutta Jurorin');
      assert.equal(staffView.coaching.by_fellow.length, 1);
      const { body, text } = await w.funder.agent.get('/api/dashboard').expect(200);
      assert.equal(body.cohort.id, w.funded.cohort_id);
      assert.deepEqual(body.cohorts.map((c: { id: number }) => c.id), [w.funded.cohort_id]);
      assert.equal(body.jury.assigned, 1);
      assert.deepEqual(body.jury.by_juror, []);
      assert.deepEqual(body.coaching.by_fellow, []);
      assert.equal(body.funding.grant_cents, staffView.funding.grant_cents);
      assert.ok(!text.includes('Jutta') && !text.includes(w.funded.organisation.name), 'no person’s or organisation’s name');
    });

    it('gives a funder without cohorts an empty dashboard', async () => {
      await world();
      const lonely = await agentFor('funder');
      const { body } = await lonely.agent.get('/api/dashboard').expect(200);
      assert.equal(body.cohort, null);
      assert.deepEqual(body.cohorts, []);
    });
  });

  describe('reports', () => {
    it('lists and downloads the issued funder and funding reports of its cohorts, never drafts, selection reports or other cohorts’', async () => {
      const w = await world();
      const funderReport = await report(w, w.funded.cohort_id, 'funder');
      const fundingReport = await report(w, w.funded.cohort_id, 'funding');
      const selection = await report(w, w.funded.cohort_id, 'selection');
      const draft = await report(w, w.funded.cohort_id, 'funder', false);
      const others = await report(w, w.other.cohort_id, 'funder');
      const { body } = await w.funder.agent.get('/api/reports').query(listQuery({ sort: ['id', 'ASC'] })).expect(200);
      assert.deepEqual(body.map((r: { id: number }) => r.id), [funderReport, fundingReport]);
      const pdf = await w.funder.agent.get(`/api/reports/${funderReport}/pdf`).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');
      for (const id of [selection, draft, others]) {
        await w.funder.agent.get(`/api/reports/${id}`).expect(404);
        await w.funder.agent.get(`/api/reports/${id}/pdf`).expect(404);
      }
      // The other funder sees its own cohort's report only.
      const theirs = await w.otherFunder.agent.get('/api/reports').expect(200);
      assert.deepEqual(theirs.body.map((r: { id: number }) => r.id), [others]);
    });

    it('never gets a live report (generated from today’s data) or writes a report', async () => {
      const w = await world();
      const id = await report(w, w.funded.cohort_id, 'funder');
      const before = await databaseSnapshot();
      await w.funder.agent.get(`/api/reports/cohorts/${w.funded.cohort_id}/funder.pdf`).expect(404);
      await w.funder.agent.post('/api/reports').send({ cohort_id: w.funded.cohort_id, kind: 'funder' }).expect(403);
      await w.funder.agent.post(`/api/reports/${id}/issue`).send({}).expect(403);
      await w.funder.agent.delete(`/api/reports/${id}`).expect(403);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('transfer sites', () => {
    it('counts the sites of its cohorts only', async () => {
      const w = await world();
      const site = (fellowship_id: number, state: string) =>
        db().insertInto('transfer_sites').values({ fellowship_id, name: 'Standort', city: 'Stadt', state, transfer_model: 'affiliation' }).execute();
      await site(w.funded.id, 'Sachsen');
      await site(w.other.id, 'Bayern');
      const all = (await w.funder.agent.get('/api/transfer-sites/summary').expect(200)).body;
      assert.equal(all.totals.sites, 1);
      assert.equal(all.rows.find((r: { state: string }) => r.state === 'Sachsen').planned, 1);
      const one = (await w.funder.agent.get('/api/transfer-sites/summary').query({ cohort_id: String(w.funded.cohort_id) }).expect(200)).body;
      assert.equal(one.totals.sites, 1);
      assert.equal((await w.staff.agent.get('/api/transfer-sites/summary').expect(200)).body.totals.sites, 2);
      await w.funder.agent.get('/api/transfer-sites').expect(403);
    });
  });

  describe('outcomes', () => {
    it('reads the outcomes of its cohorts aggregated (no fellow one by one), another cohort’s is 404', async () => {
      const w = await world();
      const indicator = await db().insertInto('indicators').values({ cohort_id: w.funded.cohort_id, name: 'Erreichte Menschen', unit: 'Personen', position: 0 }).returning('id').executeTakeFirstOrThrow();
      await db().insertInto('indicator_values').values({ fellowship_id: w.funded.id, indicator_id: indicator.id, kind: 'baseline', measured_on: '2026-04-01', value: 10 }).execute();
      await db().insertInto('indicator_values').values({ fellowship_id: w.funded.id, indicator_id: indicator.id, kind: 'progress', measured_on: '2026-09-01', value: 25 }).execute();
      const staffView = (await w.staff.agent.get(`/api/cohorts/${w.funded.cohort_id}/outcomes`).expect(200)).body;
      assert.equal(staffView.indicators[0].per_fellow.length, 1);
      const { body, text } = await w.funder.agent.get(`/api/cohorts/${w.funded.cohort_id}/outcomes`).expect(200);
      assert.equal(body.indicators[0].change, 15);
      assert.equal(body.indicators[0].latest_total, 25);
      assert.deepEqual(body.indicators[0].per_fellow, []);
      assert.ok(!text.includes(w.funded.organisation.name), 'no organisation by name');
      const before = await databaseSnapshot();
      await w.funder.agent.get(`/api/cohorts/${w.other.cohort_id}/outcomes`).expect(404);
      await w.funder.agent.get('/api/cohorts/999999/outcomes').expect(404);
      assert.equal(await databaseSnapshot(), before);
    });

    it('compares only its own cohorts across years', async () => {
      const w = await world();
      const years = await db().selectFrom('cohorts').select(['id', 'year']).execute();
      const range = { from_year: String(Math.min(...years.map((c) => c.year))), to_year: String(Math.max(...years.map((c) => c.year))) };
      const staffView = (await w.staff.agent.get('/api/outcomes').query(range).expect(200)).body;
      assert.equal(staffView.cohorts.length, 2);
      const mine = (await w.funder.agent.get('/api/outcomes').query(range).expect(200)).body;
      assert.deepEqual(mine.cohorts.map((c: { cohort: { id: number } }) => c.cohort.id), [w.funded.cohort_id]);
      const lonely = await agentFor('funder');
      const none = (await lonely.agent.get('/api/outcomes').query(range).expect(200)).body;
      assert.deepEqual([none.cohorts, none.totals.fellows], [[], 0]);
      await w.funder.agent.get('/api/outcomes').query({ from_year: 'x' }).expect(400);
    });
  });

  describe('survey results', () => {
    it('reads the results of its cohorts’ surveys (409 under three answers, like staff), another cohort’s survey is 404', async () => {
      const w = await world();
      const survey = (cohort_id: number) =>
        db().insertInto('surveys').values({
          cohort_id, title: 'Programm-NPS', kind: 'programme_nps', opens_at: new Date('2026-01-01T00:00:00Z'), closes_at: new Date('2099-01-01T00:00:00Z'),
          questions: JSON.stringify([{ key: 'nps', label: 'Weiterempfehlung', type: 'nps_0_10' }]) as never,
        }).returning('id').executeTakeFirstOrThrow();
      const mine = await survey(w.funded.cohort_id);
      const theirs = await survey(w.other.cohort_id);
      const answer = (survey_id: number, i: number, nps: number) =>
        db().insertInto('survey_responses').values({ survey_id, respondent_hash: String(i).repeat(64), answers: JSON.stringify({ nps }) as never, answered_on: '2026-10-01' }).execute();
      assert.equal((await w.funder.agent.get(`/api/surveys/${mine.id}/results`).expect(409)).body.code, 'too_few_responses');
      for (const [i, nps] of [[1, 10], [2, 9], [3, 6]]) {
        await answer(mine.id, i, nps);
        await answer(theirs.id, i, nps);
      }
      const { body } = await w.funder.agent.get(`/api/surveys/${mine.id}/results`).expect(200);
      assert.equal(body.response_count, 3);
      const before = await databaseSnapshot();
      await w.funder.agent.get(`/api/surveys/${theirs.id}/results`).expect(404);
      await w.funder.agent.get('/api/surveys/999999/results').expect(404);
      await w.otherFunder.agent.get(`/api/surveys/${theirs.id}/results`).expect(200);
      await w.funder.agent.get(`/api/surveys/${theirs.id}`).expect(404);
      assert.equal(await databaseSnapshot(), before);
    });

    it('lists its cohorts’ surveys with their answer counts and the quotes staff chose, never an answer or a respondent; another funder sees none', async () => {
      const w = await world();
      const noFunder = await agentFor('funder', { name: 'Neue Stiftung' });
      const survey = await w.staff.agent.post('/api/surveys').send({
        cohort_id: w.funded.cohort_id, title: 'Programm-Zufriedenheit', kind: 'programme_nps', opens_at: '2026-01-01T00:00:00Z', closes_at: '2099-01-01T00:00:00Z',
        questions: [{ key: 'nps', label: 'Weiterempfehlung', type: 'nps_0_10' }, { key: 'comment', label: 'Was hat geholfen?', type: 'text' }],
      }).expect(201);
      for (const [i, nps] of [[1, 10], [2, 9], [3, 6]] as const) {
        await db().insertInto('survey_responses').values({ survey_id: survey.body.id, respondent_hash: String(i).repeat(64), answers: JSON.stringify({ nps, comment: `Antwort ${i}` }) as never, answered_on: '2026-10-01' }).execute();
      }
      await w.staff.agent.post('/api/survey-quotes').send({ survey_id: survey.body.id, question_key: 'comment', text: 'Antwort 2' }).expect(201);
      const theirs = await w.staff.agent.post('/api/surveys').send({
        cohort_id: w.other.cohort_id, title: 'Andere Umfrage', kind: 'programme_nps', opens_at: '2026-01-01T00:00:00Z', closes_at: '2099-01-01T00:00:00Z',
        questions: [{ key: 'nps', label: 'Weiterempfehlung', type: 'nps_0_10' }],
      }).expect(201);
      const before = await databaseSnapshot();
      const { body } = await w.funder.agent.get('/api/surveys').query(listQuery({ filter: { cohort_id: w.funded.cohort_id } })).expect(200);
      assert.deepEqual(body.map((s: { id: number }) => s.id), [survey.body.id]);
      const all = await w.funder.agent.get('/api/surveys').expect(200);
      assert.ok(all.body.every((s: { cohort_id: number }) => s.cohort_id === w.funded.cohort_id), 'only its cohorts’ surveys');
      assert.ok(!all.body.some((s: { id: number }) => s.id === theirs.body.id));
      assert.equal(body[0].response_count, 3);
      for (const key of ['questions', 'answers', 'answered', 'respondent_hash', 'user_id', 'texts']) assert.ok(!(key in body[0]), `no ${key} in the list`);
      assert.ok(!JSON.stringify(all.body).includes('Antwort'), 'no answer in the list');
      const one = await w.funder.agent.get(`/api/surveys/${survey.body.id}`).expect(200);
      assert.equal(one.body.title, 'Programm-Zufriedenheit');
      assert.ok(!('questions' in one.body));
      const results = await w.funder.agent.get(`/api/surveys/${survey.body.id}/results`).expect(200);
      assert.equal(results.body.questions[0].nps, 33);
      assert.deepEqual(results.body.quotes, [{ question_key: 'comment', text: 'Antwort 2' }]);
      await w.otherFunder.agent.get(`/api/surveys/${survey.body.id}`).expect(404);
      const others = await w.otherFunder.agent.get('/api/surveys').expect(200);
      assert.deepEqual(others.body.map((s: { id: number }) => s.id), [theirs.body.id]);
      assert.deepEqual((await noFunder.agent.get('/api/surveys').expect(200)).body, []);
      await w.funder.agent.post('/api/surveys').send({ cohort_id: w.funded.cohort_id }).expect(403);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('everything else', () => {
    it('answers 404 for a single record of anything else and 403 for lists, never a person, a score or a coaching note', async () => {
      const w = await world();
      const application = await db().selectFrom('applications').select('id').where('cohort_id', '=', w.funded.cohort_id).executeTakeFirstOrThrow();
      for (const path of [
        `/api/applications/${application.id}`, `/api/organisations/${w.funded.organisation_id}`, `/api/fellowships/${w.funded.id}`,
        `/api/users/${w.funder.user.id}`, `/api/reviews/1`, `/api/coaching-sessions/1`, `/api/emails/1`, `/api/audit-events/1`, `/api/applications/${application.id}/pdf`,
      ]) {
        await w.funder.agent.get(path).expect(404);
      }
      for (const path of ['/api/applications', '/api/people', '/api/organisations', '/api/reviews', '/api/coaching-sessions', '/api/emails', '/api/users', '/api/audit-events', '/api/rankings', '/api/fellowships']) {
        await w.funder.agent.get(path).expect(403);
      }
    });

    it('logs in as a funder and sees its role in /auth/me and /permissions', async () => {
      const w = await world();
      const me = await w.funder.agent.get('/api/auth/me').expect(200);
      assert.equal(me.body.role, 'funder');
      const { body } = await w.funder.agent.get('/api/permissions').expect(200);
      assert.ok(body.allowed.includes('GET /dashboard'));
      assert.ok(body.allowed.includes('GET /reports/:id/pdf'));
      // Read-only apart from its own session and account (login, logout, its language: PUT /auth/me).
      assert.ok(!body.allowed.some((key: string) => /^(POST|PUT|DELETE) /.test(key) && !/^(POST|PUT) \/auth\//.test(key)), 'read-only');
    });

    it('can be created by an admin as a user with the role funder', async () => {
      const { agent } = await agentFor('admin');
      const res = await agent.post('/api/users').send({ email: 'stiftung@example.org', name: 'Stiftung', role: 'funder', password: 'ein-langes-passwort-1' }).expect(201);
      assert.equal(res.body.role, 'funder');
      const filtered = await agent.get('/api/users').query(listQuery({ filter: { role: 'funder' } })).expect(200);
      assert.deepEqual(filtered.body.map((u: { id: number }) => u.id), [res.body.id]);
    });
  });

  describe('demo data', () => {
    it('has funder@example.org funding every cohort and funder2@example.org none, with the demo password', async function () {
      this.timeout(300_000);
      if (testContext.databaseUrl) {
        const own = await openDatabase({ url: testContext.databaseUrl, poolSize: 1 });
        await seedDemo(own.db, { publicUrl: 'https://crm.example.org' }).finally(() => own.close());
      } else {
        await seedDemo(db(), { publicUrl: 'https://crm.example.org' });
      }
      const login = async (email: string) => {
        const agent = request.agent(testContext.app);
        await agent.post('/api/auth/login').send({ email, password: 'demo-password' }).expect(200);
        return agent;
      };
      const cohorts = await db().selectFrom('cohorts').select('id').orderBy('id').execute();
      const funder = await login('funder@example.org');
      const seen = (await funder.get('/api/cohorts').query(listQuery({ sort: ['id', 'ASC'] })).expect(200)).body;
      assert.deepEqual(seen.map((c: { id: number }) => c.id), cohorts.map((c) => c.id));
      assert.ok((await funder.get('/api/dashboard').expect(200)).body.cohort, 'the dashboard of the latest cohort');
      const other = await login('funder2@example.org');
      assert.deepEqual((await other.get('/api/cohorts').expect(200)).body, []);
      await other.get(`/api/cohorts/${cohorts[0].id}`).expect(404);
    });
  });
});
