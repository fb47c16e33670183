import assert from 'node:assert/strict';
import ical from 'node-ical';
import { agentFor, api, createOrganisation, createUser, databaseSnapshot, db, listQuery, loginAs } from './support/fixtures.ts';
import { createCohort, createFellowship, createPerson, createWorkshop, daysFromNow } from './support/programme.ts';
import { attendanceSummary } from '../src/attendances/attendances.schema.ts';
import { capPerOrganisation } from '../src/workshops/workshops.schema.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;

/** A cohort with one fellow organisation, its applicant login and two of its people. */
async function fellowSetup(options: { coachId?: number } = {}) {
  const cohort = await createCohort();
  const org = await createOrganisation();
  const fellowship = await createFellowship({ cohort_id: cohort.id, organisation_id: org.id, coach_id: options.coachId ?? null });
  const applicant = await createUser('applicant', { organisation_id: org.id });
  const people = [await createPerson(org.id, 'Anna'), await createPerson(org.id, 'Ben'), await createPerson(org.id, 'Cem')];
  return { cohort, org, fellowship, applicant, people, agent: await loginAs(applicant) };
}

describe('programme year: workshops', () => {
  it('lets staff create, update and delete a workshop, recording audit events', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const created = await agent
      .post('/api/workshops')
      .send({ cohort_id: cohort.id, title: 'Transferkonzept schreiben', kind: 'workshop', starts_at: '2026-03-10T09:00:00+01:00', ends_at: '2026-03-10T16:00:00+01:00', location: 'Berlin' })
      .expect(201);
    assert.equal(created.body.cohort_name, cohort.name);
    assert.equal(created.body.on_site, true);
    assert.equal(created.body.cap_per_organisation, 2);
    const updated = await agent.put(`/api/workshops/${created.body.id}`).send({ ...created.body, kind: 'webinar', location: null, online_url: 'https://meet.example.org/x' }).expect(200);
    assert.equal(updated.body.on_site, false);
    assert.equal(updated.body.cap_per_organisation, 10);
    await agent.delete(`/api/workshops/${created.body.id}`).expect(200);
    const events = await db().selectFrom('audit_events').select('action').where('resource', '=', 'workshops').orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['create', 'update', 'delete']);
  });

  it('rejects bad workshop input with field errors and changes nothing', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const workshop = await createWorkshop(cohort.id);
    const jurorUser = await createUser('jury');
    const before = await databaseSnapshot();
    const valid = { cohort_id: cohort.id, title: 'X', starts_at: '2026-05-01T09:00:00Z', ends_at: '2026-05-01T10:00:00Z' };
    const cases: Array<[string, unknown, number]> = [
      ['missing title', { ...valid, title: undefined }, 400],
      ['wrong type', { ...valid, cohort_id: 'eins' }, 400],
      ['bad kind', { ...valid, kind: 'party' }, 400],
      ['end before start', { ...valid, ends_at: '2026-05-01T08:00:00Z' }, 400],
      ['date without zone', { ...valid, starts_at: '2026-05-01 09:00' }, 400],
      ['huge title', { ...valid, title: 'x'.repeat(10_000) }, 400],
      ['bad url', { ...valid, online_url: 'javascript:alert(1)' }, 400],
      ['juror as facilitator', { ...valid, facilitator_id: jurorUser.id }, 400],
      ['unknown cohort', { ...valid, cohort_id: 999_999 }, 409],
      ['array body', [valid], 400],
    ];
    for (const [label, body, status] of cases) {
      const res = await agent.post('/api/workshops').send(body as any);
      assert.equal(res.status, status, `${label}: ${JSON.stringify(res.body)}`);
      assert.equal(typeof res.body.message, 'string');
    }
    const endBefore = await agent.post('/api/workshops').send({ ...valid, ends_at: '2026-05-01T08:00:00Z' });
    assert.ok(endBefore.body.errors.ends_at);
    await agent.put(`/api/workshops/${workshop.id}`).send({ ends_at: new Date(new Date(workshop.starts_at).getTime() - 1000).toISOString() }).expect(400);
    await agent.post('/api/workshops').set('Content-Type', 'application/json').send('{"title": ').expect(400);
    await agent.put('/api/workshops/999999').send({ title: 'x' }).expect(404);
    await agent.get('/api/workshops').query({ filter: '{"kind":' }).expect(400);
    await agent.get('/api/workshops').query(listQuery({ filter: { secret: 1 } })).expect(400);
    await agent.get('/api/workshops').query(listQuery({ filter: { upcoming: 'ja' } })).expect(400);
    assert.equal(await databaseSnapshot(), before);
  });

  it('shows coaches and fellows only their cohorts\' workshops (404 on others), and alumni the public events', async () => {
    const coach = await createUser('coach');
    const mine = await fellowSetup({ coachId: coach.id });
    const other = await fellowSetup();
    const own = await createWorkshop(mine.cohort.id, { title: 'Eigener Workshop' });
    const foreign = await createWorkshop(other.cohort.id, { title: 'Fremder Workshop' });
    const facilitated = await createWorkshop(other.cohort.id, { title: 'Moderiert', facilitator_id: coach.id });
    const coachAgent = await loginAs(coach);
    const coachList = await coachAgent.get('/api/workshops').expect(200);
    assert.deepEqual(coachList.body.map((w: any) => w.id).sort(), [own.id, facilitated.id].sort());
    await coachAgent.get(`/api/workshops/${foreign.id}`).expect(404);
    const fellowList = await mine.agent.get('/api/workshops').expect(200);
    assert.deepEqual(fellowList.body.map((w: any) => w.id), [own.id]);
    await mine.agent.get(`/api/workshops/${foreign.id}`).expect(404);
    await mine.agent.post('/api/workshops').send({ cohort_id: mine.cohort.id, title: 'x', starts_at: '2026-05-01T09:00:00Z', ends_at: '2026-05-01T10:00:00Z' }).expect(403);
    const { agent: jury } = await agentFor('jury');
    await jury.get('/api/workshops').expect(403);
    await api().get('/api/workshops').expect(401);

    // An alumnus of an earlier cohort sees a later cohort's barcamp, not its mandatory workshops.
    await db().updateTable('fellowships').set({ status: 'completed' }).where('id', '=', mine.fellowship.id).execute();
    const barcamp = await createWorkshop(other.cohort.id, { title: 'Alumni-Barcamp', kind: 'barcamp', mandatory: false });
    const alumniList = await mine.agent.get('/api/workshops').query(listQuery({ filter: { cohort_id: other.cohort.id } })).expect(200);
    assert.deepEqual(alumniList.body.map((w: any) => w.id), [barcamp.id]);
  });

  it('keeps a workshop with recorded attendance and its cohort fixed', async () => {
    const mine = await fellowSetup();
    const other = await createCohort();
    const workshop = await createWorkshop(mine.cohort.id, { starts_at: daysFromNow(-3) });
    const { agent: staff } = await agentFor('staff');
    const moved = await staff.put(`/api/workshops/${workshop.id}`).send({ cohort_id: other.id, title: 'Umbenannt' }).expect(200);
    assert.equal(moved.body.cohort_id, mine.cohort.id, 'cohort_id is read-only on PUT');
    await staff.post(`/api/workshops/${workshop.id}/mark-attendance`).send({ entries: [{ person_id: mine.people[0].id, status: 'attended' }] }).expect(200);
    const before = await databaseSnapshot();
    const res = await staff.delete(`/api/workshops/${workshop.id}`).expect(409);
    assert.equal(res.body.code, 'attendance_recorded');
    assert.equal(await databaseSnapshot(), before);
  });

  it('filters upcoming workshops and searches titles', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const past = await createWorkshop(cohort.id, { title: 'Auftakt', starts_at: daysFromNow(-30) });
    const next = await createWorkshop(cohort.id, { title: 'Finanzierungsstrategien', starts_at: daysFromNow(10) });
    const upcoming = await agent.get('/api/workshops').query(listQuery({ filter: { upcoming: true } })).expect(200);
    assert.deepEqual(upcoming.body.map((w: any) => w.id), [next.id]);
    const ended = await agent.get('/api/workshops').query(listQuery({ filter: { upcoming: false } })).expect(200);
    assert.deepEqual(ended.body.map((w: any) => w.id), [past.id]);
    const found = await agent.get('/api/workshops').query(listQuery({ filter: { q: 'finanzierung' } })).expect(200);
    assert.deepEqual(found.body.map((w: any) => w.id), [next.id]);
  });
});

