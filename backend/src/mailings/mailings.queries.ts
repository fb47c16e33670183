import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Audience } from './mailings.schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The people an audience names, as one SQL query over active users (opted-out ones included, with
 * their flag: the list shows them, the send skips and counts them):
 * - applicants: applicant logins of organisations with an application (in the cohort, with the status);
 * - fellows / alumni: applicant logins of organisations with an active / completed fellowship;
 * - jurors: jury logins with at least one assigned, not yet submitted review (of the cohort);
 * - coaches: coach logins (with cohort_id: those coaching a fellowship of that cohort).
 */
export function audienceQuery(db: Q, audience: Audience) {
  const cohortId = audience.cohort_id ?? null;
  let qb = db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'o.name as organisation_name', 'u.mail_opt_out', 'u.organisation_id'])
    .where('u.active', '=', true);
  switch (audience.kind) {
    case 'applicants':
      qb = qb.where('u.role', '=', 'applicant').where(({ exists, selectFrom }) =>
        exists(
          selectFrom('applications as a')
            .select(sql.lit(1).as('one'))
            .whereRef('a.organisation_id', '=', 'u.organisation_id')
            .$if(cohortId !== null, (q) => q.where('a.cohort_id', '=', cohortId!))
            .$if(audience.status != null, (q) => q.where('a.status', '=', audience.status!)),
        ));
      break;
    case 'fellows':
    case 'alumni':
      qb = qb.where('u.role', '=', 'applicant').where(({ exists, selectFrom }) =>
        exists(
          selectFrom('fellowships as f')
            .select(sql.lit(1).as('one'))
            .whereRef('f.organisation_id', '=', 'u.organisation_id')
            .where('f.status', '=', audience.kind === 'fellows' ? 'active' : 'completed')
            .$if(cohortId !== null, (q) => q.where('f.cohort_id', '=', cohortId!)),
        ));
      break;
    case 'jurors':
      qb = qb.where('u.role', '=', 'jury').where(({ exists, selectFrom }) =>
        exists(
          selectFrom('reviews as r')
            .innerJoin('applications as a', 'a.id', 'r.application_id')
            .select(sql.lit(1).as('one'))
            .whereRef('r.juror_id', '=', 'u.id')
            .where('r.status', '=', 'assigned')
            .$if(cohortId !== null, (q) => q.where('a.cohort_id', '=', cohortId!)),
        ));
      break;
    case 'coaches':
      qb = qb.where('u.role', '=', 'coach').$if(cohortId !== null, (q) =>
        q.where(({ exists, selectFrom }) =>
          exists(selectFrom('fellowships as f').select(sql.lit(1).as('one')).whereRef('f.coach_id', '=', 'u.id').where('f.cohort_id', '=', cohortId!)),
        ));
      break;
  }
  return qb;
}
