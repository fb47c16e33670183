import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { BUNDESLAENDER } from '../../src/organisations/organisations.schema.ts';

const SITE_STATUSES = ['planned', 'preparing', 'active', 'active', 'closed'] as const;
const INDICATOR_NAMES = ['Neue Standorte', 'Erreichte Menschen pro Jahr', 'Aktive Ehrenamtliche', 'Kooperationen mit Kommunen', 'Wartezeit in Tagen'];

export interface OutcomeShape {
  /** Indicators of the cohort (default 3). */
  indicators?: number;
  /** Values per fellow and indicator: one baseline, then progress, the last ones follow-ups (default 4). */
  values?: number;
  /** Transfer sites per fellow (default 2). */
  sitesPerFellow?: number;
}

/**
 * Outcome data for a cohort's fellowships, written straight with Kysely: indicators, values
 * (baseline, progress, follow-up; most grow, some decline) and transfer sites across Bundesländer
 * and all statuses. Tests compute their expectations from the tables, not from this function.
 */
export async function addOutcomes(db: Kysely<Database>, cohortId: number, shape: OutcomeShape = {}): Promise<void> {
  const indicatorCount = shape.indicators ?? 3;
  const valueCount = Math.max(1, shape.values ?? 4);
  const sitesPerFellow = shape.sitesPerFellow ?? 2;
  const cohort = await db.selectFrom('cohorts').select('year').where('id', '=', cohortId).executeTakeFirstOrThrow();
  const fellowships = await db.selectFrom('fellowships').select('id').where('cohort_id', '=', cohortId).orderBy('id').execute();
  const indicators = indicatorCount
    ? await db.insertInto('indicators').values(Array.from({ length: indicatorCount }, (_, k) => ({
      cohort_id: cohortId, name: INDICATOR_NAMES[k % INDICATOR_NAMES.length] + (k >= INDICATOR_NAMES.length ? ` ${k + 1}` : ''),
      unit: k === 1 ? 'Personen' : 'Anzahl', direction: k === 4 ? 'decrease' as const : 'increase' as const, position: k + 1,
    }))).returning(['id']).execute()
    : [];
  const values: Array<{ fellowship_id: number; indicator_id: number; kind: 'baseline' | 'progress' | 'follow_up'; measured_on: string; value: string }> = [];
  const followUps = valueCount >= 4 ? 2 : 0;
  fellowships.forEach((f, i) => {
    indicators.forEach((ind, k) => {
      const start = 10 * (i + 1) + k * 7;
      const step = i % 5 === 4 ? -1 : (i % 3) + k + 1;
      for (let v = 0; v < valueCount; v++) {
        const kind = v === 0 ? 'baseline' : v >= valueCount - followUps ? 'follow_up' : 'progress';
        const on = kind === 'follow_up' ? `${cohort.year + v - (valueCount - followUps) + 1}-12-01` : `${cohort.year}-${String(3 + v).padStart(2, '0')}-15`;
        values.push({ fellowship_id: f.id, indicator_id: ind.id, kind, measured_on: on, value: String(Math.max(0, start + step * v) + (k === 1 ? 0.5 : 0)) });
      }
    });
  });
  for (let i = 0; i < values.length; i += 500) await db.insertInto('indicator_values').values(values.slice(i, i + 500)).execute();
  const sites = fellowships.flatMap((f, i) => Array.from({ length: sitesPerFellow }, (_, s) => {
    const status = SITE_STATUSES[(i + s) % SITE_STATUSES.length];
    return {
      fellowship_id: f.id, name: `Standort ${i + 1}.${s + 1}`, city: `Stadt ${s + 1}`, state: BUNDESLAENDER[(i * 3 + s * 5) % BUNDESLAENDER.length],
      transfer_model: 'social_franchise' as const, status,
      opened_on: status === 'active' || status === 'closed' ? `${cohort.year}-0${(s % 9) + 1}-01` : null,
      closed_on: status === 'closed' ? `${cohort.year + 1}-06-30` : null,
    };
  }));
  if (sites.length) await db.insertInto('transfer_sites').values(sites).execute();
}
