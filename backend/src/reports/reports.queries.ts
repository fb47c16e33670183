import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { rankingTable } from '../rankings/index.ts';
import { fundingOverview, type FundingRow } from '../disbursements/index.ts';
import { usedMinutesOf } from '../coaching-sessions/index.ts';

export type { FundingRow };
export interface Funding {
  fellowships: FundingRow[];
  totals: FundingRow;
}

/** Granted / planned / approved / paid / open per fellowship and in total, as the console's funding overview shows them. */
export const loadFunding = (db: Db, cohortId: number): Promise<Funding> => fundingOverview(db, cohortId);

/**
 * All Kysely code of the reports: each loader gathers one report's data in a handful of
 * aggregated queries. Numbers that other screens show too come from their one source: the
 * ranking from `rankingTable` (rankings.queries.ts), the money per fellowship from
 * `fundingOverview` (disbursements.queries.ts).
 *
 * Funder-safe fields: the loaders of funder.pdf select only what may reach the funder —
 * organisation name, place and field, project name, the fellowship's goals, status, stage and
 * coach, counts and sums (coaching minutes, workshop attendance, money), milestone titles, dates
 * and states, tranche labels, dates, states and amounts. They never select a note of any kind
 * (milestone notes, coaching notes and topics, interview and eligibility notes, decision
 * reasons), payment references, bank or contact data: what is not loaded cannot be printed.
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

interface Count {
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
  status: string;
  decision_reason: string | null;
  review_count: number;
  assigned_count: number;
  partial: boolean;
  /** 0–100, the mean of the stored `reviews.score` of the submitted reviews (rankings.queries.ts). */
  weighted_score: number | null;
  /** Mean z-score: the ranking's key. */
  normalised_score: number | null;
  rank: number | null;
}

/**
 * Every handed-in application of the cohort with its place in the one ranking (rankings.queries.ts
 * `rankingTable`, which the console and the CSV export read too), in that ranking's order: rank,
 * then id; applications the jury does not rank (ineligible, withdrawn) last.
 */
export async function loadRanking(db: Db, cohortId: number): Promise<RankedApplication[]> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin(rankingTable(db, sql<number>`${cohortId}::int`).as('r'), 'r.id', 'a.id')
    .select([
      'a.id', 'o.name as organisation_name', 'a.project_name', 'a.status', 'a.decision_reason', 'r.review_count', 'r.assigned_count',
      'r.partial', 'r.weighted_score', 'r.normalised_score', 'r.rank',
    ])
    .where('a.cohort_id', '=', cohortId)
    .where(SUBMITTED)
    .orderBy(sql`r.rank asc nulls last`)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    review_count: r.review_count ?? 0,
    assigned_count: r.assigned_count ?? 0,
    partial: r.partial ?? false,
    weighted_score: r.weighted_score ?? null,
    normalised_score: r.normalised_score ?? null,
    rank: r.rank ?? null,
  }));
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

function tranchesQuery(db: Db, cohortId: number) {
  return db
    .selectFrom('disbursements as d')
    .innerJoin('fellowships as f', 'f.id', 'd.fellowship_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('milestones as m', 'm.id', 'd.milestone_id')
    .where('f.cohort_id', '=', cohortId)
    .select([
      'd.id', 'd.fellowship_id', 'o.name as organisation_name', 'd.label', 'd.amount_cents', 'd.due_on', 'd.status',
      'd.approved_at', 'd.paid_at', 'm.title as milestone_title',
    ])
    .orderBy(sql`lower(o.name)`)
    .orderBy('d.fellowship_id')
    .orderBy(sql`d.due_on nulls last`)
    .orderBy('d.id');
}

/** Every tranche of the cohort with its payment reference (funding.pdf, for staff). */
export async function loadTranches(db: Db, cohortId: number): Promise<Tranche[]> {
  const rows = await tranchesQuery(db, cohortId).select('d.payment_reference').execute();
  return rows.map((r) => ({ ...r, amount_cents: Number(r.amount_cents) }));
}

/** The tranches as funder.pdf may show them: funder-safe columns only (no payment reference). */
export async function loadFunderTranches(db: Db, cohortId: number): Promise<Array<Omit<Tranche, 'payment_reference'>>> {
  const rows = await tranchesQuery(db, cohortId).execute();
  return rows.map((r) => ({ ...r, amount_cents: Number(r.amount_cents) }));
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
}

/**
 * One row per fellowship with its coaching hours (sum of minutes only) and workshop attendance
 * (mandatory workshops of the cohort that have started, attended by at least one of the
 * organisation's people). Its money is `loadFunding`'s.
 */
export async function loadFellows(db: Db, cohortId: number): Promise<FellowSummary[]> {
  const { rows } = await sql<FellowSummary>`
    with held as (
      select id from workshops where cohort_id = ${cohortId} and mandatory and starts_at <= now()
    )
    select f.id, f.organisation_id, o.name as organisation_name, o.city, o.state, o.field, a.project_name, f.goals,
           f.status, f.stage, u.name as coach_name, f.grant_cents, f.coaching_hours_budget::float8 as coaching_hours_budget,
           ${usedMinutesOf(sql.ref('f.id'))} as coaching_minutes,
           (select count(*)::int from coaching_sessions x where x.fellowship_id = f.id) as coaching_sessions,
           (select count(*) from held)::int as workshops_held,
           coalesce(att.n, 0)::int as workshops_attended
    from fellowships f
    join organisations o on o.id = f.organisation_id
    join applications a on a.id = f.application_id
    left join users u on u.id = f.coach_id
    left join lateral (
      select count(distinct at.workshop_id) as n
      from attendances at join people p on p.id = at.person_id
      where p.organisation_id = f.organisation_id and at.status = 'attended' and at.workshop_id in (select id from held)
    ) att on true
    where f.cohort_id = ${cohortId}
    order by lower(o.name), f.id
  `.execute(db);
  return rows.map((r) => ({ ...r, grant_cents: Number(r.grant_cents) }));
}

export interface MilestoneInfo {
  fellowship_id: number;
  title: string;
  kind: string;
  due_on: string | null;
  status: string;
}

/** The milestones of the cohort's fellowships: funder-safe columns only (never the note). */
export async function loadMilestones(db: Db, cohortId: number): Promise<MilestoneInfo[]> {
  return db
    .selectFrom('milestones as m')
    .innerJoin('fellowships as f', 'f.id', 'm.fellowship_id')
    .where('f.cohort_id', '=', cohortId)
    .select(['m.fellowship_id', 'm.title', 'm.kind', 'm.due_on', 'm.status'])
    .orderBy('m.fellowship_id')
    .orderBy(sql`m.due_on nulls last`)
    .orderBy('m.id')
    .execute();
}

export interface WorkshopInfo {
  title: string;
  kind: string;
  starts_at: Date;
  location: string | null;
  mandatory: boolean;
}

/** The cohort's workshops, webinars and other dates (title, kind, start, place), in time order. */
export async function loadWorkshops(db: Db, cohortId: number): Promise<WorkshopInfo[]> {
  return db
    .selectFrom('workshops')
    .select(['title', 'kind', 'starts_at', 'location', 'mandatory'])
    .where('cohort_id', '=', cohortId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}
