import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isStaff, type RequestContext, type SessionUser } from '../http/context.ts';

/** Kinds that are open to alumni of every cohort ("public" events of the network). */
export const PUBLIC_KINDS = ['barcamp', 'networking'] as const;

/**
 * Workshops a user may see (alias `t` is the workshop): staff all; a coach the cohorts they coach
 * in and the events they facilitate; an applicant the cohorts their organisation is a fellow of,
 * and — once alumni (a completed fellowship or a cohort in phase `alumni`) — the public events
 * (barcamps, networking) of later cohorts too.
 */
export function workshopVisibility(db: Kysely<Database>, user: SessionUser | null): Expression<SqlBool> | undefined {
  if (isStaff(user)) return undefined;
  if (user?.role === 'coach') {
    return sql<boolean>`(t.facilitator_id = ${user.id} OR t.cohort_id IN (${db.selectFrom('fellowships').select('cohort_id').where('coach_id', '=', user.id)}))`;
  }
  if (user?.role === 'applicant') {
    const org = user.organisation_id ?? -1;
    const own = db.selectFrom('fellowships').select('cohort_id').where('organisation_id', '=', org).where('status', '<>', 'withdrawn');
    const alumni = db
      .selectFrom('fellowships as af')
      .innerJoin('cohorts as ac', 'ac.id', 'af.cohort_id')
      .select('af.id')
      .where('af.organisation_id', '=', org)
      .where((eb) => eb.or([eb('af.status', '=', 'completed'), eb('ac.phase', '=', 'alumni')]));
    return sql<boolean>`(t.cohort_id IN (${own}) OR (t.kind IN ('barcamp','networking') AND EXISTS (${alumni})))`;
  }
  return sql<boolean>`false`;
}

const WORKSHOP_COLUMNS = [
  't.id', 't.cohort_id', 't.title', 't.kind', 't.starts_at', 't.ends_at', 't.location', 't.online_url', 't.facilitator',
  't.facilitator_id', 't.recording_url', 't.description', 't.mandatory', 't.created_at', 't.updated_at',
] as const;

/** The workshops this caller may see, with seat counts (people not excused). */
export function workshopsQuery(db: Kysely<Database>, ctx: RequestContext) {
  let qb = db
    .selectFrom('workshops as t')
    .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
    .select([...WORKSHOP_COLUMNS, 'c.name as cohort_name'])
    .select((eb) => [
      eb.selectFrom('attendances as a').whereRef('a.workshop_id', '=', 't.id').where('a.status', '<>', 'excused').select(sql<number>`count(*)::int`.as('n')).as('registered_count'),
      eb.selectFrom('attendances as a').whereRef('a.workshop_id', '=', 't.id').where('a.status', '=', 'attended').select(sql<number>`count(*)::int`.as('n')).as('attended_count'),
    ]);
  const visible = workshopVisibility(db, ctx.user);
  if (visible) qb = qb.where(visible);
  return qb;
}
