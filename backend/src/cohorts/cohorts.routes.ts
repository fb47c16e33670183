import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { ALL_ROLES, STAFF } from '../http/api-router.ts';
import { isStaff, type RequestContext } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { registerResource, type Rec } from '../http/resource.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { previousCohortWith } from './previous-cohort.ts';
import { checkFunderIds, fundedBy, isFunder } from './funders.ts';
import { COHORT_PHASES, cohortCreateSchema, cohortUpdateSchema, copyCriteriaSchema, criterionSchema } from './cohorts.schema.ts';

/** Criteria are the jury's yardstick: once selection has begun they are frozen. */
const CRITERIA_FROZEN_PHASES = new Set(['selection', 'programme', 'alumni']);

const COHORT_COLUMNS = [
  't.id', 't.name', 't.year', 't.application_opens_at', 't.application_closes_at', 't.seats', 't.default_grant_cents',
  't.coaching_hours_per_fellow', 't.min_attendance_percent', 't.retention_months', 't.phase', 't.selection_finalized_at', 't.review_due_at',
  't.description', 't.funder_user_ids', 't.created_at', 't.updated_at',
] as const;

const toNumbers = (r: Rec): Rec => ({
  ...r,
  default_grant_cents: r.default_grant_cents == null ? r.default_grant_cents : Number(r.default_grant_cents),
  coaching_hours_per_fellow: r.coaching_hours_per_fellow == null ? r.coaching_hours_per_fellow : Number(r.coaching_hours_per_fellow),
});

/** Every role reads cohorts (the call, the programme year); a funder only the cohorts it funds. */
const cohortSelect = (db: Kysely<Database>, ctx?: RequestContext) => {
  const qb = db
    .selectFrom('cohorts as t')
    .select([...COHORT_COLUMNS])
    .select(sql<number>`(select count(*)::int from criteria c where c.cohort_id = t.id)`.as('criteria_count'))
    .select(sql<number>`(select count(*)::int from applications a where a.cohort_id = t.id and a.status <> 'draft')`.as('submitted_count'));
  return ctx && isFunder(ctx.user) ? qb.where(fundedBy(ctx.user.id, 't.funder_user_ids')) : qb;
};

/**
 * `server_now` lets the console count down to the deadline by the server's clock, not the browser's.
 * Who funds a cohort is staff's business: other roles get the cohort without `funder_user_ids`.
 */
const presentCohort = (record: Rec, ctx?: RequestContext): Rec => {
  const { funder_user_ids: funders, ...rest } = toNumbers(record);
  return { ...rest, ...(ctx && !isStaff(ctx.user) ? {} : { funder_user_ids: funders }), server_now: new Date().toISOString() };
};

async function assertCriteriaEditable(trx: any, cohortId: number) {
  const cohort = await trx.selectFrom('cohorts').select(['phase']).where('id', '=', cohortId).forUpdate().executeTakeFirst();
  if (!cohort) throw notFound('Jahrgang nicht gefunden.');
  if (CRITERIA_FROZEN_PHASES.has(cohort.phase)) {
    throw conflict('Die Kriterien sind eingefroren, seit die Auswahl begonnen hat.', 'criteria_frozen');
  }
}

