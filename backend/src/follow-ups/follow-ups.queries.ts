import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import type { FollowUpRate } from './follow-ups.schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The outbox key of a follow-up letter (the table's unique key, repeated as the outbox's second guard). */
export const followUpKey = (fellowshipId: number, months: number) => `follow-up-request:${fellowshipId}:${months}`;

/**
 * The fellowships whose organisations are asked for follow-ups: alumni — not withdrawn, and
 * completed or of a cohort in phase `alumni` (the definition the workshops and attendances use) —
 * of an organisation not anonymised. With the cohort dates the programme year is computed from.
 */
export function alumniFellowships(db: Q) {
  return db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .innerJoin('applications as a', 'a.id', 'f.application_id')
    .select(['f.id', 'f.organisation_id', 'f.cohort_id', 'c.application_closes_at', 'c.selection_finalized_at', 'c.name as cohort_name', 'o.name as organisation_name', 'a.project_name'])
    .where('f.status', '<>', 'withdrawn')
    .where((eb) => eb.or([eb('f.status', '=', 'completed'), eb('c.phase', '=', 'alumni')]))
    .where('o.anonymised_at', 'is', null)
    .orderBy('f.id');
}

/** The requests this caller may see: staff all, an applicant those of their organisation's fellowships. */
export function selectFollowUpRequests(db: Kysely<Database>, ctx: RequestContext) {
  return db
    .selectFrom('follow_up_requests as t')
    .innerJoin('fellowships as f', 'f.id', 't.fellowship_id')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select([
      't.id', 't.fellowship_id', 't.months', 't.due_on', 't.requested_at', 't.email_id', 't.responded_at', 't.created_at',
      sql<boolean>`t.responded_at is not null`.as('responded'),
      'f.cohort_id', 'f.organisation_id', 'c.name as cohort_name', 'o.name as organisation_name',
    ])
    .where('t.fellowship_id', 'in', visibleFellowshipIds(db, ctx.user));
}

/**
 * Marks the fellowship's open requests answered: called in the transaction that writes a
 * follow-up value or a transfer site, so the answer and its mark commit together. Only requests
 * made before this write count (a value entered before the letter is no answer to it).
 */
export async function markFollowUpAnswered(trx: Transaction<Database>, fellowshipId: number): Promise<void> {
  await trx
    .updateTable('follow_up_requests')
    .set({ responded_at: sql`now()` })
    .where('fellowship_id', '=', fellowshipId)
    .where('responded_at', 'is', null)
    .where('requested_at', '<=', sql<Date>`now()`)
    .execute();
}

/** Sent, answered and the rate per cohort and follow-up (the view follow_up_response_rates), newest cohort first. */
export async function followUpRates(db: Q, cohortId?: number): Promise<FollowUpRate[]> {
  let query = db
    .selectFrom('follow_up_response_rates as r')
    .innerJoin('cohorts as c', 'c.id', 'r.cohort_id')
    .select(['r.cohort_id', 'c.name as cohort_name', 'c.year', 'r.months', 'r.sent', 'r.answered', 'r.rate_percent'])
    .orderBy('c.year', 'desc')
    .orderBy('c.id', 'desc')
    .orderBy('r.months');
  if (cohortId !== undefined) query = query.where('r.cohort_id', '=', cohortId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, months: Number(r.months) as FollowUpRate['months'], sent: Number(r.sent), answered: Number(r.answered), rate_percent: Number(r.rate_percent) }));
}
