import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { ListSpec } from '../http/list-query.ts';
import { applyListQuery, listPage, registerResource, setContentRange } from '../http/resource.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { conflictCreateSchema, conflictUpdateSchema } from './conflicts.schema.ts';
import { markConflictedReviews, restoreConflictedReviews } from './conflicts.queries.ts';

const JURY_AND_STAFF = ['admin', 'staff', 'jury'] as const;

const CANDIDATE_LIST: ListSpec = {
  fields: {
    id: { column: 't.id', type: 'int' },
    name: { column: 't.name', type: 'text' },
  },
  search: true,
  defaultSort: ['name', 'ASC'],
};
/** Cohorts whose applicants a juror may still declare a conflict with. */
const OPEN_PHASES = ['call_open', 'review', 'selection'] as const;

export function registerConflictRoutes(api: ApiRouter): void {
  // Jurors declare conflicts before they see any application, so they need the applicants' names
  // (and nothing else) of the cohorts under review. Registered before the resource so that
  // `/conflicts/:id` does not swallow the path.
  api.add({
    method: 'get',
    path: '/conflict-candidates',
    tag: 'conflicts',
    summary: 'Organisations with an application in a cohort under review (id and name only), to declare conflicts',
    access: JURY_AND_STAFF,
    list: CANDIDATE_LIST,
    handler: async (ctx, _req, res, { list }) => {
      const qb = ctx.db
        .selectFrom('organisations as t')
        .select(['t.id', 't.name'])
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('applications as a')
              .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
              .select(sql.lit(1).as('one'))
              .whereRef('a.organisation_id', '=', 't.id')
              .where('a.status', 'not in', ['draft', 'withdrawn'])
              .where('c.phase', 'in', OPEN_PHASES),
          ),
        );
      const scoped = applyListQuery(qb, list, {
        search: (tsquery, raw) => sql<boolean>`(t.search_vector @@ to_tsquery('german', ${tsquery}) OR t.name ILIKE ${'%' + raw.replace(/[%_\\]/g, '') + '%'})`,
      }, ctx);
      const { rows, total } = await listPage(ctx.db, scoped, list);
      setContentRange(res, 'conflict-candidates', list.range.start, rows.length, total);
      return rows;
    },
  });

  registerResource(api, {
    name: 'conflicts',
    table: 'conflicts',
    select: (db, ctx) => {
      const qb = db
        .selectFrom('conflicts as t')
        .innerJoin('users as j', 'j.id', 't.juror_id')
        .innerJoin('organisations as o', 'o.id', 't.organisation_id')
        .select(['t.id', 't.juror_id', 't.organisation_id', 't.reason', 't.created_by', 't.created_at', 't.updated_at', 'j.name as juror_name', 'o.name as organisation_name']);
      if (isStaff(ctx.user)) return qb;
      return qb.where('t.juror_id', '=', ctx.user?.id ?? -1);
    },
    fields: {
      id: { column: 't.id', type: 'int' },
      juror_id: { column: 't.juror_id', type: 'int' },
      organisation_id: { column: 't.organisation_id', type: 'int' },
      created_by: { column: 't.created_by', type: 'int' },
      juror_name: { column: 'j.name', type: 'text' },
      organisation_name: { column: 'o.name', type: 'text' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    // Jurors see of the organisation only its name (no city, no description).
    search: (tsquery, _raw, ctx) =>
      isStaff(ctx.user) ? sql<boolean>`o.search_vector @@ to_tsquery('german', ${tsquery})` : sql<boolean>`to_tsvector('german', o.name) @@ to_tsquery('german', ${tsquery})`,
    defaultSort: ['created_at', 'DESC'],
    access: { read: JURY_AND_STAFF, create: JURY_AND_STAFF, update: JURY_AND_STAFF, delete: ['admin', 'staff'] },
    createSchema: conflictCreateSchema,
    updateSchema: conflictUpdateSchema,
    beforeCreate: async (ctx, input, trx) => {
      const user = ctx.user!;
      let jurorId: number;
      if (isStaff(user)) {
        if (!input.juror_id) throw badRequest('Bitte die Jurorin oder den Juror angeben.', { juror_id: 'Pflichtfeld.' });
        jurorId = input.juror_id;
        const juror = await trx.selectFrom('users').select('role').where('id', '=', jurorId).executeTakeFirst();
        if (!juror) throw notFound('Jurorin oder Juror nicht gefunden.');
        if (juror.role !== 'jury') throw badRequest('Konflikte gibt es nur für Jurymitglieder.', { juror_id: 'Kein Jurymitglied.' });
      } else {
        // A juror declares only for themself; naming someone else looks like a missing record.
        if (input.juror_id !== undefined && input.juror_id !== user.id) throw notFound();
        jurorId = user.id;
      }
      const organisation = await trx.selectFrom('organisations').select('id').where('id', '=', input.organisation_id).executeTakeFirst();
      if (!organisation) throw notFound('Organisation nicht gefunden.');
      return { juror_id: jurorId, organisation_id: input.organisation_id, reason: input.reason, created_by: user.id };
    },
    afterWrite: async (ctx, action, record, trx) => {
      const changed =
        action === 'create'
          ? await markConflictedReviews(trx, record.juror_id, record.organisation_id)
          : action === 'delete'
            ? await restoreConflictedReviews(trx, record.juror_id, record.organisation_id)
            : [];
      for (const review of changed) {
        await recordAudit(trx, ctx.user, action === 'create' ? 'conflict' : 'conflict-withdrawn', 'reviews', review.id, null, null, {
          status: review.status,
          conflict_id: record.id,
        });
      }
    },
  });
}
