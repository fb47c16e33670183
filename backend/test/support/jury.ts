import { db, createOrganisation, createUser } from './fixtures.ts';
import type { CohortPhase } from '../../src/db/schema.ts';

/** Test data for the jury features, inserted directly (independent of the call feature's routes). */
export async function createCohort(phase: CohortPhase = 'review') {
  return db()
    .insertInto('cohorts')
    .values({ name: `Jahrgang ${Math.random().toString(36).slice(2, 6)}`, year: 2026, application_opens_at: '2026-01-01T00:00:00Z', application_closes_at: '2026-03-01T00:00:00Z', phase })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createCriteria(cohortId: number, specs: Array<{ weight: number; max_score: number; name?: string }>) {
  const rows = [];
  for (const [i, s] of specs.entries()) {
    rows.push(
      await db()
        .insertInto('criteria')
        .values({ cohort_id: cohortId, name: s.name ?? `Kriterium ${i + 1}`, description: `Beschreibung ${i + 1}`, weight: s.weight, max_score: s.max_score, position: i })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }
  return rows;
}

export async function createApplication(cohortId: number, values: Record<string, unknown> = {}) {
  const organisation = await createOrganisation({ phone: '030 123456', street: 'Geheimweg 1' });
  return db()
    .insertInto('applications')
    .values({ cohort_id: cohortId, organisation_id: organisation.id, project_name: `Projekt ${organisation.id}`, summary: 'Wir skalieren.', status: 'eligible', submitted_at: '2026-02-01T00:00:00Z', ...values } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createJurors(n: number) {
  const jurors = [];
  for (let i = 0; i < n; i++) jurors.push(await createUser('jury'));
  return jurors;
}

export async function insertReview(applicationId: number, jurorId: number, values: Record<string, unknown> = {}) {
  const { scores, ...rest } = values;
  return db()
    .insertInto('reviews')
    .values({ application_id: applicationId, juror_id: jurorId, ...(scores ? { scores: JSON.stringify(scores) } : {}), ...rest } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A submitted review with the given points per criterion (in criteria order). */
export async function submittedReview(applicationId: number, jurorId: number, criteria: Array<{ id: number }>, points: number[], recommendation: 'yes' | 'maybe' | 'no' = 'maybe') {
  return insertReview(applicationId, jurorId, {
    scores: criteria.map((c, i) => ({ criterion_id: c.id, score: points[i], comment: null })),
    recommendation,
    status: 'submitted',
    submitted_at: new Date(),
  });
}
