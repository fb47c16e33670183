import assert from 'node:assert/strict';
import pg from 'pg';
import { agentFor, createUser, databaseSnapshot, db } from './support/fixtures.ts';
import { createFellowship, insertTranche } from './support/funding-fixtures.ts';
import { createReportingFellowship, insertGranteeReport } from './support/grantee-report-fixtures.ts';
import { runReminders, WINDOW_DAYS } from '../src/reminders/index.ts';
import { freshPostgresDatabase, killAll, startServer } from './support/server-process.ts';
import type { ReminderEvent } from '../src/db/schema.ts';

const PUBLIC_URL = 'https://crm.example.org';
/** 09:00 in Berlin on that day. */
const at = (day: string) => new Date(`${day}T09:00:00+01:00`);
const run = (day: string) => runReminders(db(), PUBLIC_URL, at(day));
const emails = () => db().selectFrom('emails').selectAll().orderBy('id').execute();

async function switchOn(event: ReminderEvent, offset_days: number, template_key = 'event_reminder') {
  await db().insertInto('reminder_rules').values({ event, offset_days, template_key, active: true })
    .onConflict((oc) => oc.columns(['event', 'offset_days']).doUpdateSet({ active: true, template_key })).execute();
}

async function cohort(values: { application_closes_at?: string; review_due_at?: string | null } = {}) {
  return db().insertInto('cohorts').values({
    name: 'openTransfer Accelerator 2027', year: 2027, phase: 'call_open', application_opens_at: '2027-01-01T00:00:00Z',
    application_closes_at: values.application_closes_at ?? '2027-03-31T21:59:00Z', review_due_at: values.review_due_at ?? null,
  }).returningAll().executeTakeFirstOrThrow();
}

async function application(cohortId: number, status: 'draft' | 'submitted', locale: 'de' | 'en' = 'de') {
  const applicant = await createUser('applicant', { locale });
  const row = await db().insertInto('applications').values({ cohort_id: cohortId, organisation_id: applicant.organisation_id!, project_name: 'Lesepaten', status })
    .returningAll().executeTakeFirstOrThrow();
  return { applicant, application: row };
}

