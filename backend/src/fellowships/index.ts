/** What other features and the demo data use of the fellowships. */
export { visibleFellowshipIds } from './fellowships.scope.ts';
export { createFellowship } from './fellowships.service.ts';
export { presentFellowship } from './fellowships.present.ts';
export { stageGate } from './stage-gate.ts';
