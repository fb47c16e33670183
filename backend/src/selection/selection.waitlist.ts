import { sql } from 'kysely';
import type { RequestContext } from '../http/context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { letterAddress } from '../emails/recipients.ts';
import { closeWaitlistGap } from '../applications/index.ts';
import { createFellowship } from '../fellowships/index.ts';
import { storedDecisionLetter } from './selection.letters.ts';
import { lockApplication, seatsTaken, selectionApplications, type CohortRow } from './selection.queries.ts';
import { assertOwnOrStaff, lockedCohort, lockForDecision, PHASE_LABEL, publicUrl, selectionRecord, type Trx } from './selection.guards.ts';

/** The waitlist after the release: its order, offers of freed seats, accepting and declining them, withdrawn fellows. */

/** Sets the waitlist order explicitly: the list must name every waitlisted application once. */
export async function orderWaitlist(ctx: RequestContext, cohortId: number, applicationIds: number[]) {
  return ctx.db.transaction().execute(async (trx) => {
    const cohort = await lockedCohort(trx, cohortId);
    if (!['selection', 'programme'].includes(cohort.phase)) throw conflict('Die Warteliste lässt sich nur in Auswahl- und Programmphase ordnen.', 'wrong_phase');
    const waitlisted = await trx
      .selectFrom('applications')
      .select(['id', 'waitlist_position'])
      .where('cohort_id', '=', cohortId)
      .where('status', '=', 'waitlisted')
      .forUpdate()
      .execute();
    const expected = new Set(waitlisted.map((a) => a.id));
    const given = new Set(applicationIds);
    if (given.size !== applicationIds.length) throw badRequest('Jede Bewerbung darf nur einmal vorkommen.', { application_ids: 'doppelte ID' });
    if (given.size !== expected.size || applicationIds.some((id) => !expected.has(id))) {
      throw conflict('Die Liste muss genau die Bewerbungen auf der Warteliste enthalten.', 'waitlist_mismatch', { application_ids: 'passt nicht zur Warteliste' });
    }
    for (const [index, id] of applicationIds.entries()) {
      await trx.updateTable('applications').set({ waitlist_position: index + 1, updated_at: sql`now()` }).where('id', '=', id).execute();
    }
    await recordAudit(trx, ctx.user, 'order-waitlist', 'cohorts', cohortId, { waitlist: waitlisted.sort((a, b) => (a.waitlist_position ?? 0) - (b.waitlist_position ?? 0)).map((a) => a.id) }, { waitlist: applicationIds });
    return selectionApplications(trx).where('t.cohort_id', '=', cohortId).where('t.status', '=', 'waitlisted').orderBy('t.waitlist_position').execute();
  });
}

/**
 * A seat freed after the release goes to the first waitlisted application: it becomes `selected`
 * (an open offer until accepted), leaves the waitlist and gets the offer letter.
 */
async function offerFreedSeat(ctx: RequestContext, trx: Trx, cohort: CohortRow) {
  if (!cohort.selection_finalized_at || !['selection', 'programme'].includes(cohort.phase)) return null;
  const taken = await seatsTaken(trx, cohort.id);
  if (taken >= cohort.seats) return null;
  const next = await trx
    .selectFrom('applications')
    .selectAll()
    .where('cohort_id', '=', cohort.id)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_position')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!next) return null;
  const promoted = await trx
    .updateTable('applications')
    .set({ status: 'selected', waitlist_position: null, decided_at: sql`now()`, decided_by: ctx.user?.id ?? null, decision_released_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', next.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await closeWaitlistGap(trx, cohort.id, next.waitlist_position);
  await recordAudit(trx, ctx.user, 'offer-seat', 'applications', next.id, next, promoted);
  const org = await trx.selectFrom('organisations').select('name').where('id', '=', next.organisation_id).executeTakeFirstOrThrow();
  const address = await letterAddress(trx, next.organisation_id);
  if (address) {
    const selectedCount = await seatsTaken(trx, cohort.id);
    const letter = await storedDecisionLetter(trx, {
      template: 'decision_offer', locale: address.locale, organisation_name: org.name, project_name: next.project_name, cohort_name: cohort.name,
      seats: cohort.seats, selected_count: selectedCount, grant_cents: Number(cohort.default_grant_cents), reason: next.decision_reason,
      waitlist_position: null, public_url: publicUrl(ctx),
    });
    await queueEmail(trx, { to: address.email, ...letter, template: 'decision_offer', organisation_id: next.organisation_id, dedupe_key: `decision-offer:${next.id}` });
  }
  return promoted;
}

/**
 * Staff offer a free seat to the next organisation on the waitlist (e.g. seats left free at the
 * release, or freed after the waitlist ran dry and was refilled). Under the cohort row lock, so
 * parallel calls queue up: the seat cap holds and each offer letter goes out once.
 */
export async function offerSeat(ctx: RequestContext, cohortId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const cohort = await lockedCohort(trx, cohortId);
    if (!cohort.selection_finalized_at) throw conflict('Freie Plätze werden erst nach der Freigabe der Auswahl angeboten.', 'not_released');
    if (!['selection', 'programme'].includes(cohort.phase)) {
      throw conflict(`In der Phase „${PHASE_LABEL[cohort.phase]}“ werden keine Plätze mehr angeboten.`, 'wrong_phase');
    }
    const taken = await seatsTaken(trx, cohort.id);
    if (taken >= cohort.seats) throw conflict(`Alle ${cohort.seats} Plätze sind vergeben; es gibt keinen freien Platz.`, 'seat_cap');
    const promoted = await offerFreedSeat(ctx, trx, cohort);
    if (!promoted) throw conflict('Auf der Warteliste steht niemand mehr.', 'waitlist_empty');
    return selectionRecord(trx, promoted.id);
  });
}


