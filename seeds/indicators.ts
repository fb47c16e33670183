import type { Db } from '../backend/src/db/database.ts';
import type { DemoBase } from './base.ts';

/** The set every demo cohort measures (copied from year to year, as staff do with copy-indicators). */
const SET: Array<{ name: string; unit: string; description: string; base: number; step: number }> = [
  { name: 'Neue Standorte', unit: 'Standorte', description: 'Orte, an denen das Angebot durch Partner oder eigene Teams neu läuft.', base: 1, step: 1 },
  { name: 'Erreichte Menschen pro Jahr', unit: 'Personen', description: 'Teilnehmende aller Standorte im Kalenderjahr.', base: 400, step: 150 },
  { name: 'Aktive Ehrenamtliche', unit: 'Personen', description: 'Ehrenamtliche mit mindestens einem Einsatz im letzten Quartal.', base: 25, step: 8 },
];

/**
 * Impact indicators: every cohort gets the three indicators above; each fellow a baseline in April
 * of their year and progress values in July and November (current fellows up to the last month
 * passed); alumni also a follow-up 12 (and, when that day has passed, 24) months after their year.
 * The numbers vary per fellow so the "Wirkung" views show growth, a standstill and one decline.
 */
export async function seedIndicators(db: Db, _base: DemoBase): Promise<void> {
  const cohorts = await db.selectFrom('cohorts').select(['id', 'year', 'phase']).orderBy('id').execute();
  for (const cohort of cohorts) {
    const has = await db.selectFrom('indicators').select('id').where('cohort_id', '=', cohort.id).limit(1).executeTakeFirst();
    if (has) continue;
    const indicators = await db
      .insertInto('indicators')
      .values(SET.map((s, position) => ({ cohort_id: cohort.id, name: s.name, unit: s.unit, description: s.description, direction: 'increase' as const, position })))
      .returning(['id', 'position'])
      .execute();
    const fellowships = await db
      .selectFrom('fellowships as f')
      .leftJoin('users as u', (join) => join.onRef('u.organisation_id', '=', 'f.organisation_id').on('u.role', '=', 'applicant'))
      .select(['f.id', 'f.status', 'u.id as user_id'])
      .where('f.cohort_id', '=', cohort.id)
      .where('f.status', '<>', 'withdrawn')
      .orderBy('f.id')
      .execute()
      .then((rows) => rows.filter((r, i) => rows.findIndex((o) => o.id === r.id) === i));
    const today = new Date().toISOString().slice(0, 10);
    const y = cohort.year;
    type Kind = 'baseline' | 'progress' | 'follow_up';
    const dates: Array<[Kind, string]> = [['baseline', `${y}-04-15`], ['progress', `${y}-07-15`], ['progress', `${y}-11-15`]];
    if (cohort.phase === 'alumni') dates.push(['follow_up', `${y + 1}-12-01`], ['follow_up', `${y + 2}-12-01`]);
    const rows = [];
    for (const [n, f] of fellowships.entries()) {
      // Fellow 3 of each cohort stalls after the baseline, fellow 5 loses volunteers: real series are not all growth.
      const trend = n % 5 === 2 ? 0 : n % 5 === 4 ? -0.5 : 1 + (n % 3) * 0.5;
      for (const indicator of indicators) {
        const s = SET[indicator.position];
        const start = s.base + (n % 4) * s.step;
        for (const [step, [kind, measured_on]] of dates.entries()) {
          if (measured_on > today) continue;
          const value = Math.max(0, Math.round(start + step * s.step * trend));
          rows.push({ fellowship_id: f.id, indicator_id: indicator.id, kind, measured_on, value, created_by: f.user_id, note: kind === 'follow_up' ? 'Nachbefragung' : null });
        }
      }
    }
    if (rows.length) await db.insertInto('indicator_values').values(rows).execute();
  }
}
