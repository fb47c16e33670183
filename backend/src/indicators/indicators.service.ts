import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { previousCohortWith } from '../cohorts/index.ts';

/** Indicators are the yardstick of the programme year: defined before it starts, fixed from `programme` on. */
const EDITABLE_PHASES = new Set(['draft', 'call_open', 'review', 'selection']);
const LOCKED_MESSAGE = 'Die Indikatoren stehen fest, seit das Programm des Jahrgangs begonnen hat.';

/** Locks the cohort row (so a copy and a create do not interleave) and refuses once the programme runs. */
export async function assertIndicatorsEditable(trx: Transaction<Database>, cohortId: number) {
  const cohort = await trx.selectFrom('cohorts').select(['id', 'phase', 'year']).where('id', '=', cohortId).forUpdate().executeTakeFirst();
  if (!cohort) throw notFound('Jahrgang nicht gefunden.');
  if (!EDITABLE_PHASES.has(cohort.phase)) throw conflict(LOCKED_MESSAGE, 'indicators_locked');
  return cohort;
}

/** Copies another cohort's indicators (default: the latest earlier one that has some) into a cohort that has none. */
export async function copyIndicators(ctx: RequestContext, targetId: number, fromCohortId: number | undefined) {
  await ctx.db.transaction().execute(async (trx) => {
    const target = await assertIndicatorsEditable(trx, targetId);
    const existing = await trx.selectFrom('indicators').select('id').where('cohort_id', '=', targetId).limit(1).executeTakeFirst();
    if (existing) throw conflict('Dieser Jahrgang hat schon Indikatoren; sie werden nicht doppelt übernommen.', 'indicators_exist');
    let sourceId = fromCohortId;
    if (sourceId === undefined) {
      const previous = await previousCohortWith(trx, { id: targetId, year: target.year }, 'indicators');
      if (previous === undefined) throw notFound('Es gibt keinen früheren Jahrgang mit Indikatoren.');
      sourceId = previous;
    } else if (sourceId === targetId) {
      throw badRequest('Quelle und Ziel sind derselbe Jahrgang.', { from_cohort_id: 'Bitte einen anderen Jahrgang wählen.' });
    }
    const source = await trx.selectFrom('indicators').selectAll().where('cohort_id', '=', sourceId).orderBy('position').orderBy('id').execute();
    if (!source.length) throw notFound('Der Quell-Jahrgang wurde nicht gefunden oder hat keine Indikatoren.');
    const rows = await trx
      .insertInto('indicators')
      .values(source.map((i) => ({ cohort_id: targetId, name: i.name, unit: i.unit, description: i.description, direction: i.direction, position: i.position })))
      .returning('id')
      .execute();
    await recordAudit(trx, ctx.user, 'copy-indicators', 'cohorts', targetId, null, null, { from_cohort_id: sourceId, indicators: rows.map((r) => r.id) });
  });
}

/** The fellowship a value belongs to, if this caller may see it (else 404), locked for the baseline rule. */
export async function lockVisibleFellowship(trx: Transaction<Database>, ctx: RequestContext, fellowshipId: number) {
  const fellowship = await trx
    .selectFrom('fellowships as t')
    .select(['t.id', 't.cohort_id'])
    .where('t.id', '=', fellowshipId)
    .where('t.id', 'in', visibleFellowshipIds(trx, ctx.user))
    .forUpdate()
    .executeTakeFirst();
  if (!fellowship) throw notFound('Förderung nicht gefunden.');
  return fellowship;
}

export async function assertIndicatorOfCohort(trx: Transaction<Database>, indicatorId: number, cohortId: number) {
  const indicator = await trx.selectFrom('indicators').select(['cohort_id']).where('id', '=', indicatorId).executeTakeFirst();
  if (!indicator || indicator.cohort_id !== cohortId) {
    throw badRequest('Bitte prüfen Sie die markierten Felder.', { indicator_id: 'Dieser Indikator gehört nicht zum Jahrgang der Förderung.' });
  }
}

/** One baseline per fellowship and indicator (the fellowship row is locked by the caller; a unique index backs it). */
export async function assertNoOtherBaseline(trx: Transaction<Database>, fellowshipId: number, indicatorId: number, exceptId: number | null) {
  let query = trx
    .selectFrom('indicator_values')
    .select('id')
    .where('fellowship_id', '=', fellowshipId)
    .where('indicator_id', '=', indicatorId)
    .where('kind', '=', 'baseline');
  if (exceptId != null) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) {
    throw conflict('Für diesen Indikator gibt es schon einen Ausgangswert; bitte ihn mit einer Notiz korrigieren.', 'baseline_exists', { kind: 'Es gibt schon einen Ausgangswert.' });
  }
}
