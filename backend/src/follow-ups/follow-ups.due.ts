import { programmeYear } from '../grantee-reports/index.ts';
import type { FollowUpMonths } from './follow-ups.schema.ts';

/** `YYYY-MM-DD` plus whole months (the days here are always the first of a month). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

type CohortDates = Parameters<typeof programmeYear>[0];

/**
 * The days the follow-ups fall due: 12 and 24 months after the cohort's programme year ended
 * (`programmeYear`, the one definition of the year). A year of 1 April 2025 – 31 March 2026 is
 * followed up on 1 April 2027 and 1 April 2028.
 */
export function followUpDueDates(cohort: CohortDates): Record<FollowUpMonths, string> {
  const after = nextDay(programmeYear(cohort).end);
  return { 12: addMonths(after, 12), 24: addMonths(after, 24) };
}

/**
 * The follow-up that applies on `today` (Europe/Berlin, `YYYY-MM-DD`), or null. Each one has its
 * twelve months: the 12-month follow-up until the 24-month one is due, that one for a year. A
 * follow-up missed in its window is not sent late on top of the next one, and alumni of long-past
 * cohorts (a fresh installation, imported history) are not asked about a year long gone.
 */
export function followUpDue(cohort: CohortDates, today: string): { months: FollowUpMonths; due_on: string } | null {
  const due = followUpDueDates(cohort);
  if (today >= due[24] && today < addMonths(due[24], 12)) return { months: 24, due_on: due[24] };
  if (today >= due[12] && today < due[24]) return { months: 12, due_on: due[12] };
  return null;
}
