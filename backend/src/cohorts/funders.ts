import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../http/context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';

/**
 * The funder role (DESIGN.md "Impact"): a funder sees the cohorts whose `funder_user_ids` contain
 * it, and through them their dashboard, issued reports and aggregates. Every feature that opens a
 * route to funders narrows it with these, so "which cohorts" is answered in one place.
 */
export const isFunder = (user: SessionUser | null): user is SessionUser => user?.role === 'funder';

/** `cohorts` row condition: the cohort is funded by this user (`@>` uses the GIN index). */
export const fundedBy = (userId: number, column = 'funder_user_ids'): Expression<SqlBool> =>
  sql<boolean>`${sql.ref(column)} @> array[${userId}]::int[]`;

/** The ids of the cohorts this funder funds, as a subquery for `where cohort_id in (…)`. */
export const fundedCohortIds = (db: Kysely<Database>, user: SessionUser) =>
  db.selectFrom('cohorts as fc').select('fc.id').where(fundedBy(user.id, 'fc.funder_user_ids'));

/** The funder's cohort ids, in order (for aggregates that take a list). */
export async function fundedCohortList(db: Kysely<Database>, user: SessionUser): Promise<number[]> {
  return (await fundedCohortIds(db, user).orderBy('fc.id').execute()).map((r) => r.id);
}

/**
 * For a funder: throws 404 unless it funds this cohort (another funder's cohort looks like a
 * missing one). Other roles pass; their own scoping applies.
 */
export async function assertFundedCohort(db: Kysely<Database>, user: SessionUser | null, cohortId: number): Promise<void> {
  if (!isFunder(user)) return;
  const found = await db.selectFrom('cohorts').select('id').where('id', '=', cohortId).where(fundedBy(user.id)).executeTakeFirst();
  if (!found) throw notFound('Jahrgang nicht gefunden.');
}

/**
 * `PUT /api/cohorts/:id` with `funder_user_ids`: every id must be an active or inactive user with
 * the role funder (400 naming the field otherwise). Returns the ids sorted and without repeats.
 */
export async function checkFunderIds(db: Kysely<Database>, ids: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (!unique.length) return unique;
  const found = await db.selectFrom('users').select('id').where('id', 'in', unique).where('role', '=', 'funder').execute();
  const known = new Set(found.map((r) => r.id));
  const wrong = unique.filter((id) => !known.has(id));
  if (wrong.length) {
    throw badRequest('Nur Nutzer mit der Rolle Förderer können einen Jahrgang fördern.', {
      funder_user_ids: `Kein Förderer: ${wrong.join(', ')}`,
    });
  }
  return unique;
}

/**
 * A user who stops being a funder (another role, or deleted) leaves every cohort's funders, each
 * change audited: otherwise the cohort would keep an id that the next save of its form refuses.
 */
export async function forgetFunder(trx: Kysely<Database>, actor: { id: number } | null, userId: number): Promise<void> {
  const funded = await trx.selectFrom('cohorts').select(['id', 'funder_user_ids']).where(fundedBy(userId)).forUpdate().execute();
  for (const cohort of funded) {
    const after = cohort.funder_user_ids.filter((id) => id !== userId);
    await trx.updateTable('cohorts').set({ funder_user_ids: after, updated_at: new Date() }).where('id', '=', cohort.id).execute();
    await recordAudit(trx, actor, 'update', 'cohorts', cohort.id, { funder_user_ids: cohort.funder_user_ids }, { funder_user_ids: after });
  }
}
