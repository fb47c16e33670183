import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { changedFields, registerResource, type Patch } from '../http/resource.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { markFollowUpAnswered } from '../follow-ups/index.ts';
import { indicatorProgress } from './indicators.queries.ts';
import {
  assertIndicatorOfCohort,
  assertIndicatorsEditable,
  assertNoOtherBaseline,
  copyIndicators,
  lockVisibleFellowship,
} from './indicators.service.ts';
import {
  copyIndicatorsSchema,
  INDICATOR_DIRECTIONS,
  INDICATOR_VALUE_KINDS,
  indicatorSchema,
  indicatorUpdateSchema,
  indicatorValueSchema,
  indicatorValueUpdateSchema,
} from './indicators.schema.ts';

const READERS = ['admin', 'staff', 'coach', 'applicant'] as const;

export function registerIndicatorRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'indicators',
    table: 'indicators',
    // Staff see every cohort's indicators; a fellow or coach those of the cohorts of the fellowships they see.
    select: (db, ctx) => {
      const qb = db
        .selectFrom('indicators as t')
        .select(['t.id', 't.cohort_id', 't.name', 't.unit', 't.description', 't.direction', 't.position', 't.created_at', 't.updated_at']);
      if (isStaff(ctx.user)) return qb;
      return qb.where('t.cohort_id', 'in', db.selectFrom('fellowships as sf').select('sf.cohort_id').where('sf.id', 'in', visibleFellowshipIds(db, ctx.user)));
    },
    fields: {
      id: { column: 't.id', type: 'int' },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      name: { column: 't.name', type: 'text' },
      unit: { column: 't.unit', type: 'text' },
      direction: { column: 't.direction', type: INDICATOR_DIRECTIONS },
      position: { column: 't.position', type: 'int' },
    },
    defaultSort: ['position', 'ASC'],
    access: { read: [...READERS], create: STAFF, update: STAFF, delete: STAFF },
    createSchema: indicatorSchema,
    updateSchema: indicatorUpdateSchema,
    beforeCreate: async (_ctx, input, trx) => {
      await assertIndicatorsEditable(trx, input.cohort_id);
      if (input.position !== undefined) return input;
      const last = await trx.selectFrom('indicators').select(sql<number>`coalesce(max(position), -1)::int`.as('p')).where('cohort_id', '=', input.cohort_id).executeTakeFirstOrThrow();
      return { ...input, position: Number(last.p) + 1 };
    },
    beforeUpdate: async (_ctx, input, existing, trx) => {
      await assertIndicatorsEditable(trx, existing.cohort_id);
      return changedFields(input, existing);
    },
    beforeDelete: async (_ctx, existing, trx) => {
      await assertIndicatorsEditable(trx, existing.cohort_id);
    },
  });

  api.add({
    method: 'post',
    path: '/cohorts/:id/copy-indicators',
    tag: 'indicators',
    summary: "Copy another cohort's indicators (from_cohort_id, default the latest earlier cohort with indicators) into this cohort, which must have none and be before `programme`",
    access: STAFF,
    body: copyIndicatorsSchema,
    optionalBody: true,
    handler: async (ctx, _req, _res, { id, body }) => {
      await copyIndicators(ctx, id, body.from_cohort_id);
      return ctx.db
        .selectFrom('indicators')
        .select(['id', 'cohort_id', 'name', 'unit', 'description', 'direction', 'position'])
        .where('cohort_id', '=', id)
        .orderBy('position')
        .orderBy('id')
        .execute();
    },
  });

  registerResource(api, {
    name: 'indicator-values',
    table: 'indicator_values',
    select: (db, ctx) =>
      db
        .selectFrom('indicator_values as t')
        .innerJoin('indicators as i', 'i.id', 't.indicator_id')
        .innerJoin('fellowships as f', 'f.id', 't.fellowship_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select([
          't.id', 't.fellowship_id', 't.indicator_id', 't.kind', 't.measured_on', 't.value', 't.note', 't.created_by', 't.created_at', 't.updated_at',
          'i.name as indicator_name', 'i.unit', 'f.cohort_id', 'o.name as organisation_name',
        ])
        .where('t.fellowship_id', 'in', visibleFellowshipIds(db, ctx.user)),
    fields: {
      id: { column: 't.id', type: 'int' },
      fellowship_id: { column: 't.fellowship_id', type: 'int' },
      indicator_id: { column: 't.indicator_id', type: 'int' },
      cohort_id: { column: 'f.cohort_id', type: 'int' },
      kind: { column: 't.kind', type: INDICATOR_VALUE_KINDS },
      measured_on: { column: 't.measured_on', type: 'date' },
      value: { column: 't.value', type: 'number' },
      indicator_name: { column: 'i.name', type: 'text' },
      organisation_name: { column: 'o.name', type: 'text' },
    },
    defaultSort: ['measured_on', 'ASC'],
    access: { read: [...READERS], create: ['admin', 'staff', 'applicant'], update: ['admin', 'staff', 'applicant'], delete: STAFF },
    createSchema: indicatorValueSchema,
    updateSchema: indicatorValueUpdateSchema,
    beforeCreate: async (ctx, input, trx) => {
      const fellowship = await lockVisibleFellowship(trx, ctx, input.fellowship_id);
      await assertIndicatorOfCohort(trx, input.indicator_id, fellowship.cohort_id);
      if (input.kind === 'baseline') await assertNoOtherBaseline(trx, fellowship.id, input.indicator_id, null);
      return { ...input, created_by: ctx.user?.id ?? null };
    },
    beforeUpdate: async (ctx, input, existing, trx) => {
      await lockVisibleFellowship(trx, ctx, existing.fellowship_id);
      const patch: Patch<'indicator_values'> = changedFields(input, existing);
      // A correction explains itself: the old value stays in the audit trail, the note says why it changed.
      if (patch.value !== undefined && Number(patch.value) !== Number(existing.value)) {
        const note = input.note?.trim();
        if (!note || note === (existing.note ?? '').trim()) {
          throw badRequest('Eine Korrektur braucht eine Notiz, die sie begründet.', { note: 'Bitte begründen Sie die Korrektur in der Notiz.' });
        }
      } else {
        delete patch.value;
      }
      if (patch.kind === 'baseline') await assertNoOtherBaseline(trx, existing.fellowship_id, existing.indicator_id, existing.id);
      return patch;
    },
    // A follow-up value the organisation enters answers its open follow-up request, in the same transaction.
    afterWrite: async (ctx, action, record, trx) => {
      if (action !== 'delete' && record.kind === 'follow_up' && ctx.user?.role === 'applicant') await markFollowUpAnswered(trx, record.fellowship_id);
    },
    present: (record) => ({ ...record, value: Number(record.value) }),
  });

  api.add({
    method: 'get',
    path: '/fellowships/:id/indicators',
    tag: 'indicators',
    summary: "The fellowship's indicators with baseline, latest value and change (the view indicator_progress)",
    access: [...READERS],
    handler: async (ctx, _req, _res, { id }) => {
      const visible = await ctx.db
        .selectFrom('fellowships as t')
        .select('t.id')
        .where('t.id', '=', id)
        .where('t.id', 'in', visibleFellowshipIds(ctx.db, ctx.user))
        .executeTakeFirst();
      if (!visible) throw notFound('Förderung nicht gefunden.');
      return indicatorProgress(ctx.db, [id]);
    },
  });
}
