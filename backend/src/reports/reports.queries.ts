import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * All Kysely code of the reports: each loader gathers one report's data in a handful of
 * aggregated queries. Confidential coaching notes never leave the database here: reports read
 * coaching sessions only as summed minutes.
 */
type Db = Kysely<Database>;

export interface CohortInfo {
  id: number;
  name: string;
  year: number;
  phase: string;
  seats: number;
  application_opens_at: Date;
  application_closes_at: Date;
  default_grant_cents: number;
  coaching_hours_per_fellow: number;
  min_attendance_percent: number;
  description: string | null;
}

export interface Count {
  key: string;
  count: number;
}

export interface ApplicationStats {
  started: number;
  submitted: number;
  selected: number;
  by_status: Count[];
  by_field: Count[];
  by_state: Count[];
}

export async function loadCohort(db: Db, cohortId: number): Promise<CohortInfo | undefined> {
  return db
    .selectFrom('cohorts')
    .select([
      'id', 'name', 'year', 'phase', 'seats', 'application_opens_at', 'application_closes_at', 'default_grant_cents',
      'coaching_hours_per_fellow', 'min_attendance_percent', 'description',
    ])
    .where('id', '=', cohortId)
    .executeTakeFirst();
}

/** Applications that were handed in (every status but `draft`). */
const SUBMITTED = sql<boolean>`a.status <> 'draft'`;

/** Counts of a cohort's applications by status, field and Bundesland, in one query (grouping sets). */
export async function loadApplicationStats(db: Db, cohortId: number): Promise<ApplicationStats> {
  const { rows } = await sql<{ status: string | null; field: string | null; state: string | null; g: number; n: number }>`
    select a.status, o.field, coalesce(o.state, '') as state, grouping(a.status, o.field, coalesce(o.state, ''))::int as g, count(*)::int as n
    from applications a join organisations o on o.id = a.organisation_id
    where a.cohort_id = ${cohortId}
    group by grouping sets ((a.status), (o.field, ${SUBMITTED}), (coalesce(o.state, ''), ${SUBMITTED}))
    having grouping(a.status) = 0 or bool_and(${SUBMITTED})
  `.execute(db);
  const stats: ApplicationStats = { started: 0, submitted: 0, selected: 0, by_status: [], by_field: [], by_state: [] };
  for (const r of rows) {
    if (r.g === 0b011) {
      stats.by_status.push({ key: r.status!, count: r.n });
      stats.started += r.n;
      if (r.status !== 'draft') stats.submitted += r.n;
      if (r.status === 'selected') stats.selected += r.n;
    } else if (r.g === 0b101) stats.by_field.push({ key: r.field!, count: r.n });
    else if (r.g === 0b110) stats.by_state.push({ key: r.state || 'ohne Angabe', count: r.n });
  }
  const byCount = (a: Count, b: Count) => b.count - a.count || a.key.localeCompare(b.key, 'de');
  stats.by_field.sort(byCount);
  stats.by_state.sort(byCount);
  return stats;
}

export interface CriterionInfo {
  id: number;
  name: string;
  weight: number;
  max_score: number;
}

export interface RankedApplication {
  id: number;
  organisation_name: string;
  project_name: string | null;
  field: string;
  state: string | null;
  status: string;
  funding_requested_cents: number | null;
  submitted_at: Date | null;
  decision_reason: string | null;
  review_count: number;
  /** 0–100: Σ weight·score/max_score ÷ Σ weight, averaged over the submitted reviews. */
  weighted_score: number | null;
  rank: number | null;
}

/**
 * The submitted applications with their weighted jury score, best first. Scores come only from
 * submitted reviews; an application without one has no score and no rank.
 */
export async function loadRanking(db: Db, cohortId: number): Promise<RankedApplication[]> {
  const { rows } = await sql<RankedApplication>`
    with per_review as (
      select r.application_id,
             100 * sum(c.weight * least(greatest(s.score, 0), c.max_score) / c.max_score) / nullif(sum(c.weight), 0) as score
      from reviews r
      join applications a on a.id = r.application_id
      cross join lateral jsonb_to_recordset(case when jsonb_typeof(r.scores) = 'array' then r.scores else '[]'::jsonb end)
        as s(criterion_id integer, score numeric)
      join criteria c on c.id = s.criterion_id and c.cohort_id = a.cohort_id
      where a.cohort_id = ${cohortId} and r.status = 'submitted' and s.score is not null
      group by r.application_id, r.id
    ), per_application as (
      select application_id, count(*)::int as review_count, avg(score)::float8 as weighted_score
      from per_review group by application_id
    )
    select a.id, o.name as organisation_name, a.project_name, o.field, o.state, a.status, a.funding_requested_cents,
           a.submitted_at, a.decision_reason,
           coalesce(p.review_count, 0) as review_count, p.weighted_score,
           case when p.weighted_score is null then null
                else (rank() over (order by p.weighted_score desc nulls last))::int end as rank
    from applications a
    join organisations o on o.id = a.organisation_id
    left join per_application p on p.application_id = a.id
    where a.cohort_id = ${cohortId} and ${SUBMITTED}
    order by p.weighted_score desc nulls last, lower(o.name), a.id
  `.execute(db);
  return rows.map((r) => ({ ...r, funding_requested_cents: r.funding_requested_cents === null ? null : Number(r.funding_requested_cents) }));
}

export async function loadCriteria(db: Db, cohortId: number): Promise<CriterionInfo[]> {
  return db.selectFrom('criteria').select(['id', 'name', 'weight', 'max_score']).where('cohort_id', '=', cohortId).orderBy('position').orderBy('id').execute();
}

