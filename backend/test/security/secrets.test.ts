import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import request from 'supertest';
import { Migrator } from 'kysely/migration';
import { testContext } from '../support/context.ts';
import { api, createUser, databaseSnapshot, db, loginAs, PASSWORD } from '../support/fixtures.ts';
import { mailbox, tokenIn } from '../support/mailbox.ts';
import { buildApp } from '../../src/app.ts';
import { createLogger } from '../../src/logger.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { TOKEN_MASK } from '../../src/auth/account-emails.ts';
import { hashAccountToken, redeemAccountToken } from '../../src/auth/account-tokens.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { deliverDueEmails } from '../../src/emails/emails.worker.ts';
import { MATRIX, parseEntry } from './matrix.table.ts';
import { buildWorld, fillPath, MATRIX_ROLES, sessionTokens, type MatrixRole } from './world.ts';

/** The app as in production, but with its log (every level) written into `log`. */
function loggingApp() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = { ...testContext.config, LOG_LEVEL: 'trace' as const };
  const logger = createLogger(config, stream);
  const { app } = buildApp({ ...testContext.appContext, config, logger }, { ping: testContext.handle.ping, loginLimit: 100_000 });
  return { app, log: () => lines.join('') };
}

/** Whatever came back, as text: JSON, CSV, ICS, or the raw bytes of a PDF. */
const answerText = (res: request.Response) =>
  typeof res.text === 'string' ? res.text : Buffer.isBuffer(res.body) ? res.body.toString('latin1') : JSON.stringify(res.body ?? '');

const asRole = (req: request.Test, role: MatrixRole) => (role === 'anonymous' ? req : req.set('Cookie', `${SESSION_COOKIE}=${sessionTokens[role]}`));

