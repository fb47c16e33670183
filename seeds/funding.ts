import type { Db } from '../backend/src/db/database.ts';
import { setActor } from '../backend/src/db/actor.ts';
import type { DemoBase } from './base.ts';
import { DEMO_IBANS } from './names.ts';

/** Splits a grant into shares that add up to it exactly (the last share takes the rounding rest). */
function splitGrant(grantCents: number, percents: number[]): number[] {
  const parts = percents.map((p) => Math.floor((grantCents * p) / 100 / 100) * 100);
  parts[parts.length - 1] = grantCents - parts.slice(0, -1).reduce((s, x) => s + x, 0);
  return parts;
}

const at = (date: string) => new Date(`${date}T10:00:00+01:00`);

/**
 * Funding step: grant tranches for every fellowship, planned by staff@example.org and approved by
 * staff2@example.org (four eyes). Past cohorts are fully paid. In the current (programme) cohort:
 * first tranche paid, second approved (ready for the bank export), the transfer bonus planned and
 * tied to the transfer-concept milestone, and a final tranche after Demo Day planned by staff2 —
 * so both staff logins find something in "Freizugeben". Approved and paid tranches carry the
 * payee as it was at approval: the database copies it when they are inserted (migration 0010).
 * One current fellow then changed its bank account, so its approved tranche is back in
 * "planned" with a note and waits for a fresh approval. A fellow whose grant agreement is not signed
 * (seeds/agreements.ts) has its tranches planned by staff@example.org, none approved: no tranche
 * goes out before the agreement. Without fellowships it does nothing.
 */
export async function seedFunding(db: Db, base: DemoBase): Promise<void> {
  const fellowships = await db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .select(['f.id', 'f.grant_cents', 'f.status', 'f.agreement_signed_on', 'c.year', 'c.phase', 'c.default_grant_cents'])
    .where('f.status', '<>', 'withdrawn')
    .orderBy('c.id')
    .orderBy('f.id')
    .execute();
  if (!fellowships.length) return;
  const planner = base.staff.id;
  const approver = base.staff2.id;

  for (const [i, f] of fellowships.entries()) {
    const grant = Number(f.grant_cents) || Number(f.default_grant_cents);
    if (!grant) continue;
    const already = await db.selectFrom('disbursements').select('id').where('fellowship_id', '=', f.id).limit(1).executeTakeFirst();
    if (already) continue;
    if (Number(f.grant_cents) !== grant) await db.updateTable('fellowships').set({ grant_cents: grant }).where('id', '=', f.id).execute();
    const y = f.year;
    const bonusMilestone = await db
      .selectFrom('milestones')
      .select(['id', 'status'])
      .where('fellowship_id', '=', f.id)
      .where('kind', '=', 'transfer_concept')
      .executeTakeFirst();
    const [first, second, bonus, last] = splitGrant(grant, [40, 30, 20, 10]);
    const tranche = (values: {
      label: string; amount_cents: number; due_on: string; status: 'planned' | 'approved' | 'paid'; milestone_id?: number | null;
      created_by?: number; reference?: string;
    }) => {
      const approved = values.status !== 'planned';
      const createdBy = values.created_by ?? planner;
      return db
        .insertInto('disbursements')
        .values({
          fellowship_id: f.id, label: values.label, amount_cents: values.amount_cents, due_on: values.due_on, status: values.status,
          milestone_id: values.milestone_id ?? null, created_by: createdBy,
          approved_by: approved ? (createdBy === approver ? planner : approver) : null,
          approved_at: approved ? at(values.due_on) : null,
          paid_at: values.status === 'paid' ? at(values.due_on) : null,
          payment_reference: values.status === 'paid' ? values.reference ?? `OTA-${y}-${f.id}-${values.due_on.replaceAll('-', '')}` : null,
          created_at: at(`${y}-03-01`),
        })
        .execute();
    };

    if (!f.agreement_signed_on) {
      await tranche({ label: '1. Rate', amount_cents: first, due_on: `${y}-04-15`, status: 'planned' });
      await tranche({ label: '2. Rate', amount_cents: second, due_on: `${y}-07-15`, status: 'planned' });
      await tranche({ label: 'Transferbonus (nach Freigabe des Transferkonzepts)', amount_cents: bonus, due_on: `${y}-10-01`, status: 'planned', milestone_id: bonusMilestone?.id });
      await tranche({ label: 'Schlussrate nach dem Demo Day', amount_cents: last, due_on: `${y}-12-15`, status: 'planned' });
      continue;
    }
    if (f.phase === 'alumni' || f.status === 'completed') {
      await tranche({ label: '1. Rate', amount_cents: first + second, due_on: `${y}-04-15`, status: 'paid' });
      await tranche({ label: 'Transferbonus', amount_cents: bonus, due_on: `${y}-09-30`, status: 'paid', milestone_id: bonusMilestone?.status === 'achieved' ? bonusMilestone.id : null });
      await tranche({ label: 'Schlussrate nach dem Demo Day', amount_cents: last, due_on: `${y}-12-15`, status: 'paid' });
      continue;
    }
    await tranche({ label: '1. Rate', amount_cents: first, due_on: `${y}-04-15`, status: 'paid' });
    await tranche({ label: '2. Rate', amount_cents: second, due_on: `${y}-07-15`, status: 'approved' });
    await tranche({
      label: 'Transferbonus (nach Freigabe des Transferkonzepts)', amount_cents: bonus, due_on: `${y}-10-01`, status: 'planned',
      milestone_id: bonusMilestone?.id,
    });
    await tranche({ label: 'Schlussrate nach dem Demo Day', amount_cents: last, due_on: `${y}-12-15`, status: 'planned', created_by: i % 2 ? approver : planner });
  }

  // The demo of the payment-diversion guard: a current fellow reports a new bank account (entered
  // by its own applicant login where it has one). Its approved, not yet exported tranche goes
  // back to "planned" with a note; staff2 (who did not plan it) can approve it afresh.
  const changer = await db
    .selectFrom('disbursements as d')
    .innerJoin('fellowships as f', 'f.id', 'd.fellowship_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select(['o.id', 'o.iban', 'o.name'])
    .where('d.status', '=', 'approved')
    .where('d.export_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('disbursements as n').innerJoin('fellowships as nf', 'nf.id', 'n.fellowship_id').select('n.id')
        .whereRef('nf.organisation_id', '=', 'o.id').where('n.bank_changed_at', 'is not', null))))
    .orderBy('d.id')
    .executeTakeFirst();
  if (!changer) return;
  const applicant = await db.selectFrom('users').select('id').where('organisation_id', '=', changer.id).where('role', '=', 'applicant').executeTakeFirst();
  await setActor(db, applicant?.id ?? base.admin.id);
  await db
    .updateTable('organisations')
    .set({ iban: DEMO_IBANS.find((iban) => iban !== changer.iban)!, account_holder: `${changer.name} (Projektkonto)` })
    .where('id', '=', changer.id)
    .execute();
  await setActor(db, null);
}