describe('programme year: iCalendar feed', () => {
  it('serves a valid RFC 5545 calendar in Europe/Berlin time with stable UIDs that node-ical parses back', async () => {
    const mine = await fellowSetup();
    const summer = await createWorkshop(mine.cohort.id, { title: 'Sommer-Workshop; mit Komma, und Ümlaut', starts_at: new Date('2026-07-01T08:00:00Z'), ends_at: new Date('2026-07-01T15:00:00Z') });
    const winter = await createWorkshop(mine.cohort.id, { title: 'Winter-Webinar', kind: 'webinar', location: null, online_url: 'https://meet.example.org/w', starts_at: new Date('2026-12-01T08:00:00Z'), ends_at: new Date('2026-12-01T09:30:00Z') });
    const res = await mine.agent.get('/api/workshops.ics').query({ cohort_id: mine.cohort.id }).expect(200);
    assert.match(res.headers['content-type'], /^text\/calendar/);
    const text = res.text;
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines are folded at 75 octets');
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    assert.match(text, /VERSION:2\.0/);
    assert.match(text, /PRODID:/);
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin/);
    assert.match(text, /DTSTART;TZID=Europe\/Berlin:20260701T100000/, 'summer: CEST = UTC+2');
    assert.match(text, /DTSTART;TZID=Europe\/Berlin:20261201T090000/, 'winter: CET = UTC+1');
    assert.match(text, /DTSTAMP:\d{8}T\d{6}Z/, 'DTSTAMP is UTC');

    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((c: any) => c.type === 'VEVENT') as any[];
    assert.equal(events.length, 2);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const s = byUid.get(`workshop-${summer.id}@localhost`);
    const w = byUid.get(`workshop-${winter.id}@localhost`);
    assert.ok(s && w, 'UIDs are workshop-<id>@host');
    assert.equal(new Date(s.start).toISOString(), '2026-07-01T08:00:00.000Z');
    assert.equal(new Date(s.end).toISOString(), '2026-07-01T15:00:00.000Z');
    assert.equal(new Date(w.start).toISOString(), '2026-12-01T08:00:00.000Z');
    assert.equal(s.summary, 'Sommer-Workshop; mit Komma, und Ümlaut');
    assert.equal(s.start.tz, 'Europe/Berlin');
    assert.equal(w.location, 'Online');

    // Stable: a second fetch after an edit keeps the UID and raises SEQUENCE.
    await db().updateTable('workshops').set({ title: 'Sommer-Workshop (verschoben)', updated_at: new Date(Date.now() + 60_000) }).where('id', '=', summer.id).execute();
    const again = ical.sync.parseICS((await mine.agent.get('/api/workshops.ics').query({ cohort_id: mine.cohort.id }).expect(200)).text);
    const s2 = Object.values(again).find((c: any) => c.uid === `workshop-${summer.id}@localhost`) as any;
    assert.equal(s2.summary, 'Sommer-Workshop (verschoben)');
    assert.ok(Number(s2.sequence) > Number(s.sequence));
  });

  it('answers 400 without cohort_id, 404 for unknown or foreign cohorts, 401 when logged out', async () => {
    const mine = await fellowSetup();
    const other = await fellowSetup();
    await createWorkshop(other.cohort.id);
    await mine.agent.get('/api/workshops.ics').expect(400);
    await mine.agent.get('/api/workshops.ics').query({ cohort_id: 'abc' }).expect(400);
    await mine.agent.get('/api/workshops.ics').query({ cohort_id: mine.cohort.id, x: 1 }).expect(400);
    await mine.agent.get('/api/workshops.ics').query({ cohort_id: 999_999 }).expect(404);
    await mine.agent.get('/api/workshops.ics').query({ cohort_id: other.cohort.id }).expect(404);
    await api().get('/api/workshops.ics').query({ cohort_id: mine.cohort.id }).expect(401);
  });
});

