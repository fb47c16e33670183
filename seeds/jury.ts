import type { Db } from '../backend/src/db/database.ts';
import { planAssignment } from '../backend/src/reviews/index.ts';
import { ASSIGNABLE_STATUSES } from '../backend/src/reviews/index.ts';
import type { DemoBase } from './base.ts';
import { seededRandom } from './names.ts';

/** The openTransfer criteria, used when the call step left the cohort without any. */
const DEFAULT_CRITERIA = [
  { name: 'Wirkung', description: 'Ist die Wirkung des Projekts belegt (Evaluation, Zahlen, Geschichten)?', weight: 3, max_score: 5 },
  { name: 'Transferpotenzial', description: 'Lässt sich das Modell an andere Orte übertragen, und gibt es dort Bedarf?', weight: 3, max_score: 5 },
  { name: 'Team und Organisation', description: 'Hat das Team die Kraft und die Erfahrung, den Transfer zu stemmen?', weight: 2, max_score: 5 },
  { name: 'Finanzierung', description: 'Ist die Finanzierung über das Stipendienjahr hinaus plausibel?', weight: 1, max_score: 5 },
  { name: 'Motivation', description: 'Passt das Vorhaben zum Programm, und ist die Bereitschaft zum Lernen erkennbar?', weight: 1, max_score: 5 },
];

const COMMENTS = [
  'Überzeugende Wirkungslogik, gut belegt.',
  'Transferstrategie noch sehr vage.',
  'Starkes, erfahrenes Team.',
  'Finanzplanung wirkt knapp kalkuliert.',
  'Hoher Bedarf in den Zielregionen.',
  'Das Modell ist bereits an zwei Standorten erprobt – sehr gut.',
];
const OVERALL = [
  'Ein klarer Kandidat für das Stipendium.',
  'Solide Bewerbung, aber im Vergleich nicht herausragend.',
  'Gute Idee, der Transfer ist aber noch nicht reif.',
  'Würde ich gern im Gespräch näher kennenlernen.',
];

const CONFLICT_REASONS = ['Ich bin Mitglied im Vorstand.', 'Meine Schwester arbeitet dort.', 'Wir haben die Organisation 2025 beraten.'];

/**
 * Jury step. Current cohort (newest): the eligibility check of the applications still waiting for
 * it (it comes before the jury), criteria if missing, a few conflicts, three jurors per eligible
 * application (the real assignment plan), and every review submitted with plausible scores from
 * each application's hidden quality, jury2 harsh and jury4 lenient. Every review is submitted
 * because the later steps move the cohort past `review`, after which reviews are locked.
 * Without a cohort or eligible applications it does nothing.
 */
export async function seedJury(db: Db, base: DemoBase): Promise<void> {
  const cohort = await db.selectFrom('cohorts').selectAll().orderBy('year', 'desc').orderBy('id', 'desc').executeTakeFirst();
  if (!cohort || base.jurors.length === 0) return;
  await db
    .updateTable('applications')
    .set({ status: 'eligible', eligibility_note: 'Formal vollständig, gemeinnützig.' })
    .where('cohort_id', '=', cohort.id)
    .where('status', '=', 'submitted')
    .execute();
  const applications = await db
    .selectFrom('applications')
    .select(['id', 'organisation_id'])
    .where('cohort_id', '=', cohort.id)
    .where('status', 'in', ASSIGNABLE_STATUSES)
    .orderBy('id')
    .execute();
  if (!applications.length) return;
  const rnd = seededRandom(4);

  let criteria = await db.selectFrom('criteria').selectAll().where('cohort_id', '=', cohort.id).orderBy('position').orderBy('id').execute();
  if (!criteria.length) {
    criteria = await db
      .insertInto('criteria')
      .values(DEFAULT_CRITERIA.map((c, position) => ({ ...c, cohort_id: cohort.id, position })))
      .returningAll()
      .execute();
  }

  const jurors = base.jurors.map((j) => j.id);
  const conflicts = [0, 2, 4]
    .filter((i) => applications[i * 7] && jurors[i])
    .map((i) => ({ juror_id: jurors[i], organisation_id: applications[i * 7].organisation_id, reason: CONFLICT_REASONS[i / 2], created_by: jurors[i] }));
  if (conflicts.length) await db.insertInto('conflicts').values(conflicts).onConflict((oc) => oc.doNothing()).execute();

  const existing = await db
    .selectFrom('reviews')
    .select(['id', 'application_id', 'juror_id', 'status'])
    .where('application_id', 'in', applications.map((a) => a.id))
    .execute();
  const plan = planAssignment({
    applications,
    jurors,
    conflicts,
    reviews: existing.map((r) => ({ ...r, started: r.status !== 'assigned' })),
    perApplication: Math.min(3, jurors.length),
  });
  if (!plan.create.length) return;

  // Each application has a hidden quality; each juror a bias (jury2 harsh, jury4 lenient) and noise.
  const quality = new Map(applications.map((a) => [a.id, 0.25 + 0.7 * rnd.next()]));
  const bias = (jurorIndex: number) => (jurorIndex === 1 ? -1.3 : jurorIndex === 3 ? 1 : 0);
  const closes = new Date(cohort.application_closes_at).getTime();
  const rows = plan.create.map((assignment) => {
    const jurorIndex = jurors.indexOf(assignment.juror_id);
    const q = quality.get(assignment.application_id)!;
    const scores = criteria.map((c) => {
      const points = Math.round(q * c.max_score + bias(jurorIndex) + (rnd.next() - 0.5) * 1.6);
      return { criterion_id: c.id, score: Math.max(1, Math.min(c.max_score, points)), comment: rnd.next() < 0.3 ? rnd.pick(COMMENTS) : null };
    });
    const mean = scores.reduce((s, x, k) => s + x.score / criteria[k].max_score, 0) / criteria.length;
    const recommendation: 'yes' | 'maybe' | 'no' = mean > 0.72 ? 'yes' : mean > 0.5 ? 'maybe' : 'no';
    return {
      application_id: assignment.application_id,
      juror_id: assignment.juror_id,
      status: 'submitted' as const,
      scores: JSON.stringify(scores),
      recommendation,
      overall_comment: rnd.pick(OVERALL),
      submitted_at: new Date(closes + (3 + rnd.int(0, 20)) * 86_400_000),
    };
  });
  await db.insertInto('reviews').values(rows).execute();
}
