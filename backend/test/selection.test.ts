import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { agentFor, createUser, databaseSnapshot, db, loginAs } from './support/fixtures.ts';
import { applicationStatus, createApplication, createApplications, createCohort } from './support/selection-fixtures.ts';
import { phaseHooks } from '../src/cohorts/phase-hooks.ts';
import { decisionLetter } from '../src/selection/selection.letters.ts';

const DAY = 86_400_000;
const count = async (table: 'fellowships' | 'emails' | 'milestones') =>
  Number((await db().selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);

describe('selection: cohort phases', () => {
  it('walks draft → call_open → review → selection → programme → alumni, checking each precondition', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort({ phase: 'draft', application_opens_at: new Date(Date.now() - DAY), application_closes_at: new Date(Date.now() + 10 * DAY) });
    const go = (phase: string) => agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase });

    const noCriteria = await go('call_open').expect(409);
    assert.equal(noCriteria.body.code, 'precondition_failed');
    assert.match(noCriteria.body.message, /Bewertungskriterien/);
    await db().insertInto('criteria').values({ cohort_id: cohort.id, name: 'Wirkung', weight: 1 }).execute();
    const open = await go('call_open').expect(200);
    assert.equal(open.body.phase, 'call_open');

    const early = await go('review').expect(409);
    assert.match(early.body.message, /läuft noch bis/);
    await db().updateTable('cohorts').set({ application_closes_at: new Date(Date.now() - 1000) }).where('id', '=', cohort.id).execute();
    await go('review').expect(200);

    const { application } = await createApplication(cohort.id, 'submitted');
    const unchecked = await go('selection').expect(409);
    assert.match(unchecked.body.message, /Förderfähigkeit/);
    await db().updateTable('applications').set({ status: 'eligible' }).where('id', '=', application.id).execute();
    const juror = await createUser('jury');
    await db().insertInto('reviews').values({ application_id: application.id, juror_id: juror.id }).execute();
    const reviewsOpen = await go('selection').expect(409);
    assert.match(reviewsOpen.body.message, /Jury-Bewertung/);
    await db().updateTable('reviews').set({ status: 'submitted', submitted_at: new Date() }).execute();
    await go('selection').expect(200);

    const notFinal = await go('programme').expect(409);
    assert.match(notFinal.body.message, /finalize-selection/);
    await agent.post(`/api/applications/${application.id}/shortlist`).expect(200);
    await agent.post(`/api/applications/${application.id}/decide`).send({ decision: 'selected', reason: 'Überzeugendes Transfermodell.' }).expect(200);
    await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
    await go('programme').expect(200);

    const done = await go('alumni').expect(200);
    assert.equal(done.body.phase, 'alumni');
    const fellowship = await db().selectFrom('fellowships').select('status').executeTakeFirstOrThrow();
    assert.equal(fellowship.status, 'completed');
    const last = await go('alumni').expect(409);
    assert.equal(last.body.code, 'same_phase');
  });

  it('refuses skipping a phase or going back with a clear 409, changing nothing', async () => {
    const { agent } = await agentFor('admin');
    const cohort = await createCohort({ phase: 'review' });
    const before = await databaseSnapshot();
    const skip = await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'programme' }).expect(409);
    assert.equal(skip.body.code, 'invalid_transition');
    assert.match(skip.body.message, /nur weiter zu „Auswahl“/);
    await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'call_open' }).expect(409);
    await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'draft' }).expect(409);
    assert.equal(await databaseSnapshot(), before);
  });

  it('rejects bad transition input and other roles', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort({ phase: 'review' });
    const before = await databaseSnapshot();
    for (const body of [{}, { phase: 'finished' }, { phase: 3 }, { phase: 'x'.repeat(100_000) }, [1]]) {
      const res = await agent.post(`/api/cohorts/${cohort.id}/transition`).send(body as any);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 40));
    }
    await agent.post(`/api/cohorts/${cohort.id}/transition`).set('Content-Type', 'application/json').send('{"phase":').expect(400);
    await agent.post('/api/cohorts/999999/transition').send({ phase: 'selection' }).expect(404);
    await agent.post('/api/cohorts/abc/transition').send({ phase: 'selection' }).expect(404);
    for (const role of ['jury', 'coach', 'applicant'] as const) {
      const other = await agentFor(role);
      await other.agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'selection' }).expect(403);
      await other.agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(403);
      await other.agent.get(`/api/cohorts/${cohort.id}/decision-letters`).expect(403);
    }
    assert.equal((await db().selectFrom('cohorts').select('phase').executeTakeFirstOrThrow()).phase, 'review');
    const after = await databaseSnapshot();
    assert.equal(after.split('\n').filter((l) => !l.startsWith('users') && !l.startsWith('organisations')).join('\n'),
      before.split('\n').filter((l) => !l.startsWith('users') && !l.startsWith('organisations')).join('\n'));
  });

  it('runs the phase hooks inside the transition transaction (a failing hook rolls the phase back)', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort({ phase: 'review' });
    const seen: number[] = [];
    const failing = async () => { throw new Error('hook failed'); };
    const recording = async (trx: any, c: any) => {
      seen.push(c.id);
      await trx.updateTable('cohorts').set({ description: 'vom Hook' }).where('id', '=', c.id).execute();
    };
    phaseHooks.selection.push(failing);
    try {
      await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'selection' }).expect(500);
      assert.equal((await db().selectFrom('cohorts').select('phase').executeTakeFirstOrThrow()).phase, 'review');
    } finally {
      phaseHooks.selection.splice(phaseHooks.selection.indexOf(failing), 1);
    }
    phaseHooks.selection.push(recording);
    try {
      await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'selection' }).expect(200);
    } finally {
      phaseHooks.selection.splice(phaseHooks.selection.indexOf(recording), 1);
    }
    assert.deepEqual(seen, [cohort.id]);
    assert.equal((await db().selectFrom('cohorts').select('description').executeTakeFirstOrThrow()).description, 'vom Hook');
  });
});

