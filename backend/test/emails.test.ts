import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { agentFor, api, createUser, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { createApplication, createCohort } from './support/jury.ts';
import { applicationValues, composeEmail } from '../src/email-templates/index.ts';
import { testContext } from './support/context.ts';
import { parseEml } from './support/eml.ts';
import { tokenIn } from './support/mailbox.ts';
import { queueEmail } from '../src/emails/emails.service.ts';
import { deliverDueEmails, describeMailDelivery, listUnsubscribeFor, outboxJob, smtpSender } from '../src/emails/emails.worker.ts';
import { mailFileName, prepareMailDir } from '../src/emails/file-mailbox.ts';
import { applicationReceipt } from '../src/emails/templates.ts';
import { loadConfig } from '../src/config.ts';

interface Received { to: string[]; raw: string }

/** A real SMTP server on a random local port; `failNext` makes it refuse that many messages. */
async function startSmtp() {
  const received: Received[] = [];
  const control = { failNext: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (control.failNext > 0) {
          control.failNext--;
          const err: Error & { responseCode?: number } = new Error('Mailbox vorübergehend nicht verfügbar');
          err.responseCode = 451;
          return callback(err);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, control, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const FROM = 'openTransfer Accelerator <noreply@example.org>';
const immediately = () => 0;

describe('e-mail outbox', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => smtp.close());
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.control.failNext = 0;
  });

  it('queues in the caller\'s transaction: a rolled-back change leaves no message', async () => {
    await db().transaction().execute(async (trx) => {
      await queueEmail(trx, { to: 'a@example.org', subject: 'Bleibt', body: 'x', template: 'test' });
    });
    await assert.rejects(
      db().transaction().execute(async (trx) => {
        await queueEmail(trx, { to: 'b@example.org', subject: 'Verschwindet', body: 'x', template: 'test' });
        throw new Error('rollback');
      }),
    );
    const rows = await db().selectFrom('emails').select(['subject', 'status']).execute();
    assert.deepEqual(rows, [{ subject: 'Bleibt', status: 'queued' }]);
  });

  it('queues a dedupe_key only once', async () => {
    const first = await queueEmail(db(), { to: 'a@example.org', subject: 'S', body: 'B', template: 't', dedupe_key: 'k1' });
    const second = await queueEmail(db(), { to: 'a@example.org', subject: 'S', body: 'B', template: 't', dedupe_key: 'k1' });
    assert.ok(first);
    assert.equal(second, null);
    assert.equal((await db().selectFrom('emails').select('id').execute()).length, 1);
  });

  it('delivers queued messages through a real SMTP server, with German text intact, and marks them sent', async () => {
    const text = applicationReceipt({ organisationName: 'Straßenkinder Köln e.V.', projectName: 'Ärztliche Hilfe', cohortName: 'Jahrgang 2026', submittedAt: new Date('2026-03-31T21:59:00Z'), applicationId: 7, publicUrl: 'http://localhost:3000' });
    await queueEmail(db(), { to: 'bewerbung@example.org', ...text, template: 'application_receipt' });
    const result = await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM });
    assert.deepEqual(result, { sent: 1, failed: 0, retried: 0 });
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0].to, ['bewerbung@example.org']);
    assert.match(smtp.received[0].raw, /Subject: =\?UTF-8\?/);
    assert.match(smtp.received[0].raw, /23:59/); // 21:59Z is 23:59 in Berlin (CEST)
    const row = await db().selectFrom('emails').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 1);
    assert.ok(row.sent_at);
    // Never twice: another run finds nothing to do.
    assert.deepEqual(await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM }), { sent: 0, failed: 0, retried: 0 });
    assert.equal(smtp.received.length, 1);
  });

  it('retries with exponential backoff after a refusal and marks the message failed after N attempts', async () => {
    await queueEmail(db(), { to: 'x@example.org', subject: 'Versuch', body: 'B', template: 't' });
    smtp.control.failNext = 1;
    const first = await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM });
    assert.deepEqual(first, { sent: 0, failed: 0, retried: 1 });
    let row = await db().selectFrom('emails').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /451|nicht verfügbar/);
    const delay = (new Date(row.next_attempt_at).getTime() - Date.now()) / 1000;
    assert.ok(delay > 50 && delay <= 61, `first retry after ~60 s, got ${delay}`);
    // Not due yet: nothing happens.
    assert.deepEqual(await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM }), { sent: 0, failed: 0, retried: 0 });
    await db().updateTable('emails').set({ next_attempt_at: new Date(Date.now() - 1000) }).execute();
    smtp.control.failNext = 1;
    await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM });
    row = await db().selectFrom('emails').selectAll().executeTakeFirstOrThrow();
    const second = (new Date(row.next_attempt_at).getTime() - Date.now()) / 1000;
    assert.ok(second > 110 && second <= 121, `second retry after ~120 s, got ${second}`);
    // Then it goes through.
    await db().updateTable('emails').set({ next_attempt_at: new Date(Date.now() - 1000) }).execute();
    assert.equal((await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM })).sent, 1);
    assert.equal(smtp.received.length, 1);

    await queueEmail(db(), { to: 'y@example.org', subject: 'Aussichtslos', body: 'B', template: 't' });
    smtp.control.failNext = 100;
    for (let i = 0; i < 3; i++) await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM, maxAttempts: 3, backoffSeconds: immediately });
    const failed = await db().selectFrom('emails').selectAll().where('subject', '=', 'Aussichtslos').executeTakeFirstOrThrow();
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, 3);
    await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM, maxAttempts: 3, backoffSeconds: immediately });
    assert.equal((await db().selectFrom('emails').select('attempts').where('id', '=', failed.id).executeTakeFirstOrThrow()).attempts, 3);
  });

  it('treats an unreachable SMTP server as a retry, not a crash', async () => {
    await queueEmail(db(), { to: 'x@example.org', subject: 'S', body: 'B', template: 't' });
    const result = await deliverDueEmails(db(), smtpSender('smtp://127.0.0.1:1'), { from: FROM });
    assert.deepEqual(result, { sent: 0, failed: 0, retried: 1 });
  });

  it('never sends a message twice when workers run in parallel', async () => {
    for (let i = 0; i < 30; i++) await queueEmail(db(), { to: `p${i}@example.org`, subject: `Nr. ${i}`, body: 'B', template: 't' });
    const send = smtpSender(smtp.url);
    const results = await Promise.all(Array.from({ length: 4 }, () => deliverDueEmails(db(), send, { from: FROM, batchSize: 10 })));
    const again = await Promise.all(Array.from({ length: 4 }, () => deliverDueEmails(db(), send, { from: FROM, batchSize: 10 })));
    const sent = [...results, ...again].reduce((n, r) => n + r.sent, 0);
    assert.equal(sent, 30);
    assert.equal(smtp.received.length, 30);
    assert.equal(new Set(smtp.received.map((m) => m.to[0])).size, 30);
  });

  it('shows the outbox to staff only, read-only', async () => {
    await queueEmail(db(), { to: 'a@example.org', subject: 'Eingangsbestätigung', body: 'B', template: 'application_receipt' });
    const { agent } = await agentFor('staff');
    const list = await agent.get('/api/emails').query(listQuery({ filter: { status: 'queued', q: 'eingang' } })).expect(200);
    assert.equal(list.body.length, 1);
    assert.equal(list.headers['content-range'], 'emails 0-0/1');
    const before = await databaseSnapshot();
    await agent.post('/api/emails').send({ to: 'x@example.org' }).expect(404);
    await agent.put(`/api/emails/${list.body[0].id}`).send({ status: 'sent' }).expect(404);
    await agent.delete(`/api/emails/${list.body[0].id}`).expect(404);
    await agent.get('/api/emails').query(listQuery({ filter: { status: 'lost' } })).expect(400);
    assert.equal(await databaseSnapshot(), before);
    for (const role of ['applicant', 'jury', 'coach'] as const) {
      const { agent: other } = await agentFor(role);
      await other.get('/api/emails').expect(403);
    }
  });

  describe('file mailbox (MAIL_DIR, without SMTP_URL)', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'crm-mail-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const settings = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', ...env });
    /** One run of the outbox job exactly as the server runs it, with these settings. */
    const runJob = (config: ReturnType<typeof settings>) => outboxJob.run({ ...testContext.appContext, config });
    const emlFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);

    it('writes each message as a parseable .eml file (0600 in a 0700 folder) and marks it sent, once', async () => {
      const mailDir = join(dir, 'mail');
      const config = settings({ MAIL_DIR: mailDir });
      assert.deepEqual(config.mail, { kind: 'dir', dir: mailDir, explicit: true });
      const text = applicationReceipt({ organisationName: 'Straßenkinder Köln e.V.', projectName: 'Ärztliche Hilfe', cohortName: 'Jahrgang 2026', submittedAt: new Date('2026-03-31T21:59:00Z'), applicationId: 7, publicUrl: 'http://localhost:3000' });
      await queueEmail(db(), { to: 'bewerbung@example.org', ...text, template: 'application_receipt' });
      await runJob(config);

      const files = emlFiles(mailDir);
      assert.equal(files.length, 1, `one file, no temporary leftovers: ${files.join(', ')}`);
      assert.match(files[0], /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z_000001_application_receipt\.eml$/);
      assert.equal(statSync(join(mailDir, files[0])).mode & 0o777, 0o600);
      assert.equal(statSync(mailDir).mode & 0o777, 0o700);

      const source = readFileSync(join(mailDir, files[0]), 'utf8');
      assert.doesNotMatch(source, /\r\n/, 'unix line ends');
      const eml = parseEml(source);
      assert.equal(eml.headers.from, 'openTransfer Accelerator <noreply@example.org>');
      assert.equal(eml.headers.to, 'bewerbung@example.org');
      assert.match(eml.raw.subject, /^=\?UTF-8\?[QB]\?/, 'umlauts in the subject are encoded (RFC 2047)');
      assert.equal(eml.headers.subject, text.subject);
      assert.equal(eml.headers['message-id'], '<outbox-1@fellowship-crm>');
      assert.ok(!Number.isNaN(Date.parse(eml.headers.date)));
      assert.match(eml.headers['content-type'], /^text\/plain; charset=utf-8$/i);
      assert.equal(eml.body.trimEnd(), text.body.trimEnd());
      assert.match(eml.body, /Straßenkinder Köln/);

      const row = await db().selectFrom('emails').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 1);
      assert.ok(row.sent_at);
      // Never twice.
      await runJob(config);
      assert.equal(emlFiles(mailDir).length, 1);
    });

    it('delivers a registration link that works once, read from the file', async () => {
      const mailDir = join(dir, 'mail');
      await api()
        .post('/api/auth/register')
        .send({ email: 'neu@verein.de', password: 'sicheres-Passwort-1', name: 'Jana Neu', organisation_name: 'Verein für Straßenkunst e.V.' })
        .expect(202);
      await runJob(settings({ MAIL_DIR: mailDir }));
      const [file] = emlFiles(mailDir);
      assert.match(file, /_register_confirm\.eml$/);
      const eml = parseEml(readFileSync(join(mailDir, file), 'utf8'));
      assert.equal(eml.headers.to, 'neu@verein.de');
      assert.equal(eml.headers.subject, 'Bitte bestätigen Sie Ihre Registrierung');
      assert.match(eml.body, /http:\/\/localhost:3000\/#\/register\/confirm\?token=[A-Za-z0-9_-]{20,}\n/);
      const token = tokenIn(eml.body)!;
      // The outbox keeps the link masked; only the file has the token.
      const stored = await db().selectFrom('emails').select(['body', 'status']).executeTakeFirstOrThrow();
      assert.equal(stored.status, 'sent');
      assert.ok(!stored.body.includes(token));

      const agent = request.agent(testContext.app);
      const confirmed = await agent.post('/api/auth/register/confirm').send({ token }).expect(200);
      assert.equal(confirmed.body.email, 'neu@verein.de');
      await agent.get('/api/auth/me').expect(200);
      const again = await api().post('/api/auth/register/confirm').send({ token }).expect(400);
      assert.equal(again.body.code, 'invalid_token');
    });

    it('is where mail goes with the embedded database by default; with SMTP_URL it goes to SMTP and nothing is written', async () => {
      const dataDir = join(dir, 'pglite');
      assert.deepEqual(settings({ DATA_DIR: dataDir }).mail, { kind: 'dir', dir: join(dir, 'mail'), explicit: false });
      await queueEmail(db(), { to: 'smtp@example.org', subject: 'Über SMTP', body: 'Grüße', template: 'test' });
      await runJob(settings({ DATA_DIR: dataDir, SMTP_URL: smtp.url }));
      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0].to, ['smtp@example.org']);
      assert.deepEqual(readdirSync(dir), [], 'no mail folder, no file');
      assert.equal((await db().selectFrom('emails').select('status').executeTakeFirstOrThrow()).status, 'sent');
    });

    it('writes nothing with DATABASE_URL (production) unless MAIL_DIR is set: messages stay queued', async () => {
      const production = settings({ DATABASE_URL: 'postgres://crm@db.example.org/crm', DATA_DIR: join(dir, 'pglite') });
      assert.deepEqual(production.mail, { kind: 'none' });
      await queueEmail(db(), { to: 'a@example.org', subject: 'Bleibt', body: 'B', template: 'test' });
      await runJob(production);
      assert.deepEqual(readdirSync(dir), []);
      const row = await db().selectFrom('emails').select(['status', 'attempts']).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'queued', attempts: 0 });

      const mailDir = join(dir, 'postfach');
      await runJob(settings({ DATABASE_URL: 'postgres://crm@db.example.org/crm', MAIL_DIR: mailDir }));
      assert.equal(emlFiles(mailDir).length, 1);
    });

    it('retries like an SMTP refusal, writing nothing, when the folder cannot be made', async () => {
      writeFileSync(join(dir, 'ein-file'), '');
      await queueEmail(db(), { to: 'a@example.org', subject: 'S', body: 'B', template: 'test' });
      await runJob(settings({ MAIL_DIR: join(dir, 'ein-file', 'mail') }));
      const row = await db().selectFrom('emails').select(['status', 'attempts', 'last_error']).executeTakeFirstOrThrow();
      assert.equal(row.status, 'queued');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /ENOTDIR/);
      assert.deepEqual(readdirSync(dir), ['ein-file']);
    });

    it('names files so they sort by time and are unique per message', () => {
      assert.equal(mailFileName(new Date('2026-12-07T17:45:12.345Z'), 123, 'password_reset'), '2026-12-07T17-45-12Z_000123_password_reset.eml');
      assert.equal(mailFileName(new Date('2026-12-07T17:45:12Z'), 1234567, '../x y'), '2026-12-07T17-45-12Z_1234567____x_y.eml');
      const names = [
        mailFileName(new Date('2026-12-07T09:00:00Z'), 99, 'a'),
        mailFileName(new Date('2026-12-07T10:00:00Z'), 5, 'b'),
        mailFileName(new Date('2026-12-07T10:00:00Z'), 6, 'a'),
      ];
      assert.deepEqual([...names].sort(), names);
    });

    it('refuses bad settings with a message naming them', async () => {
      assert.throws(() => settings({ SMTP_URL: 'smtp://localhost:1025', MAIL_DIR: dir }), /SMTP_URL und MAIL_DIR/);
      assert.throws(() => settings({ DATA_DIR: join(dir, 'pglite'), MAIL_DIR: join(dir, 'pglite', 'mail') }), /MAIL_DIR darf nicht in DATA_DIR/);
      assert.throws(() => settings({ MAIL_DIR: 'a\0b' }), /MAIL_DIR: enthält ein Nullzeichen/);
      assert.throws(() => settings({ MAIL_DIR: '   ' }), /MAIL_DIR: darf nicht leer sein/);
      // Checked at start: a folder the web server serves, or one that cannot be a folder.
      await assert.rejects(prepareMailDir(join(dir, 'console', 'mail'), [join(dir, 'console')]), /MAIL_DIR .* liegt in .*console, den der Server ausliefert/);
      writeFileSync(join(dir, 'datei'), '');
      await assert.rejects(prepareMailDir(join(dir, 'datei')), /MAIL_DIR .* ist kein beschreibbarer Ordner/);
      await prepareMailDir(join(dir, 'neu', 'mail'));
      assert.equal(statSync(join(dir, 'neu', 'mail')).mode & 0o777, 0o700);
    });

    it('says at start which delivery is active, without the SMTP password', () => {
      assert.equal(describeMailDelivery(settings({ SMTP_URL: 'smtps://crm:geheim-123@mail.example.org:465' }).mail), 'E-Mails: SMTP smtps://mail.example.org:465');
      const demo = describeMailDelivery(settings({ DATA_DIR: './data/pglite' }).mail);
      assert.match(demo, /^E-Mails: Dateiablage data\/mail \(kein SMTP_URL gesetzt\)\./);
      assert.match(demo, /Bestätigung einer Registrierung/);
      assert.match(describeMailDelivery(settings({ DATABASE_URL: 'postgres://db/crm' }).mail), /^E-Mails: nicht versendet/);
    });
  });
});

