import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The ids of the applications a juror may see: assigned to them (a review row that is not marked
 * `conflict`) and not from an organisation they declared a conflict with. Use it as a subquery:
 * `.where('t.id', 'in', jurorApplicationScope(db, jurorId))`.
 */
export function jurorApplicationScope(db: Db, jurorId: number) {
  return db
    .selectFrom('reviews as scope_r')
    .innerJoin('applications as scope_a', 'scope_a.id', 'scope_r.application_id')
    .select('scope_r.application_id')
    .where('scope_r.juror_id', '=', jurorId)
    .where('scope_r.status', '<>', 'conflict')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('conflicts as scope_c')
            .select(sql.lit(1).as('one'))
            .where('scope_c.juror_id', '=', jurorId)
            .whereRef('scope_c.organisation_id', '=', 'scope_a.organisation_id'),
        ),
      ),
    );
}

/** Marks a juror's reviews of one organisation's applications as `conflict`; returns the changed rows. */
export async function markConflictedReviews(trx: Db, jurorId: number, organisationId: number) {
  return trx
    .updateTable('reviews')
    .set({ status: 'conflict', updated_at: new Date() })
    .where('juror_id', '=', jurorId)
    .where('status', '<>', 'conflict')
    .where('application_id', 'in', trx.selectFrom('applications').select('id').where('organisation_id', '=', organisationId))
    .returningAll()
    .execute();
}

/** When a conflict is withdrawn, the juror's reviews of that organisation return to their real state. */
export async function restoreConflictedReviews(trx: Db, jurorId: number, organisationId: number) {
  return trx
    .updateTable('reviews')
    .set({ status: sql`case when submitted_at is null then 'assigned' else 'submitted' end`, updated_at: new Date() })
    .where('juror_id', '=', jurorId)
    .where('status', '=', 'conflict')
    .where('application_id', 'in', trx.selectFrom('applications').select('id').where('organisation_id', '=', organisationId))
    .returningAll()
    .execute();
}
