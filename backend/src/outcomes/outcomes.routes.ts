import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/input.ts';
import { cohortOutcomes, programmeComparison } from './outcomes.queries.ts';
import type { CohortOutcomes } from './outcomes.schema.ts';
import { assertFundedCohort, fundedCohortList, isFunder } from '../cohorts/index.ts';

/** A funder reads outcomes aggregated (issue 20): the indicators' totals, not each fellow's values. */
const aggregatedOnly = (outcomes: CohortOutcomes): CohortOutcomes => ({
  ...outcomes,
  indicators: outcomes.indicators.map((indicator) => ({ ...indicator, per_fellow: [] })),
});
import { programmeRangeQuery } from './outcomes.schema.ts';

/**
 * The outcome dashboard's numbers (DESIGN.md "Impact"): one cohort, and the cohorts of a span of
 * years compared. A funder reads them for the cohorts it funds (another cohort → 404), aggregated.
 */
export function registerOutcomeRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/cohorts/:id/outcomes',
    tag: 'outcomes',
    summary: "A cohort's outcomes: indicators baseline → latest per fellow and summed, follow-ups, sites by Bundesland and status, money paid per site (a funder: its cohorts, without the per-fellow values)",
    access: [...STAFF, 'funder'],
    handler: async (ctx, _req, _res, { id }) => {
      await assertFundedCohort(ctx.db, ctx.user, id);
      const outcomes = await cohortOutcomes(ctx.db, id);
      if (!outcomes) throw notFound('Diese Kohorte gibt es nicht.');
      return isFunder(ctx.user) ? aggregatedOnly(outcomes) : outcomes;
    },
  });

  api.add({
    method: 'get',
    path: '/outcomes',
    tag: 'outcomes',
    summary: 'Cohorts compared (?from_year=&to_year=, at most 20 years): fellows, sites opened and active, indicator totals, follow-ups, money paid per site (a funder: its cohorts only)',
    access: [...STAFF, 'funder'],
    handler: async (ctx, req) => {
      const { from_year, to_year } = validate(programmeRangeQuery, req.query);
      const within = isFunder(ctx.user) ? await fundedCohortList(ctx.db, ctx.user) : undefined;
      return programmeComparison(ctx.db, from_year, to_year, within);
    },
  });
}
