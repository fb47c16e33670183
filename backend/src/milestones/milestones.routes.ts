import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ApiRouter } from '../http/api-router.ts';
import type { RequestContext } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { changedFields, registerResource, type Existing, type Patch } from '../http/resource.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { MILESTONE_KINDS, MILESTONE_STATUSES, milestoneSchema, milestoneUpdateSchema } from './milestones.schema.ts';

/** The fellowship a milestone hangs on, if this caller may see it. */
async function visibleFellowship(trx: Transaction<Database>, ctx: RequestContext, fellowshipId: number) {
  const fellowship = await trx
    .selectFrom('fellowships as t')
    .select(['t.id', 't.status', 't.stage'])
    .where('t.id', '=', fellowshipId)
    .where('t.id', 'in', visibleFellowshipIds(trx, ctx.user))
    .executeTakeFirst();
  if (!fellowship) throw notFound('Förderung nicht gefunden.');
  return fellowship;
}

/**
 * Achieved milestones carry weight: an approved transfer concept opened stage 2, and approved or
 * paid tranches were released because of it. Those may not silently become "open" again.
 */
async function assertMayLeaveAchieved(trx: Transaction<Database>, existing: Existing<'milestones'>) {
  if (existing.kind === 'transfer_concept') {
    const f = await trx.selectFrom('fellowships').select('stage').where('id', '=', existing.fellowship_id).executeTakeFirstOrThrow();
    if (Number(f.stage) === 2) throw conflict('Das Transferkonzept ist freigegeben (Stufe 2) und bleibt erreicht.', 'stage_gate_passed');
  }
  const tranche = await trx
    .selectFrom('disbursements')
    .select('id')
    .where('milestone_id', '=', existing.id)
    .where('status', 'in', ['approved', 'paid'])
    .executeTakeFirst();
  if (tranche) throw conflict('An diesem Meilenstein hängt eine freigegebene Tranche; er bleibt erreicht.', 'tranche_released');
}

export function registerMilestoneRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'milestones',
    table: 'milestones',
    select: (db, ctx) =>
      db
        .selectFrom('milestones as t')
        .innerJoin('fellowships as f', 'f.id', 't.fellowship_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['t.id', 't.fellowship_id', 't.title', 't.kind', 't.due_on', 't.status', 't.note', 't.achieved_at', 't.created_at', 't.updated_at', 'o.name as organisation_name', 'f.cohort_id', 'f.stage'])
        .where('t.fellowship_id', 'in', visibleFellowshipIds(db, ctx.user)),
    fields: {
      id: { column: 't.id', type: 'int' },
      fellowship_id: { column: 't.fellowship_id', type: 'int' },
      cohort_id: { column: 'f.cohort_id', type: 'int' },
      title: { column: 't.title', type: 'text' },
      kind: { column: 't.kind', type: MILESTONE_KINDS },
      status: { column: 't.status', type: MILESTONE_STATUSES },
      due_on: { column: 't.due_on', type: 'date' },
      achieved_at: { column: 't.achieved_at', type: 'datetime' },
      organisation_name: { column: 'o.name', type: 'text' },
    },
    defaultSort: ['due_on', 'ASC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], create: ['admin', 'staff', 'coach'], update: ['admin', 'staff', 'coach'], delete: ['admin', 'staff'] },
    createSchema: milestoneSchema,
    updateSchema: milestoneUpdateSchema,
    beforeCreate: async (ctx, input, trx) => {
      const fellowship = await visibleFellowship(trx, ctx, input.fellowship_id);
      if (fellowship.status !== 'active') throw conflict('Meilensteine gibt es nur für aktive Förderungen.', 'wrong_state');
      return { ...input, achieved_at: input.status === 'achieved' ? new Date() : null };
    },
    beforeUpdate: async (_ctx, input, existing, trx) => {
      const patch: Patch<'milestones'> = { ...input };
      const status = input.status ?? existing.status;
      const kind = input.kind ?? existing.kind;
      if (existing.status === 'achieved' && (status !== 'achieved' || kind !== existing.kind)) await assertMayLeaveAchieved(trx, existing);
      if (status === 'achieved' && existing.status !== 'achieved') patch.achieved_at = new Date();
      if (status !== 'achieved') patch.achieved_at = null;
      return changedFields(patch, existing);
    },
    beforeDelete: async (_ctx, existing, trx) => {
      if (existing.status === 'achieved') await assertMayLeaveAchieved(trx, existing);
    },
    present: (record) => ({ ...record, stage: record.stage == null ? record.stage : Number(record.stage) }),
  });
}