describe('selection: shortlist, interviews, decisions', () => {
  it('shortlists eligible applications and records the phone interview', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort({ phase: 'review' });
    const { application } = await createApplication(cohort.id, 'eligible');
    const { application: submitted } = await createApplication(cohort.id, 'submitted');
    await agent.post(`/api/applications/${application.id}/interview`).send({ interview_at: '2026-03-02T10:00:00+01:00' }).expect(409);
    const listed = await agent.post(`/api/applications/${application.id}/shortlist`).expect(200);
    assert.equal(listed.body.status, 'shortlisted');
    await agent.post(`/api/applications/${application.id}/shortlist`).expect(409);
    await agent.post(`/api/applications/${submitted.id}/shortlist`).expect(409);
    const interview = await agent
      .post(`/api/applications/${application.id}/interview`)
      .send({ interview_at: '2026-03-02T10:00:00+01:00', interview_notes: 'Starkes Team, klare Zielgruppe in Sachsen.' })
      .expect(200);
    assert.equal(new Date(interview.body.interview_at).toISOString(), '2026-03-02T09:00:00.000Z');
    assert.equal(interview.body.interview_notes, 'Starkes Team, klare Zielgruppe in Sachsen.');
    const before = await databaseSnapshot();
    for (const body of [{}, { interview_at: 'morgen' }, { interview_at: 12 }, { interview_at: '2026-03-02T10:00:00' }, { interview_at: '2026-03-02T10:00:00Z', interview_notes: 'x'.repeat(20_001) }]) {
      const res = await agent.post(`/api/applications/${application.id}/interview`).send(body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
    }
    await agent.post('/api/applications/999999/interview').send({ interview_at: '2026-03-02T10:00:00Z' }).expect(404);
    await agent.post('/api/applications/999999/shortlist').expect(404);
    const { agent: applicant } = await agentFor('applicant');
    await applicant.post(`/api/applications/${application.id}/shortlist`).expect(403);
    assert.equal((await databaseSnapshot()).split('\n').filter((l) => l.startsWith('applications')).join(), before.split('\n').filter((l) => l.startsWith('applications')).join());
  });

  it('requires a reason for every decision and refuses bad input without changes', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const { application } = await createApplication(cohort.id);
    const before = await databaseSnapshot();
    const cases: unknown[] = [
      { decision: 'selected' },
      { decision: 'selected', reason: '' },
      { decision: 'selected', reason: '   ' },
      { decision: 'accepted', reason: 'gut' },
      { decision: 'rejected', reason: 42 },
      { reason: 'gut' },
      { decision: 'rejected', reason: 'x'.repeat(4001) },
      [{ decision: 'rejected', reason: 'x' }],
    ];
    for (const body of cases) {
      const res = await agent.post(`/api/applications/${application.id}/decide`).send(body as any);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
    }
    const missing = await agent.post(`/api/applications/${application.id}/decide`).send({ decision: 'rejected' }).expect(400);
    assert.ok(missing.body.errors.reason);
    await agent.post(`/api/applications/${application.id}/decide`).set('Content-Type', 'application/json').send('{"decision":"rejected",').expect(400);
    await agent.post('/api/applications/424242/decide').send({ decision: 'rejected', reason: 'x' }).expect(404);
    const { agent: juror } = await agentFor('jury');
    await juror.post(`/api/applications/${application.id}/decide`).send({ decision: 'rejected', reason: 'x' }).expect(403);
    const snapshot = (s: string) => s.split('\n').filter((l) => !/^(users|organisations)/.test(l)).join('\n');
    assert.equal(snapshot(await databaseSnapshot()), snapshot(before));
  });

  it('selects only shortlisted applications, rejects any eligible one, and records who decided', async () => {
    const { agent, user } = await agentFor('staff');
    const cohort = await createCohort();
    const { application: eligible } = await createApplication(cohort.id, 'eligible');
    const notYet = await agent.post(`/api/applications/${eligible.id}/decide`).send({ decision: 'selected', reason: 'gut' }).expect(409);
    assert.match(notYet.body.message, /engere Wahl/);
    const rejected = await agent.post(`/api/applications/${eligible.id}/decide`).send({ decision: 'rejected', reason: 'Kein Transfermodell erkennbar.' }).expect(200);
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(rejected.body.decision_reason, 'Kein Transfermodell erkennbar.');
    assert.equal(rejected.body.decided_by, user.id);
    const { application: withdrawn } = await createApplication(cohort.id, 'withdrawn');
    await agent.post(`/api/applications/${withdrawn.id}/decide`).send({ decision: 'rejected', reason: 'x' }).expect(409);
    const audit = await db().selectFrom('audit_events').select(['action', 'resource', 'record_id']).where('action', '=', 'decide').execute();
    assert.deepEqual(audit, [{ action: 'decide', resource: 'applications', record_id: eligible.id }]);
  });

  it('holds the seat cap: the eleventh selection is a 409', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const apps = await createApplications(cohort.id, 11);
    for (const { application } of apps.slice(0, 10)) {
      await agent.post(`/api/applications/${application.id}/decide`).send({ decision: 'selected', reason: 'Starkes Konzept.' }).expect(200);
    }
    const eleventh = await agent.post(`/api/applications/${apps[10].application.id}/decide`).send({ decision: 'selected', reason: 'Auch gut.' }).expect(409);
    assert.equal(eleventh.body.code, 'seat_cap');
    assert.match(eleventh.body.message, /Alle 10 Plätze/);
    // Re-deciding a selected application keeps its own seat.
    await agent.post(`/api/applications/${apps[0].application.id}/decide`).send({ decision: 'selected', reason: 'Begründung präzisiert.' }).expect(200);
    await agent.post(`/api/applications/${apps[0].application.id}/decide`).send({ decision: 'waitlisted', reason: 'Knapp.' }).expect(200);
    await agent.post(`/api/applications/${apps[10].application.id}/decide`).send({ decision: 'selected', reason: 'Rückt vor.' }).expect(200);
    const board = await agent.get(`/api/cohorts/${cohort.id}/selection`).expect(200);
    assert.equal(board.body.seats_left, 0);
    assert.equal(board.body.seats_taken, 10);
  });

  it('holds the seat cap when 30 decisions arrive in parallel', async function () {
    this.timeout(60_000);
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const apps = await createApplications(cohort.id, 30);
    const results = await Promise.all(
      apps.map(({ application }) => agent.post(`/api/applications/${application.id}/decide`).send({ decision: 'selected', reason: 'Parallel entschieden.' })),
    );
    const statuses = results.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 200).length, 10, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 409).length, 20, statuses.join(','));
    const selected = await db().selectFrom('applications').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'selected').executeTakeFirstOrThrow();
    assert.equal(Number(selected.n), 10);
  });

  it('keeps an explicit waitlist order', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const apps = (await createApplications(cohort.id, 4)).map((a) => a.application.id);
    for (const id of apps) await agent.post(`/api/applications/${id}/decide`).send({ decision: 'waitlisted', reason: 'Knapp dahinter.' }).expect(200);
    assert.deepEqual(await Promise.all(apps.map(async (id) => (await applicationStatus(id)).waitlist_position)), [1, 2, 3, 4]);
    await agent.post(`/api/applications/${apps[1]}/decide`).send({ decision: 'rejected', reason: 'Doch nicht.' }).expect(200);
    assert.deepEqual(await Promise.all(apps.map(async (id) => (await applicationStatus(id)).waitlist_position)), [1, null, 2, 3]);
    const ordered = await agent.post(`/api/cohorts/${cohort.id}/waitlist-order`).send({ application_ids: [apps[3], apps[0], apps[2]] }).expect(200);
    assert.deepEqual(ordered.body.map((a: any) => [a.id, a.waitlist_position]), [[apps[3], 1], [apps[0], 2], [apps[2], 3]]);
    const before = await databaseSnapshot();
    await agent.post(`/api/cohorts/${cohort.id}/waitlist-order`).send({ application_ids: [apps[3], apps[0]] }).expect(409);
    await agent.post(`/api/cohorts/${cohort.id}/waitlist-order`).send({ application_ids: [apps[3], apps[0], apps[1]] }).expect(409);
    await agent.post(`/api/cohorts/${cohort.id}/waitlist-order`).send({ application_ids: [apps[3], apps[3], apps[0]] }).expect(400);
    await agent.post(`/api/cohorts/${cohort.id}/waitlist-order`).send({ application_ids: 'alle' }).expect(400);
    await agent.post(`/api/cohorts/${cohort.id}/waitlist-order`).send({ application_ids: [-1] }).expect(400);
    await agent.post('/api/cohorts/99999/waitlist-order').send({ application_ids: [] }).expect(404);
    assert.equal(await databaseSnapshot(), before);
  });

  it('refuses decisions outside the selection phase and after the release', async () => {
    const { agent } = await agentFor('staff');
    const review = await createCohort({ phase: 'review' });
    const { application } = await createApplication(review.id);
    const wrong = await agent.post(`/api/applications/${application.id}/decide`).send({ decision: 'rejected', reason: 'x' }).expect(409);
    assert.equal(wrong.body.code, 'wrong_phase');
    const finalized = await createCohort({ name: 'Jahrgang 2025', year: 2025, selection_finalized_at: new Date() });
    const { application: late } = await createApplication(finalized.id, 'rejected');
    const after = await agent.post(`/api/applications/${late.id}/decide`).send({ decision: 'selected', reason: 'x' }).expect(409);
    assert.equal(after.body.code, 'selection_finalized');
  });
});