export function registerCohortRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'cohorts',
    table: 'cohorts',
    select: cohortSelect,
    fields: {
      id: { column: 't.id', type: 'int' },
      name: { column: 't.name', type: 'text' },
      year: { column: 't.year', type: 'int' },
      phase: { column: 't.phase', type: COHORT_PHASES },
      application_opens_at: { column: 't.application_opens_at', type: 'datetime' },
      application_closes_at: { column: 't.application_closes_at', type: 'datetime' },
      review_due_at: { column: 't.review_due_at', type: 'datetime' },
      seats: { column: 't.seats', type: 'int' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    search: (tsquery, raw) => sql<boolean>`(t.name ILIKE ${'%' + raw.replace(/[%_\\]/g, '') + '%'} OR to_tsvector('german', t.name || ' ' || coalesce(t.description, '')) @@ to_tsquery('german', ${tsquery}))`,
    defaultSort: ['year', 'DESC'],
    access: { read: [...ALL_ROLES, 'funder'], create: STAFF, update: STAFF, delete: STAFF },
    createSchema: cohortCreateSchema,
    updateSchema: cohortUpdateSchema,
    beforeCreate: async (_ctx, input, trx) =>
      input.funder_user_ids === undefined ? input : { ...input, funder_user_ids: await checkFunderIds(trx, input.funder_user_ids) },
    beforeUpdate: async (_ctx, input, _existing, trx) =>
      input.funder_user_ids === undefined ? input : { ...input, funder_user_ids: await checkFunderIds(trx, input.funder_user_ids) },
    beforeDelete: async (_ctx, existing, trx) => {
      const used = await trx.selectFrom('applications').select('id').where('cohort_id', '=', existing.id).limit(1).executeTakeFirst();
      if (used || existing.phase !== 'draft') throw conflict('Nur ein Jahrgang im Entwurf ohne Bewerbungen kann gelöscht werden.', 'cohort_in_use');
    },
    present: presentCohort,
  });

  registerResource(api, {
    name: 'criteria',
    table: 'criteria',
    select: (db) =>
      db.selectFrom('criteria as t').select(['t.id', 't.cohort_id', 't.name', 't.description', 't.weight', 't.max_score', 't.position', 't.created_at', 't.updated_at']),
    fields: {
      id: { column: 't.id', type: 'int' },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      name: { column: 't.name', type: 'text' },
      weight: { column: 't.weight', type: 'number' },
      max_score: { column: 't.max_score', type: 'int' },
      position: { column: 't.position', type: 'int' },
    },
    defaultSort: ['position', 'ASC'],
    access: { read: ['admin', 'staff', 'jury'], create: STAFF, update: STAFF, delete: STAFF },
    createSchema: criterionSchema,
    beforeCreate: async (_ctx, input, trx) => {
      await assertCriteriaEditable(trx, input.cohort_id);
      if (input.position === undefined) {
        const last = await trx.selectFrom('criteria').select(sql<number>`coalesce(max(position), -1)::int`.as('p')).where('cohort_id', '=', input.cohort_id).executeTakeFirstOrThrow();
        return { ...input, position: Number(last.p) + 1 };
      }
      return input;
    },
    beforeUpdate: async (_ctx, input, existing, trx) => {
      await assertCriteriaEditable(trx, existing.cohort_id);
      if (input.cohort_id !== undefined && input.cohort_id !== existing.cohort_id) await assertCriteriaEditable(trx, input.cohort_id);
      return input;
    },
    beforeDelete: async (_ctx, existing, trx) => assertCriteriaEditable(trx, existing.cohort_id),
    present: (record) => ({ ...record, weight: Number(record.weight) }),
  });

  api.add({
    method: 'post',
    path: '/cohorts/:id/copy-criteria',
    tag: 'cohorts',
    summary: "Copy the previous cohort's criteria (or from_cohort_id's) into this cohort, which must have none",
    access: STAFF,
    body: copyCriteriaSchema,
    optionalBody: true,
    handler: async (ctx, _req, _res, { id, body: input }) => {
      await ctx.db.transaction().execute(async (trx) => {
        // The target cohort row lock serialises two simultaneous copies: the second sees the first's rows.
        const target = await trx.selectFrom('cohorts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!target) throw notFound('Jahrgang nicht gefunden.');
        if (CRITERIA_FROZEN_PHASES.has(target.phase)) throw conflict('Die Kriterien sind eingefroren, seit die Auswahl begonnen hat.', 'criteria_frozen');
        const existing = await trx.selectFrom('criteria').select('id').where('cohort_id', '=', id).limit(1).executeTakeFirst();
        if (existing) throw conflict('Dieser Jahrgang hat schon Kriterien.', 'criteria_exist');
        let sourceId = input.from_cohort_id;
        if (sourceId === undefined) {
          const previous = await previousCohortWith(trx, target, 'criteria');
          if (previous === undefined) throw conflict('Es gibt keinen früheren Jahrgang mit Kriterien.', 'no_previous_criteria');
          sourceId = previous;
        } else if (sourceId === id) {
          throw conflict('Quelle und Ziel sind derselbe Jahrgang.', 'same_cohort');
        }
        const source = await trx.selectFrom('criteria').selectAll().where('cohort_id', '=', sourceId).orderBy('position').orderBy('id').execute();
        if (!source.length) throw notFound('Der Quell-Jahrgang hat keine Kriterien.');
        const rows = await trx
          .insertInto('criteria')
          .values(source.map((c) => ({ cohort_id: id, name: c.name, description: c.description, weight: c.weight, max_score: c.max_score, position: c.position })))
          .returningAll()
          .execute();
        await recordAudit(trx, ctx.user, 'copy-criteria', 'cohorts', id, null, null, { from_cohort_id: sourceId, criteria: rows.map((r) => r.id) });
        return rows;
      });
      const cohort = await cohortSelect(ctx.db, ctx).where('t.id', '=', id).executeTakeFirstOrThrow();
      return presentCohort(cohort, ctx);
    },
  });
}
