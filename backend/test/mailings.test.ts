import assert from 'node:assert/strict';
import { agentFor, createUser, databaseSnapshot, db, api } from './support/fixtures.ts';
import { createFellowship } from './support/funding-fixtures.ts';
import { createApplication, createCohort, insertReview } from './support/jury.ts';
import { deliverDueEmails } from '../src/emails/emails.worker.ts';
import { listUnsubscribeFor } from '../src/emails/emails.worker.ts';
import { testContext } from './support/context.ts';
import { openDatabase } from '../src/db/database.ts';
import { seedDemo } from '../../seeds/demo.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;

/** A cohort with three applicant organisations (two eligible, one rejected), each with a login; staff. */
async function world() {
  const cohort = await createCohort('review');
  const apps = [];
  const people = [];
  for (const status of ['eligible', 'eligible', 'rejected'] as const) {
    const app = await createApplication(cohort.id, { status });
    apps.push(app);
    people.push(await createUser('applicant', { organisation_id: app.organisation_id, name: `Person ${apps.length}`, locale: apps.length === 2 ? 'en' : 'de' }));
  }
  const staff = await agentFor('staff');
  return { cohort, apps, people, staff };
}
type World = Awaited<ReturnType<typeof world>>;

const draft = (w: World, values: Record<string, unknown> = {}) => ({
  name: 'Einladung Sommerfest', audience: { kind: 'applicants', cohort_id: w.cohort.id }, subject: 'Hallo {{name}}',
  body: 'Liebe:r {{name}} von {{organisation}},\n\nwir laden ein.', ...values,
});
const create = async (w: World, values: Record<string, unknown> = {}) => (await w.staff.agent.post('/api/mailings').send(draft(w, values)).expect(201)).body;
const outbox = (mailingId: number) => db().selectFrom('emails').selectAll().where('mailing_id', '=', mailingId).orderBy('user_id').execute();

/** The sender's side: every message the worker hands over, with its headers. */
async function deliverAll() {
  const delivered: Array<{ to: string; text: string; headers?: Record<string, string> }> = [];
  for (;;) {
    const r = await deliverDueEmails(testContext.db, async (m) => void delivered.push({ to: m.to, text: m.text, headers: m.headers }), {
      from: 'test@example.org', batchSize: 100, listUnsubscribe: listUnsubscribeFor(testContext.appContext),
    });
    if (r.sent + r.failed + r.retried === 0) return delivered;
  }
}
const tokenOf = (text: string) => decodeURIComponent(/unsubscribe\?token=([^\s&]+)/.exec(text)![1]!);

