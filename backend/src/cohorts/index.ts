/** What other features use of the cohorts: the hooks that run when a cohort enters a phase. */
export { phaseHooks } from './phase-hooks.ts';
/** The cohort "copy last year's indicators" copies from (criteria use it inside this feature). */
export { previousCohortWith } from './previous-cohort.ts';
