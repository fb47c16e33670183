import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Row } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { letterAddress } from '../emails/recipients.ts';
import { composeEmail } from '../email-templates/index.ts';

type Trx = Transaction<Database>;

const addMonths = (date: Date, months: number) => {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** The programme's fixed milestones: the stage-gate transfer concept and the closing Demo Day. */
function defaultMilestones(start: Date) {
  return [
    { title: 'Transferkonzept', kind: 'transfer_concept' as const, due_on: addMonths(start, 5), note: 'Stage-Gate: Nach Freigabe durch das Programmteam beginnt Stufe 2 (Transferbonus).' },
    { title: 'Demo Day vor Sozialinvestoren', kind: 'demo_day' as const, due_on: addMonths(start, 11), note: null },
  ];
}

/**
 * One fellowship for one selected application, with the cohort's grant and coaching budget as
 * defaults and the programme's milestones. Idempotent: the unique application_id means a second
 * call returns the existing fellowship and creates nothing.
 */
export async function createFellowship(
  trx: Trx | Kysely<Database>,
  actor: RequestContext['user'],
  application: Pick<Row<'applications'>, 'id' | 'cohort_id' | 'organisation_id'>,
  cohort: Pick<Row<'cohorts'>, 'default_grant_cents' | 'coaching_hours_per_fellow'>,
  start: Date = new Date(),
): Promise<{ fellowship: Row<'fellowships'>; created: boolean }> {
  const inserted = await trx
    .insertInto('fellowships')
    .values({
      cohort_id: application.cohort_id,
      organisation_id: application.organisation_id,
      application_id: application.id,
      grant_cents: Number(cohort.default_grant_cents),
      coaching_hours_budget: Number(cohort.coaching_hours_per_fellow),
    })
    .onConflict((oc) => oc.column('application_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx.selectFrom('fellowships').selectAll().where('application_id', '=', application.id).executeTakeFirstOrThrow();
    return { fellowship: existing, created: false };
  }
  await trx
    .insertInto('milestones')
    .values(defaultMilestones(start).map((m) => ({ ...m, fellowship_id: inserted.id })))
    .execute();
  await recordAudit(trx, actor, 'create', 'fellowships', inserted.id, null, inserted);
  return { fellowship: inserted, created: true };
}

/**
 * The stage gate: stage 1 ends with the fellow's transfer concept. Only an achieved transfer-concept
 * milestone plus this explicit staff approval moves the fellowship into stage 2.
 */
export async function approveStageGate(ctx: RequestContext, fellowshipId: number, note: string | null | undefined) {
  return ctx.db.transaction().execute(async (trx) => {
    const fellowship = await trx.selectFrom('fellowships').selectAll().where('id', '=', fellowshipId).forUpdate().executeTakeFirst();
    if (!fellowship) throw notFound();
    if (fellowship.status !== 'active') throw conflict('Nur eine aktive Förderung kann in Stufe 2 wechseln.', 'wrong_state');
    if (Number(fellowship.stage) === 2) throw conflict('Diese Förderung ist bereits in Stufe 2.', 'already_stage_2');
    const concept = await trx
      .selectFrom('milestones')
      .select(['id', 'status'])
      .where('fellowship_id', '=', fellowshipId)
      .where('kind', '=', 'transfer_concept')
      .where('status', '=', 'achieved')
      .executeTakeFirst();
    if (!concept) {
      throw conflict('Das Transferkonzept ist noch nicht als erreicht markiert – erst dann kann Stufe 2 freigegeben werden.', 'transfer_concept_missing');
    }
    const updated = await trx
      .updateTable('fellowships')
      .set({ stage: 2, updated_at: sql`now()` })
      .where('id', '=', fellowshipId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'approve-stage-gate', 'fellowships', fellowshipId, fellowship, updated, note ? { note } : undefined);
    const address = await letterAddress(trx, fellowship.organisation_id);
    if (address) {
      const organisation = await trx.selectFrom('organisations').select('name').where('id', '=', fellowship.organisation_id).executeTakeFirstOrThrow();
      await queueEmail(trx, {
        to: address.email,
        ...(await composeEmail(trx, 'stage_gate_approved', address.locale, { organisation_name: organisation.name, note })),
        organisation_id: fellowship.organisation_id,
        dedupe_key: `stage-gate:${fellowshipId}`,
      });
    }
    return updated;
  });
}
