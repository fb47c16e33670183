import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * One open (or accepted) introduction per requesting and requested organisation: two concurrent
 * requests for the same pair cannot both land.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    CREATE UNIQUE INDEX introductions_open_pair ON introductions (from_organisation_id, to_organisation_id)
      WHERE status IN ('requested', 'accepted');
    CREATE INDEX alumni_profiles_visible ON alumni_profiles (visible, id)
  `);
}
