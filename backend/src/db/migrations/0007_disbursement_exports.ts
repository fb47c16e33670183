import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Grant disbursement (issue 7): an export batch keeps the exact file handed to the bank or to
 * bookkeeping (it must be downloadable again byte for byte, even after an IBAN changed), the
 * cohort it was made for and the requested execution date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    ALTER TABLE disbursement_exports ADD COLUMN cohort_id integer REFERENCES cohorts(id);
    ALTER TABLE disbursement_exports ADD COLUMN execution_date date;
    ALTER TABLE disbursement_exports ADD COLUMN filename text;
    ALTER TABLE disbursement_exports ADD COLUMN content text;
    CREATE UNIQUE INDEX disbursement_exports_message_id ON disbursement_exports (message_id);
    CREATE INDEX disbursements_export ON disbursements (export_id)
  `);
}
