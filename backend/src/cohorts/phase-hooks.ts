import type { Transaction } from 'kysely';
import type { CohortPhase, Database, Row } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';

export type PhaseHook = (trx: Transaction<Database>, cohort: Row<'cohorts'>, ctx: RequestContext) => Promise<void>;

/**
 * What other features do when a cohort enters a phase (e.g. `alumni` creates alumni profiles).
 * The transition action runs these inside its transaction, after the phase is written.
 */
export const phaseHooks: Record<CohortPhase, PhaseHook[]> = {
  draft: [],
  call_open: [],
  review: [],
  selection: [],
  programme: [],
  alumni: [],
};
