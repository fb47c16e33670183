import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { agentFor, api, databaseSnapshot, db, loginAs, type Agent } from './support/fixtures.ts';
import { applicationStatus, createApplications, createCohort } from './support/selection-fixtures.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;

const selectedCount = async (cohortId: number) =>
  Number((await db().selectFrom('applications').select(sql<number>`count(*)::int`.as('n')).where('cohort_id', '=', cohortId).where('status', '=', 'selected').executeTakeFirstOrThrow()).n);
const offerLetters = () => db().selectFrom('emails').select(['to', 'dedupe_key']).where('template', '=', 'decision_offer').orderBy('id').execute();

/** Three seats, one selected at the release: two seats stay free, four organisations wait. */
async function releasedWithFreeSeats(agent: Agent) {
  const cohort = await createCohort({ seats: 3 });
  const apps = await createApplications(cohort.id, 6);
  const plan = ['selected', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted', 'rejected'];
  for (const [i, decision] of plan.entries()) {
    await agent.post(`/api/applications/${apps[i].application.id}/decide`).send({ decision, reason: `Begründung ${i}` }).expect(200);
  }
  await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
  return { cohort, apps };
}

describe('selection: staff offer a free seat to the waitlist (POST /api/cohorts/:id/offer-seat)', () => {
  it('offers each free seat to the next on the waitlist with one letter, until the seats are taken', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, apps } = await releasedWithFreeSeats(agent);
    const board = (await agent.get(`/api/cohorts/${cohort.id}/selection`).expect(200)).body;
    assert.deepEqual([board.seats_taken, board.seats_left], [1, 2]);

    const first = await agent.post(`/api/cohorts/${cohort.id}/offer-seat`).expect(200);
    assert.equal(first.body.id, apps[1].application.id);
    assert.equal(first.body.status, 'selected');
    assert.equal(first.body.waitlist_position, null);
    assert.ok(first.body.decision_released_at, 'the offer is visible to the organisation at once');
    assert.deepEqual(await Promise.all(apps.slice(2, 5).map(async (a) => (await applicationStatus(a.application.id)).waitlist_position)), [1, 2, 3]);
    assert.deepEqual(await offerLetters(), [{ to: apps[1].applicant.email, dedupe_key: `decision-offer:${apps[1].application.id}` }]);
    const audit = await db().selectFrom('audit_events').select(['action', 'record_id']).where('action', '=', 'offer-seat').execute();
    assert.deepEqual(audit.map((a) => a.record_id), [apps[1].application.id]);

    // The organisation answers in its portal: the offer is open there.
    const invited = await loginAs(apps[1].applicant);
    assert.equal((await invited.get(`/api/applications/${apps[1].application.id}`).expect(200)).body.offer_open, true);

    const second = await agent.post(`/api/cohorts/${cohort.id}/offer-seat`).expect(200);
    assert.equal(second.body.id, apps[2].application.id);
    assert.equal(await selectedCount(cohort.id), 3);

    const before = await databaseSnapshot();
    const full = await agent.post(`/api/cohorts/${cohort.id}/offer-seat`).expect(409);
    assert.equal(full.body.code, 'seat_cap');
    assert.equal(await databaseSnapshot(), before);

    // A declined offer passes the seat on by itself; the answer is recorded on the application.
    await invited.post(`/api/applications/${apps[1].application.id}/decline-offer`).send({ reason: 'Keine Kapazität.' }).expect(200);
    assert.equal((await applicationStatus(apps[1].application.id)).status, 'withdrawn');
    assert.equal((await applicationStatus(apps[3].application.id)).status, 'selected');
    assert.deepEqual((await offerLetters()).map((l) => l.to), [apps[1], apps[2], apps[3]].map((a) => a.applicant.email));
  });

  it('refuses before the release, without a waitlist, after the programme, for other roles and missing cohorts', async () => {
    const { agent } = await agentFor('staff');
    const unreleased = await createCohort({ seats: 3 });
    const early = await agent.post(`/api/cohorts/${unreleased.id}/offer-seat`).expect(409);
    assert.equal(early.body.code, 'not_released');

    const { cohort, apps } = await releasedWithFreeSeats(agent);
    for (const a of apps.slice(1, 5)) await (await loginAs(a.applicant)).post(`/api/applications/${a.application.id}/withdraw`).expect(200);
    const over = await createCohort({ phase: 'alumni', selection_finalized_at: new Date() });
    const before = await databaseSnapshot();
    const empty = await agent.post(`/api/cohorts/${cohort.id}/offer-seat`).expect(409);
    assert.equal(empty.body.code, 'waitlist_empty');

    const late = await agent.post(`/api/cohorts/${over.id}/offer-seat`).expect(409);
    assert.equal(late.body.code, 'wrong_phase');

    for (const role of ['jury', 'coach', 'applicant'] as const) {
      const other = await agentFor(role);
      await other.agent.post(`/api/cohorts/${cohort.id}/offer-seat`).expect(403);
    }
    await (await loginAs(apps[0].applicant)).post(`/api/cohorts/${cohort.id}/offer-seat`).expect(403);
    await api().post(`/api/cohorts/${cohort.id}/offer-seat`).expect(401);
    await agent.post('/api/cohorts/999999/offer-seat').expect(404);
    await agent.post('/api/cohorts/x/offer-seat').expect(404);
    const unchanged = (s: string) => s.split('\n').filter((l) => !/^(users|organisations)/.test(l)).join('\n');
    assert.equal(unchanged(await databaseSnapshot()), unchanged(before));
  });

  it('holds the seat cap and sends each offer letter once when staff click in parallel', async function () {
    this.timeout(60_000);
    const { agent } = await agentFor('staff');
    const { cohort, apps } = await releasedWithFreeSeats(agent);
    const results = await Promise.all(Array.from({ length: 8 }, () => agent.post(`/api/cohorts/${cohort.id}/offer-seat`)));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 409, 409, 409, 409, 409, 409], `${onPostgres ? 'PostgreSQL' : 'PGlite'}: ${statuses.join(',')}`);
    assert.ok(results.filter((r) => r.status === 409).every((r) => r.body.code === 'seat_cap'));
    assert.equal(await selectedCount(cohort.id), cohort.seats);
    const letters = await offerLetters();
    assert.deepEqual(letters.map((l) => l.to).sort(), [apps[1].applicant.email, apps[2].applicant.email].sort());
    assert.deepEqual(await Promise.all(apps.slice(3, 5).map(async (a) => (await applicationStatus(a.application.id)).waitlist_position)), [1, 2]);
  });
});
