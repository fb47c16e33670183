/** What other features, the demo data and the console use of the grantee reports. */
import { berlinDay } from '../shared/format.ts';

export { visibleGranteeReportIds, isReportEditable } from './grantee-reports.queries.ts';

/** `YYYY-MM-DD` of the first day of the month `months` after the month of `day` (UTC arithmetic on a calendar date). */
function firstOfMonthAfter(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

interface CohortDates {
  application_closes_at: Date | string;
  selection_finalized_at: Date | string | null;
}

export interface ReportDates {
  period_start: string;
  period_end: string;
  due_on: string;
}

/**
 * The programme year of a cohort and the reporting dates that follow from it — the one definition
 * every default, letter and seed uses.
 *
 * The year starts on the first day of the month after the selection was released (the fellows
 * start with the next month; the demo's cohorts release on 25 March and start on 1 April). Before
 * the release it is estimated from the application deadline: review and selection take about two
 * months, so the first day of the third month after the deadline's month (31 January → 1 April).
 * It lasts twelve months.
 *
 * - interim report: the first six months, due one month after they end (1 April → 1 April–30
 *   September, due 31 October);
 * - final report: the whole year, due two months after it ends (→ 1 April–31 March, due 31 May).
 */
export function programmeYear(cohort: CohortDates): { start: string; end: string; interim: ReportDates; final: ReportDates } {
  const start = cohort.selection_finalized_at
    ? firstOfMonthAfter(berlinDay(new Date(cohort.selection_finalized_at)), 1)
    : firstOfMonthAfter(berlinDay(new Date(cohort.application_closes_at)), 3);
  const end = dayBefore(firstOfMonthAfter(start, 12));
  const interimEnd = dayBefore(firstOfMonthAfter(start, 6));
  return {
    start,
    end,
    interim: { period_start: start, period_end: interimEnd, due_on: dayBefore(firstOfMonthAfter(start, 7)) },
    final: { period_start: start, period_end: end, due_on: dayBefore(firstOfMonthAfter(start, 14)) },
  };
}
