import { sql, type Kysely } from 'kysely';

/**
 * Issue 17 ("nothing lost, nothing silently changed"): every application carries an integer
 * `version`. A trigger increments it on every UPDATE (the form's saves, submit, withdraw, staff
 * decisions alike), so no code path can change an application without a new version.
 * `PUT /api/applications/:id` names the version its edit was based on; the UPDATE matches only that
 * version, so a save based on an older one answers 409 `stale_version` instead of overwriting newer
 * text (another tab, another person).
 */
const STATEMENTS = [
  `ALTER TABLE applications ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`,
  `CREATE FUNCTION applications_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.version := OLD.version + 1;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER applications_version BEFORE UPDATE ON applications
     FOR EACH ROW EXECUTE FUNCTION applications_bump_version()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
