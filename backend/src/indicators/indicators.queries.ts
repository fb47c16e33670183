import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Baseline → latest per fellowship and indicator: the one place these numbers come from (the view
 * `indicator_progress`, migration 0019). "Latest" is the value with the latest `measured_on`
 * (ties: the later entry); `change` = latest − baseline, NULL without a baseline. The fellowship's
 * indicator page and the funder report read this, so they cannot disagree.
 */
export async function indicatorProgress(db: Kysely<Database>, fellowshipIds: readonly number[]) {
  if (!fellowshipIds.length) return [];
  const rows = await db
    .selectFrom('indicator_progress')
    .selectAll()
    .where('fellowship_id', 'in', fellowshipIds)
    .orderBy('fellowship_id')
    .orderBy('position')
    .orderBy('indicator_id')
    .execute();
  const num = (v: number | string | null) => (v == null ? null : Number(v));
  return rows.map((r) => ({
    ...r,
    position: Number(r.position),
    baseline_value: num(r.baseline_value),
    latest_value: num(r.latest_value),
    change: num(r.change),
    value_count: Number(r.value_count),
  }));
}