export interface JuryProgress {
  assigned: number;
  submitted: number;
  conflicts: number;
  jurors: number;
}

export async function loadJuryProgress(db: Db, cohortId: number): Promise<JuryProgress> {
  const row = await db
    .selectFrom('reviews as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .where('a.cohort_id', '=', cohortId)
    .select([
      sql<number>`count(*) filter (where r.status <> 'conflict')::int`.as('assigned'),
      sql<number>`count(*) filter (where r.status = 'submitted')::int`.as('submitted'),
      sql<number>`count(*) filter (where r.status = 'conflict')::int`.as('conflicts'),
      sql<number>`count(distinct r.juror_id)::int`.as('jurors'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

export interface Tranche {
  id: number;
  fellowship_id: number;
  organisation_name: string;
  label: string;
  amount_cents: number;
  due_on: string | null;
  status: 'planned' | 'approved' | 'paid' | 'cancelled';
  approved_at: Date | null;
  paid_at: Date | null;
  payment_reference: string | null;
  milestone_title: string | null;
}

export async function loadTranches(db: Db, cohortId: number): Promise<Tranche[]> {
  return db
    .selectFrom('disbursements as d')
    .innerJoin('fellowships as f', 'f.id', 'd.fellowship_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('milestones as m', 'm.id', 'd.milestone_id')
    .where('f.cohort_id', '=', cohortId)
    .select([
      'd.id', 'd.fellowship_id', 'o.name as organisation_name', 'd.label', 'd.amount_cents', 'd.due_on', 'd.status',
      'd.approved_at', 'd.paid_at', 'd.payment_reference', 'm.title as milestone_title',
    ])
    .orderBy(sql`lower(o.name)`)
    .orderBy('d.fellowship_id')
    .orderBy(sql`d.due_on nulls last`)
    .orderBy('d.id')
    .execute();
}

export interface FellowSummary {
  id: number;
  organisation_id: number;
  organisation_name: string;
  city: string | null;
  state: string | null;
  field: string;
  project_name: string | null;
  goals: string | null;
  status: string;
  stage: number;
  coach_name: string | null;
  grant_cents: number;
  coaching_hours_budget: number;
  coaching_minutes: number;
  coaching_sessions: number;
  workshops_held: number;
  workshops_attended: number;
  planned_cents: number;
  approved_cents: number;
  paid_cents: number;
}

/**
 * One row per fellowship with its coaching hours (sum of minutes only), workshop attendance
 * (mandatory workshops of the cohort that have started, attended by at least one of the
 * organisation's people) and its tranches summed by status.
 */
export async function loadFellows(db: Db, cohortId: number): Promise<FellowSummary[]> {
  const { rows } = await sql<FellowSummary>`
    with held as (
      select id from workshops where cohort_id = ${cohortId} and mandatory and starts_at <= now()
    )
    select f.id, f.organisation_id, o.name as organisation_name, o.city, o.state, o.field, a.project_name, f.goals,
           f.status, f.stage, u.name as coach_name, f.grant_cents, f.coaching_hours_budget::float8 as coaching_hours_budget,
           coalesce(cs.minutes, 0)::int as coaching_minutes, coalesce(cs.sessions, 0)::int as coaching_sessions,
           (select count(*) from held)::int as workshops_held,
           coalesce(att.n, 0)::int as workshops_attended,
           coalesce(d.planned, 0)::bigint as planned_cents, coalesce(d.approved, 0)::bigint as approved_cents,
           coalesce(d.paid, 0)::bigint as paid_cents
    from fellowships f
    join organisations o on o.id = f.organisation_id
    join applications a on a.id = f.application_id
    left join users u on u.id = f.coach_id
    left join lateral (
      select sum(duration_minutes) as minutes, count(*) as sessions from coaching_sessions where fellowship_id = f.id
    ) cs on true
    left join lateral (
      select count(distinct at.workshop_id) as n
      from attendances at join people p on p.id = at.person_id
      where p.organisation_id = f.organisation_id and at.status = 'attended' and at.workshop_id in (select id from held)
    ) att on true
    left join lateral (
      select sum(amount_cents) filter (where status <> 'cancelled') as planned,
             sum(amount_cents) filter (where status in ('approved', 'paid')) as approved,
             sum(amount_cents) filter (where status = 'paid') as paid
      from disbursements where fellowship_id = f.id
    ) d on true
    where f.cohort_id = ${cohortId}
    order by lower(o.name), f.id
  `.execute(db);
  return rows.map((r) => ({
    ...r,
    grant_cents: Number(r.grant_cents),
    planned_cents: Number(r.planned_cents),
    approved_cents: Number(r.approved_cents),
    paid_cents: Number(r.paid_cents),
  }));
}

export interface MilestoneInfo {
  fellowship_id: number;
  title: string;
  kind: string;
  due_on: string | null;
  status: string;
  note: string | null;
}

export async function loadMilestones(db: Db, cohortId: number): Promise<MilestoneInfo[]> {
  return db
    .selectFrom('milestones as m')
    .innerJoin('fellowships as f', 'f.id', 'm.fellowship_id')
    .where('f.cohort_id', '=', cohortId)
    .select(['m.fellowship_id', 'm.title', 'm.kind', 'm.due_on', 'm.status', 'm.note'])
    .orderBy('m.fellowship_id')
    .orderBy(sql`m.due_on nulls last`)
    .orderBy('m.id')
    .execute();
}
