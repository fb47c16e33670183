import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../http/context.ts';
import { isStaff } from '../http/context.ts';

/**
 * Minutes of coaching logged for a fellowship (SQL): the one definition of the hours used against
 * a coaching budget — the budget check, the session list, the fellows' overview, the story, the
 * dashboard and the reports all read it. `exceptSessionId` leaves out a session being edited.
 */
export function usedMinutesOf(fellowshipId: Expression<number> | number, exceptSessionId?: number): RawBuilder<number> {
  const except = exceptSessionId === undefined ? sql`` : sql` and x.id <> ${exceptSessionId}`;
  return sql<number>`(select coalesce(sum(x.duration_minutes), 0)::int from coaching_sessions x where x.fellowship_id = ${fellowshipId}${except})`;
}

/**
 * May this caller read the content (topics, notes, next steps) of session `cs`? Confidential
 * sessions: only the coach who wrote them and admins. Staff, other coaches and the fellow see that
 * the session exists and how long it took, nothing more.
 */
function contentVisible(user: SessionUser | null) {
  if (user?.role === 'admin') return sql<boolean>`true`;
  if (user?.role === 'coach') return sql<boolean>`(NOT cs.confidential OR cs.coach_id = ${user.id})`;
  return sql<boolean>`(NOT cs.confidential)`;
}

/**
 * The scoped, redacted sessions as a derived table `t`. Redaction happens in SQL *inside* the
 * derived table, so every list, get, filter, search (`q`), sort and export built on top of it only
 * ever sees the redacted columns — a hidden note cannot leak by matching a search either.
 */
export function coachingSessionsQuery(db: Kysely<Database>, user: SessionUser | null) {
  const visible = contentVisible(user);
  let inner = db
    .selectFrom('coaching_sessions as cs')
    .innerJoin('fellowships as f', 'f.id', 'cs.fellowship_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('users as u', 'u.id', 'cs.coach_id')
    .select([
      'cs.id', 'cs.fellowship_id', 'cs.coach_id', 'cs.held_on', 'cs.duration_minutes', 'cs.format', 'cs.confidential',
      'cs.created_at', 'cs.updated_at', 'f.organisation_id', 'f.cohort_id', 'o.name as organisation_name', 'u.name as coach_name',
      sql<string | null>`CASE WHEN ${visible} THEN cs.topics END`.as('topics'),
      sql<string | null>`CASE WHEN ${visible} THEN cs.notes END`.as('notes'),
      sql<string | null>`CASE WHEN ${visible} THEN cs.next_steps END`.as('next_steps'),
      sql<boolean>`NOT ${visible}`.as('content_hidden'),
      sql<number>`f.coaching_hours_budget`.as('budget_hours'),
      usedMinutesOf(sql.ref('cs.fellowship_id')).as('fellowship_used_minutes'),
    ]);
  if (!isStaff(user)) {
    if (user?.role === 'coach') inner = inner.where('f.coach_id', '=', user.id);
    else if (user?.role === 'applicant') inner = inner.where('f.organisation_id', '=', user.organisation_id ?? -1);
    else inner = inner.where(sql<boolean>`false`);
  }
  return db.selectFrom(inner.as('t')).selectAll('t');
}

/** Minutes logged per fellowship. */
export async function usedMinutesByFellowship(db: Kysely<Database>, fellowshipIds: number[]): Promise<Map<number, number>> {
  if (!fellowshipIds.length) return new Map();
  const rows = await db
    .selectFrom('fellowships as f')
    .select(['f.id', usedMinutesOf(sql.ref('f.id')).as('minutes')])
    .where('f.id', 'in', fellowshipIds)
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.minutes)]));
}
