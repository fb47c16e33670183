import { useLocaleState, useTranslate } from 'react-admin';
import type { DashboardData } from '../../../backend/src/dashboard/dashboard.schema.ts';
import { formatDate, formatMoney, formatNumber } from '../shared/format.ts';

/** JSON turns the API's Date fields into strings. */
export type Dashboard = Omit<DashboardData, 'cohort'> & { cohort: (Omit<NonNullable<DashboardData['cohort']>, 'application_opens_at' | 'application_closes_at'>) | null };

/** The dashboard's numbers in the console's language, through the one formatter (shared/format). */
export function useDashboardFormat() {
  const [locale] = useLocaleState();
  return {
    euro: (euros: number) => formatMoney(Math.round(euros * 100), locale, { whole: true }),
    number: (value: number) => formatNumber(value, locale),
    day: (value: string) => formatDate(value, locale),
  };
}

/**
 * The dashboard's summary lines, in words: the key figures and the charts' subtitles say the same
 * thing, so they are built here once. Each takes the dashboard as the API answered it.
 */
export function useDashboardSummaries() {
  const translate = useTranslate();
  const { euro, number } = useDashboardFormat();
  return {
    status: (status: string) => translate(`enums.application_status.${status}`, { _: status }),
    seats: ({ seats }: Dashboard) => translate('dashboard.seats_summary', { fellows: seats.fellows, seats: seats.seats, waitlisted: seats.waitlisted }),
    jury: ({ jury }: Dashboard) => translate('dashboard.jury_summary', { submitted: jury.submitted, assigned: jury.assigned }),
    fundingPaid: ({ funding }: Dashboard) => `${translate('dashboard.funding_paid')}: ${euro(funding.paid_cents / 100)} / ${euro(funding.grant_cents / 100)}`,
    coaching: ({ coaching }: Dashboard) => translate('dashboard.coaching_summary', { used: number(coaching.used_hours), budget: number(coaching.budget_hours) }),
    attendance: ({ attendance }: Dashboard) =>
      translate('dashboard.attendance_summary', {
        rate: attendance.rate_percent == null ? '–' : `${number(attendance.rate_percent)} %`,
        min: attendance.min_percent,
        below: attendance.below_rule,
      }),
    /** "Rücklauf Nachbefragung": answered of sent per follow-up (12, 24 months), as the API counts them. */
    followUps: ({ follow_ups }: Dashboard) =>
      follow_ups.length
        ? follow_ups.map((f) => translate('dashboard.follow_ups_row', { months: f.months, answered: f.answered, sent: f.sent, rate: `${number(f.rate_percent)} %` })).join(' · ')
        : translate('dashboard.follow_ups_none'),
  };
}
