import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/input.ts';
import { cohortOutcomes, programmeComparison } from './outcomes.queries.ts';
import { programmeRangeQuery } from './outcomes.schema.ts';

/** The outcome dashboard's numbers (DESIGN.md "Impact"): one cohort, and the cohorts of a span of years compared. */
export function registerOutcomeRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/cohorts/:id/outcomes',
    tag: 'outcomes',
    summary: "A cohort's outcomes: indicators baseline → latest per fellow and summed, follow-ups, sites by Bundesland and status, money paid per site",
    access: STAFF,
    handler: async (ctx, _req, _res, { id }) => {
      const outcomes = await cohortOutcomes(ctx.db, id);
      if (!outcomes) throw notFound('Diese Kohorte gibt es nicht.');
      return outcomes;
    },
  });

  api.add({
    method: 'get',
    path: '/outcomes',
    tag: 'outcomes',
    summary: 'Cohorts compared (?from_year=&to_year=, at most 20 years): fellows, sites opened and active, indicator totals, follow-ups, money paid per site',
    access: STAFF,
    handler: async (ctx, req) => {
      const { from_year, to_year } = validate(programmeRangeQuery, req.query);
      return programmeComparison(ctx.db, from_year, to_year);
    },
  });
}
