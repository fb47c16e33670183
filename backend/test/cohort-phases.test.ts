import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { agentFor, api, createUser, databaseSnapshot, db } from './support/fixtures.ts';
import { createApplication, createApplications, createCohort } from './support/selection-fixtures.ts';

const DAY = 86_400_000;

/** The numbers the check reports, counted straight from the tables. */
async function countsInDb(cohortId: number) {
  const n = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db())).rows[0].n);
  return {
    submitted: await n(sql<{ n: number }>`select count(*)::int as n from applications where cohort_id = ${cohortId} and status = 'submitted'`),
    handedIn: await n(sql<{ n: number }>`select count(*)::int as n from applications where cohort_id = ${cohortId} and status <> 'draft'`),
    drafts: await n(sql<{ n: number }>`select count(*)::int as n from applications where cohort_id = ${cohortId} and status = 'draft'`),
    reviewsOpen: await n(sql<{ n: number }>`select count(*)::int as n from reviews r join applications a on a.id = r.application_id
      where a.cohort_id = ${cohortId} and r.status = 'assigned' and a.status not in ('withdrawn', 'ineligible')`),
  };
}

describe('cohort phases: the transition check (GET /api/cohorts/:id/transition-check)', () => {
  it('reports what the next phase needs with the numbers the database holds, and the transition agrees', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort({ phase: 'review' });
    await createApplications(cohort.id, 5, 'submitted');
    const eligible = await createApplications(cohort.id, 3, 'eligible');
    await createApplications(cohort.id, 2, 'draft');
    await createApplication(cohort.id, 'withdrawn');
    const jurors = [await createUser('jury'), await createUser('jury')];
    for (const juror of jurors) await db().insertInto('reviews').values({ application_id: eligible[0].application.id, juror_id: juror.id }).execute();
    await db().updateTable('reviews').set({ status: 'submitted', submitted_at: new Date() }).where('juror_id', '=', jurors[1].id).execute();

    const check = (await agent.get(`/api/cohorts/${cohort.id}/transition-check`).expect(200)).body;
    const inDb = await countsInDb(cohort.id);
    assert.equal(check.phase, 'review');
    assert.equal(check.next_phase, 'selection');
    assert.equal(check.ready, false);
    assert.equal(check.counts.applications.submitted, inDb.submitted);
    assert.equal(check.counts.submitted_total, inDb.handedIn);
    assert.equal(check.counts.applications.draft, inDb.drafts);
    assert.equal(check.counts.reviews_assigned, inDb.reviewsOpen);
    assert.deepEqual([inDb.submitted, inDb.handedIn, inDb.drafts, inDb.reviewsOpen], [5, 9, 2, 1]);
    assert.deepEqual(check.requirements.map((r: any) => [r.key, r.met, r.open]), [['eligibility_checked', false, 5], ['reviews_submitted', false, 1]]);

    // The screen and the rule say the same thing: the transition's 409 is the check's blocker.
    const refused = await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'selection' }).expect(409);
    assert.equal(refused.body.code, 'precondition_failed');
    assert.equal(refused.body.message, check.blocker);
    assert.match(check.blocker, /^Noch ohne Prüfung der Förderfähigkeit: 5 eingereichte Bewerbungen\./);

    await db().updateTable('applications').set({ status: 'eligible' }).where('cohort_id', '=', cohort.id).where('status', '=', 'submitted').execute();
    const second = (await agent.get(`/api/cohorts/${cohort.id}/transition-check`).expect(200)).body;
    assert.deepEqual(second.requirements.map((r: any) => [r.key, r.met, r.open]), [['eligibility_checked', true, 0], ['reviews_submitted', false, 1]]);
    const refusedAgain = await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'selection' }).expect(409);
    assert.equal(refusedAgain.body.message, second.blocker);

    await db().updateTable('reviews').set({ status: 'submitted', submitted_at: new Date() }).execute();
    const ready = (await agent.get(`/api/cohorts/${cohort.id}/transition-check`).expect(200)).body;
    assert.equal(ready.ready, true);
    assert.equal(ready.blocker, null);
    assert.equal(ready.counts.reviews_submitted, 2);
    await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'selection' }).expect(200);
    const after = (await agent.get(`/api/cohorts/${cohort.id}/transition-check`).expect(200)).body;
    assert.deepEqual([after.phase, after.next_phase, after.requirements.map((r: any) => r.key)], ['selection', 'programme', ['selection_released']]);
  });

  it('names the requirements of every step, from the draft to the last phase', async () => {
    const { agent } = await agentFor('admin');
    const check = async (id: number) => (await agent.get(`/api/cohorts/${id}/transition-check`).expect(200)).body;

    const draft = await createCohort({ phase: 'draft', application_opens_at: new Date(Date.now() - DAY), application_closes_at: new Date(Date.now() - 1000) });
    const d = await check(draft.id);
    assert.deepEqual(d.requirements.map((r: any) => [r.key, r.met]), [['deadline_in_future', false], ['criteria', false]]);
    assert.equal(d.counts.criteria, 0);
    assert.match(d.blocker, /Bewerbungsfrist liegt in der Vergangenheit/);
    await db().insertInto('criteria').values({ cohort_id: draft.id, name: 'Wirkung', weight: 1 }).execute();
    await db().updateTable('cohorts').set({ application_closes_at: new Date(Date.now() + 10 * DAY) }).where('id', '=', draft.id).execute();
    const d2 = await check(draft.id);
    assert.equal(d2.ready, true);
    assert.equal(d2.counts.criteria, 1);

    const open = await createCohort({ phase: 'call_open', application_closes_at: new Date(Date.now() + DAY) });
    const o = await check(open.id);
    assert.deepEqual(o.requirements.map((r: any) => [r.key, r.met]), [['call_closed', false]]);
    assert.match(o.blocker, /läuft noch bis/);

    const selection = await createCohort({ phase: 'selection' });
    assert.deepEqual((await check(selection.id)).requirements.map((r: any) => [r.key, r.met]), [['selection_released', false]]);

    const programme = await createCohort({ phase: 'programme', selection_finalized_at: new Date() });
    const offered = await createApplication(programme.id, 'selected', { decision_released_at: new Date() });
    const p = await check(programme.id);
    assert.deepEqual(p.requirements.map((r: any) => [r.key, r.met, r.open]), [['offers_answered', false, 1]]);
    assert.equal(p.counts.open_offers, 1);
    const refused = await agent.post(`/api/cohorts/${programme.id}/transition`).send({ phase: 'alumni' }).expect(409);
    assert.equal(refused.body.message, p.blocker);
    await agent.post(`/api/applications/${offered.application.id}/accept-offer`).expect(200);
    const p2 = await check(programme.id);
    assert.equal(p2.ready, true);
    assert.equal(p2.counts.fellowships_active, 1);

    const alumni = await createCohort({ phase: 'alumni' });
    const a = await check(alumni.id);
    assert.deepEqual([a.next_phase, a.ready, a.requirements], [null, false, []]);
  });

  it('is for staff only, answers 404 for a missing cohort and changes nothing', async () => {
    const cohort = await createCohort({ phase: 'review' });
    await createApplications(cohort.id, 2, 'submitted');
    const before = await databaseSnapshot();
    for (const role of ['jury', 'coach', 'applicant'] as const) {
      const { agent } = await agentFor(role);
      const res = await agent.get(`/api/cohorts/${cohort.id}/transition-check`).expect(403);
      assert.equal(res.body.code, 'forbidden');
    }
    await api().get(`/api/cohorts/${cohort.id}/transition-check`).expect(401);
    const { agent } = await agentFor('staff');
    await agent.get('/api/cohorts/999999/transition-check').expect(404);
    await agent.get('/api/cohorts/abc/transition-check').expect(404);
    await agent.get('/api/cohorts/1.5/transition-check').expect(404);
    await agent.get(`/api/cohorts/${cohort.id}/transition-check`).expect(200);
    const unchanged = (s: string) => s.split('\n').filter((l) => !/^(users|organisations|audit_events)/.test(l)).join('\n');
    assert.equal(unchanged(await databaseSnapshot()), unchanged(before));
  });
});
