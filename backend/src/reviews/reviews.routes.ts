import { sql } from 'kysely';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { isStaff, type RequestContext } from '../http/context.ts';
import { conflict } from '../http/errors.ts';
import { registerResource, type Rec } from '../http/resource.ts';
import { selectReviews } from './reviews.queries.ts';
import { DRAFT_CONTENT, draftContentView } from './draft-visibility.ts';
import { assignReviewersSchema, REVIEW_STATUSES, RECOMMENDATIONS, reviewCreateSchema, reviewUpdateSchema } from './reviews.schema.ts';
import { assignReviewers, checkManualAssignment, draftPatch, submitReview } from './reviews.service.ts';

/**
 * Staff see a juror's scores only once that juror submitted: before, the review is just
 * "in progress" (how many criteria are scored, but not the scores).
 */
function present(record: Rec, ctx: RequestContext): Rec {
  if (!isStaff(ctx.user) || record.submitted_at) return record;
  const draft: Rec = { ...record, in_progress: record.status === 'assigned' };
  for (const key of DRAFT_CONTENT) if (key in draft) draft[key] = key === 'scores' ? [] : null;
  return draft;
}

export function registerReviewRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'reviews',
    table: 'reviews',
    select: (db, ctx) => selectReviews(db, ctx),
    fields: {
      id: { column: 't.id', type: 'int' },
      application_id: { column: 't.application_id', type: 'int' },
      juror_id: { column: 't.juror_id', type: 'int' },
      cohort_id: { column: 'a.cohort_id', type: 'int' },
      status: { column: 't.status', type: REVIEW_STATUSES },
      recommendation: { column: 't.recommendation', type: RECOMMENDATIONS, hidden: draftContentView('t.recommendation') },
      organisation_name: { column: 'o.name', type: 'text' },
      project_name: { column: 'a.project_name', type: 'text' },
      juror_name: { column: 'j.name', type: 'text' },
      submitted_at: { column: 't.submitted_at', type: 'datetime' },
      created_at: { column: 't.created_at', type: 'datetime' },
      updated_at: { column: 't.updated_at', type: 'datetime' },
    },
    // Jurors see of the organisation only its name (no city, no description).
    search: (tsquery, _raw, ctx) =>
      ctx.user?.role === 'jury'
        ? sql<boolean>`(to_tsvector('german', o.name) @@ to_tsquery('german', ${tsquery}) OR a.search_vector @@ to_tsquery('german', ${tsquery}))`
        : sql<boolean>`(o.search_vector @@ to_tsquery('german', ${tsquery}) OR a.search_vector @@ to_tsquery('german', ${tsquery}))`,
    access: { read: ['admin', 'staff', 'jury'], create: STAFF, update: ['jury'], delete: STAFF },
    createSchema: reviewCreateSchema,
    updateSchema: reviewUpdateSchema,
    beforeCreate: async (_ctx, input, trx) => {
      await checkManualAssignment(trx, input as { application_id: number; juror_id: number });
      return { application_id: input.application_id, juror_id: input.juror_id };
    },
    beforeUpdate: (_ctx, input, existing, trx) => draftPatch(trx, input, existing),
    beforeDelete: (_ctx, existing) => {
      if (existing.status === 'submitted') throw conflict('Eine abgegebene Bewertung kann nicht zurückgenommen werden.', 'review_submitted');
    },
    present,
  });

  api.add({
    method: 'post',
    path: '/reviews/:id/submit',
    tag: 'reviews',
    summary: 'Submit a review (all criteria scored, a recommendation); read-only afterwards',
    access: ['jury'],
    body: reviewUpdateSchema,
    optionalBody: true,
    handler: async (ctx, _req, _res, { id, body: input }) => present(await submitReview(ctx, id, input), ctx),
  });

  api.add({
    method: 'post',
    path: '/cohorts/:id/assign-reviewers',
    tag: 'reviews',
    summary: 'Assign jurors to every eligible application: balanced, never conflicted, idempotent',
    access: STAFF,
    body: assignReviewersSchema,
    handler: async (ctx, _req, _res, { id, body: input }) => assignReviewers(ctx, id, input.per_application),
  });
}
