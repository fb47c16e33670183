import { z } from 'zod';
import { APPLICATION_STATUSES } from '../applications/applications.schema.ts';
import { id, requiredText } from '../shared/fields.ts';

export const MAILING_STATUSES = ['draft', 'sending', 'sent'] as const;
export const AUDIENCE_KINDS = ['applicants', 'fellows', 'alumni', 'jurors', 'coaches'] as const;

/** The merge fields a mailing's subject and body may use. */
export const MAILING_MERGE_FIELDS = ['name', 'organisation'] as const;
const MAILING_BODY_MAX = 20_000;

/**
 * Who receives a mailing: applicants (of a cohort, optionally by application status), fellows
 * (active fellowships), alumni (completed fellowships), jurors with unfinished reviews, coaches;
 * `cohort_id` narrows each to one cohort, `status` exists for applicants only.
 */
const audienceSchema = z
  .object({
    kind: z.enum(AUDIENCE_KINDS, { error: 'Bitte eine Zielgruppe wählen.' }),
    cohort_id: z.preprocess((v) => (v === '' ? null : v), id().nullable()).optional(),
    status: z.preprocess((v) => (v === '' ? null : v), z.enum(APPLICATION_STATUSES, { error: 'Unbekannter Bewerbungsstatus.' }).nullable()).optional(),
  })
  .strict()
  .refine((a) => a.kind === 'applicants' || a.status == null, { message: 'Ein Bewerbungsstatus gilt nur für Bewerbende.', path: ['status'] });
export type Audience = z.output<typeof audienceSchema>;

export const mailingSchema = z.object({
  name: requiredText(200, 'Bitte einen Namen angeben.'),
  audience: audienceSchema,
  subject: requiredText(300, 'Bitte einen Betreff angeben.'),
  body: requiredText(MAILING_BODY_MAX, 'Bitte einen Text angeben.'),
});
export const mailingUpdateSchema = mailingSchema.partial();

/** `POST /api/mailings/:id/preview`: the message as this recipient (default: the first) gets it. */
export const mailingPreviewSchema = z.object({ user_id: id().optional() }).strict();

/** `GET /api/unsubscribe?token=…` */
export const unsubscribeQuery = z.object({ token: z.string({ error: 'Token fehlt.' }).min(1, 'Token fehlt.').max(200, 'Ungültiger Token.') }).strict();

export interface MailingRecipient {
  id: number;
  name: string;
  email: string;
  locale: 'de' | 'en';
  organisation_name: string | null;
  mail_opt_out: boolean;
}

export interface MailingPreview {
  user_id: number | null;
  to: string | null;
  subject: string;
  text: string;
  html: string;
}

export interface MailingSendResult {
  id: number;
  status: (typeof MAILING_STATUSES)[number];
  recipient_count: number;
  skipped_count: number;
  sent_at: string;
}
