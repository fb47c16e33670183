import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AppContext } from '../http/context.ts';
import type { BackgroundJob } from '../jobs.ts';
import { deliverableText } from '../auth/account-emails.ts';

export const MAX_ATTEMPTS = 5;
/** A claimed row is invisible to other workers this long; it must be sent (or failed) by then. */
const CLAIM_LEASE_SECONDS = 600;

export interface DeliveryOptions {
  batchSize?: number;
  maxAttempts?: number;
  /** Seconds before retry n (1-based): 60 · 2^(n-1), at most 6 hours. */
  backoffSeconds?: (attempt: number) => number;
  from: string;
}

export const defaultBackoff = (attempt: number) => Math.min(60 * 2 ** (attempt - 1), 6 * 3600);

export interface SendFn {
  (message: { id: number; from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/**
 * Claims due messages with `FOR UPDATE SKIP LOCKED` (so parallel workers never pick the same row),
 * pushes their next_attempt_at out by a lease and counts the attempt, all in one short
 * transaction; sends outside any transaction; then marks each row sent, or schedules the retry,
 * or gives up (`failed`) after maxAttempts. A row is only ever marked sent once.
 * The stored body is what the console shows; the text sent is made from it just before sending
 * (an account link gets its token only here, see deliverableText), and that text is never stored.
 */
export async function deliverDueEmails(db: Db, send: SendFn, options: DeliveryOptions): Promise<{ sent: number; failed: number; retried: number }> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const backoff = options.backoffSeconds ?? defaultBackoff;
  const claimed = await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('emails')
      .select(['id'])
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(options.batchSize ?? 20)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return [];
    return trx
      .updateTable('emails')
      .set({ attempts: sql<number>`attempts + 1`, next_attempt_at: sql<Date>`now() + make_interval(secs => ${CLAIM_LEASE_SECONDS})` })
      .where('id', 'in', due.map((d) => d.id))
      .returning(['id', 'to', 'subject', 'body', 'template', 'attempts', 'created_at'])
      .execute();
  });

  const result = { sent: 0, failed: 0, retried: 0 };
  // Oldest first: of two links to one account, the one in the newer message is the one that works.
  for (const email of claimed.sort((a, b) => a.id - b.id)) {
    let secret: string | undefined;
    try {
      const deliverable = await deliverableText(db, email);
      if ('undeliverable' in deliverable) {
        await db
          .updateTable('emails')
          .set({ status: 'failed', last_error: deliverable.undeliverable })
          .where('id', '=', email.id)
          .where('status', '=', 'queued')
          .execute();
        result.failed++;
        continue;
      }
      secret = deliverable.secret;
      await send({ id: email.id, from: options.from, to: email.to, subject: email.subject, text: deliverable.text });
      await db
        .updateTable('emails')
        .set({ status: 'sent', sent_at: sql<Date>`now()`, last_error: null })
        .where('id', '=', email.id)
        .where('status', '=', 'queued')
        .execute();
      result.sent++;
    } catch (error) {
      // A mail server that quotes the message back must not put the token into the outbox.
      const quoted = String((error as Error)?.message ?? error);
      const message = (secret ? quoted.replaceAll(secret, '…') : quoted).slice(0, 1000);
      const giveUp = email.attempts >= maxAttempts;
      await db
        .updateTable('emails')
        .set({
          status: giveUp ? 'failed' : 'queued',
          last_error: message,
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${backoff(email.attempts)})`,
        })
        .where('id', '=', email.id)
        .where('status', '=', 'queued')
        .execute();
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

const transports = new Map<string, Transporter>();

/** nodemailer's SMTP transport for SMTP_URL (smtp:// or smtps://user:pass@host:port). */
export function smtpSender(smtpUrl: string): SendFn {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  const t = transport;
  return (m) =>
    t.sendMail({
      from: m.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      // A stable Message-ID lets a receiving server recognise the (rare) resend after a crash.
      messageId: `<outbox-${m.id}@fellowship-crm>`,
    });
}

/**
 * The outbox job. Without SMTP_URL nothing is sent: messages stay `queued` and the outbox in the
 * console is the log of what the system would have sent.
 */
export const outboxJob: BackgroundJob = {
  name: 'email-outbox',
  intervalMs: 5_000,
  run: async (ctx: AppContext) => {
    if (!ctx.config.SMTP_URL) return;
    await deliverDueEmails(ctx.db, smtpSender(ctx.config.SMTP_URL), { from: ctx.config.MAIL_FROM, batchSize: 50 });
  },
};
