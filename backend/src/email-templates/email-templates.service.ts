import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import { templateDefinition, EMAIL_TEMPLATES, type EmailTemplateKey, type TemplateDefinition, type TemplateLocale } from '../shared/email-catalogue.ts';
import { renderHtml, renderSubject, renderText, templateError, type MergeValues } from './email-templates.render.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface ComposedEmail {
  subject: string;
  body: string;
  /** The same body as HTML (the multipart message's second part). */
  html: string;
  /** The outbox name (`emails.template`). */
  template: string;
}

/** A message from the shipped text, without a database (reviewable wording, seeds, pure letters). */
export function shippedEmail(key: EmailTemplateKey, locale: TemplateLocale, values: MergeValues): ComposedEmail {
  const def: TemplateDefinition = EMAIL_TEMPLATES[key];
  const text = def[locale] ?? def.de;
  return { subject: renderSubject(text.subject, values), body: renderText(text.body, values), html: renderHtml(text.body, values), template: def.outbox };
}

/**
 * A message from the stored template in the recipient's language: the row for (key, locale), else
 * the German row, else the shipped German text. Call it in the transaction that queues the message.
 */
export async function composeEmail(db: Q, key: EmailTemplateKey, locale: TemplateLocale | null | undefined, values: MergeValues): Promise<ComposedEmail> {
  const wanted: TemplateLocale = locale === 'en' ? 'en' : 'de';
  const rows = await db
    .selectFrom('email_templates')
    .select(['locale', 'subject', 'body'])
    .where('key', '=', key)
    .where('locale', 'in', [...new Set([wanted, 'de' as const])])
    .execute();
  const row = rows.find((r) => r.locale === wanted) ?? rows.find((r) => r.locale === 'de');
  if (!row) return shippedEmail(key, 'de', values);
  return { subject: renderSubject(row.subject, values), body: renderText(row.body, values), html: renderHtml(row.body, values), template: EMAIL_TEMPLATES[key].outbox };
}

/**
 * The fields a stored row may use and must use, and the kind of record its preview reads; unknown
 * keys (a row no longer shipped) allow none.
 */
export function fieldsOf(key: string): { merge_fields: string[]; required_fields: string[]; record_kind: string | null } {
  const def = templateDefinition(key);
  return { merge_fields: [...(def?.fields ?? [])], required_fields: [...(def?.required ?? [])], record_kind: def?.record ?? null };
}

/** 400 naming what is wrong with a subject or body (broken `{{`, unknown field, missing required field). */
export function assertValidTemplate(key: string, text: { subject?: string; body?: string }): void {
  const { merge_fields, required_fields } = fieldsOf(key);
  const errors: Record<string, string> = {};
  if (text.subject !== undefined) {
    const error = templateError(text.subject, merge_fields);
    if (error) errors.subject = error;
  }
  if (text.body !== undefined) {
    const error = templateError(text.body, merge_fields, required_fields);
    if (error) errors.body = error;
  }
  if (Object.keys(errors).length) throw badRequest(errors.body ?? errors.subject!, errors, 'invalid_template');
}

/** The preview of a subject and body with these values. */
export function previewOf(text: { subject: string; body: string }, values: MergeValues): { subject: string; text: string; html: string } {
  return { subject: renderSubject(text.subject, values), text: renderText(text.body, values), html: renderHtml(text.body, values) };
}
