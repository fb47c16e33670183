import assert from 'node:assert/strict';
import { agentFor, api, createOrganisation, createUser, databaseSnapshot, db, listQuery, loginAs } from './support/fixtures.ts';
import { createCohort, createFellowship } from './support/programme.ts';
import { berlinToday, coachingBudget, exceedsBudget } from '../src/coaching-sessions/coaching-sessions.schema.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const SECRET = 'Zitronenfalter';

async function setup(budget = 10) {
  const cohort = await createCohort();
  const coach = await createUser('coach');
  const org = await createOrganisation();
  const fellowship = await createFellowship({ cohort_id: cohort.id, organisation_id: org.id, coach_id: coach.id, coaching_hours_budget: budget });
  const applicant = await createUser('applicant', { organisation_id: org.id });
  return { cohort, coach, org, fellowship, applicant, coachAgent: await loginAs(coach), fellowAgent: await loginAs(applicant) };
}

const session = (fellowship_id: number, values: Record<string, unknown> = {}) => ({
  fellowship_id,
  held_on: '2026-05-04',
  duration_minutes: 60,
  format: 'video',
  topics: 'Finanzierungsmix',
  notes: 'Gemeinsam den Finanzplan durchgesehen.',
  next_steps: 'Stiftungsliste ergänzen',
  confidential: false,
  ...values,
});

