import { z } from 'zod';
import { cents, dateTime, id, longText, optionalDateTime, requiredText } from '../shared/fields.ts';

export const COHORT_PHASES = ['draft', 'call_open', 'review', 'selection', 'programme', 'alumni'] as const;

/**
 * A cohort and its call window. The phase is not set here: new cohorts start as `draft` and move on
 * only through `POST /api/cohorts/:id/transition`.
 */
const cohortSchema = z
  .object({
    name: requiredText(200, 'Bitte einen Namen angeben.'),
    year: z.number({ error: 'Jahr erwartet.' }).int().min(2000).max(2100),
    application_opens_at: dateTime(),
    /** The deadline: the server refuses submissions from this instant on. */
    application_closes_at: dateTime(),
    /** When the jury's reviews are due (reminder event review_due); empty: no review reminders. */
    review_due_at: optionalDateTime(),
    seats: z.number({ error: 'Zahl erwartet.' }).int().min(1).max(1000).optional(),
    default_grant_cents: cents().optional(),
    coaching_hours_per_fellow: z.number({ error: 'Zahl erwartet.' }).min(0).max(10_000).optional(),
    min_attendance_percent: z.number({ error: 'Zahl erwartet.' }).int().min(0).max(100).optional(),
    retention_months: z.number({ error: 'Zahl erwartet.' }).int().min(1).max(240).optional(),
    description: longText(5000),
    /** The users with the role funder who see this cohort (DESIGN.md "Impact"); staff set them. */
    funder_user_ids: z.array(id(), { error: 'Liste von Nutzer-IDs erwartet.' }).max(50, 'Höchstens 50 Förderer.').optional(),
  });

const checkWindow = (v: { application_opens_at?: Date; application_closes_at?: Date }, ctx: z.RefinementCtx) => {
  if (v.application_opens_at && v.application_closes_at && v.application_closes_at <= v.application_opens_at) {
    ctx.addIssue({ code: 'custom', path: ['application_closes_at'], message: 'Der Bewerbungsschluss muss nach dem Beginn liegen.' });
  }
};

export const cohortCreateSchema = cohortSchema.superRefine(checkWindow);
export const cohortUpdateSchema = cohortSchema.partial().superRefine(checkWindow);

export const criterionSchema = z.object({
  cohort_id: id(),
  name: requiredText(200, 'Bitte einen Namen angeben.'),
  description: longText(2000),
  weight: z.number({ error: 'Gewicht erwartet.' }).gt(0, 'Gewicht muss größer als 0 sein.').max(1000),
  max_score: z.number({ error: 'Zahl erwartet.' }).int().min(1).max(100).optional(),
  position: z.number({ error: 'Zahl erwartet.' }).int().min(0).max(10_000).optional(),
});

export const copyCriteriaSchema = z.object({
  /** Defaults to the most recent earlier cohort that has criteria. */
  from_cohort_id: id().optional(),
});
