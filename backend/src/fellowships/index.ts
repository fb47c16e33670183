/** What other features and the demo data use of the fellowships. */
export { visibleFellowshipIds } from './fellowships.scope.ts';
export { createFellowship } from './fellowships.service.ts';
export { presentFellowship } from './fellowships.present.ts';
export { stageGate } from './stage-gate.ts';
/** The programme year and reporting duties of a cohort (agreement PDF, grantee reports' defaults); the budget plan's sum under the fellowship lock. */
export { budgetPlanCents } from './agreement.ts';
