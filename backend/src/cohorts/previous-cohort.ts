import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The cohort a "copy last year's …" action copies from when none is named: the latest earlier
 * cohort (by year, then id) that has rows in `table`. Used by criteria and indicators.
 */
export async function previousCohortWith(
  trx: Transaction<Database>,
  target: { id: number; year: number },
  table: 'criteria' | 'indicators',
): Promise<number | undefined> {
  const previous = await trx
    .selectFrom('cohorts as c')
    .select('c.id')
    .where('c.id', '<>', target.id)
    .where((eb) => eb.or([eb('c.year', '<', target.year), eb.and([eb('c.year', '=', target.year), eb('c.id', '<', target.id)])]))
    .where(sql<boolean>`exists (select 1 from ${sql.table(table)} x where x.cohort_id = c.id)`)
    .orderBy('c.year', 'desc')
    .orderBy('c.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return previous?.id;
}