describe('reminders', () => {
  describe('application_deadline (shipped: 7 and 1 days before, to applicants with a draft)', () => {
    it('reminds a draft on its day and not the day before, each rule once, and never a submitted application', async () => {
      const c = await cohort({ application_closes_at: '2027-03-31T21:59:00Z' }); // 23:59 in Berlin on 31 March
      const draft = await application(c.id, 'draft', 'en');
      await application(c.id, 'submitted');
      assert.deepEqual(await run('2027-03-23'), [], '8 days before: nothing');
      const [first, ...more] = await run('2027-03-24');
      assert.deepEqual(more, []);
      const email = (await emails())[0]!;
      assert.equal(email.id, first);
      assert.equal(email.to, draft.applicant.email);
      assert.equal(email.template, 'event_reminder');
      assert.equal(email.subject, 'Reminder: Application deadline – openTransfer Accelerator 2027 (31/03/2027)');
      assert.ok(email.body.includes('(in 7 days)') && email.body.includes(`${PUBLIC_URL}/#/application`), email.body);
      for (const day of ['2027-03-24', '2027-03-27', '2027-03-29']) assert.deepEqual(await run(day), [], `${day}: nothing new`);
      assert.equal((await run('2027-03-30')).length, 1, 'the day before: the second rule');
      assert.ok((await emails())[1]!.body.includes('(in 1 day)'));
      assert.deepEqual(await run('2027-03-31'), []);
      assert.equal((await db().selectFrom('reminder_deliveries').select('record_id').execute()).every((d) => d.record_id === draft.application.id), true);
    });

    it('stops once the application is submitted', async () => {
      const c = await cohort();
      const { application: app } = await application(c.id, 'draft');
      assert.equal((await run('2027-03-24')).length, 1);
      await db().updateTable('applications').set({ status: 'submitted', submitted_at: new Date() }).where('id', '=', app.id).execute();
      assert.deepEqual(await run('2027-03-30'), []);
    });
  });

  describe('review_due (shipped: 3 days before the cohort\'s review_due_at, to jurors with unsubmitted reviews)', () => {
    it('reminds an assigned review, not a submitted one, and nothing while the cohort has no review_due_at', async () => {
      const c = await cohort({ review_due_at: '2027-05-10T16:00:00Z' });
      const { application: app } = await application(c.id, 'submitted');
      const late = await createUser('jury', { name: 'Jana Jury' });
      const done = await createUser('jury');
      const review = await db().insertInto('reviews').values({ application_id: app.id, juror_id: late.id }).returningAll().executeTakeFirstOrThrow();
      await db().insertInto('reviews').values({ application_id: app.id, juror_id: done.id, status: 'submitted', submitted_at: new Date() }).execute();
      const undated = await cohort();
      const { application: other } = await application(undated.id, 'submitted');
      await db().insertInto('reviews').values({ application_id: other.id, juror_id: late.id }).execute();

      assert.deepEqual(await run('2027-05-06'), []);
      assert.equal((await run('2027-05-07')).length, 1);
      const [email] = await emails();
      assert.equal(email!.to, late.email);
      assert.ok(email!.body.startsWith('Hallo Jana Jury,') && email!.body.includes(`/#/reviews/${review.id}`), email!.body);
      assert.equal(email!.subject, 'Erinnerung: Gutachten fällig – Lesepaten (10.05.2027)');
      assert.deepEqual(await run('2027-05-08'), []);
    });
  });

  describe('events switched off by default', () => {
    it('milestone_due: an open milestone, not an achieved one, once switched on', async () => {
      const f = await createFellowship();
      const applicant = await createUser('applicant', { organisation_id: f.organisation_id });
      const open = await db().insertInto('milestones').values({ fellowship_id: f.id, title: 'Transferkonzept', due_on: '2027-06-30' }).returningAll().executeTakeFirstOrThrow();
      await db().insertInto('milestones').values({ fellowship_id: f.id, title: 'Demo Day', due_on: '2027-06-30', status: 'achieved', achieved_at: new Date() }).execute();
      assert.deepEqual(await run('2027-06-23'), [], 'the shipped rule is off');
      await switchOn('milestone_due', -7);
      assert.equal((await run('2027-06-23')).length, 1);
      const [email] = await emails();
      assert.equal(email!.to, applicant.email);
      assert.ok(email!.subject.includes('Transferkonzept'));
      const deliveries = await db().selectFrom('reminder_deliveries').selectAll().execute();
      assert.deepEqual(deliveries.map((d) => [d.record_id, d.user_id, d.email_id]), [[open.id, applicant.id, email!.id]]);
    });

    it('tranche_due: staff are reminded of a planned tranche on its day, not of a paid one', async () => {
      const staff = await createUser('staff');
      const admin = await createUser('admin');
      const f = await createFellowship();
      await insertTranche({ fellowship_id: f.id, amount_cents: 100_000, created_by: staff.id, due_on: '2027-07-01', label: '2. Rate' });
      await insertTranche({ fellowship_id: f.id, amount_cents: 100_000, created_by: staff.id, approved_by: admin.id, status: 'paid', due_on: '2027-07-01' });
      await switchOn('tranche_due', 0);
      assert.deepEqual(await run('2027-06-30'), []);
      assert.equal((await run('2027-07-01')).length, 1);
      const [email] = await emails();
      assert.equal(email!.to, staff.email);
      assert.ok(email!.body.includes('heute, am 01.07.2027') && email!.subject.includes('2. Rate'), email!.body);
    });

    it('workshop_start: the fellows of the cohort before a workshop that has not started', async () => {
      const f = await createFellowship();
      const applicant = await createUser('applicant', { organisation_id: f.organisation_id });
      const now = new Date();
      await db().insertInto('workshops').values({ cohort_id: f.cohort_id, title: 'Barcamp Wirkung', starts_at: new Date(now.getTime() + 2 * 86_400_000), ends_at: new Date(now.getTime() + 2.2 * 86_400_000) }).execute();
      await db().insertInto('workshops').values({ cohort_id: f.cohort_id, title: 'Vorbei', starts_at: new Date(now.getTime() - 3600_000), ends_at: now }).execute();
      await switchOn('workshop_start', -2);
      await switchOn('workshop_start', 0);
      const queued = await runReminders(db(), PUBLIC_URL, now);
      assert.equal(queued.length, 1);
      const [email] = await emails();
      assert.equal(email!.to, applicant.email);
      assert.ok(email!.subject.includes('Barcamp Wirkung'));
    });
  });

  it(`sends nothing for records whose day lies more than ${WINDOW_DAYS} days back (a rule switched on late)`, async () => {
    const f = await createReportingFellowship();
    await createUser('applicant', { organisation_id: f.organisation_id });
    await insertGranteeReport(f.id, { due_on: '2027-03-31' });
    assert.deepEqual(await run('2027-05-01'), [], 'overdue for a month: the +1 rule is past its window');
    assert.equal((await run('2027-04-07')).length, 1, 'the last day of the +1 rule\'s window');
  });

  it('sends each reminder once per rule, record and recipient across parallel runs', async () => {
    const c = await cohort();
    const a = await application(c.id, 'draft');
    await createUser('applicant', { organisation_id: a.applicant.organisation_id }); // a second login of the same organisation
    const b = await application(c.id, 'draft');
    const runs = await Promise.all([1, 2, 3, 4, 5, 6].map(() => run('2027-03-24')));
    assert.equal(runs.flat().length, 3, 'three recipients, one letter each');
    const deliveries = await db().selectFrom('reminder_deliveries').select(['rule_id', 'record_id', 'user_id']).execute();
    assert.equal(deliveries.length, 3);
    assert.equal(new Set(deliveries.map((d) => `${d.rule_id}:${d.record_id}:${d.user_id}`)).size, 3);
    assert.deepEqual([...new Set(deliveries.map((d) => d.record_id))].sort(), [a.application.id, b.application.id].sort());
    assert.equal((await emails()).length, 3);
  });

  it('refuses a second delivery row for the same rule, record and recipient in the database', async () => {
    const c = await cohort();
    const { application: app, applicant } = await application(c.id, 'draft');
    const rule = await db().selectFrom('reminder_rules').select('id').where('event', '=', 'application_deadline').executeTakeFirstOrThrow();
    await db().insertInto('reminder_deliveries').values({ rule_id: rule.id, record_id: app.id, user_id: applicant.id }).execute();
    await assert.rejects(db().insertInto('reminder_deliveries').values({ rule_id: rule.id, record_id: app.id, user_id: applicant.id }).execute(), /unique|duplicate/i);
  });

  describe('reminder-rules (staff)', () => {
    it('lists the shipped rules, creates, switches and deletes a rule', async () => {
      const { agent } = await agentFor('staff');
      const list = await agent.get('/api/reminder-rules').expect(200);
      assert.equal(list.body.length, 9);
      assert.ok(list.body.some((r: any) => r.event === 'report_due' && r.offset_days === -14 && r.template_key === 'reminder' && r.active));
      const created = await agent.post('/api/reminder-rules').send({ event: 'milestone_due', offset_days: 1, template_key: 'event_reminder', active: true }).expect(201);
      assert.equal(created.body.active, true);
      const updated = await agent.put(`/api/reminder-rules/${created.body.id}`).send({ ...created.body, active: false, offset_days: 60 }).expect(200);
      assert.deepEqual([updated.body.active, updated.body.offset_days], [false, 60]);
      await agent.delete(`/api/reminder-rules/${created.body.id}`).expect(200);
    });

    it('refuses bad input with 400 (offset outside −60…60, unknown event, a template that does not suit the event) and a repeated rule with 409, changing nothing', async () => {
      const { agent } = await agentFor('admin');
      const rule = (await agent.get('/api/reminder-rules').expect(200)).body.find((r: any) => r.event === 'application_deadline');
      const before = await databaseSnapshot();
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ event: 'milestone_due', offset_days: 61, template_key: 'event_reminder' }, 'offset_days'],
        [{ event: 'milestone_due', offset_days: -61, template_key: 'event_reminder' }, 'offset_days'],
        [{ event: 'milestone_due', offset_days: 1.5, template_key: 'event_reminder' }, 'offset_days'],
        [{ event: 'birthday', offset_days: 1, template_key: 'event_reminder' }, 'event'],
        [{ event: 'application_deadline', offset_days: 3, template_key: 'reminder' }, 'template_key'],
        [{ event: 'milestone_due', offset_days: 3, template_key: 'password_reset' }, 'template_key'],
      ];
      for (const [body, field] of bad) {
        const res = await agent.post('/api/reminder-rules').send(body).expect(400);
        assert.ok(res.body.errors?.[field], `${JSON.stringify(body)} → errors.${field}: ${JSON.stringify(res.body)}`);
      }
      await agent.post('/api/reminder-rules').send({ event: 'application_deadline', offset_days: -7, template_key: 'event_reminder' }).expect(409);
      assert.ok((await agent.put(`/api/reminder-rules/${rule.id}`).send({ offset_days: 100 }).expect(400)).body.errors.offset_days);
      assert.ok((await agent.put(`/api/reminder-rules/${rule.id}`).send({ template_key: 'reminder' }).expect(400)).body.errors.template_key);
      assert.equal(await databaseSnapshot(), before);
      // The event is read-only: sent back with the record, it is ignored.
      assert.equal((await agent.put(`/api/reminder-rules/${rule.id}`).send({ event: 'report_due' }).expect(200)).body.event, 'application_deadline');
    });

    it('is closed to everyone but staff and admin', async () => {
      for (const role of ['applicant', 'jury', 'coach'] as const) {
        const { agent } = await agentFor(role);
        await agent.get('/api/reminder-rules').expect(403);
        await agent.post('/api/reminder-rules').send({ event: 'milestone_due', offset_days: 1, template_key: 'event_reminder' }).expect(403);
      }
    });
  });

  describe('cohorts.review_due_at', () => {
    it('is set and cleared with PUT, and a bad value is refused', async () => {
      const { agent } = await agentFor('staff');
      const c = await cohort();
      const set = await agent.put(`/api/cohorts/${c.id}`).send({ review_due_at: '2027-05-10T18:00:00+02:00' }).expect(200);
      assert.equal(new Date(set.body.review_due_at).toISOString(), '2027-05-10T16:00:00.000Z');
      await agent.put(`/api/cohorts/${c.id}`).send({ review_due_at: 'next friday' }).expect(400);
      const cleared = await agent.put(`/api/cohorts/${c.id}`).send({ review_due_at: null }).expect(200);
      assert.equal(cleared.body.review_due_at, null);
    });
  });
});

