/** What other features use of the cohorts: the hooks that run when a cohort enters a phase. */
export { phaseHooks } from './phase-hooks.ts';
/** The cohort "copy last year's indicators" copies from (criteria use it inside this feature). */
export { previousCohortWith } from './previous-cohort.ts';
/** The funder role's view (DESIGN.md "Impact"): which cohorts a funder funds, for every feature that opens a route to it. */
export { assertFundedCohort, fundedBy, fundedCohortIds, fundedCohortList, isFunder } from './funders.ts';
/** Users: a user who is no longer a funder leaves the cohorts' funders. */
export { forgetFunder } from './funders.ts';
