import { sql, type Kysely } from 'kysely';

/**
 * Issue 4: every submitted review stores its weighted score (0–100), recomputed by one SQL
 * function whenever the review's scores or status change, or its cohort's criteria change. The
 * ranking then reads one number per review instead of parsing every review's JSON (docs/jury.md).
 * Statements run one by one: function bodies contain semicolons.
 */
const STATEMENTS = [
  `ALTER TABLE reviews ADD COLUMN score double precision`,
  `CREATE FUNCTION review_score(p_scores jsonb, p_application_id integer) RETURNS double precision
     LANGUAGE sql STABLE AS $$
       SELECT 100 * sum(c.weight::float8 * s.score / c.max_score) / nullif(sum(c.weight::float8), 0)
       FROM jsonb_to_recordset(p_scores) AS s(criterion_id integer, score double precision)
       JOIN criteria c ON c.id = s.criterion_id
       WHERE s.score IS NOT NULL
         AND c.cohort_id = (SELECT a.cohort_id FROM applications a WHERE a.id = p_application_id)
     $$`,
  `CREATE FUNCTION reviews_set_score() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       NEW.score := CASE WHEN NEW.status = 'submitted' THEN review_score(NEW.scores, NEW.application_id) END;
       RETURN NEW;
     END
   $$`,
  `CREATE TRIGGER reviews_score BEFORE INSERT OR UPDATE OF scores, status, application_id ON reviews
     FOR EACH ROW EXECUTE FUNCTION reviews_set_score()`,
  `CREATE FUNCTION criteria_rescore_reviews() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       v_cohorts integer[];
     BEGIN
       IF TG_OP = 'DELETE' THEN
         v_cohorts := ARRAY[OLD.cohort_id];
       ELSIF TG_OP = 'UPDATE' THEN
         v_cohorts := ARRAY[OLD.cohort_id, NEW.cohort_id];
       ELSE
         v_cohorts := ARRAY[NEW.cohort_id];
       END IF;
       UPDATE reviews r SET score = review_score(r.scores, r.application_id)
       WHERE r.status = 'submitted'
         AND r.application_id IN (SELECT a.id FROM applications a WHERE a.cohort_id = ANY (v_cohorts));
       RETURN NULL;
     END
   $$`,
  `CREATE TRIGGER criteria_rescore AFTER INSERT OR UPDATE OF weight, max_score, cohort_id OR DELETE ON criteria
     FOR EACH ROW EXECUTE FUNCTION criteria_rescore_reviews()`,
  `UPDATE reviews SET score = review_score(scores, application_id) WHERE status = 'submitted'`,
  `CREATE INDEX reviews_application_status ON reviews (application_id, status)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