describe('coaching sessions: logging and coach scoping', () => {
  it('lets a coach log a session for a fellowship they coach, as its writer, with the budget state', async () => {
    const s = await setup();
    const res = await s.coachAgent.post('/api/coaching-sessions').send(session(s.fellowship.id, { coach_id: 999 })).expect(201);
    assert.equal(res.body.coach_id, s.coach.id, 'the writer is the caller, whatever the body says');
    assert.equal(res.body.organisation_name, s.org.name);
    assert.equal(res.body.notes, 'Gemeinsam den Finanzplan durchgesehen.');
    assert.deepEqual(res.body.budget, { budget_hours: 10, used_hours: 1, remaining_hours: 9, percent: 10, state: 'ok' });
    const updated = await (await loginAs(s.coach)).put(`/api/coaching-sessions/${res.body.id}`).send({ ...res.body, duration_minutes: 90 }).expect(200);
    assert.equal(updated.body.duration_minutes, 90);
    assert.equal(updated.body.fellowship_id, s.fellowship.id);
    const audit = await db().selectFrom('audit_events').select('action').where('resource', '=', 'coaching-sessions').orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['create', 'update']);
  });

  it('answers 404 to a coach for fellowships and sessions they do not coach, on every route', async () => {
    const mine = await setup();
    const other = await setup();
    const foreign = await other.coachAgent.post('/api/coaching-sessions').send(session(other.fellowship.id)).expect(201);
    const before = await databaseSnapshot();
    await mine.coachAgent.post('/api/coaching-sessions').send(session(other.fellowship.id)).expect(404);
    await mine.coachAgent.get(`/api/coaching-sessions/${foreign.body.id}`).expect(404);
    await mine.coachAgent.put(`/api/coaching-sessions/${foreign.body.id}`).send({ duration_minutes: 30 }).expect(404);
    await mine.coachAgent.delete(`/api/coaching-sessions/${foreign.body.id}`).expect(404);
    const list = await mine.coachAgent.get('/api/coaching-sessions').expect(200);
    assert.deepEqual(list.body, []);
    const byFilter = await mine.coachAgent.get('/api/coaching-sessions').query(listQuery({ filter: { fellowship_id: other.fellowship.id } })).expect(200);
    assert.deepEqual(byFilter.body, []);
    const csv = await mine.coachAgent.get('/api/coaching-sessions/export.csv').expect(200);
    assert.equal(csv.text.trim().split('\n').length, 1, 'header only');
    await mine.fellowAgent.get(`/api/coaching-sessions/${foreign.body.id}`).expect(404);
    assert.equal(await databaseSnapshot(), before);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const s = await setup();
    const { agent: staff } = await agentFor('staff');
    const { agent: jury } = await agentFor('jury');
    const created = await s.coachAgent.post('/api/coaching-sessions').send(session(s.fellowship.id)).expect(201);
    const before = await databaseSnapshot();
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const cases: Array<[string, unknown, number]> = [
      ['missing duration', { ...session(s.fellowship.id), duration_minutes: undefined }, 400],
      ['missing fellowship', { ...session(s.fellowship.id), fellowship_id: undefined }, 400],
      ['duration as text', session(s.fellowship.id, { duration_minutes: 'eine Stunde' }), 400],
      ['fractional minutes', session(s.fellowship.id, { duration_minutes: 30.5 }), 400],
      ['zero minutes', session(s.fellowship.id, { duration_minutes: 0 }), 400],
      ['ten hours and more', session(s.fellowship.id, { duration_minutes: 1000 }), 400],
      ['future date', session(s.fellowship.id, { held_on: tomorrow }), 400],
      ['not a date', session(s.fellowship.id, { held_on: '4. Mai' }), 400],
      ['bad format', session(s.fellowship.id, { format: 'carrier_pigeon' }), 400],
      ['confidential as text', session(s.fellowship.id, { confidential: 'ja' }), 400],
      ['huge notes', session(s.fellowship.id, { notes: 'x'.repeat(50_000) }), 400],
      ['unknown fellowship', session(999_999), 404],
      ['array body', [session(s.fellowship.id)], 400],
    ];
    for (const [label, body, status] of cases) {
      const res = await s.coachAgent.post('/api/coaching-sessions').send(body as any);
      assert.equal(res.status, status, `${label}: ${JSON.stringify(res.body)}`);
    }
    const fieldErrors = await s.coachAgent.post('/api/coaching-sessions').send({ fellowship_id: s.fellowship.id, duration_minutes: -1 }).expect(400);
    assert.ok(fieldErrors.body.errors.duration_minutes);
    assert.ok(fieldErrors.body.errors.held_on);
    await s.coachAgent.post('/api/coaching-sessions').set('Content-Type', 'application/json').send('{"fellowship_id": 1,').expect(400);
    await s.coachAgent.put(`/api/coaching-sessions/${created.body.id}`).send({ duration_minutes: 'lang' }).expect(400);
    await s.coachAgent.put('/api/coaching-sessions/999999').send({ duration_minutes: 30 }).expect(404);
    await s.coachAgent.get('/api/coaching-sessions').query(listQuery({ filter: { notes: SECRET } })).expect(400);
    await s.coachAgent.get('/api/coaching-sessions').query(listQuery({ sort: ['notes', 'ASC'] })).expect(400);
    await s.coachAgent.get('/api/coaching-sessions/export.csv').query({ range: '[0,9]' }).expect(400);
    // Roles: fellows read, never write; staff read and log, but only the writer edits.
    await s.fellowAgent.post('/api/coaching-sessions').send(session(s.fellowship.id)).expect(403);
    await s.fellowAgent.put(`/api/coaching-sessions/${created.body.id}`).send({ duration_minutes: 10 }).expect(403);
    await staff.put(`/api/coaching-sessions/${created.body.id}`).send({ duration_minutes: 10 }).expect(403);
    await staff.delete(`/api/coaching-sessions/${created.body.id}`).expect(403);
    await jury.get('/api/coaching-sessions').expect(403);
    await api().get('/api/coaching-sessions').expect(401);
    assert.equal(await databaseSnapshot(), before);
  });

  it('refuses logging for a withdrawn fellowship', async () => {
    const s = await setup();
    await db().updateTable('fellowships').set({ status: 'withdrawn' }).where('id', '=', s.fellowship.id).execute();
    const res = await s.coachAgent.post('/api/coaching-sessions').send(session(s.fellowship.id)).expect(409);
    assert.equal(res.body.code, 'fellowship_withdrawn');
  });
});

