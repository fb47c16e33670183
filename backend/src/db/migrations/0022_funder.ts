import { sql, type Kysely } from 'kysely';

/**
 * Issue 20 (DESIGN.md "Impact", role `funder`): a read-only login for the foundation that funds a
 * cohort.
 *
 * - users.role also allows `funder`.
 * - cohorts.funder_user_ids: the users (role funder) who see this cohort, its dashboard, issued
 *   reports and aggregates. Staff set it with `PUT /api/cohorts/:id`; the API checks that every id
 *   is a funder. A GIN index serves "the cohorts this funder funds" (`id = any(funder_user_ids)` is
 *   written as `funder_user_ids @> array[id]` where the index should be used).
 */
const STATEMENTS = [
  `ALTER TABLE users DROP CONSTRAINT users_role_check`,
  `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin','staff','jury','coach','applicant','funder'))`,
  `ALTER TABLE cohorts ADD COLUMN funder_user_ids integer[] NOT NULL DEFAULT '{}'`,
  `CREATE INDEX cohorts_funder_user_ids ON cohorts USING gin (funder_user_ids)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
