/** What other features use of the cohorts: the hooks that run when a cohort enters a phase. */
export { phaseHooks } from './phase-hooks.ts';
