import { TRANSFER_MODELS } from '../applications/applications.schema.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { markFollowUpAnswered } from '../follow-ups/index.ts';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/input.ts';
import { changedFields, registerResource } from '../http/resource.ts';
import { BUNDESLAENDER } from '../organisations/organisations.schema.ts';
import { transferSiteSummary } from './transfer-sites.queries.ts';
import { TRANSFER_SITE_STATUSES, transferSiteSchema, transferSiteSummaryQuery, transferSiteUpdateSchema } from './transfer-sites.schema.ts';
import { newSite, sitePatch } from './transfer-sites.service.ts';

/**
 * Transfer sites (DESIGN.md "Impact"): where a fellowship's model runs. Staff and the applicants of
 * the fellowship's organisation (also once alumni) write; its coach reads; any other record is 404.
 */
export function registerTransferSiteRoutes(api: ApiRouter): void {
  // Before the resource, so `summary` is not taken for an id.
  api.add({
    method: 'get',
    path: '/transfer-sites/summary',
    tag: 'transfer-sites',
    summary: 'Transfer sites by Bundesland and status (?cohort_id= for one cohort, else across cohorts), with totals',
    access: STAFF,
    handler: async (ctx, req) => {
      const { cohort_id } = validate(transferSiteSummaryQuery, req.query);
      if (cohort_id !== undefined && !(await ctx.db.selectFrom('cohorts').select('id').where('id', '=', cohort_id).executeTakeFirst())) {
        throw notFound('Diese Kohorte gibt es nicht.');
      }
      return transferSiteSummary(ctx.db, cohort_id);
    },
  });

  registerResource(api, {
    name: 'transfer-sites',
    table: 'transfer_sites',
    select: (db, ctx) =>
      db
        .selectFrom('transfer_sites as t')
        .innerJoin('fellowships as f', 'f.id', 't.fellowship_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select([
          't.id', 't.fellowship_id', 't.name', 't.city', 't.state', 't.transfer_model', 't.status', 't.opened_on', 't.closed_on', 't.created_at', 't.updated_at',
          'f.cohort_id', 'o.name as organisation_name',
        ])
        .where('t.fellowship_id', 'in', visibleFellowshipIds(db, ctx.user)),
    fields: {
      id: { column: 't.id', type: 'int' },
      fellowship_id: { column: 't.fellowship_id', type: 'int' },
      cohort_id: { column: 'f.cohort_id', type: 'int' },
      name: { column: 't.name', type: 'text' },
      city: { column: 't.city', type: 'text' },
      state: { column: 't.state', type: BUNDESLAENDER },
      transfer_model: { column: 't.transfer_model', type: TRANSFER_MODELS },
      status: { column: 't.status', type: TRANSFER_SITE_STATUSES },
      opened_on: { column: 't.opened_on', type: 'date' },
      closed_on: { column: 't.closed_on', type: 'date' },
      organisation_name: { column: 'o.name', type: 'text' },
    },
    defaultSort: ['id', 'ASC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], create: ['admin', 'staff', 'applicant'], update: ['admin', 'staff', 'applicant'], delete: ['admin', 'staff'] },
    createSchema: transferSiteSchema,
    updateSchema: transferSiteUpdateSchema,
    beforeCreate: async (ctx, input, trx) => {
      const fellowship = await trx.selectFrom('fellowships as t').select('t.id').where('t.id', '=', input.fellowship_id)
        .where('t.id', 'in', visibleFellowshipIds(trx, ctx.user)).executeTakeFirst();
      if (!fellowship) throw notFound('Förderung nicht gefunden.');
      return newSite(input);
    },
    beforeUpdate: (_ctx, input, existing) => changedFields(sitePatch(input, existing), existing),
    // A site the organisation adds or updates answers its open follow-up request, in the same transaction.
    afterWrite: async (ctx, action, record, trx) => {
      if (action !== 'delete' && ctx.user?.role === 'applicant') await markFollowUpAnswered(trx, record.fellowship_id);
    },
  });
}
