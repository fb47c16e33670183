import { z } from 'zod';

/** The follow-ups after a cohort's programme year, in months (DESIGN.md "Impact"). */
export const FOLLOW_UP_MONTHS = [12, 24] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

/** `GET /api/follow-up-requests/summary`: one cohort, or all when left out. */
export const followUpSummaryQuery = z.object({
  cohort_id: z.string({ error: 'ID erwartet.' }).regex(/^\d{1,9}$/, 'ID erwartet.').transform(Number).pipe(z.number().int().positive()).optional(),
}).strict();

/** One row of the response rate: requests sent and answered for one cohort and follow-up. */
export interface FollowUpRate {
  cohort_id: number;
  cohort_name: string;
  year: number;
  months: FollowUpMonths;
  sent: number;
  answered: number;
  /** answered / sent in percent, one decimal. */
  rate_percent: number;
}
