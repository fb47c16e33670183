import { z } from 'zod';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { fromZod, notFound } from '../http/errors.ts';
import { loadDashboard } from './dashboard.queries.ts';
import { isFunder } from '../cohorts/index.ts';

const dashboardQuery = z.object({
  cohort_id: z.string().regex(/^\d{1,9}$/, 'ID erwartet.').transform(Number).pipe(z.number().int().positive()).optional(),
}).strict();

export function registerDashboardRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/dashboard',
    tag: 'dashboard',
    summary: 'Staff dashboard: applications, jury progress, seats, funding, coaching hours, attendance of one cohort (default: the latest); a funder gets the cohorts it funds, numbers only',
    access: [...STAFF, 'funder'],
    handler: async (ctx, req) => {
      const parsed = dashboardQuery.safeParse(req.query);
      if (!parsed.success) throw fromZod(parsed.error);
      const data = await loadDashboard(ctx.db, parsed.data.cohort_id, isFunder(ctx.user) ? ctx.user.id : undefined);
      if (!data) throw notFound('Diesen Jahrgang gibt es nicht.');
      return data;
    },
  });
}
