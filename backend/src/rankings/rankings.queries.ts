import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldSpec } from '../http/list-query.ts';
import { DISAGREEMENT_SPREAD } from './rankings.maths.ts';

/** Application states that the jury ranks (eligible and everything decided after it). */
const RANKED_STATUSES = ['eligible', 'shortlisted', 'selected', 'waitlisted', 'rejected'] as const;

export const RANKING_FIELDS: Record<string, FieldSpec> = {
  id: { column: 't.id', type: 'int' },
  application_id: { column: 't.application_id', type: 'int' },
  cohort_id: { column: 't.cohort_id', type: 'int' },
  organisation_id: { column: 't.organisation_id', type: 'int' },
  organisation_name: { column: 't.organisation_name', type: 'text' },
  project_name: { column: 't.project_name', type: 'text' },
  status: { column: 't.status', type: RANKED_STATUSES },
  review_count: { column: 't.review_count', type: 'int' },
  assigned_count: { column: 't.assigned_count', type: 'int' },
  weighted_score: { column: 't.weighted_score', type: 'number' },
  normalised_score: { column: 't.normalised_score', type: 'number' },
  spread: { column: 't.spread', type: 'number' },
  disagreement: { column: 't.disagreement', type: 'bool' },
  partial: { column: 't.partial', type: 'bool' },
  rank: { column: 't.rank', type: 'int' },
};

export interface RankingRecord {
  id: number;
  application_id: number;
  cohort_id: number;
  organisation_id: number;
  organisation_name: string;
  project_name: string | null;
  status: string;
  review_count: number;
  assigned_count: number;
  weighted_score: number | null;
  normalised_score: number | null;
  spread: number | null;
  disagreement: boolean;
  /** Fewer submitted reviews than assigned ones: the scores rest on part of the jury. */
  partial: boolean;
  rank: number | null;
  reviews?: unknown[];
}

/**
 * An application's weighted score (0–100): the mean of its submitted reviews' stored
 * `reviews.score` (each kept by the database's `review_score()`, migration 0004). The one
 * definition: the ranking and the fellowship story both read it, so they never disagree.
 */
export function weightedScoreOf(applicationId: Expression<number> | number): RawBuilder<number | null> {
  return sql<number | null>`(select avg(ws.score) from reviews ws where ws.application_id = ${applicationId} and ws.status = 'submitted')`;
}

/**
 * The one ranking of a cohort, for every screen that shows one (console, CSV, selection.pdf, the
 * demo data's decisions): `rank` orders by the normalised score, the weighted score is shown beside
 * it, and `partial` flags applications that not every assigned juror has scored yet.
 *
 * The whole cohort's ranking as one derived table `t`. Each submitted review's weighted score is
 * stored (`reviews.score`, kept by the trigger of migration 0004 with the formula of
 * rankings.maths.ts `reviewScore`); this statement adds the per-juror z-scores, the aggregates and
 * the ranks (filter, sort and page it from outside: the
 * ranks and z-scores are computed over the whole cohort first). `cohort` is a SQL expression for
 * the cohort id. `breakdown` adds each application's submitted reviews with juror, score and z.
 */
