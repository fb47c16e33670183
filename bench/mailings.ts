import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../backend/src/db/database.ts';
import { migrateToLatest } from '../backend/src/db/migrate.ts';
import { sql } from 'kysely';
import { deliverDueEmails, smtpSender } from '../backend/src/emails/emails.worker.ts';
import { sendDraft } from '../backend/src/mailings/index.ts';
import type { BenchScenario } from './types.ts';
import { createBenchDatabase, ms } from './lib.ts';

const RECIPIENTS = 5000;
/** The worker's batch in production (outboxJob). */
const BATCH = 50;
/** Delivery is measured on this many messages (the rate, not the whole queue: each is one SMTP session). */
const DELIVER = 500;

/** smtp-server (a devDependency) on a local port, counting what arrives. */
async function localSmtp() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of 127.0.0.1 per connection (a real mail server's cost, not ours).
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Issue 21: queuing a mailing to 5,000 applicants (audience query, rendering per person, one
 * INSERT … SELECT into the outbox, in one transaction), and the outbox worker's sending rate
 * against a local SMTP server (smtp-server), with the List-Unsubscribe header built per message.
 */
const bench: BenchScenario = async ({ serverUrl }) => {
  const database = await createBenchDatabase(serverUrl);
  const handle = await openDatabase({ url: database.url, poolSize: 4 });
  const smtp = await localSmtp();
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const cohort = await db.insertInto('cohorts').values({ name: 'Jahrgang 2027', year: 2027, phase: 'review', application_opens_at: '2026-11-01', application_closes_at: '2027-02-28' })
      .returning('id').executeTakeFirstOrThrow();
    await sql`INSERT INTO organisations (name, city) SELECT 'Verein ' || i || ' e.V.', 'Berlin' FROM generate_series(1, ${RECIPIENTS}) AS i`.execute(db);
    await sql`INSERT INTO applications (cohort_id, organisation_id, project_name, status, submitted_at) SELECT ${cohort.id}, id, 'Projekt ' || id, 'eligible', now() FROM organisations`.execute(db);
    await sql`INSERT INTO users (email, name, role, organisation_id, locale, mail_opt_out)
              SELECT 'person' || id || '@example.org', 'Person ' || id, 'applicant', id, CASE WHEN id % 4 = 0 THEN 'en' ELSE 'de' END, id % 50 = 0 FROM organisations`.execute(db);
    const staff = await db.insertInto('users').values({ email: 'staff@example.org', name: 'Staff', role: 'staff' }).returning('id').executeTakeFirstOrThrow();
    await sql`ANALYZE`.execute(db);
    const body = `Liebe:r {{name}},\n\nwir laden **{{organisation}}** zum Infoabend ein.\n\n- Termin: 12. März\n- Ort: Berlin\n\n${'Weitere Informationen folgen. '.repeat(30)}`;
    const mailing = await db.insertInto('mailings')
      .values({ name: 'Bench', audience: JSON.stringify({ kind: 'applicants', cohort_id: cohort.id }), subject: 'Einladung, {{name}}', body, created_by: staff.id })
      .returning('id').executeTakeFirstOrThrow();

    const started = performance.now();
    const result = await db.transaction().execute((trx) => sendDraft(trx, mailing.id, { actor: staff, publicUrl: 'https://crm.example.org', secret: undefined }));
    const queueMs = performance.now() - started;

    const send = smtpSender(smtp.url);
    const listUnsubscribe = async (userId: number) => `https://crm.example.org/api/unsubscribe?token=${userId}`;
    const deliverStarted = performance.now();
    let sent = 0;
    while (sent < DELIVER) {
      const r = await deliverDueEmails(db, send, { from: 'bench@example.org', batchSize: BATCH, listUnsubscribe });
      if (r.sent + r.failed + r.retried === 0) break;
      sent += r.sent;
    }
    const deliverSeconds = (performance.now() - deliverStarted) / 1000;
    const rate = sent / deliverSeconds;
    return [
      { scenario: `queue a mailing to ${RECIPIENTS} applicants`, metric: 'time (audience, render, one INSERT … SELECT, one transaction)', value: ms(queueMs), target: '< 5000 ms', ok: queueMs < 5000 },
      { scenario: `queue a mailing to ${RECIPIENTS} applicants`, metric: 'queued / skipped (opted out)', value: `${result.recipient_count} / ${result.skipped_count}`, ok: result.recipient_count === RECIPIENTS - RECIPIENTS / 50 },
      { scenario: 'outbox worker → local SMTP (smtp-server)', metric: `messages/s (${sent} sent, batch ${BATCH}, one connection per message)`, value: rate.toFixed(0), ok: smtp.received() === sent },
    ];
  } finally {
    await smtp.close();
    await handle.close();
    await database.drop();
  }
};
export default bench;
