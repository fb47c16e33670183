import { sql, type Kysely } from 'kysely';

/**
 * Issue 16, class 9 ("opposite introductions"): one open (or accepted) introduction per pair of
 * organisations, whichever of the two asked. Migration 0008's index only covered one direction,
 * so A→B and B→A could both be open. The new index is keyed on the unordered pair and replaces it.
 *
 * Pairs that already have more than one such row keep one — an accepted one first, else the
 * oldest — and the others are closed as `declined`, each with an audit event saying why, so the
 * index can be built.
 */
const STATEMENTS = [
  `WITH ranked AS (
     SELECT id, status, row_number() OVER (
              PARTITION BY least(from_organisation_id, to_organisation_id), greatest(from_organisation_id, to_organisation_id)
              ORDER BY (status = 'accepted') DESC, created_at, id) AS n
       FROM introductions
      WHERE status IN ('requested', 'accepted')
   ), closed AS (
     UPDATE introductions i SET status = 'declined', responded_at = now(), updated_at = now()
       FROM ranked r
      WHERE r.id = i.id AND r.n > 1
     RETURNING i.id, r.status AS before_status
   )
   INSERT INTO audit_events (actor_id, action, resource, record_id, changes)
   SELECT NULL, 'supersede', 'introductions', id, jsonb_build_object(
            'before', jsonb_build_object('status', before_status),
            'after', jsonb_build_object('status', 'declined'),
            'reason', 'Migration 0011: nur eine offene Vorstellung je Paar von Organisationen')
     FROM closed`,
  `CREATE UNIQUE INDEX introductions_open_pair_either_way
     ON introductions (least(from_organisation_id, to_organisation_id), greatest(from_organisation_id, to_organisation_id))
     WHERE status IN ('requested', 'accepted')`,
  `DROP INDEX introductions_open_pair`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
