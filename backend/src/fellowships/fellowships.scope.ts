import { sql, type Kysely } from 'kysely';
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
