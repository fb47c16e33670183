import { sql, type Kysely } from 'kysely';

/**
 * Issue 17: organisations get optimistic concurrency like applications (migration 0017). Every
 * organisation carries an integer `version`; a trigger increments it whenever its content changes
 * (a profile save, staff's edit, anonymisation), so no code path changes the profile without a new
 * version. `PUT /api/organisations/:id` names the version its edit was based on; the UPDATE matches
 * only that version, so a save based on an older one answers 409 `stale_version` instead of
 * overwriting what another tab or person saved meanwhile.
 */
const STATEMENTS = [
  `ALTER TABLE organisations ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`,
  `CREATE FUNCTION organisations_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     -- Bookkeeping, and the generated columns (not yet computed in a BEFORE trigger, so they
     -- would always look changed).
     not_content text[] := ARRAY['updated_at', 'version', 'search_vector', 'name_sort'];
   BEGIN
     IF (to_jsonb(NEW) - not_content) IS DISTINCT FROM (to_jsonb(OLD) - not_content) THEN
       NEW.version := OLD.version + 1;
     ELSE
       NEW.version := OLD.version;
     END IF;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER organisations_version BEFORE UPDATE ON organisations
     FOR EACH ROW EXECUTE FUNCTION organisations_bump_version()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
