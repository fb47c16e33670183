import { sql, type Transaction } from 'kysely';
import type { CohortPhase, Database, Row } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { phaseHooks } from '../cohorts/phase-hooks.ts';
import { createFellowship } from '../fellowships/fellowships.service.ts';
import { decisionLetter, RELEASE_TEMPLATE, type LetterTemplate } from './selection.letters.ts';
import { phaseCheck } from './selection.phases.ts';
import { enumMessages } from '../shared/labels.ts';
import { countOf } from '../shared/format.ts';
import { NEXT_PHASE, type DecideInput } from './selection.schema.ts';
import {
  FINAL, UNDECIDED, closeWaitlistGap, countByStatus, finalApplications, findApplication, letterAddress, lockApplication,
  lockCohort, nextWaitlistPosition, selectionApplications, type CohortRow,
} from './selection.queries.ts';

type Trx = Transaction<Database>;

/** The catalogue's words for phases and statuses (shared/labels.ts), as the 409 messages name them. */
export const PHASE_LABEL = enumMessages('de').cohort_phase as Record<CohortPhase, string>;
const STATUS_LABEL = enumMessages('de').application_status;

async function lockedCohort(trx: Trx, cohortId: number): Promise<CohortRow> {
  const cohort = await lockCohort(trx, cohortId);
  if (!cohort) throw notFound('Jahrgang nicht gefunden.');
  return cohort;
}

/** Reads the application's cohort, then locks cohort before application (always in this order). */
async function lockForDecision(trx: Trx, applicationId: number) {
  const app = await findApplication(trx, applicationId);
  if (!app) throw notFound('Bewerbung nicht gefunden.');
  const cohort = await lockedCohort(trx, app.cohort_id);
  const locked = await lockApplication(trx, applicationId);
  return { cohort, app: locked };
}

export async function selectionRecord(db: Trx | RequestContext['db'], applicationId: number) {
  return selectionApplications(db).where('t.id', '=', applicationId).executeTakeFirstOrThrow();
}

// ── Phases ──────────────────────────────────────────────────────────────────────────────────────

export async function transitionCohort(ctx: RequestContext, cohortId: number, phase: CohortPhase) {
  return ctx.db.transaction().execute(async (trx) => {
    const cohort = await lockedCohort(trx, cohortId);
    if (cohort.phase === phase) throw conflict(`Der Jahrgang ist bereits in der Phase „${PHASE_LABEL[phase]}“.`, 'same_phase');
    const next = NEXT_PHASE[cohort.phase];
    if (next !== phase) {
      throw conflict(
        next
          ? `Von „${PHASE_LABEL[cohort.phase]}“ geht es nur weiter zu „${PHASE_LABEL[next]}“, nicht zu „${PHASE_LABEL[phase]}“.`
          : `„${PHASE_LABEL[cohort.phase]}“ ist die letzte Phase.`,
        'invalid_transition',
      );
    }
    const check = await phaseCheck(trx, cohort);
    if (check.blocker) throw conflict(check.blocker, 'precondition_failed');
    const updated = await trx.updateTable('cohorts').set({ phase, updated_at: sql`now()` }).where('id', '=', cohortId).returningAll().executeTakeFirstOrThrow();
    if (phase === 'alumni') {
      // The programme year is over: every fellow still active has completed it.
      await trx.updateTable('fellowships').set({ status: 'completed', updated_at: sql`now()` }).where('cohort_id', '=', cohortId).where('status', '=', 'active').execute();
    }
    await recordAudit(trx, ctx.user, 'transition', 'cohorts', cohortId, cohort, updated);
    for (const hook of phaseHooks[phase]) await hook(trx, updated, ctx);
    return updated;
  });
}

/** The next step of a cohort with what it requires and what is still open (read-only). */
export async function transitionCheck(ctx: RequestContext, cohortId: number) {
  const cohort = await ctx.db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).executeTakeFirst();
  if (!cohort) throw notFound('Jahrgang nicht gefunden.');
  return phaseCheck(ctx.db, cohort);
}

// ── Shortlist, interviews, decisions ────────────────────────────────────────────────────────────

function assertSelectionOpen(cohort: CohortRow, phases: CohortPhase[] = ['selection']) {
  if (!phases.includes(cohort.phase)) {
    throw conflict(`Das geht nur in der Phase ${phases.map((p) => `„${PHASE_LABEL[p]}“`).join(' oder ')}; der Jahrgang ist in „${PHASE_LABEL[cohort.phase]}“.`, 'wrong_phase');
  }
  if (cohort.selection_finalized_at) throw conflict('Die Auswahl ist bereits freigegeben; Entscheidungen lassen sich nicht mehr ändern.', 'selection_finalized');
}

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
      const taken = await countByStatus(trx, cohort.id, ['selected']);
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

// ── Letters and release ─────────────────────────────────────────────────────────────────────────

export interface LetterPreview {
  application_id: number;
  organisation_id: number;
  organisation_name: string;
  status: string;
  template: LetterTemplate;
  to: string | null;
  locale: 'de' | 'en';
  subject: string;
  body: string;
  dedupe_key: string;
  released: boolean;
}

const publicUrl = (ctx: RequestContext) => ctx.config.PUBLIC_URL;

/**
 * Every letter of a cohort's release exactly as it is sent: one per application in a final state
 * (selected, waitlisted, rejected, ineligible), each number in it read from the database here.
 */
