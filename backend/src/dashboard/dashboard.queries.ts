import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadApplicationStats, loadFellows } from '../reports/index.ts';
import { fundingOverview } from '../disbursements/index.ts';
import { followUpRates } from '../follow-ups/index.ts';
import type { DashboardData } from './dashboard.schema.ts';

type Db = Kysely<Database>;

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function loadDashboard(db: Db, cohortId: number | undefined): Promise<DashboardData | undefined> {
  const cohorts = await db.selectFrom('cohorts').select(['id', 'name', 'year', 'phase', 'seats', 'application_opens_at', 'application_closes_at', 'min_attendance_percent'])
    .orderBy('year', 'desc').orderBy('id', 'desc').execute();
  const cohort = cohortId === undefined ? cohorts[0] : cohorts.find((c) => c.id === cohortId);
  if (cohortId !== undefined && !cohort) return undefined;
  const list = cohorts.map(({ id, name, year }) => ({ id, name, year }));
  if (!cohort) return emptyDashboard(list);
  const id = cohort.id;

  const [stats, fellows, overTime, jurors, funding, workshops, followUps] = await Promise.all([
    loadApplicationStats(db, id),
    loadFellows(db, id),
    sql<{ week: string; submitted: number; cumulative: number }>`
      select to_char(date_trunc('week', submitted_at at time zone 'Europe/Berlin'), 'YYYY-MM-DD') as week, count(*)::int as submitted,
             (sum(count(*)) over (order by date_trunc('week', submitted_at at time zone 'Europe/Berlin')))::int as cumulative
      from applications where cohort_id = ${id} and submitted_at is not null and status <> 'draft'
      group by 1, date_trunc('week', submitted_at at time zone 'Europe/Berlin') order by 1`.execute(db),
    sql<{ juror_id: number; juror_name: string; assigned: number; submitted: number; conflicts: number }>`
      select r.juror_id, u.name as juror_name,
             count(*) filter (where r.status <> 'conflict')::int as assigned,
             count(*) filter (where r.status = 'submitted')::int as submitted,
             count(*) filter (where r.status = 'conflict')::int as conflicts
      from reviews r join applications a on a.id = r.application_id join users u on u.id = r.juror_id
      where a.cohort_id = ${id} group by r.juror_id, u.name order by lower(u.name)`.execute(db),
    fundingOverview(db, id),
    sql<{ workshop_id: number; title: string; starts_at: Date; attended: number; absent: number; excused: number; registered: number }>`
      select w.id as workshop_id, w.title, w.starts_at,
             count(a.id) filter (where a.status = 'attended')::int as attended,
             count(a.id) filter (where a.status = 'absent')::int as absent,
             count(a.id) filter (where a.status = 'excused')::int as excused,
             count(a.id) filter (where a.status = 'registered')::int as registered
      from workshops w left join attendances a on a.workshop_id = w.id
      where w.cohort_id = ${id} group by w.id order by w.starts_at, w.id`.execute(db),
    followUpRates(db, id),
  ]);

  const f = funding.totals;
  const held = fellows.reduce((s, x) => s + x.workshops_held, 0);
  const attended = fellows.reduce((s, x) => s + x.workshops_attended, 0);
  const count = (status: string) => stats.by_status.find((s) => s.key === status)?.count ?? 0;
  return {
    cohort: { id, name: cohort.name, year: cohort.year, phase: cohort.phase, seats: cohort.seats, application_opens_at: cohort.application_opens_at, application_closes_at: cohort.application_closes_at },
    cohorts: list,
    applications_over_time: overTime.rows,
    applications_by_status: stats.by_status.map((s) => ({ status: s.key, count: s.count })),
    jury: {
      assigned: jurors.rows.reduce((s, j) => s + j.assigned, 0),
      submitted: jurors.rows.reduce((s, j) => s + j.submitted, 0),
      conflicts: jurors.rows.reduce((s, j) => s + j.conflicts, 0),
      by_juror: jurors.rows.map(({ conflicts: _c, ...j }) => j),
    },
    seats: {
      seats: cohort.seats,
      selected: count('selected'),
      waitlisted: count('waitlisted'),
      fellows: fellows.filter((x) => x.status !== 'withdrawn').length,
      active_fellows: fellows.filter((x) => x.status === 'active').length,
    },
    funding: {
      grant_cents: fellows.filter((x) => x.status !== 'withdrawn').reduce((s, x) => s + x.grant_cents, 0),
      planned_cents: f.planned_cents,
      approved_cents: f.approved_cents,
      paid_cents: f.paid_cents,
      cancelled_cents: f.cancelled_cents,
    },
    coaching: {
      budget_hours: round1(fellows.reduce((s, x) => s + x.coaching_hours_budget, 0)),
      used_hours: round1(fellows.reduce((s, x) => s + x.coaching_minutes, 0) / 60),
      by_fellow: fellows.map((x) => ({ fellowship_id: x.id, organisation_name: x.organisation_name, budget_hours: x.coaching_hours_budget, used_hours: round1(x.coaching_minutes / 60) })),
    },
    attendance: {
      rate_percent: held ? round1((100 * attended) / held) : null,
      min_percent: cohort.min_attendance_percent,
      below_rule: fellows.filter((x) => x.status !== 'withdrawn' && x.workshops_held > 0 && (100 * x.workshops_attended) / x.workshops_held < cohort.min_attendance_percent).length,
      by_workshop: workshops.rows,
    },
    follow_ups: followUps.map(({ months, sent, answered, rate_percent }) => ({ months, sent, answered, rate_percent })),
  };
}

function emptyDashboard(cohorts: DashboardData['cohorts']): DashboardData {
  return {
    cohort: null,
    cohorts,
    applications_over_time: [],
    applications_by_status: [],
    jury: { assigned: 0, submitted: 0, conflicts: 0, by_juror: [] },
    seats: { seats: 0, selected: 0, waitlisted: 0, fellows: 0, active_fellows: 0 },
    funding: { grant_cents: 0, planned_cents: 0, approved_cents: 0, paid_cents: 0, cancelled_cents: 0 },
    coaching: { budget_hours: 0, used_hours: 0, by_fellow: [] },
    attendance: { rate_percent: null, min_percent: 0, below_rule: 0, by_workshop: [] },
    follow_ups: [],
  };
}
