/**
 * What other features use of the outcomes: the one source of outcome numbers (funder.pdf,
 * programme.pdf, the funder's dashboard, the console's "Wirkung" screen).
 */
export { cohortOutcomes, programmeComparison } from './outcomes.queries.ts';
export {
  MAX_COMPARISON_YEARS,
  programmeRangeQuery,
  type CohortComparison,
  type CohortIndicatorOutcome,
  type CohortOutcomes,
  type FellowIndicatorOutcome,
  type IndicatorTotals,
  type OutcomeCohort,
  type OutcomeMoney,
  type OutcomeSites,
  type ProgrammeComparison,
} from './outcomes.schema.ts';
