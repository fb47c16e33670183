import { sql } from 'kysely';
import type { Db } from '../backend/src/db/database.ts';
import type { Row } from '../backend/src/db/schema.ts';
import { createFellowship } from '../backend/src/fellowships/index.ts';
import { queueEmail } from '../backend/src/emails/emails.service.ts';
import { buildLetters } from '../backend/src/selection/index.ts';
import { FINAL } from '../backend/src/selection/index.ts';
import { rankingTable } from '../backend/src/rankings/index.ts';
import type { DemoBase } from './base.ts';

const SELECT_REASONS = [
  'Überzeugend belegte Wirkung und ein erprobtes Modell, das sich gut an weitere Standorte übertragen lässt.',
  'Starkes Team mit klarer Transferstrategie; die Partner in den Zielregionen sind bereits angesprochen.',
  'Hoher gesellschaftlicher Bedarf, solide Finanzplanung und großes Potenzial für Social Franchising.',
];
const WAITLIST_REASONS = [
  'Sehr gutes Konzept, im direkten Vergleich knapp hinter den ausgewählten Projekten.',
  'Überzeugende Wirkung; die Transferstrategie ist noch nicht ganz so weit ausgearbeitet.',
];
const REJECT_REASONS = [
  'Das Transfermodell ist noch nicht ausreichend erprobt; eine erneute Bewerbung nach einem weiteren Pilotjahr ist willkommen.',
  'Die Wirkung ist plausibel beschrieben, aber noch nicht belegt. Wir empfehlen eine Wirkungsmessung vor der Skalierung.',
  'Die Finanzierung über das Stipendienjahr hinaus ist noch offen; daran scheiterte die Bewerbung im Vergleich.',
  'Das Vorhaben ist eher eine Ausweitung am eigenen Standort als ein Transfer an neue Orte.',
];
const INTERVIEW_NOTES = [
  'Gespräch mit der Geschäftsführung: klare Vorstellung von den ersten drei Transferstandorten, Finanzierung teilweise gesichert.',
  'Sehr motiviertes Team; offene Frage: wer übernimmt die Qualitätssicherung bei den Partnern?',
  'Wirkungsbelege überzeugend (externe Evaluation 2024). Ressourcen für den Transfer knapp.',
  'Franchise-Handbuch liegt im Entwurf vor; Lizenzmodell noch unklar.',
];