describe('mailings (issue 21, bulk mail)', () => {
  describe('writing', () => {
    it('creates a draft for staff with its author; others may not', async () => {
      const w = await world();
      const m = await create(w);
      assert.equal(m.status, 'draft');
      assert.equal(m.created_by, w.staff.user.id);
      assert.deepEqual(m.audience, { kind: 'applicants', cohort_id: w.cohort.id });
      const jury = await agentFor('jury');
      await jury.agent.get('/api/mailings').expect(403);
      await jury.agent.post('/api/mailings').send(draft(w)).expect(403);
    });

    it('refuses an unknown merge field, broken {{ and a status for other audiences, naming the field', async () => {
      const w = await world();
      const before = await databaseSnapshot();
      const unknown = await w.staff.agent.post('/api/mailings').send(draft(w, { body: 'Hallo {{iban}}' })).expect(400);
      assert.match(unknown.body.errors.body, /iban/);
      const broken = await w.staff.agent.post('/api/mailings').send(draft(w, { subject: 'Hallo {{name' })).expect(400);
      assert.ok(broken.body.errors.subject);
      const status = await w.staff.agent.post('/api/mailings').send(draft(w, { audience: { kind: 'coaches', status: 'eligible' } })).expect(400);
      assert.ok(status.body.errors['audience.status']);
      await w.staff.agent.post('/api/mailings').send(draft(w, { audience: { kind: 'everyone' } })).expect(400);
      assert.equal(await databaseSnapshot(), before);
    });

    it('refuses a 1 MB body with a 4xx and stores nothing', async () => {
      const w = await world();
      const before = await databaseSnapshot();
      const big = await w.staff.agent.post('/api/mailings').send(draft(w, { body: 'x'.repeat(1024 * 1024) }));
      assert.ok(big.status === 400 || big.status === 413, `status ${big.status}`);
      const under = await w.staff.agent.post('/api/mailings').send(draft(w, { body: 'x'.repeat(20_001) })).expect(400);
      assert.ok(under.body.errors.body);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('audience', () => {
    it('lists applicants of the cohort, narrowed by application status, as {id, name, email, locale}', async () => {
      const w = await world();
      await createApplication((await createCohort('review')).id).then((a) => createUser('applicant', { organisation_id: a.organisation_id }));
      const all = await create(w);
      const res = await w.staff.agent.get(`/api/mailings/${all.id}/recipients`).query({ sort: JSON.stringify(['id', 'ASC']) }).expect(200);
      assert.deepEqual(res.body.map((r: { id: number }) => r.id), w.people.map((p) => p.id));
      assert.match(res.headers['content-range'], /\/3$/);
      assert.deepEqual(Object.keys(res.body[0]).sort(), ['email', 'id', 'locale', 'mail_opt_out', 'name', 'organisation_name']);
      const eligible = await create(w, { audience: { kind: 'applicants', cohort_id: w.cohort.id, status: 'eligible' } });
      const only = await w.staff.agent.get(`/api/mailings/${eligible.id}/recipients`).expect(200);
      assert.deepEqual(only.body.map((r: { id: number }) => r.id).sort(), [w.people[0]!.id, w.people[1]!.id]);
    });

    it('finds fellows (active), alumni (completed), jurors with unfinished reviews and coaches', async () => {
      const w = await world();
      const active = await createFellowship();
      const done = await createFellowship({ status: 'completed' });
      const fellow = await createUser('applicant', { organisation_id: active.organisation_id });
      const alumnus = await createUser('applicant', { organisation_id: done.organisation_id });
      const busy = await createUser('jury');
      const finished = await createUser('jury');
      await insertReview(w.apps[0]!.id, busy.id);
      await insertReview(w.apps[1]!.id, finished.id, { status: 'submitted', submitted_at: new Date().toISOString() });
      const coach = await createUser('coach');
      const idle = await createUser('coach');
      await db().updateTable('fellowships').set({ coach_id: coach.id }).where('id', '=', active.id).execute();
      const ids = async (audience: Record<string, unknown>) => {
        const m = await create(w, { audience });
        return (await w.staff.agent.get(`/api/mailings/${m.id}/recipients`).expect(200)).body.map((r: { id: number }) => r.id).sort((a: number, b: number) => a - b);
      };
      assert.deepEqual(await ids({ kind: 'fellows' }), [fellow.id]);
      assert.deepEqual(await ids({ kind: 'alumni' }), [alumnus.id]);
      assert.deepEqual(await ids({ kind: 'jurors' }), [busy.id]);
      assert.deepEqual(await ids({ kind: 'jurors', cohort_id: active.cohort_id }), []);
      assert.deepEqual(await ids({ kind: 'coaches' }), [coach.id, idle.id]);
      assert.deepEqual(await ids({ kind: 'coaches', cohort_id: active.cohort_id }), [coach.id]);
    });
  });

  describe('preview and test', () => {
    it('renders the message for a chosen recipient with merge fields and the unsubscribe link', async () => {
      const w = await world();
      const m = await create(w);
      const res = await w.staff.agent.post(`/api/mailings/${m.id}/preview`).send({ user_id: w.people[1]!.id }).expect(200);
      assert.equal(res.body.subject, 'Hallo Person 2');
      assert.match(res.body.text, /^Liebe:r Person 2 von Testverein/);
      assert.match(res.body.text, /To stop receiving newsletters: http:\/\/localhost:3000\/#\/unsubscribe\?token=/);
      assert.match(res.body.html, /<p>Liebe:r Person 2/);
      const other = await createUser('coach');
      await w.staff.agent.post(`/api/mailings/${m.id}/preview`).send({ user_id: other.id }).expect(404);
      await w.staff.agent.post('/api/mailings/999999/preview').send({}).expect(404);
    });

    it('queues one test message to the staff member, not to any recipient, and the mailing stays a draft', async () => {
      const w = await world();
      const m = await create(w);
      const res = await w.staff.agent.post(`/api/mailings/${m.id}/test`).send({}).expect(201);
      assert.equal(res.body.to, w.staff.user.email);
      const emails = await db().selectFrom('emails').selectAll().execute();
      assert.equal(emails.length, 1);
      assert.equal(emails[0]!.to, w.staff.user.email);
      assert.match(emails[0]!.subject, /^\[Test\] Hallo Person 1$/);
      assert.equal(emails[0]!.mailing_id, null);
      assert.equal((await db().selectFrom('mailings').select('status').where('id', '=', m.id).executeTakeFirstOrThrow()).status, 'draft');
    });
  });

  describe('sending', () => {
    it('queues one message per recipient linked to organisation, person, mailing and language, skipping and counting opted-out people', async () => {
      const w = await world();
      await db().updateTable('users').set({ mail_opt_out: true }).where('id', '=', w.people[2]!.id).execute();
      const m = await create(w);
      const res = await w.staff.agent.post(`/api/mailings/${m.id}/send`).expect(200);
      assert.equal(res.body.status, 'sent');
      assert.equal(res.body.recipient_count, 2);
      assert.equal(res.body.skipped_count, 1);
      const rows = await outbox(m.id);
      assert.deepEqual(rows.map((r) => [r.user_id, r.organisation_id, r.locale, r.template, r.to]), [
        [w.people[0]!.id, w.apps[0]!.organisation_id, 'de', 'mailing', w.people[0]!.email],
        [w.people[1]!.id, w.apps[1]!.organisation_id, 'en', 'mailing', w.people[1]!.email],
      ]);
      const filtered = await w.staff.agent.get('/api/emails').query({ filter: JSON.stringify({ mailing_id: m.id, user_id: w.people[1]!.id }) }).expect(200);
      assert.deepEqual(filtered.body.map((e: { user_id: number }) => e.user_id), [w.people[1]!.id]);
      const byOrg = await w.staff.agent.get('/api/emails').query({ filter: JSON.stringify({ organisation_id: w.apps[0]!.organisation_id, locale: 'de', template: 'mailing' }) }).expect(200);
      assert.equal(byOrg.body.length, 1);
      const audit = await db().selectFrom('audit_events').select(['action', 'actor_id']).where('resource', '=', 'mailings').where('record_id', '=', m.id).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['create', 'send']);
    });

    it('answers a second send with 409 and queues nothing more; a sent mailing cannot be edited or deleted', async () => {
      const w = await world();
      const m = await create(w);
      await w.staff.agent.post(`/api/mailings/${m.id}/send`).expect(200);
      const before = await databaseSnapshot();
      const again = await w.staff.agent.post(`/api/mailings/${m.id}/send`).expect(409);
      assert.equal(again.body.code, 'already_sent');
      await w.staff.agent.put(`/api/mailings/${m.id}`).send({ subject: 'Neu' }).expect(409);
      await w.staff.agent.delete(`/api/mailings/${m.id}`).expect(409);
      assert.equal(await databaseSnapshot(), before);
      assert.equal((await outbox(m.id)).length, 3);
    });

    it('refuses an audience that reaches nobody (or only opted-out people) and leaves the draft as it was', async () => {
      const w = await world();
      const nobody = await create(w, { audience: { kind: 'applicants', cohort_id: w.cohort.id, status: 'selected' } });
      const before = await databaseSnapshot();
      const res = await w.staff.agent.post(`/api/mailings/${nobody.id}/send`).expect(400);
      assert.equal(res.body.code, 'empty_audience');
      assert.equal(await databaseSnapshot(), before);
      const rejected = await create(w, { audience: { kind: 'applicants', cohort_id: w.cohort.id, status: 'rejected' } });
      await db().updateTable('users').set({ mail_opt_out: true }).where('id', '=', w.people[2]!.id).execute();
      await w.staff.agent.post(`/api/mailings/${rejected.id}/send`).expect(400);
      assert.equal((await db().selectFrom('mailings').select('status').where('id', '=', rejected.id).executeTakeFirstOrThrow()).status, 'draft');
    });

    it('sends exactly once when send is pressed in several tabs at the same time', async function () {
      this.timeout(60_000);
      const w = await world();
      for (let i = 0; i < 20; i++) await createApplication(w.cohort.id).then((a) => createUser('applicant', { organisation_id: a.organisation_id }));
      const m = await create(w);
      const tabs = await Promise.all([0, 1, 2, 3, 4].map(() => w.staff.agent.post(`/api/mailings/${m.id}/send`)));
      assert.deepEqual(tabs.map((t) => t.status).sort(), [200, 409, 409, 409, 409]);
      const rows = await outbox(m.id);
      assert.equal(rows.length, 23);
      assert.equal(new Set(rows.map((r) => r.user_id)).size, 23);
      if (onPostgres) assert.equal(testContext.handle.engine, 'postgres');
    });

    it('holds one message per person and mailing in the database itself', async () => {
      const w = await world();
      const m = await create(w);
      await w.staff.agent.post(`/api/mailings/${m.id}/send`).expect(200);
      const one = (await outbox(m.id))[0]!;
      await assert.rejects(
        db().insertInto('emails').values({ to: one.to, subject: 's', body: 'b', template: 'mailing', mailing_id: m.id, user_id: one.user_id, next_attempt_at: new Date() }).execute(),
        /emails_mailing_user|unique/i,
      );
    });
  });

  describe('unsubscribe', () => {
    it('carries a List-Unsubscribe header and a link that works without login; opted-out people are skipped next time', async () => {
      const w = await world();
      const m = await create(w);
      await w.staff.agent.post(`/api/mailings/${m.id}/send`).expect(200);
      const delivered = await deliverAll();
      assert.equal(delivered.length, 3);
      const mine = delivered.find((d) => d.to === w.people[0]!.email)!;
      assert.match(mine.headers!['List-Unsubscribe']!, /^<http:\/\/localhost:3000\/api\/unsubscribe\?token=/);
      const token = tokenOf(mine.text);
      const res = await api().get('/api/unsubscribe').query({ token }).expect(200);
      assert.equal(res.body.unsubscribed, true);
      assert.equal((await db().selectFrom('users').select('mail_opt_out').where('id', '=', w.people[0]!.id).executeTakeFirstOrThrow()).mail_opt_out, true);
      await api().get('/api/unsubscribe').query({ token }).expect(200);
      const next = await create(w);
      const sent = await w.staff.agent.post(`/api/mailings/${next.id}/send`).expect(200);
      assert.deepEqual([sent.body.recipient_count, sent.body.skipped_count], [2, 1]);
      assert.ok(!(await outbox(next.id)).some((r) => r.user_id === w.people[0]!.id));
    });

    it('refuses a forged token, one reused for another person and garbage, and changes nothing', async () => {
      const w = await world();
      const m = await create(w);
      const preview = await w.staff.agent.post(`/api/mailings/${m.id}/preview`).send({ user_id: w.people[0]!.id }).expect(200);
      const token = tokenOf(preview.body.text);
      const [, signature] = token.split('.');
      const before = await databaseSnapshot();
      for (const bad of [`${w.people[1]!.id}.${signature}`, `${w.people[0]!.id}.${'A'.repeat(43)}`, 'nonsense', `${w.people[0]!.id}.${signature}x`]) {
        const res = await api().get('/api/unsubscribe').query({ token: bad }).expect(400);
        assert.equal(res.body.code, 'invalid_token');
      }
      await api().get('/api/unsubscribe').expect(400);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('demo data', () => {
    it('has a newsletter sent to the alumni (one unsubscribed, skipped) with its messages delivered, and a draft to the current fellows', async function () {
      this.timeout(300_000);
      if (testContext.databaseUrl) {
        const own = await openDatabase({ url: testContext.databaseUrl, poolSize: 1 });
        await seedDemo(own.db, { publicUrl: 'https://crm.example.org' }).finally(() => own.close());
      } else {
        await seedDemo(db(), { publicUrl: 'https://crm.example.org' });
      }
      const mailings = await db().selectFrom('mailings').selectAll().orderBy('id').execute();
      assert.deepEqual(mailings.map((m) => m.status), ['sent', 'draft']);
      assert.equal(mailings[0]!.skipped_count, 1);
      assert.ok(mailings[0]!.recipient_count! > 0);
      const messages = await outbox(mailings[0]!.id);
      assert.equal(messages.length, mailings[0]!.recipient_count);
      assert.ok(messages.every((m) => m.status === 'sent' && m.body.includes('https://crm.example.org/#/unsubscribe?token=')));
      const staff = await agentFor('staff');
      const draft = await staff.agent.post(`/api/mailings/${mailings[1]!.id}/preview`).send({}).expect(200);
      assert.match(draft.body.subject, /Sommerfest/);
    });
  });
});
