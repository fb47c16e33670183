import assert from 'node:assert/strict';
import request from 'supertest';
import { testContext } from '../support/context.ts';
import { api, createUser, databaseSnapshot, db, PASSWORD } from '../support/fixtures.ts';
import { buildApp } from '../../src/app.ts';
import { MAX_FAILED_LOGINS } from '../../src/auth/auth.routes.ts';
import { ACCOUNT_MAILS_PER_HOUR } from '../../src/auth/account-emails.ts';

const wrongLogin = (email: string) => api().post('/api/auth/login').send({ email, password: 'falsches-Passwort-1' });
const accountState = (id: number) => db().selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow();
const outbox = (template: string) => db().selectFrom('emails').select(['to', 'template']).where('template', '=', template).execute();

describe('security: lockout and rate limits', function () {
  this.timeout(60_000);

  describe('lockout', () => {
    it(`checks at most ${MAX_FAILED_LOGINS} of 20 parallel wrong passwords, then the account is locked`, async () => {
      const user = await createUser('admin', { email: 'admin.parallel@example.org' });
      const answers = await Promise.all(Array.from({ length: 20 }, () => wrongLogin(user.email)));
      const checked = answers.filter((r) => r.status === 401).length;
      const refused = answers.filter((r) => r.status === 423).length;
      assert.equal(checked + refused, 20, answers.map((r) => r.status).join(' '));
      assert.ok(checked <= MAX_FAILED_LOGINS, `${checked} passwords were checked`);
      const state = await accountState(user.id);
      assert.ok(state.locked_until && new Date(state.locked_until) > new Date(), 'locked');
      await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(423);
    });

    it('counts every spelling of an address against the one account', async () => {
      const user = await createUser('staff', { email: 'spelling@example.org' });
      const spellings = ['Spelling@Example.org ', 'spelling@example.org', ' SPELLING@EXAMPLE.ORG', 'spelling@Example.ORG\t'];
      for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await wrongLogin(spellings[i % spellings.length]).expect(401);
      assert.equal((await accountState(user.id)).failed_logins, MAX_FAILED_LOGINS - 1);
      await wrongLogin(spellings[0]).expect(401);
      await api().post('/api/auth/login').send({ email: spellings[3], password: PASSWORD }).expect(423);
    });

    it('lets the right password through below the limit and starts counting again', async () => {
      const user = await createUser('coach');
      for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await wrongLogin(user.email).expect(401);
      await api().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
      assert.deepEqual(await accountState(user.id), { failed_logins: 0, locked_until: null });
    });

    it('refuses unknown and deactivated accounts alike without counting anything', async () => {
      const inactive = await createUser('jury', { active: false });
      const before = await databaseSnapshot();
      const unknown = await wrongLogin('niemand@example.org').expect(401);
      const off = await api().post('/api/auth/login').send({ email: inactive.email, password: PASSWORD }).expect(401);
      assert.deepEqual(unknown.body, off.body);
      await api().post('/api/auth/login').send({ email: ['x'], password: PASSWORD }).expect(400);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('rate limits per address', () => {
    const limited = (limit: number) =>
      request(buildApp(testContext.appContext, { ping: testContext.handle.ping, loginLimit: limit }).app);

    for (const path of ['/api/auth/login', '/api/auth/register', '/api/auth/password-reset']) {
      it(`counts ${path} requests of every spelling of an address together`, async () => {
        const app = limited(4);
        const spellings = ['Admin@Example.org ', 'admin@example.org', ' ADMIN@example.org', 'admin@EXAMPLE.org\n'];
        for (const email of spellings) {
          const res = await app.post(path).send({ email, password: 'falsches-Passwort-1' });
          assert.notEqual(res.status, 429, email);
        }
        const fifth = await app.post(path).send({ email: 'aDmIn@example.org', password: 'falsches-Passwort-1' }).expect(429);
        assert.equal(fifth.body.code, 'rate_limited');
        // Another address is counted on its own.
        const other = await app.post(path).send({ email: 'jemand@example.org', password: 'falsches-Passwort-1' });
        assert.notEqual(other.status, 429);
      });
    }
  });

  describe('password-reset mails', () => {
    it(`sends at most ${ACCOUNT_MAILS_PER_HOUR} an hour per address and answers every request alike`, async () => {
      const user = await createUser('admin', { email: 'viele.links@example.org' });
      const spellings = ['viele.links@example.org', 'Viele.Links@Example.org ', 'VIELE.LINKS@EXAMPLE.ORG'];
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await api().post('/api/auth/password-reset').send({ email: spellings[i % 3] }));
      answers.push(await api().post('/api/auth/password-reset').send({ email: 'unbekannt@example.org' }));
      for (const res of answers) {
        assert.equal(res.status, 202);
        assert.deepEqual(res.body, answers[0].body);
      }
      assert.equal((await outbox('password_reset')).length, ACCOUNT_MAILS_PER_HOUR);
      // An hour later the address gets links again.
      await db().updateTable('account_emails').set({ created_at: new Date(Date.now() - 61 * 60_000) } as any).execute();
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      assert.equal((await outbox('password_reset')).length, ACCOUNT_MAILS_PER_HOUR + 1);
    });

    it('holds the hourly limit under parallel requests', async () => {
      await createUser('staff', { email: 'parallel.reset@example.org' });
      const answers = await Promise.all(Array.from({ length: 10 }, () => api().post('/api/auth/password-reset').send({ email: 'parallel.reset@example.org' })));
      assert.ok(answers.every((r) => r.status === 202));
      assert.equal((await outbox('password_reset')).length, ACCOUNT_MAILS_PER_HOUR);
    });

    it('limits the mails a registration sends to an existing address the same way', async () => {
      await createUser('applicant', { email: 'vergeben@example.org' });
      const form = { email: 'vergeben@example.org', password: 'sicheres-Passwort-1', name: 'Jemand', organisation_name: 'Verein' };
      for (let i = 0; i < 5; i++) await api().post('/api/auth/register').send(form).expect(202);
      assert.equal((await outbox('register_taken')).length, ACCOUNT_MAILS_PER_HOUR);
    });
  });
});
