import assert from 'node:assert/strict';
import { agentFor, api, createOrganisation, createUser, databaseSnapshot, db, loginAs, PASSWORD } from '../support/fixtures.ts';
import { applyRetention, claimDailyRun } from '../../src/privacy/retention.job.ts';
import { mailbox } from '../support/mailbox.ts';

const YEAR = 365 * 86_400_000;
let serial = 0;

async function cohort(closesAgoMs: number, retention_months = 24) {
  const closes = new Date(Date.now() - closesAgoMs);
  return db()
    .insertInto('cohorts')
    .values({ name: `Jahrgang ${closes.getUTCFullYear()}`, year: closes.getUTCFullYear(), application_opens_at: new Date(closes.getTime() - 60 * 86_400_000), application_closes_at: closes, retention_months, phase: 'alumni' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A rejected applicant with people, a login, an attachment, reviews, mails and an audit trail. */
async function rejectedApplicant(cohortId: number, status = 'rejected') {
  serial++;
  const org = await createOrganisation({ name: 'Straßenkinder Hilfe e.V.', legal_form: 'e_v', field: 'social', state: 'Sachsen', street: 'Hauptstraße 1', phone: '0351 123', iban: 'DE89370400440532013000', email: 'info@strassenkinder.de' });
  const user = await createUser('applicant', { organisation_id: org.id, email: serial === 1 ? 'leitung@strassenkinder.de' : `leitung${serial}@strassenkinder.de`, name: 'Petra Privat' });
  const person = await db().insertInto('people').values({ organisation_id: org.id, first_name: 'Petra', last_name: 'Privat', email: 'petra@strassenkinder.de', phone: '0170 1' }).returningAll().executeTakeFirstOrThrow();
  const app = await db().insertInto('applications').values({ cohort_id: cohortId, organisation_id: org.id, project_name: 'Geheimprojekt', summary: 'Persönliche Geschichte', status: status as any, decision_reason: 'Passt nicht', funding_requested_cents: 4_000_000, transfer_model: 'affiliation', interview_notes: 'Telefonat mit Petra' }).returningAll().executeTakeFirstOrThrow();
  await db().insertInto('attachments').values({ application_id: app.id, filename: 'lebenslauf.pdf', content_type: 'application/pdf', size_bytes: 4, content: Buffer.from('%PDF') }).execute();
  const juror = await createUser('jury');
  const criterion = await db().insertInto('criteria').values({ cohort_id: cohortId, name: 'Wirkung', weight: 1, max_score: 5 }).returning('id').executeTakeFirstOrThrow();
  await db().insertInto('reviews').values({ application_id: app.id, juror_id: juror.id, status: 'submitted', recommendation: 'no', overall_comment: 'Petra wirkte unsicher', scores: JSON.stringify([{ criterion_id: criterion.id, score: 2, comment: 'Petra …' }]) as any, submitted_at: new Date() }).execute();
  await db().insertInto('emails').values({ to: 'leitung@strassenkinder.de', subject: 'Ihre Bewerbung', body: 'Liebe Petra Privat …', template: 'decision_rejected', organisation_id: org.id }).execute();
  await db().insertInto('emails').values({ to: 'petra@strassenkinder.de', subject: 'Erinnerung', body: 'Hallo Petra', template: 'reminder' }).execute();
  await db().insertInto('audit_events').values({ actor_id: user.id, action: 'update', resource: 'people', record_id: person.id, changes: JSON.stringify({ after: { email: 'petra@strassenkinder.de' } }) }).execute();
  await db().insertInto('audit_events').values({ actor_id: user.id, action: 'update', resource: 'applications', record_id: app.id, changes: JSON.stringify({ after: { project_name: 'Geheimprojekt' } }) }).execute();
  return { org, user, person, app, juror };
}

describe('security: privacy (DSGVO)', () => {
  describe('export', () => {
    it('returns all data of one organisation without hashes, individual scores or confidential notes, and is audited', async () => {
      const c = await cohort(0.1 * YEAR);
      const { org, app } = await rejectedApplicant(c.id);
      const coach = await createUser('coach');
      const fellowship = await db().insertInto('fellowships').values({ cohort_id: c.id, organisation_id: org.id, application_id: app.id, coach_id: coach.id, grant_cents: 100 }).returning('id').executeTakeFirstOrThrow();
      await db().insertInto('coaching_sessions').values([
        { fellowship_id: fellowship.id, coach_id: coach.id, held_on: '2026-05-01', duration_minutes: 60, notes: 'streng vertraulich', confidential: true },
        { fellowship_id: fellowship.id, coach_id: coach.id, held_on: '2026-06-01', duration_minutes: 30, notes: 'offene Notiz', confidential: false },
      ]).execute();
      await db().insertInto('disbursements').values({ fellowship_id: fellowship.id, label: 'Tranche 1', amount_cents: 100 }).execute();
      const other = await createOrganisation({ name: 'Fremder Verein' });
      await db().insertInto('people').values({ organisation_id: other.id, first_name: 'Fremd', last_name: 'Person' }).execute();
      const { agent, user: staff } = await agentFor('staff');
      const res = await agent.get(`/api/organisations/${org.id}/export`).expect(200);
      assert.match(res.headers['content-disposition'], /attachment; filename="organisation-\d+-export.json"/);
      const body = res.body;
      for (const key of ['organisation', 'people', 'users', 'applications', 'attachments', 'reviews', 'fellowships', 'milestones', 'attendances', 'coaching_sessions', 'disbursements', 'alumni_profile', 'introductions', 'emails']) {
        assert.ok(key in body, key);
      }
      assert.equal(body.organisation.name, 'Straßenkinder Hilfe e.V.');
      assert.deepEqual(body.people.map((p: any) => p.last_name), ['Privat']);
      assert.equal(body.users.length, 1);
      assert.equal(body.applications[0].project_name, 'Geheimprojekt');
      assert.equal(body.attachments[0].filename, 'lebenslauf.pdf');
      assert.equal(body.attachments[0].content, undefined);
      assert.deepEqual(body.reviews, [{ application_id: app.id, review_count: 1, submitted_count: 1, recommendations: { yes: 0, maybe: 0, no: 1 } }]);
      assert.equal(body.disbursements.length, 1);
      assert.equal(body.emails.length, 2, 'mails to the organisation and to its people');
      const text = JSON.stringify(body);
      assert.ok(!text.includes('scrypt'), 'no password hash');
      assert.ok(!text.includes('password_hash'));
      assert.ok(!text.includes('Petra wirkte unsicher'), 'no individual review comments');
      assert.ok(!text.includes('streng vertraulich'), 'no confidential coaching notes');
      assert.ok(text.includes('offene Notiz'));
      assert.ok(!text.includes('Fremd'), 'nothing of other organisations');
      const audit = await db().selectFrom('audit_events').selectAll().where('action', '=', 'export').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0].actor_id, staff.id);
      assert.equal(audit[0].record_id, org.id);
    });

    it('is for staff only and answers 404 for unknown ids', async () => {
      const org = await createOrganisation();
      const applicant = await loginAs(await createUser('applicant', { organisation_id: org.id }));
      await applicant.get(`/api/organisations/${org.id}/export`).expect(403);
      await (await agentFor('coach')).agent.get(`/api/organisations/${org.id}/export`).expect(403);
      await (await agentFor('jury')).agent.get(`/api/organisations/${org.id}/export`).expect(403);
      await api().get(`/api/organisations/${org.id}/export`).expect(401);
      const { agent } = await agentFor('admin');
      await agent.get('/api/organisations/999999/export').expect(404);
      await agent.get('/api/organisations/abc/export').expect(404);
      await agent.get("/api/organisations/1'%20or%201=1/export").expect(404);
    });
  });

  describe('anonymise', () => {
    it('removes personal data of a rejected applicant after the retention period, keeping statistics', async () => {
      const c = await cohort(2.5 * YEAR, 24);
      const { org, user, person, app } = await rejectedApplicant(c.id);
      const session = await loginAs(user);
      const { agent, user: admin } = await agentFor('admin');
      const res = await agent.post(`/api/organisations/${org.id}/anonymise`).expect(200);
      assert.equal(res.body.id, org.id);
      assert.ok(res.body.anonymised_at);
      assert.deepEqual(res.body.removed, { people: 1, users: 1, applications: 1, attachments: 1, emails: 2, audit_events: 2, mentions: 0 });

      const o = await db().selectFrom('organisations').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
      assert.doesNotMatch(o.name, /Straßenkinder/);
      assert.deepEqual([o.street, o.phone, o.email, o.iban, o.city], [null, null, null, null, null]);
      assert.deepEqual([o.legal_form, o.field, o.state, o.charitable_status], ['e_v', 'social', 'Sachsen', false], 'statistics kept');
      const a = await db().selectFrom('applications').selectAll().where('id', '=', app.id).executeTakeFirstOrThrow();
      assert.deepEqual([a.status, a.cohort_id, a.transfer_model, a.funding_requested_cents], ['rejected', c.id, 'affiliation', 4_000_000]);
      assert.deepEqual([a.project_name, a.summary, a.decision_reason, a.interview_notes], [null, null, null, null]);
      assert.equal((await db().selectFrom('people').select('id').where('id', '=', person.id).execute()).length, 0);
      assert.equal((await db().selectFrom('attachments').select('id').execute()).length, 0);
      const u = await db().selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.equal(u.active, false);
      assert.equal(u.password_hash, null);
      assert.doesNotMatch(u.email + u.name, /strassenkinder|Petra/i);
      await session.get('/api/auth/me').expect(401);
      await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
      const review = await db().selectFrom('reviews').selectAll().executeTakeFirstOrThrow();
      assert.equal(review.overall_comment, null);
      assert.deepEqual((review.scores as any[]).map((s) => s.score), [2], 'scores kept for statistics');
      assert.ok(!JSON.stringify(review.scores).includes('Petra'));
      const whole = await databaseSnapshotText();
      assert.ok(!/Petra|Straßenkinder|strassenkinder|Geheimprojekt/.test(whole), 'no personal data left anywhere, audit trail included');
      const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'anonymise').executeTakeFirstOrThrow();
      assert.equal(event.actor_id, admin.id);
      assert.equal(event.record_id, org.id);
    });

    it('refuses before the retention period, for other statuses, for fellows and twice, changing nothing', async () => {
      const recent = await cohort(1.5 * YEAR, 24);
      const old = await cohort(3 * YEAR, 24);
      const tooEarly = await rejectedApplicant(recent.id);
      const selected = await rejectedApplicant(old.id, 'selected');
      const submitted = await rejectedApplicant(old.id, 'submitted');
      const noApplication = await createOrganisation();
      const { agent } = await agentFor('admin');
      const before = await databaseSnapshot();
      for (const id of [tooEarly.org.id, selected.org.id, submitted.org.id, noApplication.id]) {
        const res = await agent.post(`/api/organisations/${id}/anonymise`).expect(409);
        assert.equal(res.body.code, 'not_anonymisable');
        assert.equal(typeof res.body.message, 'string');
      }
      await agent.post('/api/organisations/999999/anonymise').expect(404);
      await agent.post('/api/organisations/0/anonymise').expect(404);
      await (await agentFor('staff')).agent.post(`/api/organisations/${tooEarly.org.id}/anonymise`).expect(403);
      await loginAs(tooEarly.user).then((a) => a.post(`/api/organisations/${tooEarly.org.id}/anonymise`).expect(403));
      // Logging in changes sessions/last_login only; compare the rest.
      assert.equal(stripLogin(await databaseSnapshot()), stripLogin(before));

      const shorter = await cohort(1.5 * YEAR, 12);
      const due = await rejectedApplicant(shorter.id, 'withdrawn');
      await agent.post(`/api/organisations/${due.org.id}/anonymise`).expect(200);
      const twice = await agent.post(`/api/organisations/${due.org.id}/anonymise`).expect(409);
      assert.match(twice.body.message, /bereits/);
    });
  });

  describe('retention job', () => {
    it('anonymises exactly the organisations whose retention period has passed', async () => {
      const old = await cohort(3 * YEAR, 24);
      const recent = await cohort(0.5 * YEAR, 24);
      const due = await rejectedApplicant(old.id, 'ineligible');
      const notYet = await rejectedApplicant(recent.id);
      const fellow = await rejectedApplicant(old.id, 'selected');
      const result = await applyRetention(db());
      assert.deepEqual(result.anonymised, [due.org.id]);
      assert.deepEqual(result.failed, []);
      const names = await db().selectFrom('organisations').select(['id', 'anonymised_at']).orderBy('id').execute();
      assert.ok(names.find((n) => n.id === due.org.id)!.anonymised_at);
      assert.equal(names.find((n) => n.id === notYet.org.id)!.anonymised_at, null);
      assert.equal(names.find((n) => n.id === fellow.org.id)!.anonymised_at, null);
      assert.deepEqual((await applyRetention(db())).anonymised, [], 'idempotent');
      const events = await db().selectFrom('audit_events').selectAll().where('action', '=', 'anonymise').execute();
      assert.equal(events.length, 1);
      assert.equal(events[0].actor_id, null, 'the job is the actor');
    });

    it('runs once a day across instances', async () => {
      const now = new Date();
      const claims = await Promise.all(Array.from({ length: 6 }, () => claimDailyRun(db(), 'privacy-retention', now)));
      assert.equal(claims.filter(Boolean).length, 1);
      assert.equal(await claimDailyRun(db(), 'privacy-retention', new Date(now.getTime() + 3600_000)), false);
      assert.equal(await claimDailyRun(db(), 'privacy-retention', new Date(now.getTime() + 24 * 3600_000)), true);
    });

    it('drops registrations never confirmed and keeps confirmed ones', async () => {
      const form = (email: string) => ({ email, password: 'sicheres-Passwort-1', name: 'Neu', organisation_name: 'Neuer Verein' });
      await api().post('/api/auth/register').send(form('stale@verein.de')).expect(202);
      await api().post('/api/auth/register').send(form('fresh@verein.de')).expect(202);
      const stale = await db().selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'stale@verein.de').executeTakeFirstOrThrow();
      // Both links went out; the stale one was requested and issued more than three days ago.
      await mailbox().receive();
      await db().updateTable('account_emails').set({ created_at: new Date(Date.now() - 4 * 86_400_000) } as any).where('user_id', '=', stale.id).execute();
      await db().updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', stale.id).execute();
      const result = await applyRetention(db());
      assert.equal(result.purgedRegistrations, 1);
      assert.deepEqual((await db().selectFrom('users').select('email').execute()).map((u) => u.email), ['fresh@verein.de']);
      assert.equal((await db().selectFrom('organisations').select('id').where('id', '=', stale.organisation_id!).execute()).length, 0);
    });
  });
});

const stripLogin = (snapshot: string) => snapshot.split('\n').filter((l) => !l.startsWith('users:')).join('\n');

async function databaseSnapshotText(): Promise<string> {
  const tables = ['organisations', 'people', 'users', 'applications', 'attachments', 'reviews', 'emails', 'audit_events', 'conflicts', 'introductions', 'alumni_profiles'];
  const parts: string[] = [];
  for (const t of tables) parts.push(JSON.stringify(await (db() as any).selectFrom(t).selectAll().execute()));
  return parts.join('\n');
}
