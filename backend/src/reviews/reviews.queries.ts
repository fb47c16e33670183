import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { isStaff } from '../http/context.ts';
import { jurorApplicationScope } from '../conflicts/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Reviews as the caller may see them, with what the scoring screen needs: the application's text
 * (never the organisation's contact data, only its name) and the cohort's criteria.
 * Jurors see only their own, never one marked `conflict`, never one of a conflicted organisation.
 */
export function selectReviews(db: Db, ctx: Pick<RequestContext, 'user'>) {
  const qb = db
    .selectFrom('reviews as t')
    .innerJoin('applications as a', 'a.id', 't.application_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .innerJoin('users as j', 'j.id', 't.juror_id')
    .select([
      't.id', 't.application_id', 't.juror_id', 't.status', 't.scores', 't.score', 't.recommendation', 't.overall_comment',
      't.submitted_at', 't.created_at', 't.updated_at', 'a.cohort_id', 'a.project_name', 'o.name as organisation_name',
      'j.name as juror_name',
      sql<number>`(select count(*)::int from criteria c where c.cohort_id = a.cohort_id)`.as('criteria_count'),
      sql<number>`jsonb_array_length(jsonb_path_query_array(t.scores, '$[*] ? (@.score != null)'))`.as('scored_count'),
      sql<Record<string, unknown>>`jsonb_build_object(
        'organisation_name', o.name, 'project_name', a.project_name, 'summary', a.summary, 'transfer_model', a.transfer_model,
        'target_regions', a.target_regions, 'impact_evidence', a.impact_evidence, 'scaling_goals', a.scaling_goals,
        'team', a.team, 'funding_requested_cents', a.funding_requested_cents, 'budget_plan', a.budget_plan,
        'motivation', a.motivation, 'field', o.field)`.as('application'),
      sql<unknown[]>`coalesce((select jsonb_agg(jsonb_build_object(
        'id', c.id, 'name', c.name, 'description', c.description, 'weight', c.weight, 'max_score', c.max_score, 'position', c.position)
        order by c.position, c.id) from criteria c where c.cohort_id = a.cohort_id), '[]'::jsonb)`.as('criteria'),
    ]);
  if (isStaff(ctx.user)) return qb;
  if (ctx.user?.role === 'jury') {
    return qb
      .where('t.juror_id', '=', ctx.user.id)
      .where('t.status', '<>', 'conflict')
      .where('t.application_id', 'in', jurorApplicationScope(db, ctx.user.id));
  }
  return qb.where(sql<boolean>`false`);
}

export function cohortCriteria(db: Db, cohortId: number) {
  return db.selectFrom('criteria').select(['id', 'name', 'max_score', 'position']).where('cohort_id', '=', cohortId).orderBy('position').orderBy('id').execute();
}