/** A multipart/alternative message split into its parts (each read like a single-part message). */
function parts(raw: string) {
  const top = parseEml(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.raw['content-type'] ?? '')?.[1];
  assert.ok(boundary, `no boundary in ${top.raw['content-type']}`);
  const sections = top.body.split(`--${boundary}`).slice(1, -1).map((p) => parseEml(p.replace(/^\r?\n/, '')));
  return { top, sections, type: (top.raw['content-type'] ?? '').split(';')[0] };
}

describe('e-mail delivery for real (SMTP, multipart, headers)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const REPLY_TO = 'Programmteam <team@example.org>';
  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => smtp.close());
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.control.failNext = 0;
  });

  it('sends a template message as multipart text + HTML with From, Reply-To, Message-ID, a UTF-8 subject and links from PUBLIC_URL', async () => {
    const publicUrl = testContext.appContext.config.PUBLIC_URL.replace(/\/$/, '');
    const letter = await composeEmail(db(), 'application_received', 'de', applicationValues({
      organisation_name: 'Straßenkinder Köln e.V.', project_name: 'Ärztliche Hilfe', cohort_name: 'Jahrgang 2026',
      submitted_at: new Date('2026-03-31T21:59:00Z'), application_id: 7, public_url: publicUrl,
    }, 'de'));
    const id = await queueEmail(db(), { to: 'bewerbung@example.org', ...letter });
    assert.deepEqual(await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM, replyTo: REPLY_TO }), { sent: 1, failed: 0, retried: 0 });
    assert.equal(smtp.received.length, 1);
    const { top, sections, type } = parts(smtp.received[0].raw);
    assert.equal(top.headers.from, FROM);
    assert.equal(top.headers['reply-to'], REPLY_TO);
    assert.equal(top.headers['message-id'], `<outbox-${id}@fellowship-crm>`);
    assert.equal(top.headers.subject, 'Eingangsbestätigung Ihrer Bewerbung: Ärztliche Hilfe');
    assert.match(top.raw.subject, /^=\?UTF-8\?/);
    assert.equal(top.headers['list-unsubscribe'], undefined, 'a single message is not bulk mail');
    assert.equal(type, 'multipart/alternative');
    const text = sections.find((s) => s.raw['content-type']?.startsWith('text/plain'));
    const html = sections.find((s) => s.raw['content-type']?.startsWith('text/html'));
    assert.ok(text && html, 'a text and an HTML part');
    assert.match(text.raw['content-type'], /charset=utf-8/i);
    assert.match(text.body, /Straßenkinder Köln e\.V\./);
    assert.match(html.body, /Straßenkinder Köln e\.V\./);
    const links = [...`${text.body} ${html.body}`.matchAll(/https?:\/\/[^\s<>")]+/g)].map((m) => m[0]);
    assert.ok(links.length > 0, 'the receipt links to the application');
    for (const link of links) assert.ok(link.startsWith(publicUrl), `${link} starts with ${publicUrl}`);
    assert.match(html.body, new RegExp(`<a href="${publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('sends text only, without Reply-To, when there is no HTML part and no MAIL_REPLY_TO', async () => {
    await queueEmail(db(), { to: 'a@example.org', subject: 'Grüße', body: 'Nur Text', template: 'application_receipt' });
    await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM });
    const message = parseEml(smtp.received[0].raw);
    assert.match(message.raw['content-type'], /^text\/plain/);
    assert.equal(message.headers['reply-to'], undefined);
    assert.equal(message.headers.subject, 'Grüße');
  });

  it('sends a mailing message with List-Unsubscribe, multipart, and an unsubscribe link from PUBLIC_URL', async function () {
    this.timeout(60_000);
    const publicUrl = testContext.appContext.config.PUBLIC_URL.replace(/\/$/, '');
    const cohort = await createCohort('review');
    const app = await createApplication(cohort.id, { status: 'eligible' });
    await createUser('applicant', { organisation_id: app.organisation_id, name: 'Jürgen Müller', locale: 'de' });
    const { agent } = await agentFor('staff');
    const mailing = (await agent.post('/api/mailings').send({
      name: 'Sommerfest', audience: { kind: 'applicants', cohort_id: cohort.id }, subject: 'Einladung für {{name}}: Größte Freude',
      body: 'Liebe:r {{name}},\n\nwir laden **herzlich** ein.',
    }).expect(201)).body;
    await agent.post(`/api/mailings/${mailing.id}/send`).expect(200);
    const result = await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM, replyTo: REPLY_TO, listUnsubscribe: listUnsubscribeFor(testContext.appContext) });
    assert.equal(result.sent, 1);
    const { top, sections, type } = parts(smtp.received[0].raw);
    assert.equal(top.headers.subject, 'Einladung für Jürgen Müller: Größte Freude');
    assert.equal(top.headers['reply-to'], REPLY_TO);
    assert.match(top.headers['message-id'], /^<outbox-\d+@fellowship-crm>$/);
    assert.match(top.headers['list-unsubscribe'], new RegExp(`^<${publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
    assert.equal(type, 'multipart/alternative');
    const html = sections.find((s) => s.raw['content-type']?.startsWith('text/html'));
    const text = sections.find((s) => s.raw['content-type']?.startsWith('text/plain'));
    assert.ok(html && text);
    assert.match(html.body, /<strong>herzlich<\/strong>/);
    assert.match(text.body, /herzlich/);
    const links = [...`${text.body} ${html.body}`.matchAll(/https?:\/\/[^\s<>")]+/g)].map((m) => m[0]);
    assert.ok(links.some((l) => l.includes('unsubscribe')), 'the footer links to the unsubscribe page');
    for (const link of links) assert.ok(link.startsWith(publicUrl), `${link} starts with ${publicUrl}`);
  });

  it('lets staff resend a failed message once: same row queued again, attempts reset, audited; 409 otherwise', async () => {
    const id = (await queueEmail(db(), { to: 'kaputt@example.org', subject: 'Absage', body: 'Text', template: 'application_receipt' }))!;
    smtp.control.failNext = 1;
    await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM, maxAttempts: 1 });
    const failed = await db().selectFrom('emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(failed.status, 'failed');
    assert.match(failed.last_error ?? '', /451|nicht verfügbar/);
    const { agent } = await agentFor('staff');
    const shown = await agent.get(`/api/emails/${id}`).expect(200);
    assert.match(shown.body.last_error, /nicht verfügbar/);
    // Parallel presses: one queues it again, the others are refused.
    const presses = await Promise.all([0, 1, 2].map(() => agent.post(`/api/emails/${id}/resend`)));
    assert.deepEqual(presses.map((p) => p.status).sort(), [200, 409, 409]);
    const queued = await db().selectFrom('emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(queued.status, 'queued');
    assert.equal(queued.attempts, 0);
    const audit = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'emails').where('record_id', '=', id).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'resend');
    assert.deepEqual(await deliverDueEmails(db(), smtpSender(smtp.url), { from: FROM }), { sent: 1, failed: 0, retried: 0 });
    assert.equal(smtp.received.length, 1);
    assert.equal((await db().selectFrom('emails').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'sent');
    // Sent (or queued) → 409, nothing changed; an unknown id → 404; other roles → 403.
    const { agent: applicant } = await agentFor('applicant');
    const before = await databaseSnapshot();
    await agent.post(`/api/emails/${id}/resend`).expect(409);
    await agent.post('/api/emails/999999/resend').expect(404);
    await applicant.post(`/api/emails/${id}/resend`).expect(403);
    assert.equal(await databaseSnapshot(), before);
  });
});
