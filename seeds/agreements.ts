import type { Db } from '../backend/src/db/database.ts';
import type { BudgetCategory } from '../backend/src/db/schema.ts';
import type { DemoBase } from './base.ts';

/** Budget plans by share of the grant (percent); the notes say what a line pays for. */
const PLANS: Array<Array<[BudgetCategory, number, string | null]>> = [
  [['personnel', 50, 'Koordination des Transfers (0,5 Stelle)'], ['fees', 15, 'Honorare für Trainerinnen und Trainer'], ['travel', 8, 'Besuche an neuen Standorten'], ['material', 10, 'Handbuch und Schulungsmaterial'], ['events', 12, 'Auftakt- und Netzwerktreffen'], ['overhead', 5, null]],
  [['personnel', 60, 'Projektleitung Transfer'], ['travel', 10, 'Reisen zu Partnerorganisationen'], ['events', 15, 'Partnertreffen'], ['other', 10, 'Evaluation durch externe Begleitung']],
  [['personnel', 40, 'Transfermanagerin (0,4 Stelle)'], ['fees', 25, 'Rechtsberatung Social Franchise'], ['material', 10, 'Lizenz- und Qualitätsunterlagen'], ['overhead', 7, null], ['travel', 8, null]],
];

/**
 * Grant agreements: every fellowship gets a budget plan (Σ ≤ grant) and, except one fellow of the
 * current cohort, the day its agreement was signed, in March of its year (before the first tranche
 * on 15 April). The unsigned one shows the rule: the funding step plans its tranches but approves
 * none, so "Freizugeben" offers one that the approval refuses with the reason. Runs before funding.
 */
export async function seedAgreements(db: Db, _base: DemoBase): Promise<void> {
  const fellowships = await db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .select(['f.id', 'f.grant_cents', 'f.status', 'c.year', 'c.phase', 'c.default_grant_cents'])
    .where('f.status', '<>', 'withdrawn')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('budget_lines as b').select('b.id').whereRef('b.fellowship_id', '=', 'f.id'))))
    .orderBy('c.id')
    .orderBy('f.id')
    .execute();
  if (!fellowships.length) return;
  const current = fellowships.filter((f) => f.phase !== 'alumni' && f.status === 'active');
  const unsigned = current.at(-1)?.id;
  for (const [i, f] of fellowships.entries()) {
    const grant = Number(f.grant_cents) || Number(f.default_grant_cents);
    if (!grant) continue;
    const plan = PLANS[i % PLANS.length];
    await db
      .insertInto('budget_lines')
      .values(plan.map(([category, percent, note]) => ({
        fellowship_id: f.id, category, planned_cents: Math.floor((grant * percent) / 100 / 100) * 100, note,
        created_at: new Date(`${f.year}-03-10T10:00:00+01:00`),
      })))
      .execute();
    if (f.id === unsigned) continue;
    await db.updateTable('fellowships').set({ agreement_signed_on: `${f.year}-03-${String(16 + (i % 12)).padStart(2, '0')}` }).where('id', '=', f.id).execute();
  }
}
