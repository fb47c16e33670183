import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { coachingBudget, exceedsBudget } from './coaching-sessions.schema.ts';
import { usedMinutesOf } from './coaching-sessions.queries.ts';
import { number } from '../shared/format.ts';

type Trx = Transaction<Database>;

/**
 * Locks the fellowship row, so that two sessions logged at once are summed one after the other
 * and the budget holds under concurrent requests. A fellowship the caller does not coach is 404.
 */
export async function lockFellowship(trx: Trx, ctx: RequestContext, fellowshipId: number) {
  const visible = await visibleFellowshipIds(trx, ctx.user).where('vf.id', '=', fellowshipId).executeTakeFirst();
  if (!visible) throw notFound('Fellowship nicht gefunden.');
  return trx
    .selectFrom('fellowships')
    .select(['id', 'status', 'coaching_hours_budget', 'coach_id'])
    .where('id', '=', fellowshipId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

async function usedMinutes(trx: Trx, fellowshipId: number, exceptSessionId?: number) {
  const row = await trx.selectNoFrom(usedMinutesOf(fellowshipId, exceptSessionId).as('minutes')).executeTakeFirstOrThrow();
  return Number(row.minutes);
}

/**
 * The budget decision: logging that would take a fellowship past its coaching-hours budget is
 * refused (409 `coaching_budget_exceeded`). Hours are paid for by the funder; going beyond needs
 * staff to raise the fellowship's budget first, which leaves a trace in the audit log. Near the
 * limit (≥ 80 %) and at the limit, the answers carry a warning state instead.
 */
export async function checkBudget(trx: Trx, fellowship: { id: number; coaching_hours_budget: number }, addMinutes: number, exceptSessionId?: number) {
  const used = await usedMinutes(trx, fellowship.id, exceptSessionId);
  if (exceedsBudget(used, addMinutes, fellowship.coaching_hours_budget)) {
    const budget = coachingBudget(used, fellowship.coaching_hours_budget);
    throw conflict(
      `Das Coaching-Budget reicht nicht: ${number(budget.remaining_hours, 'de', 2)} von ${number(budget.budget_hours, 'de', 2)} Stunden übrig.`,
      'coaching_budget_exceeded',
      { duration_minutes: `Noch ${number(budget.remaining_hours, 'de', 2)} Stunden im Budget.` },
    );
  }
}

export function checkActive(fellowship: { status: string }) {
  if (fellowship.status === 'withdrawn') throw conflict('Die Fellowship wurde beendet; hier wird nichts mehr protokolliert.', 'fellowship_withdrawn');
}

/** Only the coach who wrote a session (and admins) change or delete it. */
export function checkWriter(ctx: RequestContext, session: { coach_id: number }) {
  if (ctx.user?.role === 'admin') return;
  if (ctx.user?.role === 'coach' && session.coach_id === ctx.user.id) return;
  if (ctx.user?.role === 'staff' || ctx.user?.role === 'coach') throw forbidden('Nur die schreibende Person ändert ein Protokoll.');
  throw notFound();
}
