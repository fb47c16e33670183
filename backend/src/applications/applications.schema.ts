import { z } from 'zod';
import { id, longText, optionalCents, requiredText, text } from '../shared/fields.ts';

export const TRANSFER_MODELS = ['social_franchise', 'affiliation', 'dissemination', 'licensing', 'other'] as const;
export const APPLICATION_STATUSES = [
  'draft', 'submitted', 'eligible', 'ineligible', 'shortlisted', 'selected', 'waitlisted', 'rejected', 'withdrawn',
] as const;

/** Limits shared by draft and submission, so a draft that saves can always be completed. */
const APPLICATION_LIMITS = {
  project_name: 200,
  summary: 2000,
  target_regions: 500,
  impact_evidence: 5000,
  scaling_goals: 5000,
  team: 3000,
  budget_plan: 5000,
  motivation: 3000,
} as const;

/** The most a single organisation can ask for (EUR 1 million). */
const MAX_FUNDING_CENTS = 100_000_000;

/**
 * A draft: every field optional (an applicant saves whenever they like), only lengths and types
 * are checked. The console's application form validates with this same object.
 */
export const applicationDraftSchema = z.object({
  project_name: text(APPLICATION_LIMITS.project_name),
  summary: longText(APPLICATION_LIMITS.summary),
  transfer_model: z.preprocess((v) => (v === '' ? null : v), z.enum(TRANSFER_MODELS, { error: 'Bitte ein Transfermodell wählen.' }).nullable()).optional(),
  target_regions: text(APPLICATION_LIMITS.target_regions),
  impact_evidence: longText(APPLICATION_LIMITS.impact_evidence),
  scaling_goals: longText(APPLICATION_LIMITS.scaling_goals),
  team: longText(APPLICATION_LIMITS.team),
  funding_requested_cents: optionalCents().refine((v) => v == null || v <= MAX_FUNDING_CENTS, 'Höchstens 1.000.000 €.'),
  budget_plan: longText(APPLICATION_LIMITS.budget_plan),
  motivation: longText(APPLICATION_LIMITS.motivation),
});

export const applicationCreateSchema = applicationDraftSchema.extend({
  cohort_id: id(),
  /** Staff create on behalf of an organisation; an applicant's own organisation is implied. */
  organisation_id: id().optional(),
});

/** What staff may change besides the content (the interview of a shortlisted applicant). */
export const applicationUpdateSchema = applicationDraftSchema.extend({
  /** The version the edit is based on (the record's own field, sent back): a mismatch answers 409 `stale_version`. */
  version: z.number({ error: 'Version erwartet.' }).int().positive().optional(),
  interview_at: z.preprocess((v) => (v === '' ? null : v), z.union([z.iso.datetime({ offset: true }), z.null()])).optional(),
  interview_notes: longText(5000),
});

const required = (max: number, message: string) => requiredText(max, message);
const minWords = (max: number, message: string, min = 20) =>
  z.string({ error: message }).trim().min(min, `Bitte ausführlicher (mindestens ${min} Zeichen).`).max(max, `Höchstens ${max} Zeichen.`);

/**
 * What a submission needs. Checked against the stored draft on `submit` (and in the form before
 * it calls submit); each missing field gets its own message.
 */
export const applicationSubmitSchema = z.object({
  project_name: required(APPLICATION_LIMITS.project_name, 'Bitte den Projektnamen angeben.'),
  summary: minWords(APPLICATION_LIMITS.summary, 'Bitte das Projekt kurz beschreiben.'),
  transfer_model: z.enum(TRANSFER_MODELS, { error: 'Bitte ein Transfermodell wählen.' }),
  target_regions: required(APPLICATION_LIMITS.target_regions, 'Bitte die Zielregionen angeben.'),
  impact_evidence: minWords(APPLICATION_LIMITS.impact_evidence, 'Bitte die Wirkung belegen.'),
  scaling_goals: minWords(APPLICATION_LIMITS.scaling_goals, 'Bitte die Skalierungsziele beschreiben.'),
  team: minWords(APPLICATION_LIMITS.team, 'Bitte das Team beschreiben.'),
  funding_requested_cents: z
    .number({ error: 'Bitte die beantragte Fördersumme angeben.' })
    .int()
    .positive('Bitte die beantragte Fördersumme angeben.')
    .max(MAX_FUNDING_CENTS, 'Höchstens 1.000.000 €.'),
  budget_plan: minWords(APPLICATION_LIMITS.budget_plan, 'Bitte den Finanzplan skizzieren.'),
  motivation: minWords(APPLICATION_LIMITS.motivation, 'Bitte Ihre Motivation beschreiben.'),
});

/** The organisation data a submission needs (prefixed `organisation.` in the field errors). */
export const organisationCompleteSchema = z.object({
  name: required(300, 'Bitte den Namen der Organisation angeben.'),
  legal_form: z.string({ error: 'Bitte die Rechtsform angeben.' }),
  city: required(120, 'Bitte den Ort angeben.'),
  state: required(60, 'Bitte das Bundesland angeben.'),
  email: required(254, 'Bitte eine E-Mail-Adresse angeben.'),
  charitable_status: z.literal(true, { error: 'Die Gemeinnützigkeit muss bestätigt sein.' }),
});

export const eligibilitySchema = z.object({
  eligible: z.boolean({ error: 'Bitte angeben, ob die Bewerbung förderfähig ist.' }),
  note: longText(2000),
}).superRefine((v, ctx) => {
  if (!v.eligible && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Bitte begründen, warum die Bewerbung nicht förderfähig ist.' });
});

export type ApplicationDraft = z.infer<typeof applicationDraftSchema>;