describe('coaching sessions: confidential notes', () => {
  /** Coach A writes a confidential session; then the fellowship moves to coach B. */
  async function confidentialSetup() {
    const s = await setup();
    const open = await s.coachAgent.post('/api/coaching-sessions').send(session(s.fellowship.id, { topics: 'Wirkungslogik', notes: 'Offene Notiz' })).expect(201);
    const secret = await s.coachAgent
      .post('/api/coaching-sessions')
      .send(session(s.fellowship.id, { held_on: '2026-05-11', duration_minutes: 45, topics: `Thema ${SECRET}`, notes: `Geheim: ${SECRET} im Vorstand`, next_steps: `${SECRET} klären`, confidential: true }))
      .expect(201);
    assert.equal(secret.body.notes, `Geheim: ${SECRET} im Vorstand`, 'the writer sees own notes');
    const coachB = await createUser('coach');
    const { agent: staff } = await agentFor('staff');
    const { agent: admin } = await agentFor('admin');
    return { ...s, open: open.body, secret: secret.body, coachB, staff, admin };
  }

  it('shows confidential content to the writing coach and admins only — list, get, q, export, story', async () => {
    const c = await confidentialSetup();
    await db().updateTable('fellowships').set({ coach_id: c.coachB.id }).where('id', '=', c.fellowship.id).execute();
    const coachB = await loginAs(c.coachB);
    // coach A no longer coaches this fellowship: it is gone from their view.
    await c.coachAgent.get(`/api/coaching-sessions/${c.secret.id}`).expect(404);
    await db().updateTable('fellowships').set({ coach_id: c.coach.id }).where('id', '=', c.fellowship.id).execute();
    const readers = { writer: c.coachAgent, admin: c.admin };
    const others = { staff: c.staff, fellow: c.fellowAgent };

    for (const [who, agent] of Object.entries(readers)) {
      const got = await agent.get(`/api/coaching-sessions/${c.secret.id}`).expect(200);
      assert.equal(got.body.notes, `Geheim: ${SECRET} im Vorstand`, who);
      assert.equal(got.body.content_hidden, false, who);
      const found = await agent.get('/api/coaching-sessions').query(listQuery({ filter: { q: SECRET } })).expect(200);
      assert.deepEqual(found.body.map((x: any) => x.id), [c.secret.id], `${who} finds it by q`);
      const csv = await agent.get('/api/coaching-sessions/export.csv').expect(200);
      assert.ok(csv.text.includes(SECRET), `${who} export`);
    }
    for (const [who, agent] of Object.entries(others)) {
      const list = await agent.get('/api/coaching-sessions').query(listQuery({ sort: ['held_on', 'ASC'] })).expect(200);
      assert.equal(list.body.length, 2, `${who} sees that the session exists`);
      const hidden = list.body.find((x: any) => x.id === c.secret.id);
      assert.deepEqual([hidden.duration_minutes, hidden.confidential, hidden.content_hidden, hidden.notes, hidden.topics, hidden.next_steps], [45, true, true, null, null, null], who);
      assert.ok(!JSON.stringify(list.body).includes(SECRET), `${who} list`);
      const got = await agent.get(`/api/coaching-sessions/${c.secret.id}`).expect(200);
      assert.ok(!JSON.stringify(got.body).includes(SECRET), `${who} get`);
      const found = await agent.get('/api/coaching-sessions').query(listQuery({ filter: { q: SECRET } })).expect(200);
      assert.deepEqual(found.body, [], `${who} cannot find hidden text with q`);
      const exportAll = await agent.get('/api/coaching-sessions/export.csv').expect(200);
      assert.ok(!exportAll.text.includes(SECRET), `${who} export`);
      assert.equal(exportAll.text.trim().split('\n').length, 3, `${who} export has both sessions`);
      const exportQ = await agent.get('/api/coaching-sessions/export.csv').query({ filter: JSON.stringify({ q: SECRET }) }).expect(200);
      assert.equal(exportQ.text.trim().split('\n').length, 1, `${who} export with q`);
      const story = await agent.get(`/api/fellowships/${c.fellowship.id}/story`).expect(200);
      assert.ok(!JSON.stringify(story.body).includes(SECRET), `${who} story`);
      assert.equal(story.body.coaching.used_hours, 1.75, `${who} still sees the hours`);
      const filtered = await agent.get('/api/coaching-sessions').query(listQuery({ filter: { confidential: true } })).expect(200);
      assert.deepEqual(filtered.body.map((x: any) => x.id), [c.secret.id]);
    }
    // The organisation's DSGVO export (staff) keeps the session and its hours, not its content.
    const dsgvo = await c.staff.get(`/api/organisations/${c.org.id}/export`).expect(200);
    const exported = JSON.stringify(dsgvo.body ?? dsgvo.text);
    assert.ok(!exported.includes(SECRET), 'DSGVO export');
    assert.ok(exported.includes('Offene Notiz'));
    // The fellow reads the open session's notes, not the confidential one's.
    const fellowOpen = await c.fellowAgent.get(`/api/coaching-sessions/${c.open.id}`).expect(200);
    assert.equal(fellowOpen.body.notes, 'Offene Notiz');

    // Another coach now responsible for the fellowship sees the session, not its content.
    await db().updateTable('fellowships').set({ coach_id: c.coachB.id }).where('id', '=', c.fellowship.id).execute();
    const asB = await coachB.get(`/api/coaching-sessions/${c.secret.id}`).expect(200);
    assert.equal(asB.body.notes, null);
    assert.equal(asB.body.content_hidden, true);
    const bFound = await coachB.get('/api/coaching-sessions').query(listQuery({ filter: { q: SECRET } })).expect(200);
    assert.deepEqual(bFound.body, []);
    await coachB.put(`/api/coaching-sessions/${c.secret.id}`).send({ notes: 'überschrieben' }).expect(403);
    const stored = await db().selectFrom('coaching_sessions').select('notes').where('id', '=', c.secret.id).executeTakeFirstOrThrow();
    assert.equal(stored.notes, `Geheim: ${SECRET} im Vorstand`);
  });
});

