import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
  /** The HTML part rendered from the same Markdown; without it the message goes out as text only. */
  html?: string | null;
  /** Which template made it (`application_receipt`, `decision_selected`, …); filterable in the outbox. */
  template: string;
  organisation_id?: number | null;
  /** The person it is for (their communication history) and the language it is written in. */
  user_id?: number | null;
  locale?: 'de' | 'en' | null;
  /** Same key twice → the second call queues nothing (idempotent actions, retried requests). */
  dedupe_key?: string | null;
}

/**
 * Puts one message into the outbox. Call it with the transaction of the change that causes the
 * message: if that change rolls back, so does the message. Returns the outbox id, or null when a
 * message with the same dedupe_key was queued before.
 */
export async function queueEmail(trx: Transaction<Database> | Kysely<Database>, email: OutgoingEmail): Promise<number | null> {
  const row = await trx
    .insertInto('emails')
    .values({
      to: email.to,
      subject: email.subject,
      body: email.body,
      html: email.html ?? null,
      template: email.template,
      organisation_id: email.organisation_id ?? null,
      user_id: email.user_id ?? null,
      locale: email.locale ?? null,
      dedupe_key: email.dedupe_key ?? null,
      next_attempt_at: sql<Date>`now()`,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
