import assert from 'node:assert/strict';
import { agentFor, createUser, databaseSnapshot, db, listQuery, loginAs, type Agent } from './support/fixtures.ts';
import { createApplication, createCohort, createCriteria, createJurors, insertReview } from './support/jury.ts';
import { jurorApplicationScope } from '../../backend/src/conflicts/conflicts.queries.ts';
import { planAssignment } from '../../backend/src/reviews/assignment.ts';

async function scoringSetup() {
  const cohort = await createCohort('review');
  const criteria = await createCriteria(cohort.id, [{ weight: 2, max_score: 5 }, { weight: 1, max_score: 5 }]);
  const mine = await createApplication(cohort.id);
  const theirs = await createApplication(cohort.id);
  const juror = await createUser('jury');
  const other = await createUser('jury');
  const review = await insertReview(mine.id, juror.id);
  const foreign = await insertReview(theirs.id, other.id, { scores: [{ criterion_id: criteria[0].id, score: 5 }] });
  const agent = await loginAs(juror);
  return { cohort, criteria, mine, theirs, juror, other, review, foreign, agent };
}

const fullScores = (criteria: Array<{ id: number }>, points = [4, 3]) => criteria.map((c, i) => ({ criterion_id: c.id, score: points[i], comment: `Kommentar ${i}` }));

/** Every route a juror can call for one review: all must answer 404 when the review is outside their view. */
async function assertInvisible(agent: Agent, reviewId: number, criteria: Array<{ id: number }>) {
  await agent.get(`/api/reviews/${reviewId}`).expect(404);
  await agent.put(`/api/reviews/${reviewId}`).send({ scores: fullScores(criteria) }).expect(404);
  await agent.post(`/api/reviews/${reviewId}/submit`).send({ scores: fullScores(criteria), recommendation: 'yes' }).expect(404);
  const list = await agent.get('/api/reviews').query(listQuery({ filter: { id: [reviewId] } })).expect(200);
  assert.deepEqual(list.body, []);
}

