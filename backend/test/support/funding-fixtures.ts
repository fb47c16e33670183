import { createOrganisation, db } from './fixtures.ts';

let counter = 0;

/**
 * Cohort → application → fellowship (with a grant and, unless `agreement_signed_on: null`, a signed
 * grant agreement), inserted directly: the selection feature makes these in real life.
 */
export async function createFellowship(values: {
  grant_cents?: number; cohort_id?: number; organisation?: Record<string, unknown>; status?: 'active' | 'completed' | 'withdrawn'; agreement_signed_on?: string | null;
} = {}) {
  counter++;
  const cohortId =
    values.cohort_id ??
    (
      await db()
        .insertInto('cohorts')
        .values({
          name: `Jahrgang ${2020 + counter}`, year: 2020 + counter, phase: 'programme',
          application_opens_at: '2026-01-01T00:00:00Z', application_closes_at: '2026-03-01T00:00:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const organisation = await createOrganisation({
    iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', account_holder: `Kontoinhaber ${counter}`, ...values.organisation,
  });
  const application = await db()
    .insertInto('applications')
    .values({ cohort_id: cohortId, organisation_id: organisation.id, project_name: `Projekt ${counter}`, status: 'selected' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fellowship = await db()
    .insertInto('fellowships')
    .values({
      cohort_id: cohortId, organisation_id: organisation.id, application_id: application.id,
      grant_cents: values.grant_cents ?? 2_500_000, status: values.status ?? 'active',
      agreement_signed_on: values.agreement_signed_on === undefined ? '2026-03-15' : values.agreement_signed_on,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...fellowship, organisation };
}

export async function createMilestone(fellowshipId: number, status: 'open' | 'achieved' | 'missed' = 'open') {
  return db()
    .insertInto('milestones')
    .values({ fellowship_id: fellowshipId, title: 'Transferkonzept', kind: 'transfer_concept', due_on: '2026-06-30', status })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A tranche in any state, straight into the table (creator ≠ approver, as the rules want). */
export async function insertTranche(values: {
  fellowship_id: number; amount_cents: number; status?: 'planned' | 'approved' | 'paid' | 'cancelled';
  created_by: number; approved_by?: number; label?: string; milestone_id?: number; due_on?: string | null;
}) {
  const status = values.status ?? 'planned';
  const approved = status === 'approved' || status === 'paid';
  return db()
    .insertInto('disbursements')
    .values({
      fellowship_id: values.fellowship_id, label: values.label ?? 'Rate', amount_cents: values.amount_cents, status,
      created_by: values.created_by, milestone_id: values.milestone_id ?? null, due_on: values.due_on === undefined ? '2026-05-01' : values.due_on,
      approved_by: approved ? values.approved_by : null, approved_at: approved ? new Date() : null,
      paid_at: status === 'paid' ? new Date() : null, payment_reference: status === 'paid' ? 'BANK-1' : null,
      cancelled_at: status === 'cancelled' ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