describe('security: secrets', function () {
  this.timeout(300_000);

  describe('account links in answers and logs', () => {
    it('never lets any role read a usable registration or reset token from any GET route, export, audit entry or the log', async () => {
      const { app, log } = loggingApp();
      const world = await buildWorld(db(), null);
      // A registration with the address of A's contact person (so A's DSGVO export covers the
      // message) and reset requests for the admin, staff and A's applicant.
      await request(app).post('/api/auth/register')
        .send({ email: 'anna@verein-a.de', password: 'sicheres-Passwort-1', name: 'Anna Anders', organisation_name: 'Annas Verein e.V.' })
        .expect(202);
      const resetFor = ['admin@matrix.example.org', 'staff@matrix.example.org', 'applicanta@matrix.example.org'];
      for (const email of resetFor) await request(app).post('/api/auth/password-reset').send({ email }).expect(202);
      const inbox = mailbox();
      const tokens = [await inbox.token('anna@verein-a.de')];
      for (const email of resetFor) tokens.push(await inbox.token(email));

      const answers: Array<{ what: string; text: string }> = [];
      const ask = async (what: string, role: MatrixRole, req: request.Test) => {
        const res = await asRole(req, role);
        answers.push({ what: `${what} as ${role} (${res.status})`, text: answerText(res) });
        return res;
      };
      for (const route of testContext.routes.filter((r) => r.method === 'get')) {
        const key = `GET ${route.path}`;
        const entry = parseEntry(MATRIX[key] ?? MATRIX_ROLES.map(() => 'in').join(' '));
        for (const role of MATRIX_ROLES) {
          const req = request(app).get(`/api${fillPath(route.path, world.ids)}`);
          await ask(key, role, entry.query ? req.query(entry.query) : req);
        }
      }
      // Every outbox message and audit entry one by one, the whole lists, and the export of the new organisation.
      const everything = { range: '[0,999]' };
      const outbox = await ask('GET /emails', 'staff', request(app).get('/api/emails').query(everything));
      const audit = await ask('GET /audit-events', 'admin', request(app).get('/api/audit-events').query(everything));
      for (const role of ['staff', 'admin'] as const) {
        for (const { id } of outbox.body) await ask(`GET /emails/${id}`, role, request(app).get(`/api/emails/${id}`));
        await ask('GET /users', role, request(app).get('/api/users').query(everything));
      }
      for (const { id } of audit.body) await ask(`GET /audit-events/${id}`, 'admin', request(app).get(`/api/audit-events/${id}`));
      const anna = await db().selectFrom('users').select(['organisation_id']).where('email', '=', 'anna@verein-a.de').executeTakeFirstOrThrow();
      await ask('export of the registered organisation', 'staff', request(app).get(`/api/organisations/${anna.organisation_id}/export`));
      // Error answers: a token in a query string, a token sent for the wrong purpose, a bad one.
      await ask('token in the URL', 'staff', request(app).get('/api/auth/me').query({ token: tokens[1] }));
      await ask('reset token as confirmation', 'anonymous', request(app).post('/api/auth/register/confirm').send({ token: tokens[1] }));
      await ask('confirmation token as reset', 'anonymous', request(app).post('/api/auth/password-reset/confirm').send({ token: tokens[0], password: 'neues-Passwort-42' }));

      const leaks = answers.flatMap(({ what, text }) => (tokens.some((t) => text.includes(t)) ? [what] : []));
      assert.deepEqual(leaks, [], 'answers that contain a live token');
      const masked = outbox.body.filter((m: { body: string }) => m.body.includes(`token=${TOKEN_MASK}`));
      assert.equal(masked.length, tokens.length, 'the outbox shows every message that carries a link, with the link masked');
      for (const token of tokens) assert.ok(!log().includes(token), 'the log holds no token');
      assert.match(log(), /token=\[verborgen\]/, 'a token in a query string is left out of the request log');

      // The tokens were live all along: the admin's mailbox (and only it) can reset the admin's password.
      await request(app).post('/api/auth/password-reset/confirm').send({ token: tokens[1], password: 'ganz-neues-Kennwort-7' }).expect(200);
      assert.ok(!log().includes(tokens[1]));
    });

    it('stores account tokens only as hashes and the outbox body only with the link masked', async () => {
      const user = await createUser('staff', { email: 'hash.only@example.org' });
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      const token = await mailbox().token(user.email);
      const dump = await databaseSnapshotText();
      assert.ok(!dump.includes(token), 'the clear token is stored nowhere');
      const stored = await db().selectFrom('emails').select(['body', 'status']).where('to', '=', user.email).executeTakeFirstOrThrow();
      assert.equal(stored.status, 'sent');
      assert.ok(stored.body.includes(`#/password-reset/confirm?token=${TOKEN_MASK}`));
      const res = await api().post('/api/auth/password-reset/confirm').send({ token: TOKEN_MASK, password: 'neues-Passwort-42' }).expect(400);
      assert.ok(!JSON.stringify(res.body).includes(token));
    });
  });

  describe('taking over an admin', () => {
    it('lets a staff member neither reset an admin’s password through the outbox nor change, create or delete admins', async () => {
      const admin = await createUser('admin', { email: 'chefin@example.org' });
      const staffUser = await createUser('staff');
      const staff = await loginAs(staffUser);
      await staff.post('/api/auth/password-reset').send({ email: 'Chefin@Example.org ' }).expect(202);
      const mails = (await staff.get('/api/emails').expect(200)).body as Array<{ id: number; body: string; template: string }>;
      const resetMail = mails.find((m) => m.template === 'password_reset')!;
      const shown = (await staff.get(`/api/emails/${resetMail.id}`).expect(200)).body.body as string;
      const fromOutbox = /token=([^\s]+)/.exec(shown)![1];
      assert.equal(fromOutbox, TOKEN_MASK);
      const before = await databaseSnapshot();
      await staff.post('/api/auth/password-reset/confirm').send({ token: fromOutbox, password: 'uebernommen-Passwort-1' }).expect(400);
      await staff.put(`/api/users/${admin.id}`).send({ password: 'uebernommen-Passwort-1' }).expect(403);
      await staff.put(`/api/users/${admin.id}`).send({ email: 'staff-postfach@example.org' }).expect(403);
      await staff.put(`/api/users/${admin.id}`).send({ role: 'staff' }).expect(403);
      await staff.put(`/api/users/${staffUser.id}`).send({ role: 'admin' }).expect(403);
      await staff.post('/api/users').send({ email: 'neuer.admin@example.org', name: 'Neu', role: 'admin', password: 'ein-sicheres-Passwort-9' }).expect(403);
      await staff.delete(`/api/users/${admin.id}`).expect(403);
      assert.equal(await databaseSnapshot(), before, 'nothing changed');
      await api().post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200);
      // Only the admin's own mailbox receives a link that works.
      const delivered = await mailbox().receive(admin.email);
      assert.ok(tokenIn(delivered[0].text) && tokenIn(delivered[0].text) !== TOKEN_MASK);
    });
  });

  describe('links follow the account', () => {
    it('issues the link at delivery, valid for at most 60 minutes, and sends none for an old request or to a changed address', async () => {
      const user = await createUser('coach', { email: 'coach.link@example.org' });
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      assert.equal((await db().selectFrom('password_resets').select('user_id').execute()).length, 0, 'no token before delivery');
      const issuedFrom = Date.now();
      await mailbox().token(user.email);
      const [row] = await db().selectFrom('password_resets').select('expires_at').execute();
      const minutes = (new Date(row.expires_at).getTime() - issuedFrom) / 60_000;
      assert.ok(minutes > 59 && minutes <= 60.1, `valid for ${minutes} minutes`);

      // A request that waited longer than a link lives (mail server down) goes out without a link: not at all.
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      await db().updateTable('emails').set({ created_at: new Date(Date.now() - 61 * 60_000) } as any).where('status', '=', 'queued').execute();
      assert.deepEqual(await mailbox().receive(), []);
      // A request made before the address changed is not delivered to the old address.
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      await db().updateTable('users').set({ email: 'neue.adresse@example.org' }).where('id', '=', user.id).execute();
      assert.deepEqual(await mailbox().receive(), []);
      const failed = await db().selectFrom('emails').select(['status', 'last_error']).where('status', '=', 'failed').orderBy('id').execute();
      assert.equal(failed.length, 2);
      assert.match(failed[0].last_error!, /älter als die Gültigkeit/);
      assert.match(failed[1].last_error!, /andere Adresse/);
    });

    it('retires a mailed link when an admin sets a new password or a new address', async () => {
      const admin = await loginAs(await createUser('admin'));
      for (const change of [{ password: 'vom-Admin-gesetzt-42' }, { email: 'umgezogen@example.org' }]) {
        const user = await createUser('jury');
        await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
        const token = await mailbox().token(user.email);
        await admin.put(`/api/users/${user.id}`).send(change).expect(200);
        const res = await api().post('/api/auth/password-reset/confirm').send({ token, password: 'neues-Passwort-42' }).expect(400);
        assert.equal(res.body.code, 'invalid_token', JSON.stringify(change));
      }
    });
  });

  describe('upgrading a database', () => {
    it('masks the links already in the outbox, retires them, and sends queued ones with a new link', async function () {
      this.timeout(120_000);
      // A database of its own, migrated to the version before, with links as they used to be stored.
      const handle = await openDatabase({});
      try {
        const migrated = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } }).migrateTo('0008_alumni_introductions');
        assert.equal(migrated.error, undefined);
        const old = handle.db as any;
        const one = async (table: string, values: Record<string, unknown>) => (await old.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow()).id as number;
        const staffId = await one('users', { email: 'reset.alt@example.org', name: 'Alt', role: 'staff' });
        const applicantId = await one('users', { email: 'neu.alt@verein.de', name: 'Neu', role: 'applicant', active: false });
        const oldReset = 'AltesResetToken_0123456789abcdefghijklmnopq';
        const oldConfirm = 'AltesConfirmToken-0123456789abcdefghijklmno';
        const link = (page: string, token: string) => `Hallo,\n\nhttp://localhost:3000/#/${page}?token=${token}\n`;
        await one('emails', { to: 'reset.alt@example.org', subject: 'Passwort zurücksetzen', body: link('password-reset/confirm', oldReset), template: 'password_reset', status: 'sent' });
        await one('emails', { to: 'Neu.Alt@Verein.de', subject: 'Bitte bestätigen', body: link('register/confirm', oldConfirm), template: 'register_confirm' });
        for (const [purpose, token, userId] of [['reset', oldReset, staffId], ['confirm', oldConfirm, applicantId]] as const) {
          await old.insertInto('password_resets').values({ token_hash: `${purpose}:${hashAccountToken(purpose, token)}`, user_id: userId, expires_at: new Date(Date.now() + 3600_000) }).execute();
        }

        await migrateToLatest(handle.db);
        const bodies = (await handle.db.selectFrom('emails').select('body').orderBy('id').execute()).map((e) => e.body);
        assert.ok(bodies.every((b) => b.includes(`token=${TOKEN_MASK}`) && !b.includes(oldReset) && !b.includes(oldConfirm)), bodies.join('\n'));
        const accounts = await handle.db.selectFrom('account_emails').select(['user_id', 'template']).orderBy('email_id').execute();
        assert.deepEqual(accounts, [{ user_id: staffId, template: 'password_reset' }, { user_id: applicantId, template: 'register_confirm' }]);
        await handle.db.transaction().execute(async (trx) => {
          assert.equal(await redeemAccountToken(trx, 'reset', oldReset), undefined, 'a link staff could read no longer works');
          assert.equal(await redeemAccountToken(trx, 'confirm', oldConfirm), undefined);
        });
        const sent: string[] = [];
        await deliverDueEmails(handle.db, async (m) => void sent.push(m.text), { from: 'test@example.org' });
        const fresh = tokenIn(sent[0]);
        assert.equal(sent.length, 1);
        assert.ok(fresh && fresh !== oldConfirm && !sent[0].includes(TOKEN_MASK), 'the queued confirmation goes out with a new link');
        await handle.db.transaction().execute(async (trx) => assert.equal(await redeemAccountToken(trx, 'confirm', fresh), applicantId));
      } finally {
        await handle.close();
      }
    });
  });

  describe('sessions after account changes', () => {
    it('ends every session of a user whose role changes', async () => {
      const admin = await loginAs(await createUser('admin'));
      const user = await createUser('coach');
      const [first, second] = [await loginAs(user), await loginAs(user)];
      const bystander = await loginAs(await createUser('coach'));
      await first.get('/api/auth/me').expect(200);
      await admin.put(`/api/users/${user.id}`).send({ role: 'staff' }).expect(200);
      await first.get('/api/auth/me').expect(401);
      await second.get('/api/auth/me').expect(401);
      await bystander.get('/api/auth/me').expect(200);
      assert.equal((await db().selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).length, 0);
      // An unchanged role in the whole record react-admin sends back ends nothing.
      const again = await loginAs(user);
      await admin.put(`/api/users/${user.id}`).send({ role: 'staff', name: 'Neuer Name' }).expect(200);
      await again.get('/api/auth/me').expect(200);
    });

    it('ends the other sessions on a password change and keeps the one that made it', async () => {
      const adminUser = await createUser('admin');
      const [here, elsewhere] = [await loginAs(adminUser), await loginAs(adminUser)];
      await here.put(`/api/users/${adminUser.id}`).send({ password: 'mein-neues-Passwort-8' }).expect(200);
      await here.get('/api/auth/me').expect(200);
      await elsewhere.get('/api/auth/me').expect(401);
      const user = await createUser('applicant');
      const [a, b] = [await loginAs(user), await loginAs(user)];
      await here.put(`/api/users/${user.id}`).send({ password: 'vom-Admin-gesetzt-42' }).expect(200);
      await a.get('/api/auth/me').expect(401);
      await b.get('/api/auth/me').expect(401);
    });
  });
});

/** Every row of every table as text, to search it for a value that must not be stored. */
async function databaseSnapshotText(): Promise<string> {
  const tables = await db().introspection.getTables();
  const parts: string[] = [];
  for (const t of tables) parts.push(JSON.stringify(await (db() as any).selectFrom(t.name).selectAll().execute()));
  return parts.join('\n');
}
