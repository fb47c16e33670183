import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, MailingAudience } from '../db/schema.ts';
import { renderHtml, renderSubject, renderText, templateError, type MergeValues } from '../email-templates/index.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { unsubscribeKey, unsubscribeLinks, unsubscribeToken, verifyUnsubscribeToken } from '../emails/unsubscribe.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { audienceQuery } from './mailings.queries.ts';
import { MAILING_MERGE_FIELDS, type MailingPreview, type MailingRecipient, type MailingSendResult } from './mailings.schema.ts';

type Q = Kysely<Database> | Transaction<Database>;
type Locale = 'de' | 'en';
type Ctx = Pick<RequestContext, 'db' | 'config' | 'user'>;

/** The outbox names of mailing messages (`emails.template`). */
const MAILING_TEMPLATE = 'mailing';
const MAILING_TEST_TEMPLATE = 'mailing_test';

/** 400 naming what is wrong with a subject or body: broken `{{`, a field other than {{name}} and {{organisation}}. */
export function assertValidMailingText(text: { subject?: string; body?: string }): void {
  const errors: Record<string, string> = {};
  for (const field of ['subject', 'body'] as const) {
    const value = text[field];
    const error = value === undefined ? null : templateError(value, MAILING_MERGE_FIELDS);
    if (error) errors[field] = error;
  }
  if (Object.keys(errors).length) throw badRequest(errors.body ?? errors.subject!, errors, 'invalid_template');
}

const FOOTER: Record<Locale, (link: string) => string> = {
  de: (link) => `\n\n--\nSie erhalten dieses Rundschreiben des openTransfer Accelerators. Keine Rundschreiben mehr erhalten: ${link}`,
  en: (link) => `\n\n--\nYou receive this newsletter from the openTransfer Accelerator. To stop receiving newsletters: ${link}`,
};

interface Person {
  id: number | null;
  name: string;
  locale: Locale;
  organisation_name: string | null;
}

const valuesFor = (person: Person): MergeValues => ({ name: person.name, organisation: person.organisation_name ?? '' });

/** The message as this person gets it: subject, plain text (what is sent) and HTML, with the unsubscribe footer. */
function render(mailing: { subject: string; body: string }, person: Person, unsubscribePage: string | null): Omit<MailingPreview, 'user_id' | 'to'> {
  const values = valuesFor(person);
  const footer = unsubscribePage ? FOOTER[person.locale](unsubscribePage) : '';
  const html = renderHtml(mailing.body, values);
  return {
    subject: renderSubject(mailing.subject, values),
    text: renderText(mailing.body, values) + footer,
    html: footer ? `${html}\n<hr>\n${renderHtml(footer.replace(/^\n\n--\n/, ''), {})}` : html,
  };
}

async function loadMailing(db: Q, id: number, lock = false) {
  const mailing = await db.selectFrom('mailings').selectAll().where('id', '=', id).$if(lock, (q) => q.forUpdate()).executeTakeFirst();
  if (!mailing) throw notFound('Dieses Rundschreiben gibt es nicht.');
  return mailing;
}

async function recipientOf(db: Q, audience: MailingAudience, userId: number): Promise<MailingRecipient> {
  const recipient = await audienceQuery(db, audience).where('u.id', '=', userId).executeTakeFirst();
  if (!recipient) throw notFound('Diese Person gehört nicht zur Zielgruppe des Rundschreibens.');
  return recipient;
}

/** The rendered message for one recipient (default: the first of the audience; sample values when there is none). */
export async function previewMailing(ctx: Ctx, id: number, userId: number | undefined): Promise<MailingPreview> {
  const mailing = await loadMailing(ctx.db, id);
  const person = userId !== undefined
    ? await recipientOf(ctx.db, mailing.audience, userId)
    : await audienceQuery(ctx.db, mailing.audience).orderBy('u.id').executeTakeFirst();
  const key = await unsubscribeKey(ctx.db, ctx.config.UNSUBSCRIBE_SECRET);
  if (!person) {
    const sample: Person = { id: null, name: 'Vorname Nachname', locale: 'de', organisation_name: 'Beispiel e. V.' };
    return { user_id: null, to: null, ...render(mailing, sample, unsubscribeLinks(ctx.config.PUBLIC_URL, '…').page) };
  }
  return { user_id: person.id, to: person.email, ...render(mailing, person, unsubscribeLinks(ctx.config.PUBLIC_URL, unsubscribeToken(key, person.id)).page) };
}

/**
 * One message to the signed-in staff member, written as the first recipient (or `user_id`) would
 * get it, subject marked `[Test]`. It links to the staff member, not to the mailing: a test is not
 * one of the mailing's messages.
 */
export async function sendTestMailing(ctx: Ctx, id: number, userId: number | undefined): Promise<{ email_id: number; to: string }> {
  const preview = await previewMailing(ctx, id, userId);
  const me = ctx.user!;
  const emailId = await ctx.db.transaction().execute(async (trx) => {
    const outboxId = await queueEmail(trx, {
      to: me.email, subject: `[Test] ${preview.subject}`, body: preview.text, html: preview.html, template: MAILING_TEST_TEMPLATE,
      user_id: me.id, locale: me.locale,
    });
    await recordAudit(trx, me, 'test', 'mailings', id, null, { to: me.email, email_id: outboxId });
    return outboxId!;
  });
  return { email_id: emailId, to: me.email };
}