describe('programme year: attendances', () => {
  it('caps on-site workshops at 2 people per organisation and webinars at 10', async () => {
    const mine = await fellowSetup();
    const onSite = await createWorkshop(mine.cohort.id);
    const webinar = await createWorkshop(mine.cohort.id, { kind: 'webinar', location: null, online_url: 'https://meet.example.org/a' });
    assert.equal(capPerOrganisation(onSite), 2);
    for (const p of mine.people.slice(0, 2)) {
      const res = await mine.agent.post('/api/attendances').send({ workshop_id: onSite.id, person_id: p.id }).expect(201);
      assert.equal(res.body.status, 'registered');
    }
    const before = await databaseSnapshot();
    const third = await mine.agent.post('/api/attendances').send({ workshop_id: onSite.id, person_id: mine.people[2].id }).expect(409);
    assert.equal(third.body.code, 'attendance_cap');
    assert.equal(await databaseSnapshot(), before);
    for (const p of mine.people) await mine.agent.post('/api/attendances').send({ workshop_id: webinar.id, person_id: p.id }).expect(201);
    const more = [];
    for (let i = 0; i < 8; i++) more.push(await createPerson(mine.org.id));
    for (const p of more.slice(0, 7)) await mine.agent.post('/api/attendances').send({ workshop_id: webinar.id, person_id: p.id }).expect(201);
    const eleventh = await mine.agent.post('/api/attendances').send({ workshop_id: webinar.id, person_id: more[7].id }).expect(409);
    assert.equal(eleventh.body.code, 'attendance_cap');
  });

  it('treats networking with a location as on site, and frees a seat when someone is excused', async () => {
    const mine = await fellowSetup();
    const networking = await createWorkshop(mine.cohort.id, { kind: 'networking', location: 'Hamburg' });
    const [a, b, c] = mine.people;
    const first = await mine.agent.post('/api/attendances').send({ workshop_id: networking.id, person_id: a.id }).expect(201);
    await mine.agent.post('/api/attendances').send({ workshop_id: networking.id, person_id: b.id }).expect(201);
    await mine.agent.post('/api/attendances').send({ workshop_id: networking.id, person_id: c.id }).expect(409);
    await mine.agent.put(`/api/attendances/${first.body.id}`).send({ ...first.body, status: 'excused' }).expect(200);
    const third = await mine.agent.post('/api/attendances').send({ workshop_id: networking.id, person_id: c.id }).expect(201);
    // Re-registering the excused person would be a third seat.
    const back = await mine.agent.put(`/api/attendances/${first.body.id}`).send({ status: 'registered' }).expect(409);
    assert.equal(back.body.code, 'attendance_cap');
    await mine.agent.delete(`/api/attendances/${third.body.id}`).expect(200);
    await mine.agent.put(`/api/attendances/${first.body.id}`).send({ status: 'registered' }).expect(200);
  });

  it('keeps the cap under parallel registrations', async function () {
    this.timeout(60_000);
    const mine = await fellowSetup();
    const workshop = await createWorkshop(mine.cohort.id);
    const extra = [await createPerson(mine.org.id), await createPerson(mine.org.id), await createPerson(mine.org.id)];
    const everyone = [...mine.people, ...extra];
    const results = await Promise.all(everyone.map((p) => mine.agent.post('/api/attendances').send({ workshop_id: workshop.id, person_id: p.id })));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 201, 409, 409, 409, 409], `on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`);
    const rows = await db().selectFrom('attendances').select('id').where('workshop_id', '=', workshop.id).execute();
    assert.equal(rows.length, 2);
  });

  it('refuses registrations outside the rules and changes nothing', async () => {
    const mine = await fellowSetup();
    const other = await fellowSetup();
    const workshop = await createWorkshop(mine.cohort.id);
    const past = await createWorkshop(mine.cohort.id, { starts_at: daysFromNow(-10) });
    const foreignWorkshop = await createWorkshop(other.cohort.id);
    const outsider = await createOrganisation();
    const outsiderPerson = await createPerson(outsider.id);
    const { agent: staff } = await agentFor('staff');
    const { agent: coach } = await agentFor('coach');
    const before = await databaseSnapshot();
    const p = mine.people[0].id;
    const expect = async (agent: any, body: unknown, status: number, code?: string) => {
      const res = await agent.post('/api/attendances').send(body);
      assert.equal(res.status, status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
      if (code) assert.equal(res.body.code, code);
    };
    await expect(mine.agent, { workshop_id: workshop.id, person_id: other.people[0].id }, 404);
    await expect(mine.agent, { workshop_id: foreignWorkshop.id, person_id: p }, 404);
    await expect(mine.agent, { workshop_id: workshop.id, person_id: p, status: 'attended' }, 400);
    await expect(mine.agent, { workshop_id: past.id, person_id: p }, 409, 'workshop_started');
    await expect(mine.agent, { workshop_id: 999_999, person_id: p }, 404);
    await expect(mine.agent, { workshop_id: workshop.id, person_id: 999_999 }, 400);
    await expect(mine.agent, { workshop_id: 'eins', person_id: p }, 400);
    await expect(mine.agent, { person_id: p }, 400);
    await expect(mine.agent, { workshop_id: workshop.id, person_id: p, status: 'x'.repeat(100_000) }, 400);
    await expect(staff, { workshop_id: workshop.id, person_id: outsiderPerson.id }, 409, 'not_a_fellow');
    await expect(staff, { workshop_id: workshop.id, person_id: p, status: 'attended' }, 409, 'workshop_not_started');
    await mine.agent.post('/api/attendances').set('Content-Type', 'application/json').send('{"workshop_id":').expect(400);
    await expect(coach, { workshop_id: workshop.id, person_id: p }, 403);
    assert.equal(await databaseSnapshot(), before);
    await expect(mine.agent, { workshop_id: workshop.id, person_id: p }, 201);
    await expect(mine.agent, { workshop_id: workshop.id, person_id: p }, 409, 'duplicate');
  });

  it('shows each role only its attendances', async () => {
    const coach = await createUser('coach');
    const mine = await fellowSetup({ coachId: coach.id });
    const other = await fellowSetup();
    const w1 = await createWorkshop(mine.cohort.id);
    const w2 = await createWorkshop(other.cohort.id);
    const { agent: staff } = await agentFor('staff');
    const a1 = await staff.post('/api/attendances').send({ workshop_id: w1.id, person_id: mine.people[0].id }).expect(201);
    const a2 = await staff.post('/api/attendances').send({ workshop_id: w2.id, person_id: other.people[0].id }).expect(201);
    const own = await mine.agent.get('/api/attendances').expect(200);
    assert.deepEqual(own.body.map((a: any) => a.id), [a1.body.id]);
    await mine.agent.get(`/api/attendances/${a2.body.id}`).expect(404);
    await mine.agent.put(`/api/attendances/${a2.body.id}`).send({ status: 'excused' }).expect(404);
    const coachAgent = await loginAs(coach);
    const coachList = await coachAgent.get('/api/attendances').expect(200);
    assert.deepEqual(coachList.body.map((a: any) => a.id), [a1.body.id]);
    await coachAgent.put(`/api/attendances/${a1.body.id}`).send({ status: 'excused' }).expect(403);
    const byWorkshop = await staff.get('/api/attendances').query(listQuery({ filter: { workshop_id: w2.id } })).expect(200);
    assert.deepEqual(byWorkshop.body.map((a: any) => a.id), [a2.body.id]);
  });

  it('lets staff mark a whole workshop in one request, all or nothing', async () => {
    const mine = await fellowSetup();
    const otherOrg = await createOrganisation();
    await createFellowship({ cohort_id: mine.cohort.id, organisation_id: otherOrg.id });
    const other = { people: [await createPerson(otherOrg.id)] };
    const workshop = await createWorkshop(mine.cohort.id, { starts_at: daysFromNow(-2) });
    const future = await createWorkshop(mine.cohort.id);
    const { agent: staff } = await agentFor('staff');
    const res = await staff
      .post(`/api/workshops/${workshop.id}/mark-attendance`)
      .send({ entries: [{ person_id: mine.people[0].id, status: 'attended' }, { person_id: mine.people[1].id, status: 'excused' }, { person_id: other.people[0].id, status: 'absent' }] })
      .expect(200);
    assert.equal(res.body.id, workshop.id);
    assert.equal(res.body.attended_count, 1);
    const rows = await db().selectFrom('attendances').select(['person_id', 'status']).where('workshop_id', '=', workshop.id).orderBy('person_id').execute();
    assert.deepEqual(rows.map((r) => [r.person_id, r.status]), [[mine.people[0].id, 'attended'], [mine.people[1].id, 'excused'], [other.people[0].id, 'absent']]);

    const before = await databaseSnapshot();
    const bad: Array<[unknown, number, string?]> = [
      [{ entries: [] }, 400],
      [{ entries: [{ person_id: mine.people[0].id, status: 'present' }] }, 400],
      [{ entries: [{ person_id: mine.people[0].id, status: 'absent' }, { person_id: mine.people[0].id, status: 'attended' }] }, 400],
      [{ entries: [{ person_id: 999_999, status: 'attended' }] }, 400],
      [{ entries: 'alle' }, 400],
      // The third person would be a third seat: nothing of this request is kept.
      [{ entries: [{ person_id: mine.people[0].id, status: 'absent' }, { person_id: mine.people[1].id, status: 'attended' }, { person_id: mine.people[2].id, status: 'attended' }] }, 409, 'attendance_cap'],
    ];
    for (const [body, status, code] of bad) {
      const r = await staff.post(`/api/workshops/${workshop.id}/mark-attendance`).send(body as any);
      assert.equal(r.status, status, JSON.stringify(body));
      if (code) assert.equal(r.body.code, code);
    }
    const early = await staff.post(`/api/workshops/${future.id}/mark-attendance`).send({ entries: [{ person_id: mine.people[0].id, status: 'attended' }] }).expect(409);
    assert.equal(early.body.code, 'workshop_not_started');
    await staff.post('/api/workshops/999999/mark-attendance').send({ entries: [{ person_id: mine.people[0].id, status: 'attended' }] }).expect(404);
    await mine.agent.post(`/api/workshops/${workshop.id}/mark-attendance`).send({ entries: [{ person_id: mine.people[0].id, status: 'attended' }] }).expect(403);
    assert.equal(await databaseSnapshot(), before);
  });
});

