import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Row } from '../db/schema.ts';
import type { Locale } from '../shared/format.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const DECIDED = ['selected', 'waitlisted', 'rejected'] as const;
/** Final states an application reaches in a call: each is told at the release, with one letter. */
export const FINAL = [...DECIDED, 'ineligible'] as const;
/** Statuses that still need a decision before the selection can be released. */
export const UNDECIDED = ['submitted', 'eligible', 'shortlisted'] as const;

/** The application as the selection board shows it: decision fields, interview, fellowship link. */
export function selectionApplications(db: Q) {
  return db
    .selectFrom('applications as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .leftJoin('fellowships as f', 'f.application_id', 't.id')
    .select([
      't.id', 't.cohort_id', 't.organisation_id', 'o.name as organisation_name', 't.project_name', 't.status', 't.submitted_at',
      't.interview_at', 't.interview_notes', 't.decision_reason', 't.decided_at', 't.decided_by', 't.waitlist_position',
      't.decision_released_at', 't.funding_requested_cents', 'f.id as fellowship_id', 't.updated_at',
    ]);
}

export const findApplication = (db: Q, id: number) => db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();

export const lockCohort = (trx: Transaction<Database>, id: number) =>
  trx.selectFrom('cohorts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const lockApplication = (trx: Transaction<Database>, id: number) =>
  trx.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();

export async function countByStatus(db: Q, cohortId: number, statuses: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('cohort_id', '=', cohortId)
    .where('status', 'in', statuses as any)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function nextWaitlistPosition(trx: Q, cohortId: number): Promise<number> {
  const row = await trx
    .selectFrom('applications')
    .select(sql<number>`coalesce(max(waitlist_position), 0)::int + 1`.as('n'))
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'waitlisted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Closes the gap an application leaves when it leaves the waitlist. */
export async function closeWaitlistGap(trx: Q, cohortId: number, position: number | null): Promise<void> {
  if (position == null) return;
  await trx
    .updateTable('applications')
    .set({ waitlist_position: sql`waitlist_position - 1` })
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'waitlisted')
    .where('waitlist_position', '>', position)
    .execute();
}

/**
 * Who receives a letter, and in which language: the organisation's first active applicant login
 * (with the language that login chose), else the organisation's public e-mail (in German).
 */
export async function letterAddress(db: Q, organisationId: number): Promise<{ email: string; locale: Locale } | null> {
  const user = await db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'applicant')
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  if (user) return { email: user.email, locale: user.locale };
  const org = await db.selectFrom('organisations').select('email').where('id', '=', organisationId).executeTakeFirst();
  return org?.email ? { email: org.email, locale: 'de' } : null;
}

/** The address of `letterAddress`, for messages that are written in German only. */
export async function letterRecipient(db: Q, organisationId: number): Promise<string | null> {
  return (await letterAddress(db, organisationId))?.email ?? null;
}

/** The applications of a cohort in a final state, with the grant of their fellowship (if one exists yet). */
export async function finalApplications(db: Q, cohortId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('fellowships as f', 'f.application_id', 'a.id')
    .select([
      'a.id', 'a.organisation_id', 'o.name as organisation_name', 'a.project_name', 'a.status', 'a.decision_reason', 'a.waitlist_position',
      'a.decision_released_at', 'f.grant_cents',
    ])
    .where('a.cohort_id', '=', cohortId)
    .where('a.status', 'in', [...FINAL])
    .orderBy(sql`case a.status when 'selected' then 0 when 'waitlisted' then 1 when 'rejected' then 2 else 3 end`)
    .orderBy('a.waitlist_position')
    .orderBy('o.name')
    .execute();
}

export type CohortRow = Row<'cohorts'>;
