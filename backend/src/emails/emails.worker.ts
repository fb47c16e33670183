import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import { relative, resolve } from 'node:path';
import type { Db } from '../db/database.ts';
import type { AppContext, BackgroundJob } from '../http/context.ts';
import { isInside, type MailDelivery } from '../config.ts';
import { deliverableText } from '../auth/account-emails.ts';
import { fileSender, mailOptions, type SendFn } from './file-mailbox.ts';
import { unsubscribeKey, unsubscribeLinks, unsubscribeToken } from './unsubscribe.ts';

const MAX_ATTEMPTS = 5;
/** A claimed row is invisible to other workers this long; it must be sent (or failed) by then. */
const CLAIM_LEASE_SECONDS = 600;

export interface DeliveryOptions {
  batchSize?: number;
  maxAttempts?: number;
  /** Seconds before retry n (1-based): 60 · 2^(n-1), at most 6 hours. */
  backoffSeconds?: (attempt: number) => number;
  from: string;
  /** The Reply-To address (MAIL_REPLY_TO); none when left out. */
  replyTo?: string;
  /**
   * The `List-Unsubscribe` address of a bulk message (one with a mailing) for its recipient; bulk
   * messages are sent without the header when left out.
   */
  listUnsubscribe?: (userId: number) => Promise<string>;
}

const defaultBackoff = (attempt: number) => Math.min(60 * 2 ** (attempt - 1), 6 * 3600);

/**
 * Claims due messages with `FOR UPDATE SKIP LOCKED` (so parallel workers never pick the same row),
 * pushes their next_attempt_at out by a lease and counts the attempt, all in one short
 * transaction; sends outside any transaction; then marks each row sent, or schedules the retry,
 * or gives up (`failed`) after maxAttempts. A row is only ever marked sent once.
 * The stored body is what the console shows; the text sent is made from it just before sending
 * (an account link gets its token only here, see deliverableText), and that text is never stored
 * (except, in the file mailbox, in the delivered .eml file: see file-mailbox.ts).
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
      .returning(['id', 'to', 'subject', 'body', 'html', 'template', 'attempts', 'created_at', 'user_id', 'mailing_id'])
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
      const headers = email.mailing_id !== null && email.user_id !== null && options.listUnsubscribe
        ? { 'List-Unsubscribe': `<${await options.listUnsubscribe(email.user_id)}>` }
        : undefined;
      await send({
        id: email.id, from: options.from, replyTo: options.replyTo, to: email.to, subject: email.subject,
        text: deliverable.text, html: secret ? null : email.html, template: email.template, headers,
      });
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

/** The `List-Unsubscribe` address builder for this server (its key read once per run). */
export function listUnsubscribeFor(ctx: Pick<AppContext, 'db' | 'config'>): (userId: number) => Promise<string> {
  let key: Promise<string> | undefined;
  return async (userId) => {
    key ??= unsubscribeKey(ctx.db, ctx.config.UNSUBSCRIBE_SECRET);
    return unsubscribeLinks(ctx.config.PUBLIC_URL, unsubscribeToken(await key, userId)).header;
  };
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
  return (m) => t.sendMail(mailOptions(m));
}

/** The sender for the configured delivery; none when mail is not sent at all. */
function senderFor(mail: MailDelivery): SendFn | undefined {
  if (mail.kind === 'smtp') return smtpSender(mail.url);
  if (mail.kind === 'dir') return fileSender(mail.dir);
  return undefined;
}

/** A folder as the operator reads it: relative to the working directory when it lies inside it. */
const shownPath = (dir: string) => (isInside(dir, process.cwd()) && relative(process.cwd(), resolve(dir))) || resolve(dir);

/** The one line the server logs at start about mail delivery (never the SMTP password). */
export function describeMailDelivery(mail: MailDelivery): string {
  if (mail.kind === 'smtp') {
    const url = new URL(mail.url);
    return `E-Mails: SMTP ${url.protocol}//${url.host}`;
  }
  if (mail.kind === 'dir') {
    return (
      `E-Mails: Dateiablage ${shownPath(mail.dir)} (${mail.explicit ? 'MAIL_DIR' : 'kein SMTP_URL gesetzt'}). ` +
      'Jede E-Mail, auch die Bestätigung einer Registrierung und der Link zum Zurücksetzen eines Passworts, ' +
      'liegt dort als .eml-Datei (mit einem Mailprogramm öffnen, z. B. per Doppelklick). Für echten Versand SMTP_URL setzen.'
    );
  }
  return 'E-Mails: nicht versendet (weder SMTP_URL noch MAIL_DIR gesetzt); sie bleiben im E-Mail-Ausgang in der Warteschlange und gehen hinaus, sobald SMTP_URL gesetzt ist.';
}

/**
 * The outbox job: delivers through SMTP_URL, or into the file mailbox (MAIL_DIR; the embedded
 * database's default without SMTP_URL). With neither (production without SMTP_URL) nothing is
 * sent: messages stay `queued` and the outbox in the console is the log of what the system would
 * have sent.
 */
export const outboxJob: BackgroundJob = {
  name: 'email-outbox',
  intervalMs: 5_000,
  run: async (ctx: AppContext) => {
    const send = senderFor(ctx.config.mail);
    if (!send) return;
    await deliverDueEmails(ctx.db, send, { from: ctx.config.MAIL_FROM, replyTo: ctx.config.MAIL_REPLY_TO, batchSize: 50, listUnsubscribe: listUnsubscribeFor(ctx) });
  },
};
