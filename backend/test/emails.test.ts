import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { agentFor, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { queueEmail } from '../src/emails/emails.service.ts';
import { deliverDueEmails, smtpSender } from '../src/emails/emails.worker.ts';
import { applicationReceipt } from '../src/emails/templates.ts';

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
});
