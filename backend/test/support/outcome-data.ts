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

const hash = (n: number) => n.toString(16).padStart(64, '0');

/**
 * Two surveys of a cohort, written straight: "Workshop Wirkungsmessung" with four answers (two 1–5
 * scales, an NPS, a free text) and one quote chosen by staff; "Kleine Umfrage" with two answers only,
 * below the threshold, so no report may show it.
 */
export async function addSurveys(db: Kysely<Database>, cohortId: number): Promise<{ shown: string; hidden: string; quote: string }> {
  const questions = [
    { key: 'useful', label: 'Wie nützlich war der Workshop?', type: 'scale_1_5' as const },
    { key: 'organised', label: 'Wie gut war er organisiert?', type: 'scale_1_5' as const },
    { key: 'recommend', label: 'Würden Sie ihn empfehlen?', type: 'nps_0_10' as const },
    { key: 'comment', label: 'Was nehmen Sie mit?', type: 'text' as const },
  ];
  const [shown, hidden] = await db.insertInto('surveys').values([
    { cohort_id: cohortId, title: 'Workshop Wirkungsmessung', kind: 'workshop_feedback', questions: JSON.stringify(questions), opens_at: '2026-05-01T08:00:00Z', closes_at: '2026-05-15T20:00:00Z' },
    { cohort_id: cohortId, title: 'Kleine Umfrage', kind: 'custom', questions: JSON.stringify(questions), opens_at: '2026-06-01T08:00:00Z', closes_at: '2026-06-15T20:00:00Z' },
  ]).returning(['id']).execute();
  const answers = [
    { useful: 5, organised: 4, recommend: 10, comment: 'Wir haben endlich eine Wirkungslogik, die der Vorstand versteht.' },
    { useful: 4, organised: 4, recommend: 9, comment: 'Sehr praxisnah.' },
    { useful: 3, organised: 5, recommend: 6, comment: '' },
    { useful: 5, organised: 3, recommend: 8, comment: 'Mehr Zeit für Fragen wäre gut.' },
  ];
  await db.insertInto('survey_responses').values([
    ...answers.map((a, i) => ({ survey_id: shown.id, respondent_hash: hash(i + 1), answers: JSON.stringify(a), answered_on: '2026-05-10' })),
    ...answers.slice(0, 2).map((a, i) => ({ survey_id: hidden.id, respondent_hash: hash(i + 11), answers: JSON.stringify(a), answered_on: '2026-06-10' })),
  ]).execute();
  const quote = 'Wir haben endlich eine Wirkungslogik, die der Vorstand versteht.';
  await db.insertInto('survey_quotes').values([
    { survey_id: shown.id, question_key: 'comment', text: quote, position: 1 },
    { survey_id: hidden.id, question_key: 'comment', text: 'Sehr praxisnah.', position: 1 },
  ]).execute();
  return { shown: 'Workshop Wirkungsmessung', hidden: 'Kleine Umfrage', quote };
}