export function rankingTable(db: Kysely<Database>, cohort: RawBuilder<number>, breakdown = false) {
  const reviewsColumn = breakdown
    ? sql`, coalesce((
        select jsonb_agg(jsonb_build_object(
          'review_id', z.review_id, 'juror_id', z.juror_id, 'juror_name', u.name, 'score', z.score, 'z', z.z,
          'recommendation', z.recommendation, 'overall_comment', r.overall_comment, 'submitted_at', r.submitted_at,
          'scores', r.scores) order by z.score desc, u.name)
        from z join users u on u.id = z.juror_id join reviews r on r.id = z.review_id
        where z.application_id = apps.id and z.score is not null), '[]'::jsonb) as reviews`
    : sql``;
  const statuses = sql.join(RANKED_STATUSES.map((s) => sql.lit(s)));
  const derived = sql<RankingRecord>`(
    with apps as not materialized (
      select a.id, a.cohort_id, a.organisation_id, o.name as organisation_name, a.project_name, a.status
      from applications a join organisations o on o.id = a.organisation_id
      where a.cohort_id = (${cohort}) and a.status in (${statuses})
    ), rv as (
      -- every non-conflict review of the ranked applications; score is null until submitted
      select r.id as review_id, r.application_id, r.juror_id, r.recommendation, r.score
      from reviews r join applications ra on ra.id = r.application_id
      where r.status <> 'conflict' and ra.cohort_id = (${cohort}) and ra.status in (${statuses})
    ), juror as (
      select juror_id, avg(score) as mean, stddev_pop(score) as sd, count(score) as n from rv group by juror_id
    ), z as (
      select rv.*,
             case when rv.score is null then null
                  when juror.n >= 2 and juror.sd > 1e-9 then (rv.score - juror.mean) / juror.sd else 0 end as z
      from rv join juror on juror.juror_id = rv.juror_id
    ), agg as (
      select application_id, count(*)::int as assigned_count, count(score)::int as review_count,
             ${weightedScoreOf(sql.ref('z.application_id'))} as weighted_score, avg(z) as normalised_score, max(score) - min(score) as spread,
             bool_or(recommendation = 'yes' and score is not null) and bool_or(recommendation = 'no' and score is not null) as split
      from z group by application_id
    )
    select apps.id, apps.id as application_id, apps.cohort_id, apps.organisation_id, apps.organisation_name,
           apps.project_name, apps.status,
           coalesce(agg.review_count, 0) as review_count, coalesce(agg.assigned_count, 0) as assigned_count,
           agg.weighted_score, agg.normalised_score, agg.spread,
           coalesce(round(agg.spread * 1e6) >= ${sql.lit(DISAGREEMENT_SPREAD * 1e6)} or agg.split, false) as disagreement,
           coalesce(agg.review_count < agg.assigned_count, false) as partial,
           (case when agg.review_count > 0 then rank() over (
             order by round(agg.normalised_score * 1e6) desc nulls last, round(agg.weighted_score * 1e6) desc nulls last
           ) end)::int as rank
           ${reviewsColumn}
    from apps
    left join agg on agg.application_id = apps.id
  )`;
  return db.selectFrom(derived.as('t')).selectAll('t');
}

/** Jury progress per juror in one cohort: assigned, started (a score saved), submitted, conflicts. */
export function juryProgress(db: Kysely<Database>, cohortId: number) {
  return db
    .selectFrom('users as u')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('reviews as r')
          .innerJoin('applications as a', 'a.id', 'r.application_id')
          .where('a.cohort_id', '=', cohortId)
          .select([
            'r.juror_id',
            sql<number>`count(*) filter (where r.status <> 'conflict')::int`.as('assigned'),
            sql<number>`count(*) filter (where r.status = 'assigned' and jsonb_path_exists(r.scores, '$[*] ? (@.score != null)'))::int`.as('started'),
            sql<number>`count(*) filter (where r.status = 'submitted')::int`.as('submitted'),
            sql<number>`count(*) filter (where r.status = 'conflict')::int`.as('conflicted'),
          ])
          .groupBy('r.juror_id')
          .as('p'),
      (join) => join.onRef('p.juror_id', '=', 'u.id'),
    )
    .where('u.role', '=', 'jury')
    .where((eb) => eb.or([eb('u.active', '=', true), eb('p.assigned', '>', 0)]))
    .select([
      'u.id',
      'u.id as juror_id',
      'u.name as juror_name',
      'u.active',
      sql<number>`coalesce(p.assigned, 0)`.as('assigned'),
      sql<number>`coalesce(p.started, 0)`.as('started'),
      sql<number>`coalesce(p.submitted, 0)`.as('submitted'),
      sql<number>`coalesce(p.conflicted, 0)`.as('conflicted'),
      sql<number>`(select count(*)::int from conflicts c where c.juror_id = u.id)`.as('declared_conflicts'),
    ])
    .orderBy('u.name');
}
