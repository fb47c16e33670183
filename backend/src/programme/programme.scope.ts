import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../http/context.ts';
import { isStaff } from '../http/context.ts';

/**
 * Who sees which fellowship in the programme year: staff all, a coach the fellowships they coach,
 * an applicant their own organisation's. Everything else in the programme (workshops, attendance,
 * coaching sessions, the story) is scoped through these ids, so a record outside answers 404.
 */
export function visibleFellowshipIds(db: Kysely<Database>, user: SessionUser | null) {
  const qb = db.selectFrom('fellowships as vf').select('vf.id');
  if (isStaff(user)) return qb;
  if (user?.role === 'coach') return qb.where('vf.coach_id', '=', user.id);
  if (user?.role === 'applicant') return qb.where('vf.organisation_id', '=', user.organisation_id ?? -1);
  return qb.where(sql<boolean>`false`);
}

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
