import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { BUNDESLAENDER } from '../organisations/organisations.schema.ts';
import type { SiteCounts, TransferSiteSummary } from './transfer-sites.schema.ts';

/**
 * The one place transfer sites are counted: per Bundesland and status, for one cohort (the
 * fellowships of that cohort) or across all cohorts. Every Bundesland gets a row (zeros included),
 * in the order of BUNDESLAENDER, so charts and the funder report line up the same way.
 * `within`: across these cohorts only (a funder's cohorts), when no single cohort is asked for.
 */
export async function transferSiteSummary(db: Kysely<Database>, cohortId?: number, within?: readonly number[]): Promise<TransferSiteSummary> {
  let query = db
    .selectFrom('transfer_sites as s')
    .innerJoin('fellowships as f', 'f.id', 's.fellowship_id')
    .select([
      's.state',
      sql<number>`count(*) filter (where s.status = 'planned')::int`.as('planned'),
      sql<number>`count(*) filter (where s.status = 'preparing')::int`.as('preparing'),
      sql<number>`count(*) filter (where s.status = 'active')::int`.as('active'),
      sql<number>`count(*) filter (where s.status = 'closed')::int`.as('closed'),
    ])
    .groupBy('s.state');
  if (cohortId !== undefined) query = query.where('f.cohort_id', '=', cohortId);
  else if (within) query = within.length ? query.where('f.cohort_id', 'in', within) : query.where(sql<boolean>`false`);
  const found = new Map((await query.execute()).map((r) => [r.state, r]));
  const rows = BUNDESLAENDER.map((state) => {
    const r = found.get(state);
    return { state, planned: Number(r?.planned ?? 0), preparing: Number(r?.preparing ?? 0), active: Number(r?.active ?? 0), closed: Number(r?.closed ?? 0) };
  });
  const sum = (key: keyof SiteCounts) => rows.reduce((acc, r) => acc + r[key], 0);
  const totals = { planned: sum('planned'), preparing: sum('preparing'), active: sum('active'), closed: sum('closed') };
  return {
    cohort_id: cohortId ?? null,
    rows,
    totals: { ...totals, sites: totals.planned + totals.preparing + totals.active + totals.closed, states_with_active: rows.filter((r) => r.active > 0).length },
  };
}