/** A selected organisation's fellowship ends early: the seat is freed and offered on. */
export async function withdrawFellowship(ctx: RequestContext, fellowshipId: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const peek = await trx.selectFrom('fellowships').select(['cohort_id', 'organisation_id']).where('id', '=', fellowshipId).executeTakeFirst();
    if (!peek) throw notFound();
    assertOwnOrStaff(ctx, peek.organisation_id);
    const cohort = await lockedCohort(trx, peek.cohort_id);
    const fellowship = await trx.selectFrom('fellowships').selectAll().where('id', '=', fellowshipId).forUpdate().executeTakeFirstOrThrow();
    if (fellowship.status !== 'active') throw conflict('Nur eine aktive Förderung kann beendet werden.', 'wrong_state');
    const updated = await trx.updateTable('fellowships').set({ status: 'withdrawn', updated_at: sql`now()` }).where('id', '=', fellowshipId).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'withdraw', 'fellowships', fellowshipId, fellowship, updated, { reason });
    await withdrawSelectedApplication(ctx, trx, cohort, fellowship.application_id, reason);
    return updated;
  });
}

async function withdrawSelectedApplication(ctx: RequestContext, trx: Trx, cohort: CohortRow, applicationId: number, reason: string) {
  const app = await lockApplication(trx, applicationId);
  if (app.status === 'withdrawn') return;
  const updated = await trx
    .updateTable('applications')
    .set({ status: 'withdrawn', waitlist_position: null, updated_at: sql`now()` })
    .where('id', '=', applicationId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx.user, 'withdraw', 'applications', applicationId, app, updated, { reason });
  if (app.status === 'waitlisted') await closeWaitlistGap(trx, cohort.id, app.waitlist_position);
  if (app.status === 'selected') await offerFreedSeat(ctx, trx, cohort);
}

/** An open offer (selected after release, no fellowship yet) → `accept-offer` creates the fellowship. */
async function lockOffer(trx: Trx, ctx: RequestContext, applicationId: number) {
  const { cohort, app } = await lockForDecision(trx, applicationId);
  assertOwnOrStaff(ctx, app.organisation_id);
  if (ctx.user?.role === 'applicant' && !app.decision_released_at) throw notFound();
  const fellowship = await trx.selectFrom('fellowships').select('id').where('application_id', '=', applicationId).executeTakeFirst();
  if (app.status !== 'selected' || !cohort.selection_finalized_at || !app.decision_released_at) {
    throw conflict('Für diese Bewerbung gibt es kein offenes Angebot.', 'no_offer');
  }
  if (fellowship) throw conflict('Das Angebot wurde bereits angenommen.', 'already_accepted');
  return { cohort, app };
}

export async function acceptOffer(ctx: RequestContext, applicationId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const { cohort, app } = await lockOffer(trx, ctx, applicationId);
    if (!['selection', 'programme'].includes(cohort.phase)) throw conflict('Das Programm dieses Jahrgangs ist vorbei.', 'wrong_phase');
    await createFellowship(trx, ctx.user, app, cohort);
    await recordAudit(trx, ctx.user, 'accept-offer', 'applications', applicationId, null, null);
    return selectionRecord(trx, applicationId);
  });
}

export async function declineOffer(ctx: RequestContext, applicationId: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const { cohort } = await lockOffer(trx, ctx, applicationId);
    await withdrawSelectedApplication(ctx, trx, cohort, applicationId, reason);
    return selectionRecord(trx, applicationId);
  });
}
