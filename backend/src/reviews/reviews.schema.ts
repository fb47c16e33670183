import { z } from 'zod';
import { id, longText, text } from '../shared/fields.ts';

export const RECOMMENDATIONS = ['yes', 'maybe', 'no'] as const;
export const REVIEW_STATUSES = ['assigned', 'submitted', 'conflict'] as const;

const reviewScoreSchema = z.object({
  criterion_id: id(),
  /** Checked against the criterion's max_score by the service. */
  score: z.preprocess((v) => (v === '' ? null : v), z.number({ error: 'Zahl erwartet.' }).int('Ganze Punktzahl erwartet.').min(0, 'Mindestens 0.').max(100).nullable()).optional(),
  comment: text(5000),
});

/** Staff assign a juror by hand. */
export const reviewCreateSchema = z.object({
  application_id: id(),
  juror_id: id(),
});

/**
 * What a juror saves as a draft (PUT receives the whole record; other fields are ignored). Submitting
 * takes the same shape, so it may carry the last edits; completeness is checked against the criteria.
 */
export const reviewUpdateSchema = z.object({
  scores: z.array(reviewScoreSchema).max(100).optional(),
  recommendation: z.preprocess((v) => (v === '' ? null : v), z.enum(RECOMMENDATIONS).nullable()).optional(),
  overall_comment: longText(20_000),
});

export const assignReviewersSchema = z.object({
  per_application: z.number({ error: 'Zahl erwartet.' }).int('Ganze Zahl erwartet.').min(1, 'Mindestens 1.').max(20, 'Höchstens 20.'),
});

export type ReviewUpdateInput = z.infer<typeof reviewUpdateSchema>;