// Two app instances on one PostgreSQL, as `npm start` runs them: their reminder jobs race at start.
describe('reminders with two server processes on one PostgreSQL', function () {
  this.timeout(300_000);
  afterEach(async () => {
    await killAll();
  });

  it('sends a reminder once when both instances run the job', async function () {
    if (!process.env.TEST_DATABASE_URL) return this.skip();
    const database = await freshPostgresDatabase(process.env.TEST_DATABASE_URL, 'crm_reminders');
    const client = new pg.Client({ connectionString: database.url });
    try {
      await startServer({ DATABASE_URL: database.url }, 'read'); // migrates
      await killAll();
      await client.connect();
      const { rows: [org] } = await client.query(`INSERT INTO organisations (name, city, state, field, email) VALUES ('Lesewelten e.V.', 'Berlin', 'Berlin', 'education', 'info@lesewelten.example') RETURNING id`);
      await client.query(`INSERT INTO users (email, name, role, organisation_id) VALUES ('petra@lesewelten.example', 'Petra', 'applicant', $1)`, [org.id]);
      // The deadline is tomorrow (Berlin): the shipped −1 rule applies today.
      const { rows: [cohort] } = await client.query(
        `INSERT INTO cohorts (name, year, phase, application_opens_at, application_closes_at) VALUES ('Jahrgang 2099', 2099, 'call_open', now() - interval '30 days', now() + interval '24 hours') RETURNING id`,
      );
      await client.query(`INSERT INTO applications (cohort_id, organisation_id, status) VALUES ($1, $2, 'draft')`, [cohort.id, org.id]);
      await Promise.all([startServer({ DATABASE_URL: database.url }, 'read'), startServer({ DATABASE_URL: database.url }, 'read')]);
      let deliveries = 0;
      for (const deadline = Date.now() + 30_000; Date.now() < deadline && deliveries === 0; ) {
        await new Promise((r) => setTimeout(r, 500));
        deliveries = Number((await client.query('SELECT count(*) FROM reminder_deliveries')).rows[0].count);
      }
      await new Promise((r) => setTimeout(r, 3000)); // both jobs have run by now
      assert.equal(Number((await client.query('SELECT count(*) FROM reminder_deliveries')).rows[0].count), 1);
      assert.equal(Number((await client.query(`SELECT count(*) FROM emails WHERE template = 'event_reminder'`)).rows[0].count), 1);
    } finally {
      await killAll();
      await client.end().catch(() => undefined);
      await database.drop();
    }
  });
});
