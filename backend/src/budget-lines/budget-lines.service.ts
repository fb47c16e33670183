import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { changedFields, type Existing, type NewRow, type Patch } from '../http/resource.ts';
import { budgetPlanCents } from '../fellowships/index.ts';
import { label } from '../shared/labels.ts';
import { money } from '../shared/format.ts';
import type { BudgetLineInput, BudgetLineUpdateInput } from './budget-lines.schema.ts';

type Trx = Transaction<Database>;

/**
 * Locks the fellowship: every change to its budget plan, a change of its grant and the approval of
 * its tranches queue behind this lock, so two lines saved at once are summed one after the other.
 */
function lockFellowship(trx: Trx, fellowshipId: number) {
  return trx.selectFrom('fellowships').select(['id', 'grant_cents']).where('id', '=', fellowshipId).forUpdate().executeTakeFirst();
}

async function assertCategoryFree(trx: Trx, fellowshipId: number, category: string, exceptId?: number) {
  let qb = trx.selectFrom('budget_lines').select('id').where('fellowship_id', '=', fellowshipId).where('category', '=', category as never);
  if (exceptId !== undefined) qb = qb.where('id', '<>', exceptId);
  if (await qb.executeTakeFirst()) {
    throw conflict(`Für die Kategorie „${label('budget_category', category)}“ gibt es in diesem Finanzplan schon eine Zeile; bitte diese ändern.`, 'duplicate_category', {
      category: 'Kategorie schon im Finanzplan.',
    });
  }
}

/** Σ planned_cents ≤ grant_cents, checked under the fellowship's lock. */
async function assertWithinGrant(trx: Trx, fellowship: { id: number; grant_cents: number }, plannedCents: number, exceptId?: number) {
  const grant = Number(fellowship.grant_cents);
  const others = await budgetPlanCents(trx, fellowship.id, exceptId);
  if (others + plannedCents > grant) {
    const left = Math.max(grant - others, 0);
    throw conflict(
      `Der Finanzplan übersteigt das Stipendium: bewilligt ${money(grant)}, in anderen Kategorien geplant ${money(others)}, frei ${money(left)}.`,
      'budget_exceeded',
      { planned_cents: `Höchstens ${money(left)}.` },
    );
  }
}

export async function prepareCreate(_ctx: RequestContext, input: BudgetLineInput, trx: Trx): Promise<NewRow<'budget_lines'>> {
  const fellowship = await lockFellowship(trx, input.fellowship_id);
  if (!fellowship) throw badRequest('Diese Förderung gibt es nicht.', { fellowship_id: 'Unbekannte Förderung.' });
  await assertCategoryFree(trx, fellowship.id, input.category);
  await assertWithinGrant(trx, fellowship, input.planned_cents);
  return { fellowship_id: fellowship.id, category: input.category, planned_cents: input.planned_cents, note: input.note ?? null };
}

export async function prepareUpdate(_ctx: RequestContext, input: BudgetLineUpdateInput, existing: Existing<'budget_lines'>, trx: Trx): Promise<Patch<'budget_lines'>> {
  const patch: Patch<'budget_lines'> = changedFields({ ...input, planned_cents: input.planned_cents }, { ...existing, planned_cents: Number(existing.planned_cents) });
  if (patch.category !== undefined) await assertCategoryFree(trx, existing.fellowship_id, patch.category, existing.id);
  if (patch.planned_cents !== undefined) {
    // The line's own lock is held already; the fellowship's comes second here as in every writer of a line.
    const fellowship = (await lockFellowship(trx, existing.fellowship_id))!;
    await assertWithinGrant(trx, fellowship, Number(patch.planned_cents), existing.id);
  }
  return patch;
}
