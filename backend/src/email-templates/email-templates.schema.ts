import { z } from 'zod';

/** Letters, digits, punctuation, tabs and line breaks; no NUL or other control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

const BODY_MAX = 20_000;
const SUBJECT_MAX = 300;

const templateText = z.strictObject({
  // eslint-disable-next-line no-control-regex -- a subject is one line without control characters
  subject: z.string().trim().min(1).max(SUBJECT_MAX).regex(/^[^\u0000-\u001f\u007f]*$/, 'Der Betreff ist eine Zeile ohne Steuerzeichen.'),
  body: z.string().min(1).max(BODY_MAX, `Höchstens ${BODY_MAX} Zeichen.`).regex(NO_CONTROL, 'Der Text enthält Steuerzeichen.'),
});

/** `PUT /api/email-templates/:id`: staff change the subject or the body, nothing else. */
export const emailTemplateUpdateSchema = templateText.partial();

/** `POST /api/email-templates/:id/preview`: a record to fill the fields from, and optionally unsaved text. */
export const emailTemplatePreviewSchema = z.strictObject({
  record_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  subject: templateText.shape.subject.optional(),
  body: templateText.shape.body.optional(),
});
