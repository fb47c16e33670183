import { createOrganisation, createUser, db } from './fixtures.ts';
import type { ApplicationStatus, CohortPhase } from '../../src/db/schema.ts';

const DAY = 86_400_000;

/** A cohort inserted directly, by default in the selection phase with its call closed. */
export async function createCohort(values: Record<string, unknown> = {}) {
  return db()
    .insertInto('cohorts')
    .values({
      name: 'Jahrgang 2026',
      year: 2026,
      application_opens_at: new Date(Date.now() - 60 * DAY),
      application_closes_at: new Date(Date.now() - 10 * DAY),
      phase: 'selection' as CohortPhase,
      seats: 10,
      default_grant_cents: 2_500_000,
      coaching_hours_per_fellow: 12,
      ...values,
    } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An application of a fresh organisation with its own applicant login. */
export async function createApplication(cohortId: number, status: ApplicationStatus = 'shortlisted', values: Record<string, unknown> = {}) {
  const organisation = await createOrganisation();
  const applicant = await createUser('applicant', { organisation_id: organisation.id });
  const application = await db()
    .insertInto('applications')
    .values({
      cohort_id: cohortId,
      organisation_id: organisation.id,
      project_name: `Projekt ${organisation.name}`,
      status,
      submitted_at: new Date(Date.now() - 20 * DAY),
      ...values,
    } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { application, organisation, applicant };
}

export async function createApplications(cohortId: number, n: number, status: ApplicationStatus = 'shortlisted') {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await createApplication(cohortId, status));
  return out;
}

export const applicationStatus = async (id: number) =>
  (await db().selectFrom('applications').select(['status', 'waitlist_position', 'decision_released_at']).where('id', '=', id).executeTakeFirstOrThrow());
