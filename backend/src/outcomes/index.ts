/**
 * What other features use of the outcomes: the one source of outcome numbers (funder.pdf,
 * programme.pdf, the funder's dashboard, the console's "Wirkung" screen).
 */
export { cohortOutcomes, programmeComparison } from './outcomes.queries.ts';

/**
 * The span of years of a comparison, for programme.pdf and the funder's dashboard to validate as
 * `GET /api/outcomes` does.
 * @public
 */
export { MAX_COMPARISON_YEARS, programmeRangeQuery } from './outcomes.schema.ts';

/**
 * The shapes of the answers, for the PDFs and the funder's dashboard.
 * @public
 */
export type {
  CohortComparison,
  CohortIndicatorOutcome,
  CohortOutcomes,
  FellowIndicatorOutcome,
  IndicatorTotals,
  OutcomeCohort,
  OutcomeMoney,
  OutcomeSites,
  ProgrammeComparison,
} from './outcomes.schema.ts';
