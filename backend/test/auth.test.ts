import assert from 'node:assert/strict';
import request from 'supertest';
import { buildApp } from '../src/app.ts';
import { testContext } from './support/context.ts';
import { api, createUser, databaseSnapshot, db, loginAs, PASSWORD } from './support/fixtures.ts';
import { mailbox } from './support/mailbox.ts';
import { PASSWORD_MIN_LENGTH } from '../src/auth/auth.schema.ts';
import { callMessages } from '../../admin/src/applications/messages.ts';
import { auditMessages } from '../../admin/src/audit-events/messages.ts';

const sessionCookie = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) => c.startsWith('crm_session='));

describe('auth', () => {
  it('logs in with an httpOnly SameSite cookie and answers /me', async () => {
    const user = await createUser('staff', { email: 'Sabine@Example.org' });
    const res = await api().post('/api/auth/login').send({ email: 'sabine@example.org', password: PASSWORD }).expect(200);
    const cookie = sessionCookie(res)!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.equal(res.body.role, 'staff');
    assert.equal(res.body.password_hash, undefined);
    const me = await api().get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    assert.equal(me.body.id, user.id);
  });

  it('refuses wrong passwords and unknown e-mails with the same answer', async () => {
    await createUser('staff', { email: 'known@example.org' });
    const wrong = await api().post('/api/auth/login').send({ email: 'known@example.org', password: 'nope-nope-nope' }).expect(401);
    const unknown = await api().post('/api/auth/login').send({ email: 'unknown@example.org', password: 'nope-nope-nope' }).expect(401);
    assert.equal(wrong.body.message, unknown.body.message);
    await api().post('/api/auth/login').send({ email: 42 }).expect(400);
    await api().get('/api/auth/me').expect(401);
  });

  it('ends the session on logout and rotates it on login', async () => {
    const user = await createUser('staff');
    const first = await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    const oldCookie = sessionCookie(first)!.split(';')[0];
    const second = await api().post('/api/auth/login').set('Cookie', oldCookie).send({ email: user.email, password: PASSWORD }).expect(200);
    const newCookie = sessionCookie(second)!.split(';')[0];
    assert.notEqual(oldCookie, newCookie);
    await api().get('/api/auth/me').set('Cookie', oldCookie).expect(401);
    await api().post('/api/auth/logout').set('Cookie', newCookie).expect(200);
    await api().get('/api/auth/me').set('Cookie', newCookie).expect(401);
  });

  it('logs out everywhere', async () => {
    const user = await createUser('coach');
    const a = await loginAs(user);
    const b = await loginAs(user);
    await a.post('/api/auth/logout-everywhere').expect(200);
    await b.get('/api/auth/me').expect(401);
  });

  it('locks an account after ten failed attempts', async () => {
    const user = await createUser('staff');
    for (let i = 0; i < 10; i++) await api().post('/api/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
    const locked = await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD });
    assert.equal(locked.status, 423);
  });

  it('rate-limits login attempts per address and account', async () => {
    const { app } = buildApp(testContext.appContext, { ping: async () => true, loginLimit: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(app).post('/api/auth/login').send({ email: 'x@example.org', password: 'whatever-123' })).status);
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
  });

  it('refuses deactivated users and ends their sessions', async () => {
    const admin = await loginAs(await createUser('admin'));
    const user = await createUser('jury');
    const juror = await loginAs(user);
    await admin.put(`/api/users/${user.id}`).send({ active: false }).expect(200);
    await juror.get('/api/auth/me').expect(401);
    await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
  });

  it('registers an applicant with a new organisation and logs them in', async () => {
    const agent = request.agent(testContext.app);
    await agent
      .post('/api/auth/register')
      .send({ email: 'Neu@Verein.de', password: 'sicheres-Passwort-1', name: 'Jana Neu', organisation_name: 'Verein für Straßenkunst e.V.' })
      .expect(202);
    // No enumeration: the account becomes usable through the mailed confirmation link (issue 10).
    const res = await agent.post('/api/auth/register/confirm').send({ token: await mailbox().token('neu@verein.de') }).expect(200);
    assert.equal(res.body.role, 'applicant');
    const me = await agent.get('/api/auth/me').expect(200);
    const org = await agent.get(`/api/organisations/${me.body.organisation_id}`).expect(200);
    assert.equal(org.body.name, 'Verein für Straßenkunst e.V.');
  });

  it('rejects weak passwords and bad registrations without changing anything', async () => {
    await createUser('applicant', { email: 'taken@example.org' });
    const before = await databaseSnapshot();
    const bad = await api().post('/api/auth/register').send({ email: 'a@b.de', password: 'kurz', name: 'A', organisation_name: 'Org' }).expect(400);
    assert.ok(bad.body.errors.password);
    await api().post('/api/auth/register').send({ email: 'kein-email', password: 'sicheres-Passwort-1', name: 'A', organisation_name: 'Org' }).expect(400);
    await api().post('/api/auth/register').send({ email: 'x@y.de', password: 'sicheres-Passwort-1', name: 'A', organisation_name: 'O'.repeat(5000) }).expect(400);
    await api().post('/api/auth/register').send({ email: 'taken@example.org', password: 'sicheres-Passwort-1', name: 'A', organisation_name: 'Org' }).expect((r) => assert.ok(r.status >= 400 && r.status < 500 || r.status === 202));
    const organisationsBefore = before.split('\n').find((l) => l.startsWith('organisations:'));
    const after = await databaseSnapshot();
    assert.equal(after.split('\n').find((l) => l.startsWith('organisations:')), organisationsBefore);
  });

  it('stores only the hash of session tokens', async () => {
    const user = await createUser('staff');
    const res = await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    const token = decodeURIComponent(sessionCookie(res)!.split(';')[0].split('=')[1]);
    const rows = await db().selectFrom('sessions').select('id').execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0].id, token);
  });

  describe('unconfirmed registrations and the password rule (issue 17)', () => {
    const register = (email: string) =>
      api().post('/api/auth/register').send({ email, password: 'sicheres-Passwort-1', name: 'Jana Neu', organisation_name: 'Verein Unbestätigt e.V.' }).expect(202);

    it('tells the right password of an unconfirmed account to confirm the e-mail, and no one else', async () => {
      await register('offen@verein.de');
      const wrong = await api().post('/api/auth/login').send({ email: 'offen@verein.de', password: 'falsches-Passwort-9' }).expect(401);
      const unknown = await api().post('/api/auth/login').send({ email: 'niemand@verein.de', password: 'sicheres-Passwort-1' }).expect(401);
      assert.deepEqual(wrong.body, unknown.body);
      const right = await api().post('/api/auth/login').send({ email: 'Offen@Verein.de', password: 'sicheres-Passwort-1' }).expect(403);
      assert.equal(right.body.code, 'email_unconfirmed');
      assert.match(right.body.message, /bestätigen Sie zuerst Ihre E-Mail-Adresse/);
      assert.equal(sessionCookie(right), undefined);
      // A deactivated account (it had logged in before) still gets the plain answer.
      const user = await createUser('applicant', { email: 'gesperrt@verein.de' });
      await db().updateTable('users').set({ active: false, last_login_at: new Date() }).where('id', '=', user.id).execute();
      assert.equal((await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401)).body.code, 'unauthenticated');
    });

    it('resends the confirmation link only with the right password, with the same answer either way', async () => {
      await register('nochmal@verein.de');
      const count = async () => (await db().selectFrom('emails').select('id').where('to', '=', 'nochmal@verein.de').execute()).length;
      assert.equal(await count(), 1);
      const wrong = await api().post('/api/auth/register/resend').send({ email: 'nochmal@verein.de', password: 'falsches-Passwort-9' }).expect(202);
      const unknown = await api().post('/api/auth/register/resend').send({ email: 'keiner@verein.de', password: 'sicheres-Passwort-1' }).expect(202);
      assert.equal(await count(), 1);
      const right = await api().post('/api/auth/register/resend').send({ email: 'nochmal@verein.de', password: 'sicheres-Passwort-1' }).expect(202);
      assert.deepEqual(right.body, wrong.body);
      assert.deepEqual(right.body, unknown.body);
      assert.equal(await count(), 2);
    });

    it('has one password length: the server policy and every console text read the same constant', async () => {
      const short = 'aB3$'.repeat(5).slice(0, PASSWORD_MIN_LENGTH - 1);
      const exact = 'aB3$'.repeat(5).slice(0, PASSWORD_MIN_LENGTH);
      const bad = await api().post('/api/auth/register').send({ email: 'laenge@verein.de', password: short, name: 'A', organisation_name: 'Org e.V.' }).expect(400);
      assert.equal(bad.body.errors.password, `Mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`);
      await api().post('/api/auth/register').send({ email: 'laenge@verein.de', password: exact, name: 'A', organisation_name: 'Org e.V.' }).expect(202);
      const texts = [
        (callMessages.de as any).register.password, (callMessages.en as any).register.password,
        (auditMessages.de as any).account.password_hint, (auditMessages.en as any).account.password_hint,
      ];
      for (const text of texts) {
        assert.ok(text.includes(String(PASSWORD_MIN_LENGTH)), text);
        for (const other of (text.match(/\d+/g) ?? [])) assert.equal(Number(other), PASSWORD_MIN_LENGTH, text);
      }
    });
  });
});
