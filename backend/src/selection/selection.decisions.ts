import { sql } from 'kysely';
import type { RequestContext } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { closeWaitlistGap } from '../applications/index.ts';
import type { DecideInput } from './selection.schema.ts';
import { nextWaitlistPosition, seatsTaken, selectionApplications } from './selection.queries.ts';
import { assertSelectionOpen, lockForDecision, selectionRecord, STATUS_LABEL } from './selection.guards.ts';

/** Shortlist, phone interviews and decisions (internal until the release), and the board that shows them. */

export async function shortlist(ctx: RequestContext, applicationId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const { cohort, app } = await lockForDecision(trx, applicationId);
    assertSelectionOpen(cohort, ['review', 'selection']);
    if (app.status !== 'eligible') {
      throw conflict(`Nur förderfähige Bewerbungen kommen in die engere Wahl (Status: „${STATUS_LABEL[app.status]}“).`, 'wrong_state');
    }
    const updated = await trx.updateTable('applications').set({ status: 'shortlisted', updated_at: sql`now()` }).where('id', '=', applicationId).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'shortlist', 'applications', applicationId, app, updated);
    return selectionRecord(trx, applicationId);
  });
}

export async function recordInterview(ctx: RequestContext, applicationId: number, input: { interview_at: Date; interview_notes?: string | null }) {
  return ctx.db.transaction().execute(async (trx) => {
    const { cohort, app } = await lockForDecision(trx, applicationId);
    assertSelectionOpen(cohort, ['review', 'selection']);
    if (!['shortlisted', 'selected', 'waitlisted', 'rejected'].includes(app.status)) {
      throw conflict('Telefoninterviews gibt es nur für Bewerbungen in der engeren Wahl.', 'wrong_state');
    }
    const updated = await trx
      .updateTable('applications')
      .set({ interview_at: input.interview_at, interview_notes: input.interview_notes ?? null, updated_at: sql`now()` })
      .where('id', '=', applicationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'interview', 'applications', applicationId, app, updated);
    return selectionRecord(trx, applicationId);
  });
}

/**
 * One decision. The cohort row is locked first, so parallel decisions queue up and the count of
 * `selected` applications is never read stale: the seat cap holds under concurrency.
 */
export async function decide(ctx: RequestContext, applicationId: number, input: DecideInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { cohort, app } = await lockForDecision(trx, applicationId);
    assertSelectionOpen(cohort);
    const from = app.status;
    const allowed = input.decision === 'rejected' ? ['eligible', 'shortlisted', 'selected', 'waitlisted', 'rejected'] : ['shortlisted', 'selected', 'waitlisted', 'rejected'];
    if (!allowed.includes(from)) {
      throw conflict(
        from === 'eligible'
          ? 'Bitte die Bewerbung zuerst in die engere Wahl nehmen (mit Telefoninterview); ablehnen geht direkt.'
          : `Über eine Bewerbung im Status „${STATUS_LABEL[from]}“ kann nicht entschieden werden.`,
        'wrong_state',
      );
    }
    if (input.decision === 'selected' && from !== 'selected') {
      const taken = await seatsTaken(trx, cohort.id);
      if (taken >= cohort.seats) {
        throw conflict(`Alle ${cohort.seats} Plätze sind vergeben. Bitte erst eine andere Zusage ändern oder auf die Warteliste setzen.`, 'seat_cap');
      }
    }
    let waitlist_position = app.waitlist_position;
    if (input.decision === 'waitlisted' && from !== 'waitlisted') waitlist_position = await nextWaitlistPosition(trx, cohort.id);
    if (input.decision !== 'waitlisted') waitlist_position = null;
    const updated = await trx
      .updateTable('applications')
      .set({ status: input.decision, decision_reason: input.reason, decided_at: sql`now()`, decided_by: ctx.user?.id ?? null, waitlist_position, updated_at: sql`now()` })
      .where('id', '=', applicationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (from === 'waitlisted' && input.decision !== 'waitlisted') await closeWaitlistGap(trx, cohort.id, app.waitlist_position);
    await recordAudit(trx, ctx.user, 'decide', 'applications', applicationId, app, updated);
    return selectionRecord(trx, applicationId);
  });
}

/** The selection board: every application of the cohort that reached the selection, with seat counts. */
export async function selectionBoard(ctx: RequestContext, cohortId: number) {
  const cohort = await ctx.db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).executeTakeFirst();
  if (!cohort) throw notFound('Jahrgang nicht gefunden.');
  const applications = await selectionApplications(ctx.db)
    .where('t.cohort_id', '=', cohortId)
    .where('t.status', 'in', ['eligible', 'shortlisted', 'selected', 'waitlisted', 'rejected', 'withdrawn'])
    .orderBy('t.submitted_at')
    .orderBy('t.id')
    .execute();
  const selected = await seatsTaken(ctx.db, cohortId);
  return {
    id: cohort.id,
    name: cohort.name,
    phase: cohort.phase,
    seats: cohort.seats,
    seats_taken: selected,
    seats_left: Math.max(0, cohort.seats - selected),
    selection_finalized_at: cohort.selection_finalized_at,
    applications,
  };
}
