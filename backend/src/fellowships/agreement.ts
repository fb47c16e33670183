import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { berlinDay, money } from '../shared/format.ts';

type Trx = Transaction<Database>;

/** A report's period and its due date, as `YYYY-MM-DD`. */
interface ReportDates {
  period_start: string;
  period_end: string;
  due_on: string;
}

/** The programme year of a cohort and the reports the grant agreement asks for in it. */
export interface ReportingSchedule {
  programme_start: string;
  programme_end: string;
  interim: ReportDates;
  final: ReportDates;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/**
 * The one place that turns a cohort into its programme year and reporting duties (the agreement
 * PDF prints them; grantee reports take them as their defaults). The programme year starts on the
 * first day of the month after the call's deadline (Europe/Berlin) and lasts twelve months. The
 * interim report covers its first six months and is due when month 6 is over; the final report
 * covers the whole year and is due two months after it ends.
 */
export function reportingSchedule(cohort: { application_closes_at: Date | string }): ReportingSchedule {
  const [y, m] = berlinDay(new Date(cohort.application_closes_at)).split('-').map(Number);
  // Months are 0-based for Date.UTC: `m` (1-based) is the month after the deadline's.
  const start = (months: number, day = 1) => iso(y, m + months, day);
  const lastDayBefore = (months: number) => iso(y, m + months, 0);
  return {
    programme_start: start(0),
    programme_end: lastDayBefore(12),
    interim: { period_start: start(0), period_end: lastDayBefore(6), due_on: start(6) },
    final: { period_start: start(0), period_end: lastDayBefore(12), due_on: lastDayBefore(14) },
  };
}

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