describe('coaching sessions: hours vs budget', () => {
  it('computes the budget state in whole minutes', () => {
    assert.deepEqual(coachingBudget(0, 10), { budget_hours: 10, used_hours: 0, remaining_hours: 10, percent: 0, state: 'ok' });
    assert.equal(coachingBudget(479, 10).state, 'ok', '79.8 %');
    assert.equal(coachingBudget(480, 10).state, 'near', 'exactly 80 %');
    assert.equal(coachingBudget(599, 10).state, 'near');
    assert.equal(coachingBudget(600, 10).state, 'at_limit');
    assert.equal(coachingBudget(601, 10).state, 'over', 'after the budget was lowered');
    assert.deepEqual(coachingBudget(90, 1.5), { budget_hours: 1.5, used_hours: 1.5, remaining_hours: 0, percent: 100, state: 'at_limit' });
    assert.deepEqual(coachingBudget(20, 0.5), { budget_hours: 0.5, used_hours: 0.33, remaining_hours: 0.17, percent: 67, state: 'ok' });
    assert.equal(coachingBudget(0, 0).state, 'at_limit');
    assert.equal(coachingBudget(0, 0).percent, null);
    assert.equal(exceedsBudget(570, 30, 10), false);
    assert.equal(exceedsBudget(570, 31, 10), true);
    assert.equal(exceedsBudget(0, 1, '0.1' as any), false, 'numeric arrives as a string from pg');
  });

  it('warns near and at the limit and refuses a session that would pass the budget', async () => {
    const s = await setup(2);
    const log = (minutes: number) => s.coachAgent.post('/api/coaching-sessions').send(session(s.fellowship.id, { duration_minutes: minutes }));
    assert.equal((await log(60).expect(201)).body.budget.state, 'ok');
    const near = await log(40).expect(201);
    assert.deepEqual(near.body.budget, { budget_hours: 2, used_hours: 1.67, remaining_hours: 0.33, percent: 83, state: 'near' });
    const before = await databaseSnapshot();
    const over = await log(30).expect(409);
    assert.equal(over.body.code, 'coaching_budget_exceeded');
    assert.ok(over.body.errors.duration_minutes);
    assert.equal(await databaseSnapshot(), before);
    const last = await log(20).expect(201);
    assert.equal(last.body.budget.state, 'at_limit');
    await log(5).expect(409);
    // Lengthening a logged session counts against the budget too (its own minutes excluded).
    await s.coachAgent.put(`/api/coaching-sessions/${last.body.id}`).send({ duration_minutes: 21 }).expect(409);
    await s.coachAgent.put(`/api/coaching-sessions/${last.body.id}`).send({ duration_minutes: 20, topics: 'neu' }).expect(200);
    await s.coachAgent.put(`/api/coaching-sessions/${last.body.id}`).send({ duration_minutes: 10 }).expect(200);
    assert.equal((await log(10).expect(201)).body.budget.state, 'at_limit');
    // Staff raise the budget; logging goes on.
    await db().updateTable('fellowships').set({ coaching_hours_budget: 3 }).where('id', '=', s.fellowship.id).execute();
    assert.equal((await log(30).expect(201)).body.budget.percent, 83);
  });

  it('holds the budget under parallel logging', async function () {
    this.timeout(60_000);
    const s = await setup(2);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => s.coachAgent.post('/api/coaching-sessions').send(session(s.fellowship.id, { duration_minutes: 60 }))),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 201, 409, 409, 409], `on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`);
    const total = await db().selectFrom('coaching_sessions').select((eb) => eb.fn.sum<number>('duration_minutes').as('m')).executeTakeFirstOrThrow();
    assert.equal(Number(total.m), 120);
  });

  it('uses the Berlin calendar day for "today"', () => {
    assert.equal(berlinToday(new Date('2026-05-04T22:30:00Z')), '2026-05-05');
    assert.equal(berlinToday(new Date('2026-12-31T22:59:00Z')), '2026-12-31');
  });
});
