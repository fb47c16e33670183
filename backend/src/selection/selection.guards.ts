import type { Transaction } from 'kysely';
import type { CohortPhase, Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { enumMessages } from '../shared/labels.ts';
import { findApplication, lockApplication, lockCohort, selectionApplications, type CohortRow } from './selection.queries.ts';

/**
 * What the selection's jobs (phases, decisions, release, waitlist) share: the lock order (cohort
 * row before application row, always), the guards and the words their messages use.
 */
export type Trx = Transaction<Database>;

/** The catalogue's words for phases and statuses (shared/labels.ts), as the 409 messages name them. */
export const PHASE_LABEL = enumMessages('de').cohort_phase as Record<CohortPhase, string>;
export const STATUS_LABEL = enumMessages('de').application_status;

export async function lockedCohort(trx: Trx, cohortId: number): Promise<CohortRow> {
  const cohort = await lockCohort(trx, cohortId);
  if (!cohort) throw notFound('Jahrgang nicht gefunden.');
  return cohort;
}

/** Reads the application's cohort, then locks cohort before application (always in this order). */
export async function lockForDecision(trx: Trx, applicationId: number) {
  const app = await findApplication(trx, applicationId);
  if (!app) throw notFound('Bewerbung nicht gefunden.');
  const cohort = await lockedCohort(trx, app.cohort_id);
  const locked = await lockApplication(trx, applicationId);
  return { cohort, app: locked };
}

export async function selectionRecord(db: Trx | RequestContext['db'], applicationId: number) {
  return selectionApplications(db).where('t.id', '=', applicationId).executeTakeFirstOrThrow();
}

export function assertSelectionOpen(cohort: CohortRow, phases: CohortPhase[] = ['selection']) {
  if (!phases.includes(cohort.phase)) {
    throw conflict(`Das geht nur in der Phase ${phases.map((p) => `„${PHASE_LABEL[p]}“`).join(' oder ')}; der Jahrgang ist in „${PHASE_LABEL[cohort.phase]}“.`, 'wrong_phase');
  }
  if (cohort.selection_finalized_at) throw conflict('Die Auswahl ist bereits freigegeben; Entscheidungen lassen sich nicht mehr ändern.', 'selection_finalized');
}

export function assertOwnOrStaff(ctx: RequestContext, organisationId: number) {
  if (ctx.user?.role === 'applicant' && ctx.user.organisation_id !== organisationId) throw notFound();
}

/** The address the console is reached at: every letter's links start there. */
export const publicUrl = (ctx: RequestContext) => ctx.config.PUBLIC_URL;