describe('jury scoring', () => {
  it('shows a juror only their own reviews, with the application text but no contact data', async () => {
    const { agent, review, foreign, criteria, mine, other } = await scoringSetup();
    const list = await agent.get('/api/reviews').expect(200);
    assert.deepEqual(list.body.map((r: any) => r.id), [review.id]);
    const one = await agent.get(`/api/reviews/${review.id}`).expect(200);
    assert.equal(one.body.application.project_name, mine.project_name);
    assert.equal(one.body.application.summary, 'Wir skalieren.');
    assert.ok(one.body.application.organisation_name);
    const text = JSON.stringify(one.body);
    assert.ok(!text.includes('030 123456') && !text.includes('Geheimweg') && !text.includes('@example.org'), 'no contact data');
    assert.deepEqual(one.body.criteria.map((c: any) => [c.id, c.description, c.max_score]), criteria.map((c) => [c.id, c.description, c.max_score]));
    await assertInvisible(agent, foreign.id, criteria);
    const byOther = await agent.get('/api/reviews').query(listQuery({ filter: { juror_id: other.id } })).expect(200);
    assert.deepEqual(byOther.body, []);
  });

  it('lets a juror read only assigned, unconflicted applications through the applications API, without contact data', async () => {
    const { agent, mine, theirs, juror, criteria, review } = await scoringSetup();
    await db().updateTable('applications').set({ eligibility_note: 'intern', interview_notes: 'intern' }).execute();
    const list = await agent.get('/api/applications').expect(200);
    assert.deepEqual(list.body.map((a: any) => a.id), [mine.id]);
    const one = await agent.get(`/api/applications/${mine.id}`).expect(200);
    assert.equal(one.body.project_name, mine.project_name);
    assert.ok(one.body.organisation_name);
    for (const hidden of ['eligibility_note', 'interview_notes', 'decision_reason', 'organisation_city', 'organisation_state', 'status']) {
      assert.ok(!(hidden in one.body), `${hidden} hidden`);
    }
    await agent.get(`/api/applications/${theirs.id}`).expect(404);
    await agent.get(`/api/applications/${mine.id}/pdf`).expect(403);
    await agent.put(`/api/applications/${mine.id}`).send({ project_name: 'x' }).expect(403);
    await db().insertInto('conflicts').values({ juror_id: juror.id, organisation_id: mine.organisation_id, reason: 'Vorstand' }).execute();
    await agent.get(`/api/applications/${mine.id}`).expect(404);
    const after = await agent.get('/api/applications').expect(200);
    assert.deepEqual(after.body, []);
    await assertInvisible(agent, review.id, criteria);
  });

  it('saves a draft with per-criterion comments and records the score change', async () => {
    const { agent, review, criteria } = await scoringSetup();
    const res = await agent.put(`/api/reviews/${review.id}`).send({ scores: [{ criterion_id: criteria[0].id, score: 4, comment: 'Stark' }], overall_comment: 'Gut', recommendation: 'maybe', id: 999, status: 'submitted' }).expect(200);
    assert.equal(res.body.status, 'assigned');
    assert.deepEqual(res.body.scores, [{ criterion_id: criteria[0].id, score: 4, comment: 'Stark' }, { criterion_id: criteria[1].id, score: null, comment: null }]);
    assert.equal(res.body.scored_count, 1);
    const event = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'reviews').where('action', '=', 'update').executeTakeFirstOrThrow();
    assert.equal(event.record_id, review.id);
    assert.ok(JSON.stringify(event.changes).includes('Stark'));
  });

  it('submits only complete reviews, then makes them read-only', async () => {
    const { agent, review, criteria } = await scoringSetup();
    const before = await databaseSnapshot();
    const incomplete = await agent.post(`/api/reviews/${review.id}/submit`).send({ scores: [{ criterion_id: criteria[0].id, score: 4 }] }).expect(400);
    assert.equal(incomplete.body.code, 'incomplete_review');
    assert.ok(incomplete.body.errors['scores.1.score']);
    assert.ok(incomplete.body.errors.recommendation);
    assert.equal(await databaseSnapshot(), before);
    await agent.put(`/api/reviews/${review.id}`).send({ scores: fullScores(criteria) }).expect(200);
    const submitted = await agent.post(`/api/reviews/${review.id}/submit`).send({ recommendation: 'yes' }).expect(200);
    assert.equal(submitted.body.status, 'submitted');
    assert.ok(submitted.body.submitted_at);
    assert.equal(submitted.body.recommendation, 'yes');
    const frozen = await databaseSnapshot();
    const edit = await agent.put(`/api/reviews/${review.id}`).send({ scores: fullScores(criteria, [1, 1]) }).expect(409);
    assert.equal(edit.body.code, 'review_submitted');
    await agent.post(`/api/reviews/${review.id}/submit`).send({}).expect(409);
    assert.equal(await databaseSnapshot(), frozen);
    const audit = await db().selectFrom('audit_events').select(['action']).where('resource', '=', 'reviews').where('record_id', '=', review.id).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['update', 'submit']);
  });

  it('shows staff a review only as "in progress" until the juror submits', async () => {
    const { agent, review, criteria } = await scoringSetup();
    const { agent: staff } = await agentFor('staff');
    await agent.put(`/api/reviews/${review.id}`).send({ scores: fullScores(criteria), recommendation: 'no', overall_comment: 'geheim' }).expect(200);
    const draft = await staff.get(`/api/reviews/${review.id}`).expect(200);
    assert.deepEqual(draft.body.scores, []);
    assert.equal(draft.body.recommendation, null);
    assert.equal(draft.body.overall_comment, null);
    assert.equal(draft.body.in_progress, true);
    const list = await staff.get('/api/reviews').query(listQuery({ filter: { juror_id: review.juror_id } })).expect(200);
    assert.ok(!JSON.stringify(list.body).includes('geheim'));
    await agent.post(`/api/reviews/${review.id}/submit`).send({}).expect(200);
    const done = await staff.get(`/api/reviews/${review.id}`).expect(200);
    assert.equal(done.body.recommendation, 'no');
    assert.equal(done.body.scores.length, 2);
  });

  it('rejects bad draft and submit input with field errors, changing nothing', async () => {
    const { agent, review, criteria } = await scoringSetup();
    const otherCohort = await createCohort('review');
    const [foreignCriterion] = await createCriteria(otherCohort.id, [{ weight: 1, max_score: 5 }]);
    const before = await databaseSnapshot();
    const cases: Array<[string, unknown, string?]> = [
      ['above max', { scores: [{ criterion_id: criteria[0].id, score: 6 }] }, 'scores.0.score'],
      ['negative', { scores: [{ criterion_id: criteria[0].id, score: -1 }] }, 'scores.0.score'],
      ['fraction', { scores: [{ criterion_id: criteria[0].id, score: 2.5 }] }, 'scores.0.score'],
      ['string score', { scores: [{ criterion_id: criteria[0].id, score: 'vier' }] }, 'scores.0.score'],
      ['foreign criterion', { scores: [{ criterion_id: foreignCriterion.id, score: 1 }] }, 'scores.0.criterion_id'],
      ['duplicate criterion', { scores: [{ criterion_id: criteria[0].id, score: 1 }, { criterion_id: criteria[0].id, score: 2 }] }, 'scores.1.criterion_id'],
      ['missing criterion id', { scores: [{ score: 1 }] }, 'scores.0.criterion_id'],
      ['scores not a list', { scores: 'alle fünf' }, 'scores'],
      ['bad recommendation', { recommendation: 'vielleicht' }, 'recommendation'],
      ['huge comment', { overall_comment: 'x'.repeat(30_000) }, 'overall_comment'],
      ['huge criterion comment', { scores: [{ criterion_id: criteria[0].id, score: 1, comment: 'y'.repeat(6000) }] }, 'scores.0.comment'],
      ['array body', [1, 2]],
    ];
    for (const [label, body, field] of cases) {
      for (const send of [() => agent.put(`/api/reviews/${review.id}`), () => agent.post(`/api/reviews/${review.id}/submit`)]) {
        const res = await send().send(body as any);
        assert.equal(res.status, 400, label);
        if (field) assert.ok(res.body.errors?.[field], `${label}: ${JSON.stringify(res.body)}`);
      }
    }
    await agent.put(`/api/reviews/${review.id}`).set('Content-Type', 'application/json').send('{"scores": [').expect(400);
    await agent.post(`/api/reviews/${review.id}/submit`).set('Content-Type', 'application/json').send('{"scores"').expect(400);
    const huge = await agent.put(`/api/reviews/${review.id}`).send({ overall_comment: 'z'.repeat(2_000_000) });
    assert.equal(huge.status, 413);
    await agent.put('/api/reviews/999999').send({}).expect(404);
    await agent.post('/api/reviews/999999/submit').send({}).expect(404);
    await agent.post('/api/reviews/abc/submit').send({}).expect(404);
    await agent.get('/api/reviews').query({ filter: '{"juror_id":' }).expect(400);
    await agent.get('/api/reviews').query(listQuery({ filter: { scores: 5 } })).expect(400);
    assert.equal(await databaseSnapshot(), before);
  });

  it('keeps other roles out of reviews', async () => {
    const { review } = await scoringSetup();
    for (const role of ['coach', 'applicant'] as const) {
      const { agent } = await agentFor(role);
      await agent.get('/api/reviews').expect(403);
      await agent.get(`/api/reviews/${review.id}`).expect(403);
      await agent.post(`/api/reviews/${review.id}/submit`).send({}).expect(403);
    }
    const { agent: staff } = await agentFor('staff');
    // Staff never score in a juror's name.
    await staff.put(`/api/reviews/${review.id}`).send({ recommendation: 'yes' }).expect(403);
    await staff.post(`/api/reviews/${review.id}/submit`).send({}).expect(403);
  });

  it('locks every review once the cohort has left the review phase: write and submit answer 409 and change nothing', async () => {
    const { agent, review, criteria, cohort, mine } = await scoringSetup();
    await agent.put(`/api/reviews/${review.id}`).send({ scores: fullScores(criteria, [2, 2]), recommendation: 'maybe' }).expect(200);
    const { agent: staff } = await agentFor('staff');
    const third = await createUser('jury');
    for (const phase of ['selection', 'programme', 'alumni'] as const) {
      await db().updateTable('cohorts').set({ phase }).where('id', '=', cohort.id).execute();
      const before = await databaseSnapshot();
      const write = await agent.put(`/api/reviews/${review.id}`).send({ scores: fullScores(criteria, [5, 5]), recommendation: 'yes' }).expect(409);
      assert.equal(write.body.code, 'review_closed', phase);
      const submit = await agent.post(`/api/reviews/${review.id}/submit`).send({ scores: fullScores(criteria, [5, 5]), recommendation: 'yes' }).expect(409);
      assert.equal(submit.body.code, 'review_closed', phase);
      await agent.post(`/api/reviews/${review.id}/submit`).send({}).expect(409);
      // No new reviewer either: an assignment nobody may work on would only leave a hole in the ranking.
      assert.equal((await staff.post('/api/reviews').send({ application_id: mine.id, juror_id: third.id }).expect(409)).body.code, 'wrong_phase');
      assert.equal((await staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send({ per_application: 2 }).expect(409)).body.code, 'wrong_phase');
      assert.equal(await databaseSnapshot(), before, phase);
    }
    const stored = await db().selectFrom('reviews').select(['status', 'scores', 'score']).where('id', '=', review.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'assigned');
    assert.deepEqual(stored.scores.map((s) => s.score), [2, 2]);
    assert.equal(stored.score, null);
    // Back in review (only possible by hand, never through a transition) the juror may finish.
    await db().updateTable('cohorts').set({ phase: 'review' }).where('id', '=', cohort.id).execute();
    await agent.post(`/api/reviews/${review.id}/submit`).send({}).expect(200);
  });

  it('submits a review exactly once under concurrent requests', async () => {
    const { agent, review, criteria } = await scoringSetup();
    await agent.put(`/api/reviews/${review.id}`).send({ scores: fullScores(criteria), recommendation: 'yes' }).expect(200);
    const results = await Promise.all(Array.from({ length: 8 }, () => agent.post(`/api/reviews/${review.id}/submit`).send({})));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409, 409, 409]);
    const submits = await db().selectFrom('audit_events').select('id').where('action', '=', 'submit').execute();
    assert.equal(submits.length, 1);
  });
});

