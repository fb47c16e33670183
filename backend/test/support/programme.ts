import { createOrganisation, db } from './fixtures.ts';

/** Programme-year fixtures: cohorts, fellowships (inserted directly), people and workshops. */
let n = 0;

export async function createCohort(values: Record<string, unknown> = {}) {
  n++;
  return db()
    .insertInto('cohorts')
    .values({
      name: `Jahrgang ${2020 + n}`,
      year: 2020 + n,
      application_opens_at: new Date('2026-01-01T00:00:00Z'),
      application_closes_at: new Date('2026-03-01T00:00:00Z'),
      phase: 'programme',
      coaching_hours_per_fellow: 10,
      min_attendance_percent: 80,
      ...values,
    } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createFellowship(values: { cohort_id: number; organisation_id?: number; coach_id?: number | null; coaching_hours_budget?: number; status?: string; grant_cents?: number }) {
  const organisation_id = values.organisation_id ?? (await createOrganisation()).id;
  const application = await db()
    .insertInto('applications')
    .values({ cohort_id: values.cohort_id, organisation_id, project_name: 'Lesepaten bundesweit', status: 'selected', submitted_at: new Date('2026-02-01T10:00:00Z') })
    .returningAll()
    .executeTakeFirstOrThrow();
  return db()
    .insertInto('fellowships')
    .values({
      cohort_id: values.cohort_id,
      organisation_id,
      application_id: application.id,
      coach_id: values.coach_id ?? null,
      coaching_hours_budget: values.coaching_hours_budget ?? 10,
      grant_cents: values.grant_cents ?? 5_000_000,
      status: (values.status ?? 'active') as any,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createPerson(organisation_id: number, first_name = 'Jana') {
  n++;
  return db().insertInto('people').values({ organisation_id, first_name, last_name: `Muster${n}`, email: `p${n}@example.org` }).returningAll().executeTakeFirstOrThrow();
}

const HOUR = 3600_000;

export async function createWorkshop(cohort_id: number, values: Record<string, unknown> = {}) {
  const starts = (values.starts_at as Date | undefined) ?? new Date(Date.now() + 7 * 24 * HOUR);
  return db()
    .insertInto('workshops')
    .values({
      cohort_id,
      title: 'Wirkungsmessung',
      kind: 'workshop',
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3 * HOUR),
      location: 'Berlin, Stiftung Bürgermut',
      ...values,
    } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * HOUR);
