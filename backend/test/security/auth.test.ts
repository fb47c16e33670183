import assert from 'node:assert/strict';
import request from 'supertest';
import { buildApp } from '../../src/app.ts';
import { testContext } from '../support/context.ts';
import { api, createUser, databaseSnapshot, db, loginAs, PASSWORD } from '../support/fixtures.ts';
import { mailbox, tokenIn } from '../support/mailbox.ts';
import { TOKEN_MASK } from '../../src/auth/account-emails.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const sessionCookie = (res: request.Response) =>
  (res.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) => c.startsWith('crm_session='));
const mails = (to?: string) => {
  let q = db().selectFrom('emails').selectAll().orderBy('id');
  if (to) q = q.where('to', '=', to);
  return q.execute();
};

function requestReset(email: string) {
  return api().post('/api/auth/password-reset').send({ email });
}

describe('security: accounts', () => {
  describe('password reset through the outbox', () => {
    it('answers the same for known and unknown addresses and mails only the known one', async () => {
      const user = await createUser('staff', { email: 'reset.me@example.org' });
      const known = await requestReset('Reset.Me@example.org');
      const unknown = await requestReset('nobody@example.org');
      assert.equal(known.status, 202);
      assert.equal(unknown.status, 202);
      assert.deepEqual(known.body, unknown.body);
      const queued = await mails();
      assert.equal(queued.length, 1);
      assert.equal(queued[0].to, user.email);
      assert.equal(queued[0].template, 'password_reset');
      assert.ok(queued[0].body.includes(`token=${TOKEN_MASK}`), 'the outbox keeps the link masked');
      const token = await mailbox().token(user.email);
      const stored = await db().selectFrom('password_resets').selectAll().execute();
      assert.equal(stored.length, 1);
      assert.ok(!stored[0].token_hash.includes(token), 'only a hash of the token is stored');
    });

    it('sets a new password once, ends every session and refuses the token a second time', async () => {
      const user = await createUser('jury', { email: 'juror.reset@example.org' });
      const oldSession = await loginAs(user);
      await requestReset(user.email).expect(202);
      const token = await mailbox().token(user.email);
      const res = await api().post('/api/auth/password-reset/confirm').send({ token, password: 'neues-Passwort-42' }).expect(200);
      assert.equal(res.body.ok, true);
      await oldSession.get('/api/auth/me').expect(401);
      await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
      await api().post('/api/auth/login').send({ email: user.email, password: 'neues-Passwort-42' }).expect(200);
      const again = await api().post('/api/auth/password-reset/confirm').send({ token, password: 'noch-ein-Passwort-43' }).expect(400);
      assert.equal(again.body.code, 'invalid_token');
      const audit = await db().selectFrom('audit_events').selectAll().where('action', '=', 'password_reset').execute();
      assert.equal(audit.length, 1);
      assert.ok(!JSON.stringify(audit[0].changes).includes('scrypt'), 'no hash in the audit trail');
    });

    it('refuses expired tokens, retired tokens and unknown tokens without changing anything', async () => {
      const user = await createUser('staff');
      const inbox = mailbox();
      await requestReset(user.email).expect(202);
      const first = await inbox.token(user.email);
      await requestReset(user.email).expect(202);
      const second = await inbox.token(user.email);
      const before = await databaseSnapshot();
      const retired = await api().post('/api/auth/password-reset/confirm').send({ token: first, password: 'neues-Passwort-42' }).expect(400);
      assert.equal(retired.body.code, 'invalid_token');
      await api().post('/api/auth/password-reset/confirm').send({ token: 'A'.repeat(43), password: 'neues-Passwort-42' }).expect(400);
      await api().post('/api/auth/password-reset/confirm').send({ token: second, password: 'kurz' }).expect(400);
      await api().post('/api/auth/password-reset/confirm').send({ token: second }).expect(400);
      await api().post('/api/auth/password-reset/confirm').send({ token: "' OR 1=1 --", password: 'neues-Passwort-42' }).expect(400);
      assert.equal(await databaseSnapshot(), before);
      await db().updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000) }).where('used_at', 'is', null).execute();
      const expired = await api().post('/api/auth/password-reset/confirm').send({ token: second, password: 'neues-Passwort-42' }).expect(400);
      assert.equal(expired.body.code, 'invalid_token');
      await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    });

    it('does not mail deactivated accounts and rejects bad input', async () => {
      await createUser('coach', { email: 'gone@example.org', active: false });
      await requestReset('gone@example.org').expect(202);
      assert.equal((await mails()).length, 0);
      await api().post('/api/auth/password-reset').send({ email: 42 }).expect(400);
      await api().post('/api/auth/password-reset').send({}).expect(400);
      await api().post('/api/auth/password-reset').send({ email: 'x'.repeat(10_000) }).expect(400);
      assert.equal((await mails()).length, 0);
    });

    it('redeems a token exactly once under concurrent confirmations', async function () {
      if (!onPostgres) this.skip();
      const user = await createUser('staff');
      await requestReset(user.email).expect(202);
      const token = await mailbox().token(user.email);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => api().post('/api/auth/password-reset/confirm').send({ token, password: `paralleles-Passwort-${i}` })),
      );
      assert.equal(results.filter((r) => r.status === 200).length, 1);
      assert.ok(results.every((r) => r.status === 200 || r.status === 400));
      assert.equal((await db().selectFrom('audit_events').select('id').where('action', '=', 'password_reset').execute()).length, 1);
    });
  });

  describe('registration without enumeration', () => {
    const form = (email: string) => ({ email, password: 'sicheres-Passwort-1', name: 'Jana Neu', organisation_name: 'Verein für Straßenkunst e.V.' });

    it('answers a new and a taken address identically; the account works only after confirmation', async () => {
      await createUser('applicant', { email: 'taken@example.org' });
      const fresh = await api().post('/api/auth/register').send(form('Neu@Verein.de')).expect(202);
      const taken = await api().post('/api/auth/register').send(form('TAKEN@example.org')).expect(202);
      assert.deepEqual(fresh.body, taken.body);
      assert.equal(sessionCookie(fresh), undefined);
      assert.equal(sessionCookie(taken), undefined);
      const takenMail = await mails('taken@example.org');
      assert.deepEqual(takenMail.map((m) => m.template), ['register_taken']);
      const inbox = mailbox();
      assert.equal(tokenIn((await inbox.receive('taken@example.org'))[0].text), undefined);
      assert.equal((await db().selectFrom('organisations').select('id').execute()).length, 2, 'no organisation for the taken address');

      // Not usable before confirmation; the right password is told to confirm the address (issue 17).
      const early = await api().post('/api/auth/login').send({ email: 'neu@verein.de', password: 'sicheres-Passwort-1' }).expect(403);
      assert.equal(early.body.code, 'email_unconfirmed');
      assert.equal(sessionCookie(early), undefined);
      const confirmMail = await mails('neu@verein.de');
      assert.deepEqual(confirmMail.map((m) => m.template), ['register_confirm']);
      const token = await inbox.token('neu@verein.de');
      const agent = request.agent(testContext.app);
      const confirmed = await agent.post('/api/auth/register/confirm').send({ token }).expect(200);
      assert.equal(confirmed.body.role, 'applicant');
      const me = await agent.get('/api/auth/me').expect(200);
      const org = await agent.get(`/api/organisations/${me.body.organisation_id}`).expect(200);
      assert.equal(org.body.name, 'Verein für Straßenkunst e.V.');
      await api().post('/api/auth/register/confirm').send({ token }).expect(400);
    });

    it('re-sends the confirmation to a pending registration instead of creating a second one', async () => {
      await api().post('/api/auth/register').send(form('pending@verein.de')).expect(202);
      await api().post('/api/auth/register').send(form('pending@verein.de')).expect(202);
      assert.deepEqual((await mails('pending@verein.de')).map((m) => m.template), ['register_confirm', 'register_confirm']);
      assert.equal((await db().selectFrom('users').select('id').execute()).length, 1);
      const sent = await mailbox().receive('pending@verein.de');
      await api().post('/api/auth/register/confirm').send({ token: tokenIn(sent[0].text) }).expect(400);
      await api().post('/api/auth/register/confirm').send({ token: tokenIn(sent[1].text) }).expect(200);
    });

    it('refuses role, activity and organisation smuggled into a registration (mass assignment)', async () => {
      const existing = await createUser('applicant');
      const smuggle = { role: 'admin', active: true, organisation_id: existing.organisation_id, id: 1, password_hash: 'x' };
      const before = await databaseSnapshot();
      const refused = await api().post('/api/auth/register').send({ ...form('sneaky@verein.de'), ...smuggle }).expect(400);
      assert.equal(refused.body.code, 'unknown_field');
      assert.deepEqual(Object.keys(refused.body.errors).sort(), ['active', 'id', 'organisation_id', 'password_hash', 'role']);
      // The same answer for a taken address: the refusal tells nothing about accounts.
      const taken = await api().post('/api/auth/register').send({ ...form(existing.email), ...smuggle }).expect(400);
      assert.deepEqual(taken.body, refused.body);
      assert.equal(await databaseSnapshot(), before);
      // Without them, the same form registers an ordinary applicant of a new organisation.
      await api().post('/api/auth/register').send(form('sneaky@verein.de')).expect(202);
      const user = await db().selectFrom('users').selectAll().where('email', '=', 'sneaky@verein.de').executeTakeFirstOrThrow();
      assert.equal(user.role, 'applicant');
      assert.equal(user.active, false);
      assert.notEqual(user.organisation_id, existing.organisation_id);
      assert.match(user.password_hash!, /^scrypt\$/);
    });

    it('never accepts a reset token as a confirmation token', async () => {
      await api().post('/api/auth/register').send(form('mixed@verein.de')).expect(202);
      const confirmToken = await mailbox().token('mixed@verein.de');
      await api().post('/api/auth/password-reset/confirm').send({ token: confirmToken, password: 'neues-Passwort-42' }).expect(400);
    });
  });

  describe('password policy', () => {
    it('refuses short, common, repetitive and e-mail-derived passwords', async () => {
      const before = await databaseSnapshot();
      const cases = ['kurz-1', 'password123', 'Passwort123', 'aaaaaaaaaaaaaaaaaaaa', '1111111111', '12121212121212', 'nurbuchstaben', 'jana.neu-2026'];
      for (const password of cases) {
        const res = await api().post('/api/auth/register').send({ email: 'jana.neu@verein.de', password, name: 'Jana', organisation_name: 'Verein' });
        assert.equal(res.status, 400, password);
        assert.ok(res.body.errors.password, password);
      }
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('lockout and sessions', () => {
    it('locks after ten failures even for the right password, and unlocks after 15 minutes', async () => {
      const user = await createUser('staff');
      for (let i = 0; i < 9; i++) await api().post('/api/auth/login').send({ email: user.email, password: 'falsches-Passwort' }).expect(401);
      const locked = await db().selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.equal(locked.failed_logins, 9);
      assert.equal(locked.locked_until, null);
      await api().post('/api/auth/login').send({ email: user.email, password: 'falsches-Passwort' }).expect(401);
      const row = await db().selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow();
      const minutes = (new Date(row.locked_until!).getTime() - Date.now()) / 60_000;
      assert.ok(minutes > 14 && minutes <= 15, `locked for ${minutes} minutes`);
      const refused = await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD });
      assert.equal(refused.status, 423);
      assert.equal(sessionCookie(refused), undefined);
      await db().updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
      await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
      const after = await db().selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.deepEqual(after, { failed_logins: 0, locked_until: null });
    });

    it('rotates the session on login and ends only this user’s sessions on logout everywhere', async () => {
      const user = await createUser('coach');
      const other = await loginAs(await createUser('coach'));
      const agent = await loginAs(user);
      const second = await loginAs(user);
      const sessionsBefore = await db().selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
      await agent.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
      const sessionsAfter = await db().selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
      assert.equal(sessionsAfter.length, sessionsBefore.length, 'the old session of this browser was replaced');
      assert.notDeepEqual(sessionsAfter.map((s) => s.id).sort(), sessionsBefore.map((s) => s.id).sort());
      await second.post('/api/auth/logout-everywhere').expect(200);
      await agent.get('/api/auth/me').expect(401);
      await second.get('/api/auth/me').expect(401);
      await other.get('/api/auth/me').expect(200);
    });
  });

  describe('CSRF and transport', () => {
    it('refuses writes from a foreign origin or a cross-site fetch, changing nothing', async () => {
      const { agent } = { agent: await loginAs(await createUser('staff')) };
      const before = await databaseSnapshot();
      const foreign = await agent.post('/api/organisations').set('Origin', 'https://evil.example').send({ name: 'Böse' });
      assert.equal(foreign.status, 403);
      const crossSite = await agent.post('/api/organisations').set('Sec-Fetch-Site', 'cross-site').send({ name: 'Böse' });
      assert.equal(crossSite.status, 403);
      await agent.post('/api/auth/logout').set('Origin', 'https://evil.example').expect(403);
      assert.equal(await databaseSnapshot(), before);
      await agent.post('/api/organisations').set('Origin', 'http://localhost:3000').set('Sec-Fetch-Site', 'same-origin').send({ name: 'Gut' }).expect(201);
    });

    it('requires JSON on writes with a body (415) but lets multipart and empty actions through', async () => {
      const agent = await loginAs(await createUser('staff'));
      const before = await databaseSnapshot();
      const plain = await agent.post('/api/organisations').set('Content-Type', 'text/plain').send('{"name":"Formular"}');
      assert.equal(plain.status, 415);
      assert.equal(plain.body.code, 'unsupported_media_type');
      const form = await agent.post('/api/organisations').type('form').send({ name: 'Formular' });
      assert.equal(form.status, 415);
      const xml = await agent.put('/api/organisations/1').set('Content-Type', 'application/xml').send('<name>x</name>');
      assert.equal(xml.status, 415);
      const multipart = await agent.post('/api/organisations').field('name', 'Formular');
      assert.equal(multipart.status, 400, 'multipart passes the gate; a JSON route then refuses it');
      assert.equal(await databaseSnapshot(), before);
      await agent.post('/api/auth/logout').expect(200);
      await api().post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify({ email: 'x@example.org', password: 'y' })).expect(401);
    });

    it('marks the cookie Secure behind a TLS proxy only when TRUST_PROXY is set', async () => {
      const user = await createUser('staff');
      const build = (trust: boolean) =>
        buildApp({ ...testContext.appContext, config: { ...testContext.config, TRUST_PROXY: trust } }, { ping: async () => true, loginLimit: 1000 }).app;
      const behindProxy = await request(build(true)).post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ email: user.email, password: PASSWORD }).expect(200);
      assert.match(sessionCookie(behindProxy)!, /; Secure/);
      assert.match(sessionCookie(behindProxy)!, /HttpOnly/);
      assert.match(sessionCookie(behindProxy)!, /SameSite=Lax/);
      const plainHttp = await request(build(true)).post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
      assert.doesNotMatch(sessionCookie(plainHttp)!, /Secure/);
      const spoofed = await request(build(false)).post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ email: user.email, password: PASSWORD }).expect(200);
      assert.doesNotMatch(sessionCookie(spoofed)!, /Secure/, 'without TRUST_PROXY the header is not believed');
      const https = buildApp({ ...testContext.appContext, config: { ...testContext.config, PUBLIC_URL: 'https://crm.example.org' } }, { ping: async () => true, loginLimit: 1000 }).app;
      const viaPublicUrl = await request(https).post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
      assert.match(sessionCookie(viaPublicUrl)!, /; Secure/);
      assert.match(viaPublicUrl.headers['strict-transport-security'], /max-age=/);
    });

    it('sends a CSP the console can run under and the usual security headers', async () => {
      const res = await api().get('/healthz').expect(200);
      const csp: string = res.headers['content-security-policy'];
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/, 'no inline or eval scripts');
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-powered-by'], undefined);
      const me = await api().get('/api/auth/me');
      assert.equal(me.headers['cache-control'], 'no-store');
    });
  });
});