describe('conflicts of interest', () => {
  it('hides a conflicted application from the juror on every route, even after assignment', async () => {
    const { agent, review, criteria, mine, juror } = await scoringSetup();
    await agent.put(`/api/reviews/${review.id}`).send({ scores: fullScores(criteria) }).expect(200);
    const created = await agent.post('/api/conflicts').send({ organisation_id: mine.organisation_id, reason: 'Ich sitze im Vorstand.' }).expect(201);
    assert.equal(created.body.juror_id, juror.id);
    await assertInvisible(agent, review.id, criteria);
    const row = await db().selectFrom('reviews').select('status').where('id', '=', review.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'conflict');
    const visible = await jurorApplicationScope(db(), juror.id).execute();
    assert.deepEqual(visible, []);
    // A conflict entered directly (without marking the review) still hides it: the scope checks both.
    await db().deleteFrom('conflicts').execute();
    await db().updateTable('reviews').set({ status: 'assigned' }).execute();
    await agent.get(`/api/reviews/${review.id}`).expect(200);
    await db().insertInto('conflicts').values({ juror_id: juror.id, organisation_id: mine.organisation_id, reason: 'direkt' }).execute();
    await assertInvisible(agent, review.id, criteria);
  });

  it('takes a conflicted juror out of the ranking and lets staff withdraw the conflict', async () => {
    const { agent, review, criteria, mine, juror, cohort } = await scoringSetup();
    await agent.post(`/api/reviews/${review.id}/submit`).send({ scores: fullScores(criteria), recommendation: 'yes' }).expect(200);
    const { agent: staff } = await agentFor('staff');
    const ranked = async () => (await staff.get(`/api/rankings/${mine.id}`).expect(200)).body.review_count;
    assert.equal(await ranked(), 1);
    const conflict = await staff.post('/api/conflicts').send({ juror_id: juror.id, organisation_id: mine.organisation_id, reason: 'Verwandtschaft' }).expect(201);
    assert.equal(await ranked(), 0);
    const mineList = await agent.get('/api/conflicts').expect(200);
    assert.deepEqual(mineList.body.map((c: any) => c.id), [conflict.body.id]);
    await agent.delete(`/api/conflicts/${conflict.body.id}`).expect(403);
    await staff.delete(`/api/conflicts/${conflict.body.id}`).expect(200);
    assert.equal(await ranked(), 1);
    const events = await db().selectFrom('audit_events').select('action').where('resource', '=', 'reviews').where('record_id', '=', review.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['submit', 'conflict', 'conflict-withdrawn']);
    assert.ok(cohort.id);
  });

  it('never lets staff assign a conflicted juror by hand; unassigns only unsubmitted reviews', async () => {
    const { juror, theirs, mine, review, agent, criteria } = await scoringSetup();
    const { agent: staff } = await agentFor('staff');
    await staff.post('/api/conflicts').send({ juror_id: juror.id, organisation_id: theirs.organisation_id, reason: 'Beratungsmandat' }).expect(201);
    const before = await databaseSnapshot();
    const refused = await staff.post('/api/reviews').send({ application_id: theirs.id, juror_id: juror.id }).expect(409);
    assert.equal(refused.body.code, 'conflict_of_interest');
    await staff.post('/api/reviews').send({ application_id: mine.id, juror_id: juror.id }).expect(409);
    const coach = await createUser('coach');
    await staff.post('/api/reviews').send({ application_id: mine.id, juror_id: coach.id }).expect(400);
    await staff.post('/api/reviews').send({ application_id: 999999, juror_id: juror.id }).expect(404);
    await staff.post('/api/reviews').send({ application_id: mine.id, juror_id: 999999 }).expect(404);
    await staff.post('/api/reviews').send({ application_id: 'eins', juror_id: juror.id }).expect(400);
    await staff.post('/api/reviews').send({}).expect(400);
    const draft = await createApplication((await createCohort()).id, { status: 'draft' });
    const afterDraft = await databaseSnapshot();
    await staff.post('/api/reviews').send({ application_id: draft.id, juror_id: juror.id }).expect(409);
    assert.notEqual(afterDraft, before);
    assert.equal(await databaseSnapshot(), afterDraft);
    const third = await createUser('jury');
    const manual = await staff.post('/api/reviews').send({ application_id: theirs.id, juror_id: third.id }).expect(201);
    await staff.delete(`/api/reviews/${manual.body.id}`).expect(200);
    await agent.post(`/api/reviews/${review.id}/submit`).send({ scores: fullScores(criteria), recommendation: 'no' }).expect(200);
    const kept = await staff.delete(`/api/reviews/${review.id}`).expect(409);
    assert.equal(kept.body.code, 'review_submitted');
    await agent.delete(`/api/reviews/${review.id}`).expect(403);
  });

  it('lets a juror declare conflicts only for themself, with names of applicants only', async () => {
    const { juror, other, mine } = await scoringSetup();
    const agent = await loginAs(juror);
    const candidates = await agent.get('/api/conflict-candidates').query(listQuery({ sort: ['name', 'ASC'] })).expect(200);
    assert.equal(candidates.body.length, 2);
    assert.deepEqual(Object.keys(candidates.body[0]).sort(), ['id', 'name']);
    const draftCohort = await createCohort('draft');
    await createApplication(draftCohort.id);
    const again = await agent.get('/api/conflict-candidates').expect(200);
    assert.equal(again.body.length, 2);
    const before = await databaseSnapshot();
    await agent.post('/api/conflicts').send({ juror_id: other.id, organisation_id: mine.organisation_id, reason: 'x' }).expect(404);
    await agent.post('/api/conflicts').send({ organisation_id: 999999, reason: 'x' }).expect(404);
    await agent.post('/api/conflicts').send({ organisation_id: mine.organisation_id }).expect(400);
    await agent.post('/api/conflicts').send({ organisation_id: mine.organisation_id, reason: '   ' }).expect(400);
    await agent.post('/api/conflicts').send({ organisation_id: 'abc', reason: 'x' }).expect(400);
    await agent.post('/api/conflicts').send({ organisation_id: mine.organisation_id, reason: 'r'.repeat(3000) }).expect(400);
    await agent.post('/api/conflicts').set('Content-Type', 'application/json').send('{"organisation_id":').expect(400);
    assert.equal(await databaseSnapshot(), before);
    const created = await agent.post('/api/conflicts').send({ organisation_id: mine.organisation_id, reason: 'Freundschaft' }).expect(201);
    await agent.post('/api/conflicts').send({ organisation_id: mine.organisation_id, reason: 'doppelt' }).expect(409);
    await agent.put(`/api/conflicts/${created.body.id}`).send({ reason: 'Enge Freundschaft' }).expect(200);
    const otherAgent = await loginAs(other);
    await otherAgent.get(`/api/conflicts/${created.body.id}`).expect(404);
    await otherAgent.put(`/api/conflicts/${created.body.id}`).send({ reason: 'y' }).expect(404);
    const { agent: staff } = await agentFor('staff');
    const coach = await createUser('coach');
    await staff.post('/api/conflicts').send({ juror_id: coach.id, organisation_id: mine.organisation_id, reason: 'x' }).expect(400);
    await staff.post('/api/conflicts').send({ organisation_id: mine.organisation_id, reason: 'x' }).expect(400);
    const { agent: applicant } = await agentFor('applicant');
    await applicant.get('/api/conflicts').expect(403);
    await applicant.get('/api/conflict-candidates').expect(403);
  });
});