describe('selection: release (finalize-selection) and letters', () => {
  async function decidedCohort(agent: any, seats = 3) {
    const cohort = await createCohort({ seats });
    const apps = await createApplications(cohort.id, seats + 3);
    const decisions: Array<[string, string]> = [
      ...Array.from({ length: seats }, () => ['selected', 'Überzeugende Wirkungsbelege.'] as [string, string]),
      ['waitlisted', 'Sehr knapp hinter den ausgewählten Projekten.'],
      ['waitlisted', 'Gutes Konzept, Finanzierung noch offen.'],
      ['rejected', 'Das Transfermodell ist noch nicht erprobt genug.'],
    ];
    for (const [i, [decision, reason]] of decisions.entries()) {
      await agent.post(`/api/applications/${apps[i].application.id}/decide`).send({ decision, reason }).expect(200);
    }
    return { cohort, apps };
  }

  it('keeps a rejection internal until the release, then shows it with the reason', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, apps } = await decidedCohort(agent, 1);
    const rejected = apps[3];
    const applicant = await loginAs(rejected.applicant);
    const hidden = await applicant.get(`/api/applications/${rejected.application.id}`).expect(200);
    assert.notEqual(hidden.body.status, 'rejected');
    assert.equal(hidden.body.decision_reason, undefined);
    const listed = await applicant.get('/api/applications').expect(200);
    assert.ok(listed.body.every((a: any) => a.status !== 'rejected' && !a.decision_reason));
    assert.equal(await count('emails'), 0);

    await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
    const shown = await applicant.get(`/api/applications/${rejected.application.id}`).expect(200);
    assert.equal(shown.body.status, 'rejected');
    assert.equal(shown.body.decision_reason, 'Das Transfermodell ist noch nicht erprobt genug.');
    const letter = await db().selectFrom('emails').selectAll().where('template', '=', 'decision_rejected').executeTakeFirstOrThrow();
    assert.equal(letter.to, rejected.applicant.email);
    assert.match(letter.body, /Das Transfermodell ist noch nicht erprobt genug\./);
    assert.match(letter.body, /Leider können wir/);
  });

  it('previews every letter exactly as the release sends it', async () => {
    const { agent } = await agentFor('staff');
    const { cohort } = await decidedCohort(agent, 2);
    const preview = await agent.get(`/api/cohorts/${cohort.id}/decision-letters`).expect(200);
    assert.equal(preview.body.length, 5);
    assert.deepEqual(preview.body.map((l: any) => l.template), ['decision_selected', 'decision_selected', 'decision_waitlisted', 'decision_waitlisted', 'decision_rejected']);
    assert.match(preview.body[0].body, /25\.000,00\s€/);
    assert.match(preview.body[2].subject, /Platz 1 der Warteliste/);
    assert.ok(preview.body.every((l: any) => l.released === false && l.to));
    assert.equal(await count('emails'), 0);
    await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
    const sent = await db().selectFrom('emails').select(['to', 'subject', 'body', 'template']).orderBy('id').execute();
    assert.deepEqual(
      sent.map((e) => [e.to, e.subject, e.body]).sort(),
      preview.body.map((l: any) => [l.to, l.subject, l.body]).sort(),
    );
    await agent.get('/api/cohorts/99999/decision-letters').expect(404);
  });

  it('creates one fellowship per selected application with the cohort defaults and programme milestones', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, apps } = await decidedCohort(agent, 3);
    const res = await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
    assert.ok(res.body.selection_finalized_at);
    const fellowships = await db().selectFrom('fellowships').selectAll().orderBy('application_id').execute();
    assert.deepEqual(fellowships.map((f) => f.application_id), apps.slice(0, 3).map((a) => a.application.id));
    assert.ok(fellowships.every((f) => Number(f.grant_cents) === 2_500_000 && Number(f.coaching_hours_budget) === 12 && f.status === 'active'));
    const kinds = await db().selectFrom('milestones').select('kind').where('fellowship_id', '=', fellowships[0].id).orderBy('due_on').execute();
    assert.deepEqual(kinds.map((k) => k.kind), ['transfer_concept', 'demo_day']);
    const released = await db().selectFrom('applications').select('decision_released_at').where('status', 'in', ['selected', 'waitlisted', 'rejected']).execute();
    assert.ok(released.every((r) => r.decision_released_at));
  });

  it('is idempotent: called twice (and in parallel) it creates no duplicate fellowships or letters', async function () {
    this.timeout(60_000);
    const { agent } = await agentFor('staff');
    const { cohort } = await decidedCohort(agent, 4);
    const results = await Promise.all(Array.from({ length: 6 }, () => agent.post(`/api/cohorts/${cohort.id}/finalize-selection`)));
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200, 200, 200]);
    assert.equal(new Set(results.map((r) => r.body.selection_finalized_at)).size, 1);
    const again = await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
    assert.equal(again.body.selection_finalized_at, results[0].body.selection_finalized_at);
    assert.equal(await count('fellowships'), 4);
    assert.equal(await count('emails'), 7);
    assert.equal(await count('milestones'), 8);
    const audits = await db().selectFrom('audit_events').select('id').where('action', '=', 'finalize-selection').execute();
    assert.equal(audits.length, 1);
  });

  it('refuses to release with undecided applications, without any selection, or outside the selection phase', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const { application } = await createApplication(cohort.id, 'shortlisted');
    const before = await databaseSnapshot();
    const undecided = await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(409);
    assert.equal(undecided.body.code, 'undecided');
    assert.match(undecided.body.message, /1 Bewerbung/);
    assert.equal(await databaseSnapshot(), before);
    await agent.post(`/api/applications/${application.id}/decide`).send({ decision: 'rejected', reason: 'Nicht passend.' }).expect(200);
    const none = await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(409);
    assert.equal(none.body.code, 'nothing_selected');
    const review = await createCohort({ name: 'Jahrgang 2027', year: 2027, phase: 'review' });
    const wrong = await agent.post(`/api/cohorts/${review.id}/finalize-selection`).expect(409);
    assert.equal(wrong.body.code, 'wrong_phase');
    await agent.post('/api/cohorts/77777/finalize-selection').expect(404);
  });
});

