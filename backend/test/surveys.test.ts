import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import request from 'supertest';
import { testContext } from './support/context.ts';
import { agentFor, databaseSnapshot, db } from './support/fixtures.ts';
import { createFellowship } from './support/funding-fixtures.ts';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/database.ts';
import { seedDemo } from '../../seeds/demo.ts';
import { createLogger } from '../src/logger.ts';
import { cohortSurveyOutcomes, surveyResults } from '../src/surveys/index.ts';
import { netPromoterScore, summariseAnswers } from '../src/surveys/surveys.queries.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const DAY = 86_400_000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

/** A cohort with four fellows (each with an applicant login), an outsider, staff, and a workshop that ended yesterday. */
async function world() {
  const first = await createFellowship();
  const cohortId = first.cohort_id;
  const fellows = [first, ...(await Promise.all([1, 2, 3].map(() => createFellowship({ cohort_id: cohortId }))))];
  const applicants = [];
  for (const f of fellows) applicants.push(await agentFor('applicant', { organisation_id: f.organisation_id }));
  const outsiderFellowship = await createFellowship();
  const outsider = await agentFor('applicant', { organisation_id: outsiderFellowship.organisation_id });
  const staff = await agentFor('staff');
  const workshop = await db().insertInto('workshops').values({
    cohort_id: cohortId, title: 'Wirkungsmessung', starts_at: at(-1.5), ends_at: at(-1.2),
  }).returningAll().executeTakeFirstOrThrow();
  // Fellows 0 and 1 attended; fellow 2 was registered but absent; fellow 3 not registered.
  for (const [i, status] of [[0, 'attended'], [1, 'attended'], [2, 'absent']] as const) {
    const person = await db().insertInto('people').values({ organisation_id: fellows[i].organisation_id, first_name: 'Pia', last_name: `Person ${i}` }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('attendances').values({ workshop_id: workshop.id, person_id: person.id, status }).execute();
  }
  return { cohortId, fellows, applicants, outsider, staff, workshop };
}
type World = Awaited<ReturnType<typeof world>>;

const QUESTIONS = [
  { key: 'nutzen', label: 'Wie nützlich war das Programm?', type: 'scale_1_5' },
  { key: 'empfehlung', label: 'Würden Sie das Programm weiterempfehlen?', type: 'nps_0_10' },
  { key: 'format', label: 'Welches Format passt?', type: 'choice', options: ['Präsenz', 'Online'] },
  { key: 'gut', label: 'Was war besonders gut?', type: 'text' },
];
const surveyBody = (w: World, values: Record<string, unknown> = {}) => ({
  cohort_id: w.cohortId, title: 'Programm-NPS', kind: 'programme_nps', questions: QUESTIONS, opens_at: at(-1), closes_at: at(7), ...values,
});
const createSurvey = async (w: World, values: Record<string, unknown> = {}) => (await w.staff.agent.post('/api/surveys').send(surveyBody(w, values)).expect(201)).body;
const answer = (agent: World['staff']['agent'], surveyId: number, answers: Record<string, unknown>) => agent.post('/api/survey-responses').send({ survey_id: surveyId, answers });
const full = (n: number, text?: string) => ({ nutzen: Math.min(5, n), empfehlung: n, format: n % 2 ? 'Online' : 'Präsenz', ...(text ? { gut: text } : {}) });

describe('surveys (issue 20)', () => {
  describe('questions and surveys', () => {
    it('lets staff create a survey, anonymous by default, audited', async () => {
      const w = await world();
      const s = await createSurvey(w);
      assert.equal(s.anonymous, true);
      assert.equal(s.response_count, 0);
      assert.equal(s.state, 'open');
      assert.deepEqual(s.questions.map((q: any) => q.key), ['nutzen', 'empfehlung', 'format', 'gut']);
      const audit = await db().selectFrom('audit_events').select(['action', 'actor_id']).where('resource', '=', 'surveys').where('record_id', '=', s.id).execute();
      assert.deepEqual(audit, [{ action: 'create', actor_id: w.staff.user.id }]);
    });

    it('refuses bad questions and bad survey settings with 400 naming the field, changing nothing', async () => {
      const w = await world();
      const other = await createFellowship();
      const otherWorkshop = await db().insertInto('workshops').values({ cohort_id: other.cohort_id, title: 'Anderswo', starts_at: at(-3), ends_at: at(-2.9) }).returning('id').executeTakeFirstOrThrow();
      const cases: [Record<string, unknown>, string][] = [
        [{ questions: [QUESTIONS[0], { ...QUESTIONS[1], key: 'nutzen' }] }, 'questions.1.key'],
        [{ questions: [{ key: 'Groß', label: 'x', type: 'text' }, QUESTIONS[1]] }, 'questions.0.key'],
        [{ questions: [{ key: 'wahl', label: 'x', type: 'choice' }, QUESTIONS[1]] }, 'questions.0.options'],
        [{ questions: [{ key: 'wahl', label: 'x', type: 'choice', options: ['a', 'a'] }, QUESTIONS[1]] }, 'questions.0.options'],
        [{ questions: [{ key: 'skala', label: 'x', type: 'scale_1_5', options: ['a', 'b'] }, QUESTIONS[1]] }, 'questions.0.options'],
        [{ questions: [{ key: 'skala', label: 'x', type: 'slider' }] }, 'questions.0.type'],
        [{ questions: [] }, 'questions'],
        [{ questions: [QUESTIONS[0]] }, 'questions'],
        [{ closes_at: at(-2) }, 'closes_at'],
        [{ kind: 'workshop_feedback' }, 'workshop_id'],
        [{ kind: 'workshop_feedback', workshop_id: otherWorkshop.id }, 'workshop_id'],
        [{ kind: 'workshop_feedback', workshop_id: w.workshop.id, opens_at: at(-1.3) }, 'opens_at'],
        [{ kind: 'party' }, 'kind'],
      ];
      const before = await databaseSnapshot();
      for (const [values, field] of cases) {
        const res = await w.staff.agent.post('/api/surveys').send(surveyBody(w, values)).expect(400);
        assert.ok(res.body.errors?.[field], `${JSON.stringify(values)} → ${JSON.stringify(res.body)}`);
      }
      assert.equal(await databaseSnapshot(), before);
    });

    it('keeps questions, workshop and anonymity once answered (409 survey_answered), other fields still change, and keeps an answered survey', async () => {
      const w = await world();
      const s = await createSurvey(w);
      await answer(w.applicants[0].agent, s.id, full(9)).expect(201);
      const before = await databaseSnapshot();
      for (const values of [{ questions: QUESTIONS.slice(1) }, { anonymous: false }]) {
        const res = await w.staff.agent.put(`/api/surveys/${s.id}`).send(values).expect(409);
        assert.equal(res.body.code, 'survey_answered');
      }
      assert.equal((await w.staff.agent.delete(`/api/surveys/${s.id}`).expect(409)).body.code, 'survey_answered');
      assert.equal(await databaseSnapshot(), before);
      // The console sends the whole record back: the same questions are no change.
      const record = (await w.staff.agent.get(`/api/surveys/${s.id}`).expect(200)).body;
      const saved = await w.staff.agent.put(`/api/surveys/${s.id}`).send({ ...record, title: 'Programm-NPS 2026' }).expect(200);
      assert.equal(saved.body.title, 'Programm-NPS 2026');
      const unanswered = await createSurvey(w);
      await w.staff.agent.put(`/api/surveys/${unanswered.id}`).send({ anonymous: false, questions: QUESTIONS.slice(1) }).expect(200);
      await w.staff.agent.delete(`/api/surveys/${unanswered.id}`).expect(200);
    });
  });

  describe('audience and answering', () => {
    it('shows a respondent the open surveys of their audience with whether they answered; others see nothing, coaches and jurors are refused', async () => {
      const w = await world();
      const programme = await createSurvey(w);
      const feedback = await createSurvey(w, { kind: 'workshop_feedback', workshop_id: w.workshop.id, title: 'Feedback Wirkungsmessung', opens_at: at(-1) });
      await createSurvey(w, { title: 'Später', opens_at: at(2), closes_at: at(9) });
      await createSurvey(w, { title: 'Vorbei', opens_at: at(-9), closes_at: at(-2) });
      const list = async (agent: World['staff']['agent']) => (await agent.get('/api/surveys').expect(200)).body.map((s: any) => [s.title, s.answered]).sort();
      assert.deepEqual(await list(w.applicants[0].agent), [['Feedback Wirkungsmessung', false], ['Programm-NPS', false]]);
      assert.deepEqual(await list(w.applicants[2].agent), [['Programm-NPS', false]], 'absent at the workshop: no feedback survey');
      assert.deepEqual(await list(w.outsider.agent), []);
      await w.outsider.agent.get(`/api/surveys/${programme.id}`).expect(404);
      await w.applicants[3].agent.get(`/api/surveys/${feedback.id}`).expect(404);
      await answer(w.applicants[0].agent, programme.id, full(10)).expect(201);
      assert.deepEqual(await list(w.applicants[0].agent), [['Feedback Wirkungsmessung', false], ['Programm-NPS', true]]);
      const mine = (await w.applicants[0].agent.get(`/api/surveys/${programme.id}`).expect(200)).body;
      assert.equal(mine.response_count, undefined, 'respondents do not see counts');
      for (const role of ['coach', 'jury'] as const) await (await agentFor(role)).agent.get('/api/surveys').expect(403);
    });

    it('refuses a second answer (409 already_answered), answers outside the window (409) and outside the audience (404), changing nothing', async () => {
      const w = await world();
      const s = await createSurvey(w);
      const later = await createSurvey(w, { opens_at: at(1), closes_at: at(8) });
      const over = await createSurvey(w, { opens_at: at(-9), closes_at: at(-1) });
      const feedback = await createSurvey(w, { kind: 'workshop_feedback', workshop_id: w.workshop.id, opens_at: at(-1) });
      await answer(w.applicants[0].agent, s.id, full(8)).expect(201);
      const before = await databaseSnapshot();
      assert.equal((await answer(w.applicants[0].agent, s.id, full(3)).expect(409)).body.code, 'already_answered');
      assert.equal((await answer(w.applicants[1].agent, later.id, full(3)).expect(409)).body.code, 'survey_not_open');
      assert.equal((await answer(w.applicants[1].agent, over.id, full(3)).expect(409)).body.code, 'survey_closed');
      await answer(w.outsider.agent, s.id, full(3)).expect(404);
      await answer(w.applicants[2].agent, feedback.id, full(3)).expect(404);
      await answer(w.applicants[1].agent, 999_999, full(3)).expect(404);
      await w.staff.agent.post('/api/survey-responses').send({ survey_id: s.id, answers: full(3) }).expect(403);
      assert.equal(await databaseSnapshot(), before);
    });

    it('checks every answer against the questions: 400 at answers.<key>, nothing stored', async () => {
      const w = await world();
      const s = await createSurvey(w);
      const before = await databaseSnapshot();
      const cases: [Record<string, unknown>, string][] = [
        [{ ...full(5), nutzen: 6 }, 'answers.nutzen'],
        [{ ...full(5), nutzen: 2.5 }, 'answers.nutzen'],
        [{ ...full(5), empfehlung: -1 }, 'answers.empfehlung'],
        [{ ...full(5), empfehlung: '9' }, 'answers.empfehlung'],
        [{ ...full(5), format: 'Hybrid' }, 'answers.format'],
        [{ ...full(5), gut: 'x'.repeat(2001) }, 'answers.gut'],
        [{ nutzen: 3, format: 'Online' }, 'answers.empfehlung'],
        [{ ...full(5), extra: 'hallo' }, 'answers.extra'],
      ];
      for (const [answers, field] of cases) {
        const res = await answer(w.applicants[0].agent, s.id, answers).expect(400);
        assert.ok(res.body.errors?.[field], `${JSON.stringify(answers)} → ${JSON.stringify(res.body)}`);
      }
      await w.applicants[0].agent.post('/api/survey-responses').send({ survey_id: s.id, answers: [1, 2] }).expect(400);
      assert.equal(await databaseSnapshot(), before);
      // A free text may stay empty; it is then left out of the answer.
      await answer(w.applicants[0].agent, s.id, { ...full(5), gut: '  ' }).expect(201);
      const row = await db().selectFrom('survey_responses').select('answers').where('survey_id', '=', s.id).executeTakeFirstOrThrow();
      assert.deepEqual(row.answers, full(5));
    });

    it('stores one answer when the same person sends several at the same moment (unique keyed hash), and all of different people', async function () {
      if (!onPostgres) this.skip();
      const w = await world();
      const s = await createSurvey(w);
      const same = await Promise.all(Array.from({ length: 8 }, () => answer(w.applicants[0].agent, s.id, full(7))));
      assert.deepEqual(same.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
      assert.ok(same.filter((r) => r.status === 409).every((r) => r.body.code === 'already_answered'));
      const others = await Promise.all(w.applicants.slice(1).map((a, i) => answer(a.agent, s.id, full(i + 3))));
      assert.deepEqual(others.map((r) => r.status), [201, 201, 201]);
      const { n } = await db().selectFrom('survey_responses').select(sql<number>`count(*)::int`.as('n')).where('survey_id', '=', s.id).executeTakeFirstOrThrow();
      assert.equal(n, 4);
    });
  });

  describe('anonymity', () => {
    it('keeps no trace of the respondent: no column of any table (other than their login) and no log line names them, the hash is the keyed HMAC', async () => {
      const w = await world();
      const s = await createSurvey(w);
      const lines: string[] = [];
      const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
      const config = { ...testContext.config, LOG_LEVEL: 'trace' as const };
      const { app } = buildApp({ ...testContext.appContext, config, logger: createLogger(config, stream) }, { ping: testContext.handle.ping, loginLimit: 100_000 });
      const respondent = await agentFor('applicant', { organisation_id: w.fellows[1].organisation_id, email: 'rieke.respondentin@example.org', name: 'Rieke Respondentin' });
      const agent = request.agent(app);
      await agent.post('/api/auth/login').send({ email: respondent.user.email, password: 'test-password-1' }).expect(200);

      // Every column of every table as text, and every column referring to users: rows that name the respondent.
      const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
        select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_%'
        order by c.table_name, c.ordinal_position`.execute(db());
      const { rows: userRefs } = await sql<{ table_name: string; column_name: string }>`
        select cl.relname as table_name, a.attname as column_name from pg_constraint k
        join pg_class cl on cl.oid = k.conrelid join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
        where k.contype = 'f' and k.confrelid = 'users'::regclass`.execute(db());
      const refs = [...userRefs, { table_name: 'audit_events', column_name: 'actor_id' }];
      const traces = async () => {
        const found: string[] = [];
        for (const c of columns) {
          if (c.table_name === 'users') continue;
          const { rows } = await sql<{ v: string }>`select ${sql.ref(c.column_name)}::text as v from ${sql.table(c.table_name)}
            where strpos(lower(${sql.ref(c.column_name)}::text), ${'rieke'}) > 0 or strpos(lower(${sql.ref(c.column_name)}::text), ${'respondentin'}) > 0`.execute(db());
          for (const r of rows) found.push(`${c.table_name}.${c.column_name}: ${r.v}`);
        }
        for (const c of refs) {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} = ${respondent.user.id}`.execute(db());
          if (rows[0].n) found.push(`${c.table_name}.${c.column_name} × ${rows[0].n}`);
        }
        return found.sort();
      };
      const before = await traces();
      assert.ok(before.some((t) => t.startsWith('sessions.user_id')), 'the search finds the login');
      const logBefore = lines.length;
      await agent.post('/api/survey-responses').send({ survey_id: s.id, answers: full(9, 'Die Begleitung durch Rieke war toll') }).expect(201);
      const after = await traces();
      // The only new mention is the respondent's own free text, which names nobody but a coach "Rieke".
      assert.deepEqual(after.filter((t) => !before.includes(t)), ['survey_responses.answers: {"gut": "Die Begleitung durch Rieke war toll", "format": "Online", "nutzen": 5, "empfehlung": 9}']);
      const row = await db().selectFrom('survey_responses').selectAll().where('survey_id', '=', s.id).executeTakeFirstOrThrow();
      assert.equal(row.user_id, null);
      assert.match(row.answered_on, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(row.id, /^[0-9a-f-]{36}$/);
      assert.equal(row.respondent_hash, createHmac('sha256', testContext.config.surveySecret).update(`${s.id}:${respondent.user.id}`).digest('hex'));
      const log = lines.slice(logBefore).join('');
      assert.match(log, /survey-responses/);
      assert.doesNotMatch(log, /rieke|respondent|"user|actor/i);
      assert.ok(!log.includes(`"id":${respondent.user.id},`) && !log.includes(`:${respondent.user.id}"`));
    });

    it('stores the user for a survey created as not anonymous', async () => {
      const w = await world();
      const s = await createSurvey(w, { anonymous: false });
      await answer(w.applicants[0].agent, s.id, full(6)).expect(201);
      const row = await db().selectFrom('survey_responses').select('user_id').where('survey_id', '=', s.id).executeTakeFirstOrThrow();
      assert.equal(row.user_id, w.applicants[0].user.id);
    });
  });

  describe('results', () => {
    it('hides the results under three answers (409 too_few_responses), then shows means, distributions, NPS and the free texts sorted, without names', async () => {
      const w = await world();
      const s = await createSurvey(w);
      await answer(w.applicants[0].agent, s.id, full(10, 'Zeit für Austausch')).expect(201);
      await answer(w.applicants[1].agent, s.id, full(9, 'Alles')).expect(201);
      const hidden = await w.staff.agent.get(`/api/surveys/${s.id}/results`).expect(409);
      assert.equal(hidden.body.code, 'too_few_responses');
      await w.applicants[0].agent.get(`/api/surveys/${s.id}/results`).expect(403);
      await answer(w.applicants[2].agent, s.id, full(7)).expect(201);
      await answer(w.applicants[3].agent, s.id, full(3, 'Mehr Online-Termine')).expect(201);
      const { body } = await w.staff.agent.get(`/api/surveys/${s.id}/results`).expect(200);
      assert.equal(body.response_count, 4);
      const [nutzen, empfehlung, format, gut] = body.questions;
      assert.deepEqual([nutzen.key, nutzen.mean, nutzen.distribution], ['nutzen', 4.5, { 1: 0, 2: 0, 3: 1, 4: 0, 5: 3 }]);
      assert.equal(empfehlung.mean, 7.25);
      assert.equal(empfehlung.nps, 25, '2 promoters, 1 detractor of 4');
      assert.equal(Object.keys(empfehlung.distribution).length, 11);
      assert.deepEqual(format.distribution, { Präsenz: 1, Online: 3 });
      assert.deepEqual(gut.texts, ['Alles', 'Mehr Online-Termine', 'Zeit für Austausch']);
      assert.equal(gut.count, 3);
      assert.doesNotMatch(JSON.stringify(body), /applicant|@example\.org/);
      await w.staff.agent.get('/api/surveys/999999/results').expect(404);
      assert.deepEqual(await surveyResults(db(), s.id), body);
    });

    it('computes NPS and means in one place', () => {
      assert.equal(netPromoterScore([]), null);
      assert.equal(netPromoterScore([10, 10, 10]), 100);
      assert.equal(netPromoterScore([0, 6, 7, 8]), -50);
      assert.equal(netPromoterScore([9, 8, 6]), 0);
      const [q] = summariseAnswers([{ key: 'a', label: 'A', type: 'scale_1_5' }], [{ a: 1 }, { a: 2 }, {}]);
      assert.deepEqual([q.count, q.mean], [2, 1.5]);
    });
  });

  describe('quotes and the cohort outcomes', () => {
    it('lets staff pick quotes from free texts once the results are visible, word for word from an answer', async () => {
      const w = await world();
      const s = await createSurvey(w);
      const few = await createSurvey(w, { title: 'Zu wenige' });
      await answer(w.applicants[0].agent, few.id, full(8, 'Nur eine Stimme')).expect(201);
      for (const [i, text] of ['Die Peer-Gruppe hat uns getragen.', 'Gute Kontakte', 'Mehr Zeit wäre schön'].entries()) {
        await answer(w.applicants[i].agent, s.id, full(8 + i - (i === 2 ? 6 : 0), text)).expect(201);
      }
      const quote = (values: Record<string, unknown>) => w.staff.agent.post('/api/survey-quotes').send({ survey_id: s.id, question_key: 'gut', ...values });
      const before = await databaseSnapshot();
      assert.equal((await w.staff.agent.post('/api/survey-quotes').send({ survey_id: few.id, question_key: 'gut', text: 'Nur eine Stimme' }).expect(409)).body.code, 'too_few_responses');
      assert.ok((await quote({ text: 'Erfunden' }).expect(400)).body.errors.text);
      assert.ok((await quote({ question_key: 'nutzen', text: '5' }).expect(400)).body.errors.question_key);
      await quote({ survey_id: 999_999, text: 'Gute Kontakte' }).expect(404);
      await w.applicants[0].agent.post('/api/survey-quotes').send({ survey_id: s.id, question_key: 'gut', text: 'Gute Kontakte' }).expect(403);
      assert.equal(await databaseSnapshot(), before);
      const first = (await quote({ text: 'Die Peer-Gruppe hat uns getragen' }).expect(201)).body;
      const second = (await quote({ text: 'Gute Kontakte' }).expect(201)).body;
      assert.deepEqual([first.position, second.position], [0, 1]);
      assert.equal((await quote({ text: 'Gute Kontakte' }).expect(409)).body.code, 'duplicate');
      await w.staff.agent.put(`/api/survey-quotes/${second.id}`).send({ text: 'Erfunden' }).expect(404);

      const outcomes = await cohortSurveyOutcomes(db(), w.cohortId);
      assert.deepEqual(outcomes.map((o) => o.title), ['Programm-NPS'], 'the survey under the threshold is left out');
      const [o] = outcomes;
      assert.equal(o.response_count, 3);
      assert.equal(o.kind, 'programme_nps');
      assert.equal(o.scale_mean, 4.67, 'scales 5, 5, 4');
      assert.equal(o.nps, 0, 'one promoter (9), one detractor (4) of three');
      assert.deepEqual(o.quotes, [{ question_key: 'gut', text: 'Die Peer-Gruppe hat uns getragen' }, { question_key: 'gut', text: 'Gute Kontakte' }]);
      const list = (await w.staff.agent.get(`/api/survey-quotes?filter=${encodeURIComponent(JSON.stringify({ survey_id: s.id }))}`).expect(200)).body;
      assert.deepEqual(list.map((q: any) => q.text), ['Die Peer-Gruppe hat uns getragen', 'Gute Kontakte']);
      await w.staff.agent.delete(`/api/survey-quotes/${first.id}`).expect(200);
      assert.deepEqual((await cohortSurveyOutcomes(db(), w.cohortId))[0].quotes.map((q) => q.text), ['Gute Kontakte']);
    });
  });

  describe('demo data', () => {
    it('has feedback and NPS surveys on past cohorts and the current one, some over and one under the threshold, quotes, and an open feedback applicant10 answered and applicant4 not', async function () {
      this.timeout(300_000);
      if (testContext.databaseUrl) {
        const own = await openDatabase({ url: testContext.databaseUrl, poolSize: 1 });
        await seedDemo(own.db, { publicUrl: 'https://crm.example.org', surveySecret: testContext.config.surveySecret }).finally(() => own.close());
      } else {
        await seedDemo(db(), { publicUrl: 'https://crm.example.org', surveySecret: testContext.config.surveySecret });
      }
      const surveys = await db().selectFrom('surveys as s').innerJoin('cohorts as c', 'c.id', 's.cohort_id')
        .select(['s.id', 's.kind', 's.cohort_id', 'c.phase', (eb) => eb.selectFrom('survey_responses as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.survey_id', '=', 's.id').as('n')])
        .execute();
      assert.ok(surveys.some((s) => s.phase === 'alumni' && s.kind === 'programme_nps' && Number(s.n) >= 3));
      assert.ok(surveys.some((s) => s.phase === 'alumni' && s.kind === 'workshop_feedback' && Number(s.n) >= 3));
      assert.ok(surveys.some((s) => s.phase !== 'alumni' && s.kind === 'workshop_feedback' && Number(s.n) >= 3));
      assert.ok(surveys.some((s) => Number(s.n) > 0 && Number(s.n) < 3), 'one survey shows the threshold');
      for (const s of surveys.filter((x) => Number(x.n) >= 3)) await surveyResults(db(), s.id);
      const outcomes = await cohortSurveyOutcomes(db(), surveys.find((s) => s.phase === 'alumni')!.cohort_id);
      assert.ok(outcomes.some((o) => o.nps !== null && o.quotes.length > 0));
      const openFor = async (email: string) => {
        const agent = request.agent(testContext.app);
        await agent.post('/api/auth/login').send({ email, password: 'demo-password' }).expect(200);
        return (await agent.get('/api/surveys').expect(200)).body.map((s: any) => [s.kind, s.answered]);
      };
      assert.deepEqual(await openFor('applicant10@example.org'), [['workshop_feedback', true]]);
      assert.deepEqual(await openFor('applicant4@example.org'), [['workshop_feedback', false]]);
    });
  });
});