describe('programme year: mandatory attendance rule', () => {
  it('computes the rule: present when anyone attended, excused counts as not present, compared exactly', () => {
    assert.deepEqual(attendanceSummary({ mandatory_past: 0, attended: 0, excused: 0 }, 80), { mandatory_past: 0, attended: 0, excused: 0, missed: 0, percent: null, min_attendance_percent: 80, below_rule: false });
    assert.equal(attendanceSummary({ mandatory_past: 5, attended: 4, excused: 1 }, 80).below_rule, false);
    assert.equal(attendanceSummary({ mandatory_past: 5, attended: 3, excused: 2 }, 80).below_rule, true);
    const justBelow = attendanceSummary({ mandatory_past: 49, attended: 39, excused: 0 }, 80);
    assert.equal(justBelow.percent, 80, 'rounded display');
    assert.equal(justBelow.below_rule, true, '79.6 % breaks an 80 % rule');
    assert.equal(attendanceSummary({ mandatory_past: 3, attended: 0, excused: 0 }, 0).below_rule, false);
  });

  it('flags organisations below the cohort\'s rule in the cohort overview and on the fellowship story', async () => {
    const coach = await createUser('coach');
    const good = await fellowSetup({ coachId: coach.id });
    const cohort = good.cohort;
    const weakOrg = await createOrganisation({ name: 'Zukunftswerkstatt Süd e.V.' });
    const weak = await createFellowship({ cohort_id: cohort.id, organisation_id: weakOrg.id });
    const weakPerson = await createPerson(weakOrg.id);
    const past = [];
    for (let i = 0; i < 3; i++) past.push(await createWorkshop(cohort.id, { starts_at: daysFromNow(-30 + i * 7), title: `Pflicht ${i + 1}` }));
    const optional = await createWorkshop(cohort.id, { starts_at: daysFromNow(-5), mandatory: false });
    await createWorkshop(cohort.id, { starts_at: daysFromNow(20) });
    const { agent: staff } = await agentFor('staff');
    for (const w of past) await staff.post(`/api/workshops/${w.id}/mark-attendance`).send({ entries: [{ person_id: good.people[0].id, status: 'attended' }] }).expect(200);
    await staff.post(`/api/workshops/${past[0].id}/mark-attendance`).send({ entries: [{ person_id: weakPerson.id, status: 'attended' }] }).expect(200);
    await staff.post(`/api/workshops/${past[1].id}/mark-attendance`).send({ entries: [{ person_id: weakPerson.id, status: 'excused' }] }).expect(200);
    await staff.post(`/api/workshops/${optional.id}/mark-attendance`).send({ entries: [{ person_id: weakPerson.id, status: 'attended' }] }).expect(200);

    const overview = await staff.get(`/api/cohorts/${cohort.id}/attendance-overview`).expect(200);
    assert.equal(overview.body.min_attendance_percent, 80);
    assert.equal(overview.body.below_rule_count, 1);
    const weakRow = overview.body.rows.find((r: any) => r.fellowship_id === weak.id);
    assert.deepEqual([weakRow.mandatory_past, weakRow.attended, weakRow.excused, weakRow.missed, weakRow.percent, weakRow.below_rule], [3, 1, 1, 1, 33, true]);
    assert.equal(weakRow.by_workshop[past[1].id], 'excused');
    const goodRow = overview.body.rows.find((r: any) => r.fellowship_id === good.fellowship.id);
    assert.deepEqual([goodRow.percent, goodRow.below_rule], [100, false]);

    const coachView = await (await loginAs(coach)).get(`/api/cohorts/${cohort.id}/attendance-overview`).expect(200);
    assert.deepEqual(coachView.body.rows.map((r: any) => r.fellowship_id), [good.fellowship.id]);
    await good.agent.get(`/api/cohorts/${cohort.id}/attendance-overview`).expect(403);
    await staff.get('/api/cohorts/999999/attendance-overview').expect(404);
    await (await loginAs(coach)).get(`/api/cohorts/${(await createCohort()).id}/attendance-overview`).expect(404);

    const story = await staff.get(`/api/fellowships/${weak.id}/story`).expect(200);
    assert.equal(story.body.attendance.below_rule, true);
    assert.equal(story.body.attendance.workshops.length, 5);
    const fellows = await staff.get('/api/programme/fellows').query({ cohort_id: cohort.id }).expect(200);
    assert.equal(fellows.body.find((f: any) => f.id === weak.id).attendance.below_rule, true);
  });
});