const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+01:00`);

/**
 * Applications of a cohort in the order of the jury's ranking, the same one the console, the CSV
 * and selection.pdf show (rankings.queries.ts: rank, then id; unranked last).
 */
async function rankedApplications(db: Db, cohortId: number, statuses: string[]) {
  const ranking = await rankingTable(db, sql<number>`${cohortId}::int`).select(['t.id', 't.rank']).execute();
  const rank = new Map(ranking.map((r) => [r.id, r.rank ?? Number.MAX_SAFE_INTEGER]));
  const rows = await db
    .selectFrom('applications as a')
    .select(['a.id', 'a.cohort_id', 'a.organisation_id', 'a.status', 'a.project_name'])
    .where('a.cohort_id', '=', cohortId)
    .where('a.status', 'in', statuses as any)
    .execute();
  const of = (id: number) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((x, y) => of(x.id) - of(y.id) || x.id - y.id);
}

/** The release's letters, one per application in a final state, as `finalize-selection` queues them. */
async function queueLetters(db: Db, cohort: Row<'cohorts'>, publicUrl: string, sentAt?: Date) {
  for (const letter of await buildLetters(db, cohort, publicUrl)) {
    if (!letter.to) continue;
    const email = { to: letter.to, subject: letter.subject, body: letter.body, template: letter.template, organisation_id: letter.organisation_id, dedupe_key: letter.dedupe_key };
    if (!sentAt) await queueEmail(db, email);
    else await db.insertInto('emails').values({ ...email, status: 'sent', attempts: 1, sent_at: sentAt, next_attempt_at: sentAt, created_at: sentAt }).execute();
  }
}

async function decide(db: Db, id: number, status: 'shortlisted' | 'selected' | 'waitlisted' | 'rejected', values: Record<string, unknown>) {
  await db.updateTable('applications').set({ status, ...values } as any).where('id', '=', id).execute();
}

/**
 * Selection step. Current cohort (the newest with eligible applications): the 20 best in the jury's
 * ranking are shortlisted with phone interviews, 10 selected, 4 waitlisted, the rest rejected with
 * reasons; the selection is released (fellowships with coaches coach1..3, transfer concept and Demo
 * Day milestones, one letter per application in a final state — ineligible ones included — in the
 * outbox, links to `PUBLIC_URL`) and the cohort moves on to `programme`. Past cohorts get 10
 * completed fellowships each, their letters as sent (and become `alumni`). Without cohorts it does nothing.
 */
export async function seedSelection(db: Db, base: DemoBase): Promise<void> {
  const cohorts = await db.selectFrom('cohorts').selectAll().orderBy('year', 'desc').orderBy('id', 'desc').execute();
  if (!cohorts.length) return;
  const coaches = base.coaches.map((c) => c.id);
  // The current cohort is the newest one past its call (a next year's call may already be open).
  const current = cohorts.find((c) => !['draft', 'call_open', 'alumni'].includes(c.phase)) ?? cohorts.find((c) => c.phase !== 'alumni');
  if (current) await seedCurrent(db, current, coaches, base.staff.id, base.publicUrl);
  for (const past of cohorts.filter((c) => (current ? c.year < current.year : c.phase === 'alumni'))) await seedPast(db, past, coaches, base.publicUrl);
}

async function seedCurrent(db: Db, cohort: Row<'cohorts'>, coaches: number[], staffId: number, publicUrl: string) {
  if (cohort.selection_finalized_at) return;
  const pool = await rankedApplications(db, cohort.id, ['eligible', 'shortlisted']);
  if (pool.length === 0) return;
  const y = cohort.year;
  const decidedAt = at(`${y}-03-20`);
  const seats = cohort.seats;
  for (const [i, app] of pool.entries()) {
    if (i < 20) {
      await decide(db, app.id, 'shortlisted', { interview_at: at(`${y}-03-${String(2 + (i % 12)).padStart(2, '0')}`, 9 + (i % 8)), interview_notes: INTERVIEW_NOTES[i % INTERVIEW_NOTES.length] });
    }
    const base = { decided_at: decidedAt, decided_by: staffId };
    if (i < seats) await decide(db, app.id, 'selected', { ...base, decision_reason: SELECT_REASONS[i % SELECT_REASONS.length] });
    else if (i < seats + 4) await decide(db, app.id, 'waitlisted', { ...base, waitlist_position: i - seats + 1, decision_reason: WAITLIST_REASONS[i % WAITLIST_REASONS.length] });
    else await decide(db, app.id, 'rejected', { ...base, decision_reason: REJECT_REASONS[i % REJECT_REASONS.length] });
  }
  const start = at(`${y}-04-01`);
  const selected = await db.selectFrom('applications').selectAll().where('cohort_id', '=', cohort.id).where('status', '=', 'selected').orderBy('id').execute();
  for (const [i, app] of selected.entries()) {
    const { fellowship } = await createFellowship(db, null, app, cohort, start);
    await db
      .updateTable('fellowships')
      .set({ coach_id: coaches[i % coaches.length] ?? null, goals: 'Transfer an drei neue Standorte, Partnerverträge und ein Qualitätshandbuch bis zum Demo Day.', created_at: start } as any)
      .where('id', '=', fellowship.id)
      .execute();
    // Stage gate: the first six handed in their transfer concept, four of them already approved.
    if (i < 6) {
      await db
        .updateTable('milestones')
        .set({ status: 'achieved', achieved_at: at(`${y}-08-${String(20 + i).padStart(2, '0')}`), note: 'Transferkonzept eingereicht und im Coaching besprochen.' })
        .where('fellowship_id', '=', fellowship.id)
        .where('kind', '=', 'transfer_concept')
        .execute();
      if (i < 4) await db.updateTable('fellowships').set({ stage: 2 }).where('id', '=', fellowship.id).execute();
    }
    await db.insertInto('milestones').values({ fellowship_id: fellowship.id, title: 'Erster Partnerstandort unterzeichnet', kind: 'other', due_on: `${y}-07-31`, status: i % 3 === 0 ? 'open' : 'achieved', achieved_at: i % 3 === 0 ? null : at(`${y}-07-15`) }).execute();
  }
  await queueLetters(db, cohort, publicUrl);
  await db.updateTable('applications').set({ decision_released_at: at(`${y}-03-25`) }).where('cohort_id', '=', cohort.id).where('status', 'in', [...FINAL]).execute();
  await db.updateTable('cohorts').set({ selection_finalized_at: at(`${y}-03-25`), phase: 'programme' }).where('id', '=', cohort.id).execute();
}

async function seedPast(db: Db, cohort: Row<'cohorts'>, coaches: number[], publicUrl: string) {
  const existing = await db.selectFrom('fellowships').select('id').where('cohort_id', '=', cohort.id).limit(1).executeTakeFirst();
  if (existing) return;
  const y = cohort.year;
  let pool = await rankedApplications(db, cohort.id, ['submitted', 'eligible', 'shortlisted', 'selected']);
  if (pool.length < cohort.seats) {
    // A past year the call step did not fill: its fellows come from organisations with no application yet.
    const free = await db
      .selectFrom('organisations as o')
      .select(['o.id', 'o.name'])
      .where('o.id', 'not in', db.selectFrom('applications').select('organisation_id'))
      .orderBy('o.id', 'desc')
      .limit(cohort.seats - pool.length)
      .execute();
    for (const org of free) {
      await db
        .insertInto('applications')
        .values({
          cohort_id: cohort.id, organisation_id: org.id, project_name: `${org.name}: Transfer in neue Regionen`, status: 'submitted',
          summary: 'Übertragung eines erprobten Angebots an weitere Standorte.', transfer_model: 'social_franchise', submitted_at: at(`${y}-01-31`),
        })
        .execute();
    }
    pool = await rankedApplications(db, cohort.id, ['submitted', 'eligible', 'shortlisted', 'selected']);
  }
  const start = at(`${y}-04-01`);
  for (const [i, app] of pool.entries()) {
    const chosen = i < cohort.seats;
    await decide(db, app.id, chosen ? 'selected' : 'rejected', {
      decision_reason: chosen ? SELECT_REASONS[i % SELECT_REASONS.length] : REJECT_REASONS[i % REJECT_REASONS.length],
      decided_at: at(`${y}-03-20`), decision_released_at: at(`${y}-03-25`), interview_at: chosen ? at(`${y}-03-05`, 9 + (i % 8)) : null,
    });
    if (!chosen) continue;
    const full = await db.selectFrom('applications').selectAll().where('id', '=', app.id).executeTakeFirstOrThrow();
    const { fellowship } = await createFellowship(db, null, full, cohort, start);
    await db
      .updateTable('fellowships')
      .set({ coach_id: coaches[i % coaches.length] ?? null, status: 'completed', stage: 2, goals: 'Transfer an neue Standorte.', created_at: start } as any)
      .where('id', '=', fellowship.id)
      .execute();
    await db.updateTable('milestones').set({ status: 'achieved', achieved_at: sql`(due_on::timestamp + interval '10 hours')` }).where('fellowship_id', '=', fellowship.id).execute();
  }
  await queueLetters(db, cohort, publicUrl, at(`${y}-03-25`));
  await db.updateTable('cohorts').set({ selection_finalized_at: at(`${y}-03-25`), phase: 'alumni' }).where('id', '=', cohort.id).execute();
}