describe('reviewer assignment', () => {
  async function sixtyBySeven() {
    const cohort = await createCohort('review');
    const apps: Awaited<ReturnType<typeof createApplication>>[] = [];
    for (let i = 0; i < 60; i++) apps.push(await createApplication(cohort.id));
    await createApplication(cohort.id, { status: 'ineligible' });
    await createApplication(cohort.id, { status: 'draft' });
    const jurors = await createJurors(7);
    const conflicts: Array<[number, number]> = [[0, 0], [0, 1], [1, 2], [2, 2], [3, 59]];
    for (const [j, a] of conflicts) {
      await db().insertInto('conflicts').values({ juror_id: jurors[j].id, organisation_id: apps[a].organisation_id, reason: 'Test' }).execute();
    }
    return { cohort, apps, jurors, conflicts };
  }

  async function checkAssignment(cohortId: number, perApplication: number, jurorIds: number[]) {
    const rows = await db()
      .selectFrom('reviews as r')
      .innerJoin('applications as a', 'a.id', 'r.application_id')
      .select(['r.id', 'r.application_id', 'r.juror_id', 'r.status', 'a.organisation_id', 'a.status as application_status'])
      .where('a.cohort_id', '=', cohortId)
      .where('r.status', '<>', 'conflict')
      .execute();
    const conflicts = new Set((await db().selectFrom('conflicts').select(['juror_id', 'organisation_id']).execute()).map((c) => `${c.juror_id}:${c.organisation_id}`));
    const perApp = new Map<number, number>();
    const perJuror = new Map<number, number>(jurorIds.map((j) => [j, 0]));
    for (const r of rows) {
      assert.equal(r.application_status, 'eligible');
      assert.ok(!conflicts.has(`${r.juror_id}:${r.organisation_id}`), 'never a conflicted juror');
      perApp.set(r.application_id, (perApp.get(r.application_id) ?? 0) + 1);
      perJuror.set(r.juror_id, (perJuror.get(r.juror_id) ?? 0) + 1);
    }
    assert.ok([...perApp.values()].every((n) => n === perApplication), 'every application fully staffed');
    const loads = [...perJuror.values()];
    assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `balanced: ${loads}`);
    return rows;
  }

  it('staffs 60 applications with 3 of 7 jurors, balanced, never conflicted, idempotent', async () => {
    const { cohort, apps, jurors } = await sixtyBySeven();
    const { agent: staff } = await agentFor('staff');
    const first = await staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send({ per_application: 3 }).expect(200);
    assert.equal(first.body.id, cohort.id);
    assert.equal(first.body.assignment.created, 180);
    assert.deepEqual(first.body.assignment.unfilled, []);
    assert.equal(apps.length, 60);
    await checkAssignment(cohort.id, 3, jurors.map((j) => j.id));
    const before = await databaseSnapshot();
    const second = await staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send({ per_application: 3 }).expect(200);
    assert.deepEqual([second.body.assignment.created, second.body.assignment.moved, second.body.assignment.removed], [0, 0, 0]);
    const pick = (s: string) => s.split('\n').filter((l) => l.startsWith('reviews:')).join();
    assert.equal(pick(await databaseSnapshot()), pick(before));
  });

  it('rebalances only what must change for a new juror or a new conflict, keeping started work', async () => {
    const { cohort, jurors, apps } = await sixtyBySeven();
    const { agent: staff } = await agentFor('staff');
    await staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send({ per_application: 3 }).expect(200);
    // Jurors start and submit work; that work must never move.
    const started = await db().selectFrom('reviews').selectAll().orderBy('id').limit(40).execute();
    for (const [i, r] of started.entries()) {
      await db().updateTable('reviews').set(i % 2 ? { status: 'submitted', submitted_at: new Date(), recommendation: 'yes' } : { overall_comment: 'angefangen' }).where('id', '=', r.id).execute();
    }
    const newJuror = await createUser('jury');
    const before = await db().selectFrom('reviews').selectAll().execute();
    const res = await staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send({ per_application: 3 }).expect(200);
    const rows = await checkAssignment(cohort.id, 3, [...jurors, newJuror].map((j) => j.id));
    // 180 reviews over 8 jurors: 22 or 23 each; the new juror's reviews are exactly the moves.
    assert.equal(rows.filter((r) => r.juror_id === newJuror.id).length, res.body.assignment.moved);
    assert.ok(res.body.assignment.moved >= 22 && res.body.assignment.moved <= 23);
    assert.equal(res.body.assignment.created, 0);
    const after = new Map((await db().selectFrom('reviews').selectAll().execute()).map((r) => [r.id, r]));
    for (const r of started) assert.equal(after.get(r.id)!.juror_id, r.juror_id, 'started work stays');
    const changed = before.filter((r) => after.get(r.id)!.juror_id !== r.juror_id);
    assert.equal(changed.length, res.body.assignment.moved);

    // A new conflict on an assigned pair: exactly that review is replaced.
    const victim = rows.find((r) => r.juror_id === jurors[4].id && !started.some((s) => s.id === r.id))!;
    const { agent: juror } = { agent: await loginAs(jurors[4]) };
    await juror.post('/api/conflicts').send({ organisation_id: victim.organisation_id, reason: 'Neu bekannt' }).expect(201);
    const third = await staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send({ per_application: 3 }).expect(200);
    assert.equal(third.body.assignment.created, 1);
    assert.ok(third.body.assignment.moved <= 1);
    await checkAssignment(cohort.id, 3, [...jurors, newJuror].map((j) => j.id));
    assert.ok(apps.length);
  });

  it('stays consistent under concurrent assignment calls', async () => {
    const { cohort, jurors } = await sixtyBySeven();
    const { agent: staff } = await agentFor('staff');
    const results = await Promise.all(Array.from({ length: 4 }, () => staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send({ per_application: 3 })));
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200]);
    assert.equal(results.reduce((n, r) => n + r.body.assignment.created, 0), 180);
    await checkAssignment(cohort.id, 3, jurors.map((j) => j.id));
  });

  it('rejects bad assignment requests and other roles, changing nothing', async () => {
    const { cohort } = await sixtyBySeven();
    const { agent: staff } = await agentFor('staff');
    const { agent: juror } = await agentFor('jury');
    const before = await databaseSnapshot();
    for (const body of [{}, { per_application: 0 }, { per_application: 'drei' }, { per_application: 2.5 }, { per_application: 1e9 }, [3]]) {
      await staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send(body as any).expect(400);
    }
    await staff.post(`/api/cohorts/${cohort.id}/assign-reviewers`).set('Content-Type', 'application/json').send('{"per_application":').expect(400);
    await staff.post('/api/cohorts/999999/assign-reviewers').send({ per_application: 3 }).expect(404);
    await staff.post('/api/cohorts/x/assign-reviewers').send({ per_application: 3 }).expect(404);
    await juror.post(`/api/cohorts/${cohort.id}/assign-reviewers`).send({ per_application: 3 }).expect(403);
    const draft = await createCohort('programme');
    const snapshot = await databaseSnapshot();
    const wrongPhase = await staff.post(`/api/cohorts/${draft.id}/assign-reviewers`).send({ per_application: 3 }).expect(409);
    assert.equal(wrongPhase.body.code, 'wrong_phase');
    assert.equal(await databaseSnapshot(), snapshot);
    assert.notEqual(snapshot, before);
  });

  it('plans honestly when conflicts leave too few jurors', () => {
    const plan = planAssignment({
      applications: [{ id: 1, organisation_id: 10 }, { id: 2, organisation_id: 20 }],
      jurors: [1, 2, 3],
      conflicts: [{ juror_id: 1, organisation_id: 10 }, { juror_id: 2, organisation_id: 10 }],
      reviews: [],
      perApplication: 2,
    });
    assert.deepEqual(plan.unfilled, [1]);
    assert.equal(plan.create.filter((c) => c.application_id === 1).length, 1);
    assert.deepEqual(plan.create.find((c) => c.application_id === 1), { application_id: 1, juror_id: 3 });
  });

  it('lowers the number of reviewers per application without touching started work', () => {
    const reviews = [
      { id: 1, application_id: 1, juror_id: 1, status: 'submitted' as const, started: true },
      { id: 2, application_id: 1, juror_id: 2, status: 'assigned' as const, started: true },
      { id: 3, application_id: 1, juror_id: 3, status: 'assigned' as const, started: false },
    ];
    const plan = planAssignment({ applications: [{ id: 1, organisation_id: 10 }], jurors: [1, 2, 3], conflicts: [], reviews, perApplication: 2 });
    assert.deepEqual(plan.remove, [3]);
    const none = planAssignment({ applications: [{ id: 1, organisation_id: 10 }], jurors: [1, 2, 3], conflicts: [], reviews, perApplication: 1 });
    assert.deepEqual(none.remove, [3]);
  });
});
