import { sql, type Kysely } from 'kysely';

/**
 * Issue 17 ("nothing lost, nothing silently changed"): every application carries an integer
 * `version`. A trigger increments it whenever what the organisation wrote or sees changes (the
 * form's saves, submit, a staff edit of its text), so no code path can change that content without
 * a new version. Staff's own work on the record (eligibility, interview, decision, waitlist,
 * release) leaves it alone: the applicant reads `version`, and a jump would tell them a decision
 * was taken before it is released.
 * `PUT /api/applications/:id` names the version its edit was based on; the UPDATE matches only that
 * version, so a save based on an older one answers 409 `stale_version` instead of overwriting newer
 * text (another tab, another person).
 */
const STATEMENTS = [
  `ALTER TABLE applications ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`,
  `CREATE FUNCTION applications_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     -- Staff's own columns, the bookkeeping ones, and the generated search vector (not yet
     -- computed in a BEFORE trigger, so it would always look changed).
     not_content text[] := ARRAY['status', 'eligibility_note', 'decision_reason', 'decided_at', 'decided_by',
       'waitlist_position', 'interview_at', 'interview_notes', 'decision_released_at', 'updated_at', 'version',
       'search_vector'];
   BEGIN
     IF (to_jsonb(NEW) - not_content) IS DISTINCT FROM (to_jsonb(OLD) - not_content) THEN
       NEW.version := OLD.version + 1;
     ELSE
       NEW.version := OLD.version;
     END IF;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER applications_version BEFORE UPDATE ON applications
     FOR EACH ROW EXECUTE FUNCTION applications_bump_version()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
