import { db } from './fixtures.ts';

const HOUR = 3600_000;

/** A cohort whose call is open now (deadline in `closesInMs`), unless values say otherwise. */
export async function createCohort(values: Record<string, unknown> = {}, closesInMs = 24 * HOUR) {
  return db()
    .insertInto('cohorts')
    .values({
      name: 'Jahrgang 2026',
      year: 2026,
      application_opens_at: new Date(Date.now() - 30 * 24 * HOUR),
      application_closes_at: new Date(Date.now() + closesInMs),
      phase: 'call_open',
      ...values,
    } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Everything a submission needs. */
export const completeApplication = {
  project_name: 'Lesepaten für alle',
  summary: 'Ehrenamtliche Lesepatinnen und Lesepaten begleiten Grundschulkinder beim Lesenlernen.',
  transfer_model: 'social_franchise',
  target_regions: 'Bayern, Sachsen, Thüringen',
  impact_evidence: 'Evaluation 2024: 78 % der Kinder lesen nach einem Jahr flüssiger (Universität Leipzig).',
  scaling_goals: 'Bis 2028 an 40 Standorten in drei Bundesländern mit lokalen Partnern aktiv sein.',
  team: 'Zwei Hauptamtliche, 120 Ehrenamtliche, ein Beirat aus Schulleitungen und Wissenschaft.',
  funding_requested_cents: 5_000_000,
  budget_plan: 'Personal 30.000 €, Schulungen 12.000 €, Material 8.000 €; Eigenmittel 10.000 €.',
  motivation: 'Wir wollen unser bewährtes Modell mit Partnern in ganz Deutschland verbreiten.',
};

/** Organisation fields a submission needs. */
export const completeOrganisation = {
  legal_form: 'e_v',
  charitable_status: true,
  city: 'Leipzig',
  state: 'Sachsen',
  email: 'kontakt@lesepaten.example.org',
};

export async function createApplication(cohortId: number, organisationId: number, values: Record<string, unknown> = {}) {
  return db()
    .insertInto('applications')
    .values({ cohort_id: cohortId, organisation_id: organisationId, ...completeApplication, ...values } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}