describe('selection: withdrawal and the waitlist', () => {
  async function releasedCohort(agent: any) {
    const cohort = await createCohort({ seats: 2 });
    const apps = await createApplications(cohort.id, 5);
    const plan = ['selected', 'selected', 'waitlisted', 'waitlisted', 'rejected'];
    for (const [i, decision] of plan.entries()) {
      await agent.post(`/api/applications/${apps[i].application.id}/decide`).send({ decision, reason: `Begründung ${i}` }).expect(200);
    }
    await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'programme' }).expect(409);
    await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
    await agent.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'programme' }).expect(200);
    const fellowships = await db().selectFrom('fellowships').selectAll().orderBy('application_id').execute();
    return { cohort, apps, fellowships };
  }

  it('frees the seat of a withdrawing fellow and offers it to the first on the waitlist, who accepts', async () => {
    const { agent } = await agentFor('staff');
    const { apps, fellowships } = await releasedCohort(agent);
    const fellow = await loginAs(apps[0].applicant);
    const emailsBefore = await count('emails');
    await fellow.post(`/api/fellowships/${fellowships[0].id}/withdraw`).send({}).expect(400);
    const withdrawn = await fellow.post(`/api/fellowships/${fellowships[0].id}/withdraw`).send({ reason: 'Vorstand hat gewechselt.' }).expect(200);
    assert.equal(withdrawn.body.status, 'withdrawn');
    assert.equal((await applicationStatus(apps[0].application.id)).status, 'withdrawn');
    const promoted = await applicationStatus(apps[2].application.id);
    assert.equal(promoted.status, 'selected');
    assert.equal(promoted.waitlist_position, null);
    assert.equal((await applicationStatus(apps[3].application.id)).waitlist_position, 1);
    const offer = await db().selectFrom('emails').selectAll().where('template', '=', 'decision_offer').executeTakeFirstOrThrow();
    assert.equal(offer.to, apps[2].applicant.email);
    assert.match(offer.body, /Platz frei geworden/);
    assert.equal(await count('emails'), emailsBefore + 1);
    assert.equal(await count('fellowships'), 2);

    const stranger = await loginAs(apps[3].applicant);
    await stranger.post(`/api/applications/${apps[2].application.id}/accept-offer`).expect(404);
    const invited = await loginAs(apps[2].applicant);
    const seen = await invited.get(`/api/applications/${apps[2].application.id}`).expect(200);
    assert.equal(seen.body.status, 'selected');
    assert.equal(seen.body.offer_open, true, 'the portal offers accept/decline');
    assert.equal((await fellow.get(`/api/applications/${apps[0].application.id}`).expect(200)).body.offer_open, false);
    assert.equal((await stranger.get(`/api/applications/${apps[3].application.id}`).expect(200)).body.offer_open, false);
    const accepted = await invited.post(`/api/applications/${apps[2].application.id}/accept-offer`).expect(200);
    assert.ok(accepted.body.fellowship_id);
    assert.equal((await invited.get(`/api/applications/${apps[2].application.id}`).expect(200)).body.offer_open, false);
    const again = await invited.post(`/api/applications/${apps[2].application.id}/accept-offer`).expect(409);
    assert.equal(again.body.code, 'already_accepted');
    const active = await db().selectFrom('fellowships').select('application_id').where('status', '=', 'active').orderBy('application_id').execute();
    assert.deepEqual(active.map((f) => f.application_id), [apps[1].application.id, apps[2].application.id]);
    await fellow.post(`/api/fellowships/${fellowships[0].id}/withdraw`).send({ reason: 'nochmal' }).expect(409);
  });

  it('passes a declined offer on to the next on the waitlist', async () => {
    const { agent } = await agentFor('staff');
    const { apps, fellowships } = await releasedCohort(agent);
    await agent.post(`/api/fellowships/${fellowships[1].id}/withdraw`).send({ reason: 'Organisation aufgelöst.' }).expect(200);
    const invited = await loginAs(apps[2].applicant);
    await invited.post(`/api/applications/${apps[2].application.id}/decline-offer`).send({ reason: 'Keine Kapazität in diesem Jahr.' }).expect(200);
    assert.equal((await applicationStatus(apps[2].application.id)).status, 'withdrawn');
    assert.equal((await applicationStatus(apps[3].application.id)).status, 'selected');
    const offers = await db().selectFrom('emails').select('to').where('template', '=', 'decision_offer').orderBy('id').execute();
    assert.deepEqual(offers.map((o) => o.to), [apps[2].applicant.email, apps[3].applicant.email]);
    await agent.post(`/api/applications/${apps[3].application.id}/accept-offer`).expect(200);
    // Nobody left on the waitlist: the next withdrawal just leaves the seat free.
    await agent.post(`/api/fellowships/${fellowships[0].id}/withdraw`).send({ reason: 'Fusion.' }).expect(200);
    const selected = await db().selectFrom('applications').select('id').where('status', '=', 'selected').execute();
    assert.equal(selected.length, 1);
  });

  it('refuses offers that do not exist and withdrawals by others', async () => {
    const { agent } = await agentFor('staff');
    const { apps, fellowships } = await releasedCohort(agent);
    const before = await databaseSnapshot();
    const noOffer = await agent.post(`/api/applications/${apps[4].application.id}/accept-offer`).expect(409);
    assert.equal(noOffer.body.code, 'no_offer');
    await agent.post(`/api/applications/${apps[0].application.id}/accept-offer`).expect(409);
    await agent.post(`/api/applications/${apps[3].application.id}/decline-offer`).send({ reason: 'x' }).expect(409);
    const other = await loginAs(apps[4].applicant);
    await other.post(`/api/fellowships/${fellowships[0].id}/withdraw`).send({ reason: 'Sabotage' }).expect(404);
    const { agent: coach } = await agentFor('coach');
    await coach.post(`/api/fellowships/${fellowships[0].id}/withdraw`).send({ reason: 'x' }).expect(403);
    await agent.post('/api/fellowships/99999/withdraw').send({ reason: 'x' }).expect(404);
    await agent.post(`/api/fellowships/${fellowships[0].id}/withdraw`).send({ reason: 5 }).expect(400);
    const snapshot = (s: string) => s.split('\n').filter((l) => !/^(users|organisations)/.test(l)).join('\n');
    assert.equal(snapshot(await databaseSnapshot()), snapshot(before));
  });

  it('offers each freed seat once when fellows withdraw and offers are accepted in parallel', async function () {
    this.timeout(60_000);
    const { agent } = await agentFor('staff');
    const { apps, fellowships } = await releasedCohort(agent);
    const withdrawals = await Promise.all(fellowships.map((f) => agent.post(`/api/fellowships/${f.id}/withdraw`).send({ reason: 'Parallel zurückgezogen.' })));
    assert.deepEqual(withdrawals.map((r) => r.status), [200, 200]);
    const offered = await db().selectFrom('applications').select('id').where('status', '=', 'selected').orderBy('id').execute();
    assert.deepEqual(offered.map((a) => a.id), [apps[2].application.id, apps[3].application.id]);
    assert.equal((await db().selectFrom('emails').select('id').where('template', '=', 'decision_offer').execute()).length, 2);
    const invited = await loginAs(apps[2].applicant);
    const accepts = await Promise.all(Array.from({ length: 5 }, () => invited.post(`/api/applications/${apps[2].application.id}/accept-offer`)));
    assert.deepEqual(accepts.map((r) => r.status).sort(), [200, 409, 409, 409, 409]);
    const active = await db().selectFrom('fellowships').select('application_id').where('status', '=', 'active').execute();
    assert.deepEqual(active.map((f) => f.application_id), [apps[2].application.id]);
  });

  it('closes the waitlist gap when a waitlisted applicant withdraws their application', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const apps = await createApplications(cohort.id, 3);
    for (const { application } of apps) await agent.post(`/api/applications/${application.id}/decide`).send({ decision: 'waitlisted', reason: 'Warteliste' }).expect(200);
    const first = await loginAs(apps[0].applicant);
    await first.post(`/api/applications/${apps[0].application.id}/withdraw`).expect(200);
    assert.deepEqual(await Promise.all(apps.map(async (a) => (await applicationStatus(a.application.id)).waitlist_position)), [null, 1, 2]);
  });
});

