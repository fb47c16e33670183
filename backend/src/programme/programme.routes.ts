import { z } from 'zod';
import type { ApiRouter } from '../http/api-router.ts';
import { badRequest } from '../http/errors.ts';
import { fellowshipStory, fellowSummaries } from './programme.service.ts';

const fellowsQuery = z
  .object({
    cohort_id: z.string().regex(/^\d{1,9}$/).transform(Number).optional(),
    /** `active`: the fellows of the running programme year (a coach's "my fellows"); past cohorts' are `completed`. */
    status: z.enum(['active', 'completed', 'withdrawn']).optional(),
  })
  .strict();

/** The programme year as a whole: one fellow's story and the fellows' overview (workshops, attendances, coaching sessions are features of their own). */
export function registerProgrammeRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/fellowships/:id/story',
    tag: 'programme',
    summary: 'The whole story of one fellow: application, scores summary, milestones, attendance, coaching hours, tranches, timeline',
    access: ['admin', 'staff', 'coach', 'applicant'],
    handler: (ctx, _req, _res, { id }) => fellowshipStory(ctx, id),
  });

  api.add({
    method: 'get',
    path: '/programme/fellows',
    tag: 'programme',
    summary: 'The fellowships the caller may see with coaching hours vs budget and the attendance rule (coach: "my fellows")',
    access: ['admin', 'staff', 'coach', 'applicant'],
    handler: (ctx, req) => {
      const parsed = fellowsQuery.safeParse(req.query);
      if (!parsed.success) {
        const key = String(parsed.error.issues[0]?.path[0] ?? 'cohort_id');
        throw badRequest('Erlaubt sind cohort_id und status (active, completed, withdrawn).', { [key]: 'ungültig' }, 'invalid_filter');
      }
      return fellowSummaries(ctx, { cohortId: parsed.data.cohort_id, status: parsed.data.status });
    },
  });
}