export async function buildLetters(db: Trx | RequestContext['db'], cohort: CohortRow, public_url: string): Promise<LetterPreview[]> {
  const apps = await finalApplications(db, cohort.id);
  const selectedCount = apps.filter((a) => a.status === 'selected').length;
  const letters: LetterPreview[] = [];
  for (const app of apps) {
    const template = RELEASE_TEMPLATE[app.status];
    const address = await letterAddress(db, app.organisation_id);
    const locale = address?.locale ?? 'de';
    const letter = decisionLetter({
      template,
      locale,
      organisation_name: app.organisation_name,
      project_name: app.project_name,
      cohort_name: cohort.name,
      seats: cohort.seats,
      selected_count: selectedCount,
      grant_cents: Number(app.grant_cents ?? cohort.default_grant_cents),
      reason: app.decision_reason,
      waitlist_position: app.waitlist_position,
      public_url,
    });
    letters.push({
      application_id: app.id,
      organisation_id: app.organisation_id,
      organisation_name: app.organisation_name,
      status: app.status,
      template,
      to: address?.email ?? null,
      locale,
      ...letter,
      dedupe_key: `decision-letter:${app.id}`,
      released: !!app.decision_released_at,
    });
  }
  return letters;
}

export async function previewLetters(ctx: RequestContext, cohortId: number) {
  const cohort = await ctx.db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).executeTakeFirst();
  if (!cohort) throw notFound('Jahrgang nicht gefunden.');
  return buildLetters(ctx.db, cohort, publicUrl(ctx));
}

/**
 * Releases the selection in one transaction: one fellowship per selected application, one letter
 * per decision, decisions visible to applicants. Idempotent — the cohort row lock serialises
 * parallel calls, and a finalised cohort is answered as it is; fellowships are unique per
 * application and letters per dedupe key, so nothing is ever created twice.
 */
export async function finalizeSelection(ctx: RequestContext, cohortId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const cohort = await lockedCohort(trx, cohortId);
    if (cohort.selection_finalized_at) return cohort;
    if (cohort.phase !== 'selection') throw conflict(`Die Auswahl kann nur in der Phase „Auswahl“ freigegeben werden (aktuell: „${PHASE_LABEL[cohort.phase]}“).`, 'wrong_phase');
    const open = await countByStatus(trx, cohortId, UNDECIDED);
    if (open) throw conflict(`Noch nicht entschieden: ${countOf(open, { one: 'Bewerbung', other: 'Bewerbungen' })}. Jede Bewerbung braucht eine Entscheidung mit Begründung.`, 'undecided');
    const selected = await trx.selectFrom('applications').selectAll().where('cohort_id', '=', cohortId).where('status', '=', 'selected').orderBy('id').execute();
    if (selected.length === 0) throw conflict('Es ist noch keine Organisation ausgewählt.', 'nothing_selected');
    if (selected.length > cohort.seats) throw conflict(`Mehr Zusagen (${selected.length}) als Plätze (${cohort.seats}).`, 'seat_cap');
    for (const app of selected) await createFellowship(trx, ctx.user, app, cohort);
    for (const letter of await buildLetters(trx, cohort, publicUrl(ctx))) {
      if (!letter.to) continue;
      await queueEmail(trx, { to: letter.to, subject: letter.subject, body: letter.body, template: letter.template, organisation_id: letter.organisation_id, dedupe_key: letter.dedupe_key });
    }
    await trx
      .updateTable('applications')
      .set({ decision_released_at: sql`now()` })
      .where('cohort_id', '=', cohortId)
      .where('status', 'in', [...FINAL])
      .where('decision_released_at', 'is', null)
      .execute();
    const updated = await trx.updateTable('cohorts').set({ selection_finalized_at: sql`now()`, updated_at: sql`now()` }).where('id', '=', cohortId).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'finalize-selection', 'cohorts', cohortId, cohort, updated, { fellowships: selected.length });
    return updated;
  });
}

// ── Withdrawal, offers from the waitlist ────────────────────────────────────────────────────────

/**
 * A seat freed after the release goes to the first waitlisted application: it becomes `selected`
 * (an open offer until accepted), leaves the waitlist and gets the offer letter.
 */
export async function offerFreedSeat(ctx: RequestContext, trx: Trx, cohort: CohortRow) {
  if (!cohort.selection_finalized_at || !['selection', 'programme'].includes(cohort.phase)) return null;
  const taken = await countByStatus(trx, cohort.id, ['selected']);
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
    const selectedCount = await countByStatus(trx, cohort.id, ['selected']);
    const letter = decisionLetter({
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
    const taken = await countByStatus(trx, cohort.id, ['selected']);
    if (taken >= cohort.seats) throw conflict(`Alle ${cohort.seats} Plätze sind vergeben; es gibt keinen freien Platz.`, 'seat_cap');
    const promoted = await offerFreedSeat(ctx, trx, cohort);
    if (!promoted) throw conflict('Auf der Warteliste steht niemand mehr.', 'waitlist_empty');
    return selectionRecord(trx, promoted.id);
  });
}

function assertOwnOrStaff(ctx: RequestContext, organisationId: number) {
  if (ctx.user?.role === 'applicant' && ctx.user.organisation_id !== organisationId) throw notFound();
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

/**
 * For the applications feature's `withdraw` (same transaction, after the status change): a
 * waitlisted application leaves the waitlist and the ones behind it move up. (A selected
 * organisation leaves through `decline-offer` or the fellowship's `withdraw`, which pass its seat on.)
 */
export async function afterApplicationWithdrawn(trx: Trx, before: Pick<Row<'applications'>, 'id' | 'cohort_id' | 'status' | 'waitlist_position'>) {
  if (before.status !== 'waitlisted') return;
  await trx.updateTable('applications').set({ waitlist_position: null }).where('id', '=', before.id).execute();
  await closeWaitlistGap(trx, before.cohort_id, before.waitlist_position);
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
  const selected = applications.filter((a) => a.status === 'selected').length;
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