describe('programme year: the fellowship story', () => {
  async function storySetup() {
    const coach = await createUser('coach', { name: 'Katrin Coach' });
    const mine = await fellowSetup({ coachId: coach.id });
    const juror = await createUser('jury', { name: 'Dr. Petra Hölzl' });
    const c1 = await db().insertInto('criteria').values({ cohort_id: mine.cohort.id, name: 'Wirkung', weight: 2, max_score: 5, position: 1 }).returningAll().executeTakeFirstOrThrow();
    const c2 = await db().insertInto('criteria').values({ cohort_id: mine.cohort.id, name: 'Team', weight: 1, max_score: 5, position: 2 }).returningAll().executeTakeFirstOrThrow();
    await db().insertInto('reviews').values({
      application_id: mine.fellowship.application_id, juror_id: juror.id, status: 'submitted', recommendation: 'yes', submitted_at: new Date(),
      scores: JSON.stringify([{ criterion_id: c1.id, score: 5 }, { criterion_id: c2.id, score: 2 }]),
    }).execute();
    const juror2 = await createUser('jury');
    await db().insertInto('reviews').values({ application_id: mine.fellowship.application_id, juror_id: juror2.id, status: 'assigned', scores: JSON.stringify([{ criterion_id: c1.id, score: 1 }]) }).execute();
    const milestone = await db().insertInto('milestones').values({ fellowship_id: mine.fellowship.id, title: 'Transferkonzept', kind: 'transfer_concept', due_on: '2026-06-30', status: 'achieved', achieved_at: new Date('2026-06-20T10:00:00Z') }).returningAll().executeTakeFirstOrThrow();
    const staffUser = await createUser('staff');
    const admin = await createUser('admin');
    await db().insertInto('disbursements').values([
      { fellowship_id: mine.fellowship.id, label: '1. Tranche', amount_cents: 2_000_000, status: 'paid', created_by: staffUser.id, approved_by: admin.id, approved_at: new Date('2026-04-01T10:00:00Z'), paid_at: new Date('2026-04-03T10:00:00Z'), payment_reference: 'X1' },
      { fellowship_id: mine.fellowship.id, label: 'Transferbonus', amount_cents: 1_000_000, status: 'planned', milestone_id: milestone.id, due_on: '2026-09-01', created_by: staffUser.id },
    ] as any).execute();
    await db().insertInto('coaching_sessions').values([
      { fellowship_id: mine.fellowship.id, coach_id: coach.id, held_on: '2026-05-05', duration_minutes: 90, topics: 'Finanzplanung', notes: 'Offen besprochen', confidential: false },
      { fellowship_id: mine.fellowship.id, coach_id: coach.id, held_on: '2026-05-20', duration_minutes: 60, topics: 'Konflikt im Vorstand', notes: 'Vertraulich: Vorstandskrise', confidential: true },
    ]).execute();
    return { ...mine, coach, juror };
  }

  it('tells staff the whole story with juror identities', async () => {
    const s = await storySetup();
    const { agent: staff } = await agentFor('staff');
    const res = await staff.get(`/api/fellowships/${s.fellowship.id}/story`).expect(200);
    const body = res.body;
    assert.equal(body.fellowship.organisation_id, s.org.id);
    assert.equal(body.fellowship.coach_name, 'Katrin Coach');
    assert.equal(body.application.project_name, 'Lesepaten bundesweit');
    assert.equal(body.scores.review_count, 1, 'only submitted reviews count');
    assert.equal(body.scores.weighted_score, 80, '(2·5/5 + 1·2/5) ÷ 3 = 80 %');
    assert.equal(body.scores.in_progress_count, 1);
    assert.equal(body.scores.reviews[0].juror_name, 'Dr. Petra Hölzl');
    assert.equal(body.milestones.length, 1);
    assert.deepEqual(body.tranches.totals, { planned: 1_000_000, approved: 0, paid: 2_000_000, cancelled: 0 });
    assert.equal(body.coaching.used_hours, 2.5);
    assert.equal(body.coaching.budget_hours, 10);
    assert.equal(body.coaching.session_count, 2);
    assert.equal(body.coaching.confidential_count, 1);
    assert.ok(!JSON.stringify(body).includes('Vorstandskrise'), 'staff never see confidential notes');
    const kinds = body.timeline.map((e: any) => e.kind);
    for (const k of ['application_submitted', 'fellowship_started', 'milestone_achieved', 'coaching_session', 'tranche_paid', 'tranche_planned']) assert.ok(kinds.includes(k), k);
    const ats = body.timeline.map((e: any) => e.at);
    assert.deepEqual(ats, [...ats].sort());
  });

  it('shows the fellow and the coach the story without juror identities; others get 404', async () => {
    const s = await storySetup();
    const fellowView = (await s.agent.get(`/api/fellowships/${s.fellowship.id}/story`).expect(200)).body;
    assert.equal(fellowView.scores.weighted_score, 80);
    assert.equal(fellowView.scores.reviews, undefined);
    assert.ok(!JSON.stringify(fellowView).includes('Hölzl'));
    assert.ok(!JSON.stringify(fellowView).includes(String(s.juror.email)));
    assert.ok(!JSON.stringify(fellowView).includes('Vorstandskrise'));
    assert.ok(JSON.stringify(fellowView).includes('Offen besprochen'));
    const coachView = (await (await loginAs(s.coach)).get(`/api/fellowships/${s.fellowship.id}/story`).expect(200)).body;
    assert.ok(coachView.coaching.sessions.some((x: any) => x.notes === 'Vertraulich: Vorstandskrise'), 'the writing coach sees own notes');
    assert.ok(!JSON.stringify(coachView).includes('Hölzl'));

    const { agent: otherCoach } = await agentFor('coach');
    await otherCoach.get(`/api/fellowships/${s.fellowship.id}/story`).expect(404);
    const { agent: otherApplicant } = await agentFor('applicant');
    await otherApplicant.get(`/api/fellowships/${s.fellowship.id}/story`).expect(404);
    const { agent: jury } = await agentFor('jury');
    await jury.get(`/api/fellowships/${s.fellowship.id}/story`).expect(403);
    await s.agent.get('/api/fellowships/999999/story').expect(404);
    await s.agent.get('/api/fellowships/abc/story').expect(404);
    await api().get(`/api/fellowships/${s.fellowship.id}/story`).expect(401);
  });

  it('lists a coach\'s fellows with hours used vs budget and the next milestone', async () => {
    const s = await storySetup();
    await fellowSetup();
    const coachAgent = await loginAs(s.coach);
    const fellows = await coachAgent.get('/api/programme/fellows').expect(200);
    assert.equal(fellows.body.length, 1);
    assert.equal(fellows.body[0].organisation_name, s.org.name);
    assert.deepEqual(fellows.body[0].coaching, { budget_hours: 10, used_hours: 2.5, remaining_hours: 7.5, percent: 25, state: 'ok' });
    await coachAgent.get('/api/programme/fellows').query({ cohort_id: 'x' }).expect(400);
    await coachAgent.get('/api/programme/fellows').query({ foo: 1 }).expect(400);
  });

  it("gives a coach's home only the fellows of the running year (status=active), past cohorts' stay in the full list", async () => {
    const coach = await createUser('coach');
    const past = await createCohort({ phase: 'alumni' });
    const current = await createCohort({ phase: 'programme' });
    const mine = [];
    for (let i = 0; i < 4; i++) mine.push(await createFellowship({ cohort_id: current.id, coach_id: coach.id }));
    for (let i = 0; i < 8; i++) await createFellowship({ cohort_id: past.id, coach_id: coach.id, status: 'completed' });
    const withdrawn = await createFellowship({ cohort_id: current.id, coach_id: coach.id, status: 'withdrawn' });
    await createFellowship({ cohort_id: current.id, coach_id: (await createUser('coach')).id });
    const agent = await loginAs(coach);

    const active = (await agent.get('/api/programme/fellows').query({ status: 'active' }).expect(200)).body;
    const inDb = await db().selectFrom('fellowships').select('id').where('coach_id', '=', coach.id).where('status', '=', 'active').orderBy('id').execute();
    assert.deepEqual(active.map((f: any) => f.id).sort((a: number, b: number) => a - b), inDb.map((f) => f.id));
    assert.deepEqual(active.map((f: any) => f.id).sort((a: number, b: number) => a - b), mine.map((f) => f.id));
    assert.equal((await agent.get('/api/programme/fellows').expect(200)).body.length, 13, 'the unfiltered list keeps every fellowship the coach ever had');
    assert.equal((await agent.get('/api/programme/fellows').query({ status: 'completed' }).expect(200)).body.length, 8);
    assert.deepEqual((await agent.get('/api/programme/fellows').query({ status: 'withdrawn' }).expect(200)).body.map((f: any) => f.id), [withdrawn.id]);
    assert.equal((await agent.get('/api/programme/fellows').query({ status: 'active', cohort_id: past.id }).expect(200)).body.length, 0);

    const bad = await agent.get('/api/programme/fellows').query({ status: 'finished' }).expect(400);
    assert.equal(Object.keys(bad.body.errors ?? {})[0], 'status');
    await agent.get('/api/programme/fellows').query({ status: ['active', 'completed'] }).expect(400);
    const { agent: jury } = await agentFor('jury');
    await jury.get('/api/programme/fellows').query({ status: 'active' }).expect(403);
    await api().get('/api/programme/fellows').query({ status: 'active' }).expect(401);
  });
});
