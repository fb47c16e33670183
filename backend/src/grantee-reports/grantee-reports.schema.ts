import { z } from 'zod';
import { BUDGET_CATEGORIES } from '../budget-lines/budget-lines.schema.ts';
import { cents, dateOnly, id, longText, optionalDate, optionalId, requiredText } from '../shared/fields.ts';

export const GRANTEE_REPORT_KINDS = ['interim', 'final'] as const;
export const GRANTEE_REPORT_STATUSES = ['requested', 'submitted', 'returned', 'accepted'] as const;
export const GRANTEE_REPORT_OUTCOMES = ['returned', 'accepted'] as const;
/** States in which the fellow writes the report (text and expenses). */
export const EDITABLE_REPORT_STATUSES = ['requested', 'returned'] as const;

/**
 * Staff request a report. Period and due date default from the cohort's programme year
 * (`reportDefaults` in grantee-reports/index.ts) when left out.
 */
export const granteeReportCreateSchema = z.object({
  fellowship_id: id(),
  kind: z.enum(GRANTEE_REPORT_KINDS, { error: 'Zwischen- oder Schlussbericht wählen.' }),
  period_start: optionalDate(),
  period_end: optionalDate(),
  due_on: optionalDate(),
});

/**
 * One PUT for both sides: the fellow writes the three texts, staff may move the period and the
 * due date. Which keys a role may change is a rule of the service (`prepareReportUpdate`).
 */
export const granteeReportUpdateSchema = z.object({
  achievements: longText(20_000),
  challenges: longText(20_000),
  next_steps: longText(20_000),
  period_start: dateOnly().optional(),
  period_end: dateOnly().optional(),
  due_on: dateOnly().optional(),
});

export const acceptReportSchema = z.object({
  /** Required when a category is over its limit (plan + 20 %): the reason it is accepted anyway. */
  note: longText(4000),
});

export const returnReportSchema = z.object({
  note: requiredText(4000, 'Bitte angeben, was nachzubessern ist.'),
});

/** One spending of the financial statement (zahlenmäßiger Nachweis). */
export const expenseSchema = z.object({
  grantee_report_id: id(),
  category: z.enum(BUDGET_CATEGORIES, { error: 'Bitte eine Kostenkategorie wählen.' }),
  spent_on: dateOnly(),
  payee: requiredText(200, 'Bitte den Zahlungsempfänger angeben.'),
  description: requiredText(2000, 'Bitte beschreiben, wofür das Geld ausgegeben wurde.'),
  /** At least one cent; a single expense above one million euros is a typo. */
  amount_cents: cents(100_000_000).min(1, 'Der Betrag muss größer als 0 sein.'),
  /** A receipt uploaded with this same report (POST /attachments with grantee_report_id). */
  receipt_attachment_id: optionalId(),
});

/** PUT receives the whole record back; an expense never moves to another report. */
export const expenseUpdateSchema = expenseSchema.omit({ grantee_report_id: true }).partial();

export type GranteeReportCreateInput = z.output<typeof granteeReportCreateSchema>;
export type GranteeReportUpdateInput = z.output<typeof granteeReportUpdateSchema>;
export type ExpenseInput = z.output<typeof expenseSchema>;
export type ExpenseUpdateInput = z.output<typeof expenseUpdateSchema>;

/** One row of budget against actual, as `GET /grantee-reports/:id` answers it. */
export interface BudgetVsActual {
  category: (typeof BUDGET_CATEGORIES)[number];
  planned_cents: number;
  actual_cents: number;
  /** (actual − planned) in % of the plan, one decimal; null without a plan. */
  deviation_pct: number | null;
  /** actual > planned × 1.2 */
  over_limit: boolean;
}
