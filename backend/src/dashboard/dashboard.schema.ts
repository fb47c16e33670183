import type { FollowUpRate } from '../follow-ups/follow-ups.schema.ts';

/**
 * The staff dashboard's numbers for one cohort, aggregated in SQL (seven queries, run in parallel).
 * Coaching is read as summed minutes only; notes never leave the database here.
 */
export interface DashboardData {
  cohort: { id: number; name: string; year: number; phase: string; seats: number; application_opens_at: Date; application_closes_at: Date } | null;
  cohorts: Array<{ id: number; name: string; year: number }>;
  applications_over_time: Array<{ week: string; submitted: number; cumulative: number }>;
  applications_by_status: Array<{ status: string; count: number }>;
  jury: { assigned: number; submitted: number; conflicts: number; by_juror: Array<{ juror_id: number; juror_name: string; assigned: number; submitted: number }> };
  seats: { seats: number; selected: number; waitlisted: number; fellows: number; active_fellows: number };
  funding: { grant_cents: number; planned_cents: number; approved_cents: number; paid_cents: number; cancelled_cents: number };
  coaching: { budget_hours: number; used_hours: number; by_fellow: Array<{ fellowship_id: number; organisation_name: string; budget_hours: number; used_hours: number }> };
  attendance: {
    rate_percent: number | null;
    min_percent: number;
    below_rule: number;
    by_workshop: Array<{ workshop_id: number; title: string; starts_at: Date; attended: number; absent: number; excused: number; registered: number }>;
  };
  /** "Rücklauf Nachbefragung": follow-up requests sent and answered, 12 and 24 months after the year. */
  follow_ups: Array<Pick<FollowUpRate, 'months' | 'sent' | 'answered' | 'rate_percent'>>;
}
