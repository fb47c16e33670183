import { z } from 'zod';
import type { BudgetCategory } from '../db/schema.ts';
import { cents, id, longText } from '../shared/fields.ts';

/** Cost categories of the budget plan (the grantee reports' expenses use the same). */
export const BUDGET_CATEGORIES = ['personnel', 'fees', 'travel', 'material', 'events', 'overhead', 'other'] as const satisfies readonly BudgetCategory[];

/** One line of a fellowship's budget plan: one per category; Σ planned_cents ≤ the grant. */
export const budgetLineSchema = z.object({
  fellowship_id: id(),
  category: z.enum(BUDGET_CATEGORIES, { error: 'Bitte eine Kostenkategorie wählen.' }),
  planned_cents: cents(),
  note: longText(2000),
});

/** A line stays with its fellowship; category, amount and note change. */
export const budgetLineUpdateSchema = budgetLineSchema.omit({ fellowship_id: true }).partial();

export type BudgetLineInput = z.output<typeof budgetLineSchema>;
export type BudgetLineUpdateInput = z.output<typeof budgetLineUpdateSchema>;