describe('selection: decision letters (pure)', () => {
  const data = {
    locale: 'de' as const, organisation_name: 'Bürgerstiftung Süd e.V.', project_name: 'Lesepaten', cohort_name: 'Jahrgang 2026', seats: 10,
    selected_count: 7, grant_cents: 2_500_050, reason: 'Das Modell ist noch nicht erprobt.', waitlist_position: 3, public_url: 'https://crm.example.org/',
  };

  it('writes acceptance, waitlist, rejection, ineligibility and offer letters in German with EUR amounts', () => {
    const accept = decisionLetter({ ...data, template: 'decision_selected' });
    assert.match(accept.subject, /^Zusage: Bürgerstiftung Süd e\.V\./);
    assert.match(accept.body, /25\.000,50\s€/);
    assert.match(accept.body, /eine von 7 Organisationen/, 'the number selected, not the seats');
    assert.match(accept.body, /openTransfer Accelerator \(Jahrgang 2026\)/);
    assert.doesNotMatch(decisionLetter({ ...data, selected_count: 1, template: 'decision_selected' }).body, /eine von/);
    const waitlist = decisionLetter({ ...data, template: 'decision_waitlisted' });
    assert.match(waitlist.subject, /Platz 3 der Warteliste/);
    assert.match(waitlist.body, /einen der 10 Plätze/);
    const reject = decisionLetter({ ...data, template: 'decision_rejected' });
    assert.match(reject.body, /hier unsere Begründung:\n\nDas Modell ist noch nicht erprobt\./);
    const ineligible = decisionLetter({ ...data, template: 'application_ineligible' });
    assert.match(ineligible.body, /Teilnahmevoraussetzungen/);
    assert.match(ineligible.body, /https:\/\/crm\.example\.org\/#\/application/);
    const offer = decisionLetter({ ...data, template: 'decision_offer' });
    assert.match(offer.body, /https:\/\/crm\.example\.org\/#\/application/);
    assert.doesNotMatch(offer.body, /org\/\/#/, 'one slash between PUBLIC_URL and the route');
    const named = decisionLetter({ ...data, cohort_name: 'openTransfer Accelerator 2026', template: 'decision_rejected' });
    assert.match(named.body, /beim openTransfer Accelerator 2026\./);
  });

  it('writes every letter in English for a recipient who chose English', () => {
    for (const template of ['decision_selected', 'decision_waitlisted', 'decision_rejected', 'application_ineligible', 'decision_offer'] as const) {
      const letter = decisionLetter({ ...data, locale: 'en', template });
      assert.doesNotMatch(`${letter.subject} ${letter.body}`, /Guten Tag|Bewerbung|Grüßen/, template);
      assert.match(letter.body, /Dear applicant/, template);
    }
    const accept = decisionLetter({ ...data, locale: 'en', template: 'decision_selected' });
    assert.match(accept.body, /as one of 7 organisations/);
    assert.match(accept.body, /€25,000\.50/);
  });
});
