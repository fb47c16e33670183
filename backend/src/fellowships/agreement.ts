import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { berlinDay, money } from '../shared/format.ts';

type Trx = Transaction<Database>;

/** Σ planned_cents of a fellowship's budget plan. */
export async function budgetPlanCents(trx: Trx, fellowshipId: number, exceptId?: number): Promise<number> {
  let qb = trx.selectFrom('budget_lines').select(sql<string>`coalesce(sum(planned_cents), 0)`.as('sum')).where('fellowship_id', '=', fellowshipId);
  if (exceptId !== undefined) qb = qb.where('id', '<>', exceptId);
  return Number((await qb.executeTakeFirstOrThrow()).sum);
}

/**
 * Staff record the signed agreement. The day is not in the future (Berlin calendar); once a tranche
 * was approved on the strength of it, it can be corrected but not removed. The caller holds the
 * fellowship's row lock, which the approval of a tranche takes too: an approval and a removal never
 * pass each other.
 */
export async function assertAgreementDate(trx: Trx, fellowshipId: number, signedOn: string | null) {
  if (signedOn !== null) {
    if (signedOn > berlinDay(new Date())) {
      throw badRequest('Das Datum der Unterschrift darf nicht in der Zukunft liegen.', { agreement_signed_on: 'Heute oder früher.' });
    }
    return;
  }
  const released = await trx
    .selectFrom('disbursements')
    .select('id')
    .where('fellowship_id', '=', fellowshipId)
    .where('status', 'in', ['approved', 'paid'])
    .executeTakeFirst();
  if (released) {
    throw conflict(
      'Auf Grundlage des unterschriebenen Fördervertrags wurden bereits Tranchen freigegeben; das Datum kann korrigiert, aber nicht entfernt werden.',
      'agreement_in_use',
      { agreement_signed_on: 'Bereits Tranchen freigegeben.' },
    );
  }
}

/** The grant may not fall below the budget plan (the caller holds the fellowship's row lock). */
export async function assertGrantCoversBudget(trx: Trx, fellowshipId: number, grantCents: number) {
  const planned = await budgetPlanCents(trx, fellowshipId);
  if (grantCents < planned) {
    throw conflict(
      `Das Stipendium darf nicht unter den Finanzplan des Fördervertrags sinken (geplant ${money(planned)}).`,
      'budget_plan',
      { grant_cents: `Mindestens ${money(planned)} (Finanzplan).` },
    );
  }
}
