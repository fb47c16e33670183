import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { fromZod } from '../http/errors.ts';
import { contentDisposition } from '../http/download.ts';
import { programmeRangeQuery } from '../outcomes/index.ts';
import { renderProgrammeReport } from './reports.service.ts';

/**
 * `GET /api/reports/programme.pdf?from_year=&to_year=`: the cohorts of those years compared (live,
 * German). Registered before the `reports` resource, whose `/reports/:id` would otherwise take
 * the path.
 */
export function registerProgrammeReportRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/reports/programme.pdf',
    tag: 'reports',
    summary: 'Programme comparison of the cohorts from from_year to to_year (PDF, German): fellows, sites opened and active, indicator totals, follow-ups, money per site',
    access: STAFF,
    handler: async (ctx, req, res) => {
      const parsed = programmeRangeQuery.safeParse(req.query);
      if (!parsed.success) throw fromZod(parsed.error);
      const { from_year, to_year } = parsed.data;
      const doc = await renderProgrammeReport(ctx.db, from_year, to_year);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', contentDisposition(`programme-report-${from_year}-${to_year}.pdf`, 'inline'));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-store');
      doc.pipe(res);
      return undefined;
    },
  });
}
