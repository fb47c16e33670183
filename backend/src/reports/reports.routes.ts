import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Response } from 'express';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { registerResource } from '../http/resource.ts';
import { contentDisposition } from '../http/download.ts';
import { FUNDER_REPORT_KINDS, REPORT_KINDS, reportCreateSchema, reportUpdateSchema } from './reports.schema.ts';
import type { RequestContext } from '../http/context.ts';
import { fundedCohortIds, isFunder } from '../cohorts/index.ts';
import { REPORT_TITLES, type ReportKind } from './reports.pdf.ts';
import { issueReport, renderGranteeReport, renderReport } from './reports.service.ts';

const REPORT_COLUMNS = [
  't.id', 't.cohort_id', 't.kind', 't.title', 't.status', 't.issued_at', 't.issued_by', 't.size_bytes', 't.sha256',
  't.created_by', 't.created_at', 't.updated_at', 'c.name as cohort_name',
] as const;

function pdfName(kind: string, cohortId: number, at: Date, suffix = ''): string {
  return `${kind}-report-cohort-${cohortId}-${at.toISOString().slice(0, 10)}${suffix}.pdf`;
}

function sendPdfHeaders(res: Response, filename: string, disposition: 'inline' | 'attachment') {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', contentDisposition(filename, disposition));
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

async function cohortExists(db: Kysely<Database>, cohortId: number): Promise<boolean> {
  return !!(await db.selectFrom('cohorts').select('id').where('id', '=', cohortId).executeTakeFirst());
}

/**
 * Reports as the API lists them (with their cohort's name); the bytes stay out. A funder sees the
 * issued funder and funding reports of the cohorts it funds; drafts and live reports never.
 */
const reportRecords = (db: Kysely<Database>, ctx?: RequestContext) => {
  const qb = db.selectFrom('reports as t').innerJoin('cohorts as c', 'c.id', 't.cohort_id').select([...REPORT_COLUMNS]);
  if (!ctx || !isFunder(ctx.user)) return qb;
  return qb.where('t.status', '=', 'issued').where('t.kind', 'in', FUNDER_REPORT_KINDS).where('t.cohort_id', 'in', fundedCohortIds(db, ctx.user));
};

export function registerReportRoutes(api: ApiRouter): void {
  for (const kind of REPORT_KINDS) {
    api.add({
      method: 'get',
      path: `/reports/cohorts/:id/${kind}.pdf`,
      tag: 'reports',
      summary: `Live ${kind} report of a cohort (PDF, German)`,
      access: STAFF,
      handler: async (ctx, _req, res, { id }) => {
        const cohortId = id;
        const now = new Date();
        const doc = await renderReport(ctx.db, kind, cohortId, now);
        sendPdfHeaders(res, pdfName(kind, cohortId, now), 'inline');
        res.setHeader('Cache-Control', 'no-store');
        doc.pipe(res);
        return undefined;
      },
    });
  }

  api.add({
    method: 'get',
    path: '/reports/grantee-reports/:id/report.pdf',
    tag: 'reports',
    summary: 'Verwendungsnachweis of a grantee report (PDF, German): Sachbericht, budget against actual, expenses with receipts',
    access: ['admin', 'staff', 'coach', 'applicant'],
    handler: async (ctx, _req, res, { id }) => {
      const doc = await renderGranteeReport(ctx, id);
      sendPdfHeaders(res, `verwendungsnachweis-${id}.pdf`, 'inline');
      res.setHeader('Cache-Control', 'private, no-store');
      doc.pipe(res);
      return undefined;
    },
  });

  registerResource(api, {
    name: 'reports',
    table: 'reports',
    select: reportRecords,
    fields: {
      id: { column: 't.id', type: 'int' },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      kind: { column: 't.kind', type: REPORT_KINDS },
      title: { column: 't.title', type: 'text' },
      status: { column: 't.status', type: ['draft', 'issued'] },
      issued_at: { column: 't.issued_at', type: 'datetime' },
      issued_by: { column: 't.issued_by', type: 'int' },
      created_by: { column: 't.created_by', type: 'int' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    search: (_tsquery, raw) => sql<boolean>`(t.title ilike ${'%' + raw.replace(/[\\%_]/g, '\\$&') + '%'} or c.name ilike ${'%' + raw.replace(/[\\%_]/g, '\\$&') + '%'})`,
    defaultSort: ['id', 'DESC'],
    access: { read: [...STAFF, 'funder'], create: STAFF, update: STAFF, delete: STAFF },
    createSchema: reportCreateSchema,
    updateSchema: reportUpdateSchema,
    beforeCreate: async (ctx, input, trx) => {
      const cohort = await trx.selectFrom('cohorts').select(['id', 'name']).where('id', '=', input.cohort_id).executeTakeFirst();
      if (!cohort) throw badRequest('Diesen Jahrgang gibt es nicht.', { cohort_id: 'Diesen Jahrgang gibt es nicht.' });
      return {
        cohort_id: input.cohort_id,
        kind: input.kind,
        title: input.title ?? `${REPORT_TITLES[input.kind as ReportKind]} – ${cohort.name}`,
        status: 'draft' as const,
        created_by: ctx.user?.id ?? null,
      };
    },
    beforeUpdate: async (_ctx, input, existing, trx) => {
      if (existing.status === 'issued') throw conflict('Ausgestellte Berichte sind unveränderlich.', 'report_issued');
      if (input.cohort_id !== undefined && !(await cohortExists(trx, input.cohort_id))) {
        throw badRequest('Diesen Jahrgang gibt es nicht.', { cohort_id: 'Diesen Jahrgang gibt es nicht.' });
      }
      const patch: Record<string, unknown> = {};
      for (const key of ['cohort_id', 'kind', 'title'] as const) {
        if (input[key] !== undefined && input[key] !== null && input[key] !== existing[key]) patch[key] = input[key];
      }
      return patch;
    },
    beforeDelete: (_ctx, existing) => {
      if (existing.status === 'issued') throw conflict('Ausgestellte Berichte sind unveränderlich und werden aufbewahrt.', 'report_issued');
    },
  });

  api.add({
    method: 'post',
    path: '/reports/:id/issue',
    tag: 'reports',
    summary: 'Issue a draft report: generate the PDF once and freeze its bytes (sha256, issued_at)',
    access: STAFF,
    handler: async (ctx, _req, _res, { id }) => {
      await issueReport(ctx, id);
      return reportRecords(ctx.db).where('t.id', '=', id).executeTakeFirstOrThrow();
    },
  });

  api.add({
    method: 'get',
    path: '/reports/:id/pdf',
    tag: 'reports',
    summary: 'Download an issued report: the frozen bytes, unchanged (a funder: the issued reports it may read)',
    access: [...STAFF, 'funder'],
    handler: async (ctx, _req, res, { id }) => {
      const row = await ctx.db.selectFrom('reports').select(['id', 'kind', 'cohort_id', 'status', 'pdf', 'sha256', 'issued_at']).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound();
      if (isFunder(ctx.user) && !(await reportRecords(ctx.db, ctx).where('t.id', '=', id).executeTakeFirst())) throw notFound();
      if (row.status !== 'issued' || !row.pdf || !row.issued_at) {
        throw conflict('Dieser Bericht ist noch ein Entwurf. Stellen Sie ihn zuerst aus.', 'not_issued');
      }
      const bytes = Buffer.from(row.pdf);
      sendPdfHeaders(res, pdfName(row.kind, row.cohort_id, row.issued_at, `-${row.sha256!.slice(0, 8)}`), 'attachment');
      res.setHeader('ETag', `"${row.sha256}"`);
      res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      res.setHeader('Content-Length', String(bytes.length));
      res.end(bytes);
      return undefined;
    },
  });
}
