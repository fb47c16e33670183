import type { BudgetCategory } from '../../src/db/schema.ts';
import { createOrganisation, db } from './fixtures.ts';
import { createCohort, createFellowship } from './programme.ts';

/**
 * Grant agreements and grantee reports inserted straight into the tables (migration 0018), for
 * tests of the Verwendungsnachweis, funder.pdf and the reminders without the reports API.
 */
export async function createReportingFellowship(values: { organisation?: Record<string, unknown>; cohort_id?: number; coach_id?: number | null; grant_cents?: number } = {}) {
  const cohortId = values.cohort_id ?? (await createCohort()).id;
  const organisation = await createOrganisation(values.organisation ?? {});
  const fellowship = await createFellowship({ cohort_id: cohortId, organisation_id: organisation.id, coach_id: values.coach_id ?? null, grant_cents: values.grant_cents });
  return { ...fellowship, organisation };
}

export async function insertBudget(fellowshipId: number, plan: Partial<Record<BudgetCategory, number>>) {
  for (const [category, planned_cents] of Object.entries(plan)) {
    await db().insertInto('budget_lines').values({ fellowship_id: fellowshipId, category: category as BudgetCategory, planned_cents }).execute();
  }
}

export async function insertGranteeReport(fellowshipId: number, values: {
  kind?: 'interim' | 'final'; period_start?: string; period_end?: string; due_on?: string;
  status?: 'requested' | 'submitted' | 'returned' | 'accepted'; achievements?: string | null; challenges?: string | null; next_steps?: string | null;
  submitted_at?: Date | null; submitted_by?: number | null; reviewed_at?: Date | null; reviewed_by?: number | null; review_note?: string | null;
} = {}) {
  return db()
    .insertInto('grantee_reports')
    .values({
      fellowship_id: fellowshipId,
      kind: values.kind ?? 'interim',
      period_start: values.period_start ?? '2026-04-01',
      period_end: values.period_end ?? '2026-09-30',
      due_on: values.due_on ?? '2026-10-31',
      status: values.status ?? 'requested',
      achievements: values.achievements ?? null,
      challenges: values.challenges ?? null,
      next_steps: values.next_steps ?? null,
      submitted_at: values.submitted_at ?? null,
      submitted_by: values.submitted_by ?? null,
      reviewed_at: values.reviewed_at ?? null,
      reviewed_by: values.reviewed_by ?? null,
      review_note: values.review_note ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An expense, with a receipt (an attachment of the report) unless `receipt: null`. */
export async function insertExpense(reportId: number, values: {
  category: BudgetCategory; amount_cents: number; spent_on: string; payee?: string; description?: string; receipt?: string | null;
}) {
  const receipt = values.receipt === null
    ? null
    : await db()
      .insertInto('attachments')
      .values({
        grantee_report_id: reportId, application_id: null, filename: values.receipt ?? 'beleg.pdf', content_type: 'application/pdf', size_bytes: 9,
        content: Buffer.from('%PDF-1.4\n'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  return db()
    .insertInto('expenses')
    .values({
      grantee_report_id: reportId, category: values.category, spent_on: values.spent_on, amount_cents: values.amount_cents,
      payee: values.payee ?? 'Druckerei Müller GmbH', description: values.description ?? 'Flyer für die Standorte', receipt_attachment_id: receipt?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
