import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { sendCsv } from '../http/csv.ts';
import { setDownloadHeaders } from '../http/download.ts';
import { registerResource } from '../http/resource.ts';
import { fundingOverview, selectDisbursements } from './disbursements.queries.ts';
import { approveSchema, disbursementSchema, disbursementUpdateSchema, DISBURSEMENT_STATUSES, exportPreviewSchema, exportSchema, paySchema } from './disbursements.schema.ts';
import { validate } from '../http/input.ts';
import {
  approve, assertDeletable, cancel, createExport, EXPORT_COLUMNS, exportFile, pay, prepareCreate, prepareUpdate, presentExport, previewExport,
} from './disbursements.service.ts';

const TAG = 'disbursements';

export function registerDisbursementRoutes(api: ApiRouter): void {
  // Before the resource, so `/disbursements/:id` never sees these paths.
  api.add({
    method: 'get',
    path: '/funding-overview',
    tag: TAG,
    summary: 'Funding overview of a cohort: granted / planned / approved / paid / open per fellowship and totals (?cohort_id=; default: the latest cohort with fellowships)',
    access: STAFF,
    handler: async (ctx, req) => {
      const raw = req.query.cohort_id;
      if (raw !== undefined && (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw))) {
        throw badRequest('cohort_id muss eine Zahl sein.', { cohort_id: 'ungültig' });
      }
      for (const key of Object.keys(req.query)) if (key !== 'cohort_id') throw badRequest(`Unbekannter Parameter ${key}.`, { [key]: 'unbekannt' });
      const cohorts = await ctx.db
        .selectFrom('cohorts as c')
        .select(['c.id', 'c.name', 'c.year', 'c.phase'])
        .select(sql<boolean>`exists (select 1 from fellowships f where f.cohort_id = c.id)`.as('has_fellowships'))
        .orderBy('c.year', 'desc')
        .orderBy('c.id', 'desc')
        .execute();
      const cohortId = raw !== undefined ? Number(raw) : (cohorts.find((c) => c.has_fellowships) ?? cohorts[0])?.id;
      const cohort = cohorts.find((c) => c.id === cohortId);
      if (raw !== undefined && !cohort) throw notFound('Diese Kohorte gibt es nicht.');
      const overview = cohort ? await fundingOverview(ctx.db, cohort.id) : { fellowships: [], totals: null };
      return { cohort_id: cohort?.id ?? null, cohort_name: cohort?.name ?? null, cohorts, ...overview };
    },
  });

  api.add({
    method: 'get',
    path: '/disbursements/export-preview',
    tag: TAG,
    summary: 'What POST /disbursement-exports would take now, read-only (?cohort_id=&format=csv|sepa[&execution_date=]): count, sum, execution dates and the tranches it would mark as exported — computed by the same code as the export',
    access: STAFF,
    handler: (ctx, req) => previewExport(ctx, validate(exportPreviewSchema, req.query)),
  });

  registerResource(api, {
    name: 'disbursements',
    table: 'disbursements',
    tag: TAG,
    select: selectDisbursements,
    fields: {
      id: { column: 't.id', type: 'int' },
      fellowship_id: { column: 't.fellowship_id', type: 'int' },
      cohort_id: { column: 'f.cohort_id', type: 'int' },
      organisation_id: { column: 'f.organisation_id', type: 'int' },
      organisation_name: { column: 'o.name', type: 'text' },
      milestone_id: { column: 't.milestone_id', type: 'int' },
      grantee_report_id: { column: 't.grantee_report_id', type: 'int' },
      export_id: { column: 't.export_id', type: 'int' },
      created_by: { column: 't.created_by', type: 'int' },
      approved_by: { column: 't.approved_by', type: 'int' },
      label: { column: 't.label', type: 'text' },
      status: { column: 't.status', type: DISBURSEMENT_STATUSES },
      amount_cents: { column: 't.amount_cents', type: 'int' },
      due_on: { column: 't.due_on', type: 'date' },
      approved_at: { column: 't.approved_at', type: 'datetime' },
      paid_at: { column: 't.paid_at', type: 'datetime' },
      created_at: { column: 't.created_at', type: 'datetime' },
      updated_at: { column: 't.updated_at', type: 'datetime' },
    },
    customFilters: {
      /** The second pair of eyes: planned tranches the caller neither planned nor changed. */
      to_approve: (qb, value, ctx) => {
        if (value !== true && value !== 'true' && value !== false && value !== 'false') {
          throw badRequest('to_approve: true oder false.', { to_approve: 'ungültiger Wert' }, 'invalid_filter');
        }
        if (value === false || value === 'false') return qb;
        return qb.where('t.status', '=', 'planned').where(sql<boolean>`not (${ctx.user!.id}::integer = any (t.money_editors))`);
      },
    },
    defaultSort: ['due_on', 'ASC'],
    access: { read: ['admin', 'staff', 'applicant'], create: STAFF, update: STAFF, delete: STAFF },
    createSchema: disbursementSchema,
    updateSchema: disbursementUpdateSchema,
    beforeCreate: prepareCreate,
    beforeUpdate: prepareUpdate,
    beforeDelete: assertDeletable,
  });

  api.add({
    method: 'post', path: '/disbursements/:id/approve', tag: TAG, access: STAFF, body: approveSchema, optionalBody: true,
    summary: 'Approve a planned tranche {iban?} (four eyes: neither its creator nor anyone who changed its money fields or the payee’s bank details; a milestone tranche only once the milestone is achieved, a report tranche only once the report is accepted); copies the payee onto the tranche. With `iban` (the account the approver was shown) it is refused with 409 payee_changed when the organisation’s IBAN differs',
    handler: (ctx, _req, _res, { id, body }) => approve(ctx, id, body?.iban),
  });
  api.add({
    method: 'post', path: '/disbursements/:id/pay', tag: TAG, access: STAFF, body: paySchema,
    summary: 'Record the payment of an approved tranche {payment_reference}; exactly once',
    handler: (ctx, _req, _res, { id, body: input }) => pay(ctx, id, input.payment_reference),
  });
  api.add({
    method: 'post', path: '/disbursements/:id/cancel', tag: TAG, access: STAFF,
    summary: 'Cancel a planned or approved tranche that is neither paid nor exported (frees the budget)',
    handler: (ctx, _req, _res, { id }) => cancel(ctx, id),
  });

  registerResource(api, {
    name: 'disbursement-exports',
    table: 'disbursement_exports',
    tag: TAG,
    select: (db) => db.selectFrom('disbursement_exports as t').leftJoin('users as u', 'u.id', 't.created_by')
      .select([...EXPORT_COLUMNS.map((c) => `t.${c}` as const), 'u.name as created_by_name']),
    fields: {
      id: { column: 't.id', type: 'int' },
      format: { column: 't.format', type: ['csv', 'sepa'] },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      created_by: { column: 't.created_by', type: 'int' },
      created_at: { column: 't.created_at', type: 'datetime' },
      total_cents: { column: 't.total_cents', type: 'int' },
    },
    defaultSort: ['created_at', 'DESC'],
    access: { read: STAFF },
    present: presentExport,
  });

  api.add({
    method: 'post', path: '/disbursement-exports', tag: TAG, access: STAFF, body: exportSchema, status: 201,
    summary: 'Export the approved, not yet exported tranches of one cohort {format: csv|sepa, cohort_id, disbursement_ids?, execution_date?} as one recorded batch (preview: GET /disbursements/export-preview)',
    handler: (ctx, _req, _res, { body }) => createExport(ctx, body),
  });
  api.add({
    method: 'get', path: '/disbursement-exports/:id/file', tag: TAG, access: STAFF,
    summary: 'Download a batch file (SEPA pain.001.001.09 XML or bookkeeping CSV; ?as=csv gives the CSV of a SEPA batch)',
    handler: async (ctx, req, res, { id }) => {
      const as = req.query.as;
      if (as !== undefined && as !== 'csv' && as !== 'sepa') throw badRequest('as: csv oder sepa.', { as: 'ungültig' });
      const file = await exportFile(ctx, id, as);
      if (file.format === 'csv') {
        sendCsv(res, file.filename, file.content);
        return undefined;
      }
      setDownloadHeaders(res, file.filename, 'application/xml; charset=utf-8');
      res.send(file.content);
      return undefined;
    },
  });
}