/** Who sends, and what the unsubscribe links are made with. */
export interface SendOptions {
  actor: { id: number } | null;
  publicUrl: string;
  /** UNSUBSCRIBE_SECRET, if set (else the database's key). */
  secret: string | undefined;
}

/**
 * Sends a draft exactly once. In one transaction: `draft → sending` by an UPDATE that matches only
 * a draft (the row lock makes a parallel send wait, then find it no longer a draft: 409), every
 * recipient's message into the outbox by one INSERT … SELECT (UNIQUE (mailing_id, user_id) holds
 * one message per person even against a bug here), then `sending → sent` with the counts. Opted-out
 * people are skipped and counted; an audience that reaches nobody is refused and changes nothing.
 */
export function sendMailing(ctx: Ctx, id: number): Promise<MailingSendResult> {
  return ctx.db.transaction().execute((trx) => sendDraft(trx, id, { actor: ctx.user, publicUrl: ctx.config.PUBLIC_URL, secret: ctx.config.UNSUBSCRIBE_SECRET }));
}

/** sendMailing inside the caller's transaction (the demo data, itself one transaction, sends this way); call it in one. */
export async function sendDraft(trx: Q, id: number, options: SendOptions): Promise<MailingSendResult> {
  const claimed = await trx.updateTable('mailings').set({ status: 'sending', updated_at: new Date() })
    .where('id', '=', id).where('status', '=', 'draft').returningAll().executeTakeFirst();
  if (!claimed) {
    const mailing = await loadMailing(trx, id);
    throw conflict(mailing.status === 'sent' ? 'Dieses Rundschreiben wurde bereits versandt.' : 'Dieses Rundschreiben wird gerade versandt.', 'already_sent');
  }
  const people = await audienceQuery(trx, claimed.audience).orderBy('u.id').execute();
  const recipients = people.filter((p) => !p.mail_opt_out);
  const skipped = people.length - recipients.length;
  if (!recipients.length) {
    const message = people.length
      ? 'Alle Personen dieser Zielgruppe haben Rundschreiben abbestellt; es wird nichts versandt.'
      : 'Diese Zielgruppe erreicht niemanden; es wird nichts versandt.';
    throw badRequest(message, { audience: message }, 'empty_audience');
  }
  const key = await unsubscribeKey(trx, options.secret);
  const rows = recipients.map((p) => {
    const message = render(claimed, p, unsubscribeLinks(options.publicUrl, unsubscribeToken(key, p.id)).page);
    return { to: p.email, subject: message.subject, body: message.text, html: message.html, organisation_id: p.organisation_id, user_id: p.id, locale: p.locale };
  });
  const inserted = await sql<{ n: number }>`
    WITH ins AS (
      INSERT INTO emails ("to", subject, body, html, template, organisation_id, user_id, mailing_id, locale, next_attempt_at)
      SELECT r."to", r.subject, r.body, r.html, ${MAILING_TEMPLATE}, r.organisation_id, r.user_id, ${id}, r.locale, now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("to" text, subject text, body text, html text, organisation_id integer, user_id integer, locale text)
      ON CONFLICT (mailing_id, user_id) DO NOTHING
      RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`.execute(trx);
  const sent = await trx.updateTable('mailings')
    .set({ status: 'sent', recipient_count: inserted.rows[0]!.n, skipped_count: skipped, sent_at: sql<Date>`now()`, updated_at: new Date() })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await recordAudit(trx, options.actor, 'send', 'mailings', id, { status: 'draft' }, { status: 'sent', recipient_count: sent.recipient_count, skipped_count: sent.skipped_count });
  return { id, status: sent.status, recipient_count: sent.recipient_count!, skipped_count: sent.skipped_count!, sent_at: sent.sent_at!.toISOString() };
}

/**
 * The public unsubscribe: a valid token sets the person's opt-out (again: a no-op); a malformed or
 * forged one (another person's id with this signature) is 400 and changes nothing.
 */
export async function unsubscribe(ctx: Pick<Ctx, 'db' | 'config'>, token: string): Promise<{ unsubscribed: true; locale: Locale }> {
  const key = await unsubscribeKey(ctx.db, ctx.config.UNSUBSCRIBE_SECRET);
  const userId = verifyUnsubscribeToken(key, token);
  if (userId === null) throw badRequest('Dieser Abmeldelink ist ungültig.', { token: 'Ungültiger Abmeldelink.' }, 'invalid_token');
  const user = await ctx.db.updateTable('users').set({ mail_opt_out: true }).where('id', '=', userId).returning(['locale']).executeTakeFirst();
  if (!user) throw badRequest('Dieser Abmeldelink ist ungültig.', { token: 'Ungültiger Abmeldelink.' }, 'invalid_token');
  return { unsubscribed: true, locale: user.locale };
}
