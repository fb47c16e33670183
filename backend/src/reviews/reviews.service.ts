import { sql, type Transaction } from 'kysely';
import type { Database, ReviewScore } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, conflict, notFound, type FieldErrors } from '../http/errors.ts';
import type { Existing, Patch, Rec } from '../http/resource.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { cohortCriteria, selectReviews } from './reviews.queries.ts';
import { planAssignment } from './assignment.ts';
import type { ReviewUpdateInput } from './reviews.schema.ts';

type Trx = Transaction<Database>;

/** Applications the jury reviews: eligible ones (and shortlisted, which passed through review). */
export const ASSIGNABLE_STATUSES = ['eligible', 'shortlisted'] as const;
/**
 * Phases in which jurors score: once the cohort moves on to `selection`, every review is locked
 * (the ranking the decisions rest on, and selection.pdf, must not change after the fact).
 */
const REVIEW_PHASES = ['call_open', 'review'] as const;
/** Phases in which reviewers may be (re)assigned: only while they can still score. */
const ASSIGNMENT_PHASES = REVIEW_PHASES;

type Criterion = { id: number; name: string; max_score: number };

/**
 * Checks a juror's scores against the cohort's criteria and returns them in criteria order (one
 * entry per criterion). Field errors are keyed `scores.<index>.score`, the index being the
 * criterion's place in that order, which is how the scoring screen names its inputs.
 */
function normaliseScores(criteria: readonly Criterion[], scores: ReviewUpdateInput['scores'], previous: ReviewScore[]): ReviewScore[] {
  const errors: FieldErrors = {};
  const index = new Map(criteria.map((c, i) => [c.id, i]));
  const given = new Map<number, NonNullable<ReviewUpdateInput['scores']>[number]>();
  (scores ?? []).forEach((s, i) => {
    if (!index.has(s.criterion_id)) errors[`scores.${i}.criterion_id`] = 'Dieses Kriterium gehört nicht zu diesem Jahrgang.';
    else if (given.has(s.criterion_id)) errors[`scores.${i}.criterion_id`] = 'Kriterium doppelt angegeben.';
    else given.set(s.criterion_id, s);
  });
  const result = criteria.map((c, i) => {
    const s = scores ? given.get(c.id) : previous.find((p) => p.criterion_id === c.id);
    const score = s?.score ?? null;
    if (score !== null && score > c.max_score) errors[`scores.${i}.score`] = `Höchstens ${c.max_score} Punkte.`;
    return { criterion_id: c.id, score, comment: s?.comment ?? null };
  });
  if (Object.keys(errors).length) throw badRequest('Bitte prüfen Sie die Bewertung.', errors);
  return result;
}

async function lockReview(trx: Trx, ctx: RequestContext, id: number) {
  // Visibility first (a juror's foreign or conflicted review is a 404), then the row lock.
  const visible = await selectReviews(trx, ctx).where('t.id', '=', id).executeTakeFirst();
  if (!visible) throw notFound();
  const row = await trx.selectFrom('reviews').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  return { row };
}

/**
 * A juror writes or submits only while the cohort is still in review. The cohort row is read
 * `FOR SHARE`: a concurrent phase transition (which locks it `FOR UPDATE`) waits for this write to
 * commit, and a write that comes after the transition sees the new phase.
 */
async function assertReviewPhase(trx: Trx, applicationId: number) {
  const cohort = await trx
    .selectFrom('cohorts as c')
    .select(['c.id', 'c.phase'])
    .where('c.id', '=', trx.selectFrom('applications').select('cohort_id').where('id', '=', applicationId))
    .forShare()
    .executeTakeFirstOrThrow();
  if (!(REVIEW_PHASES as readonly string[]).includes(cohort.phase)) {
    throw conflict('Die Begutachtung dieses Jahrgangs ist abgeschlossen; Bewertungen lassen sich nicht mehr ändern.', 'review_closed');
  }
  return cohort.id;
}

function assertEditable(row: { status: string }) {
  if (row.status === 'submitted') throw conflict('Diese Bewertung ist bereits abgegeben und kann nicht mehr geändert werden.', 'review_submitted');
  if (row.status !== 'assigned') throw conflict('Diese Bewertung ist wegen eines Interessenkonflikts gesperrt.', 'review_conflict');
}

/** The patch for a juror's draft: only the juror, only while `assigned`. */
export async function draftPatch(trx: Trx, input: ReviewUpdateInput, existing: Existing<'reviews'>): Promise<Patch<'reviews'>> {
  assertEditable(existing);
  const cohortId = await assertReviewPhase(trx, existing.application_id);
  const criteria = await cohortCriteria(trx, cohortId);
  const patch: Patch<'reviews'> = {};
  if (input.scores !== undefined) patch.scores = JSON.stringify(normaliseScores(criteria, input.scores, existing.scores));
  if (input.recommendation !== undefined) patch.recommendation = input.recommendation;
  if (input.overall_comment !== undefined) patch.overall_comment = input.overall_comment;
  return patch;
}

/**
 * Submits a review: every criterion scored and a recommendation given, then read-only. The row lock
 * makes concurrent submits of the same review answer once 200 and otherwise 409.
 */
export async function submitReview(ctx: RequestContext, id: number, input: ReviewUpdateInput): Promise<Rec> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await lockReview(trx, ctx, id);
    assertEditable(row);
    const cohortId = await assertReviewPhase(trx, row.application_id);
    const criteria = await cohortCriteria(trx, cohortId);
    if (!criteria.length) throw conflict('Für diesen Jahrgang sind noch keine Kriterien festgelegt.', 'no_criteria');
    const scores = normaliseScores(criteria, input.scores, row.scores);
    const recommendation = input.recommendation !== undefined ? input.recommendation : row.recommendation;
    const overallComment = input.overall_comment !== undefined ? input.overall_comment : row.overall_comment;
    const errors: FieldErrors = {};
    scores.forEach((s, i) => {
      if (s.score === null) errors[`scores.${i}.score`] = 'Bitte bewerten.';
    });
    if (!recommendation) errors.recommendation = 'Bitte eine Empfehlung abgeben.';
    if (Object.keys(errors).length) throw badRequest('Zum Abgeben müssen alle Kriterien bewertet sein.', errors, 'incomplete_review');
    const updated = await trx
      .updateTable('reviews')
      .set({ scores: JSON.stringify(scores), recommendation, overall_comment: overallComment ?? null, status: 'submitted', submitted_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'submit', 'reviews', id, row, updated);
    return (await selectReviews(trx, ctx).where('t.id', '=', id).executeTakeFirstOrThrow()) as Rec;
  });
}

/** Rules for a staff member's manual assignment. */
export async function checkManualAssignment(trx: Trx, input: { application_id: number; juror_id: number }) {
  const application = await trx
    .selectFrom('applications as a')
    .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
    .select(['a.organisation_id', 'a.status', 'c.phase'])
    .where('a.id', '=', input.application_id)
    .executeTakeFirst();
  if (!application) throw notFound('Bewerbung nicht gefunden.');
  const juror = await trx.selectFrom('users').select(['role', 'active']).where('id', '=', input.juror_id).executeTakeFirst();
  if (!juror) throw notFound('Jurymitglied nicht gefunden.');
  if (juror.role !== 'jury' || !juror.active) throw badRequest('Nur aktive Jurymitglieder können bewerten.', { juror_id: 'Kein aktives Jurymitglied.' });
  if (!(ASSIGNMENT_PHASES as readonly string[]).includes(application.phase)) {
    throw conflict('Die Jury kann nur während Ausschreibung und Begutachtung zugewiesen werden.', 'wrong_phase');
  }
  if (!(ASSIGNABLE_STATUSES as readonly string[]).includes(application.status)) {
    throw conflict('Nur förderfähige Bewerbungen werden der Jury zugewiesen.', 'not_assignable');
  }
  const conflicted = await trx
    .selectFrom('conflicts')
    .select('id')
    .where('juror_id', '=', input.juror_id)
    .where('organisation_id', '=', application.organisation_id)
    .executeTakeFirst();
  if (conflicted) throw conflict('Für dieses Jurymitglied ist ein Interessenkonflikt mit der Organisation eingetragen.', 'conflict_of_interest');
}

/**
 * `POST /api/cohorts/:id/assign-reviewers`: one transaction, the cohort row locked so that two
 * calls cannot interleave; the plan (assignment.ts) decides the smallest change.
 */
export async function assignReviewers(ctx: RequestContext, cohortId: number, perApplication: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const cohort = await trx.selectFrom('cohorts').selectAll().where('id', '=', cohortId).forUpdate().executeTakeFirst();
    if (!cohort) throw notFound();
    if (!(ASSIGNMENT_PHASES as readonly string[]).includes(cohort.phase)) {
      throw conflict('Die Jury kann nur während Ausschreibung und Begutachtung zugewiesen werden.', 'wrong_phase');
    }
    const applications = await trx
      .selectFrom('applications')
      .select(['id', 'organisation_id'])
      .where('cohort_id', '=', cohortId)
      .where('status', 'in', ASSIGNABLE_STATUSES)
      .orderBy('id')
      .execute();
    const jurors = (await trx.selectFrom('users').select('id').where('role', '=', 'jury').where('active', '=', true).execute()).map((u) => u.id);
    const conflicts = await trx.selectFrom('conflicts').select(['juror_id', 'organisation_id']).execute();
    const reviews = await trx
      .selectFrom('reviews as r')
      .innerJoin('applications as a', 'a.id', 'r.application_id')
      .select([
        'r.id', 'r.application_id', 'r.juror_id', 'r.status',
        sql<boolean>`(jsonb_path_exists(r.scores, '$[*] ? (@.score != null || @.comment != null)') or r.recommendation is not null or r.overall_comment is not null)`.as('started'),
      ])
      .where('a.cohort_id', '=', cohortId)
      .where('a.status', 'in', ASSIGNABLE_STATUSES)
      .execute();
    const plan = planAssignment({ applications, jurors, conflicts, reviews, perApplication });

    const now = new Date();
    const audits: Array<{ action: string; record_id: number; changes: unknown }> = [];
    if (plan.conflicted.length) {
      await trx.updateTable('reviews').set({ status: 'conflict', updated_at: now }).where('id', 'in', plan.conflicted).execute();
      for (const id of plan.conflicted) audits.push({ action: 'conflict', record_id: id, changes: { after: { status: 'conflict' } } });
    }
    if (plan.remove.length) {
      const removed = await trx.deleteFrom('reviews').where('id', 'in', plan.remove).returning(['id', 'application_id', 'juror_id']).execute();
      for (const r of removed) audits.push({ action: 'delete', record_id: r.id, changes: { before: r, after: null } });
    }
    for (const m of plan.move) {
      const before = reviews.find((r) => r.id === m.review_id)!;
      await trx.updateTable('reviews').set({ juror_id: m.juror_id, updated_at: now }).where('id', '=', m.review_id).execute();
      audits.push({ action: 'update', record_id: m.review_id, changes: { before: { juror_id: before.juror_id }, after: { juror_id: m.juror_id } } });
    }
    if (plan.create.length) {
      const created = await trx.insertInto('reviews').values(plan.create).returning(['id', 'application_id', 'juror_id', 'status']).execute();
      for (const r of created) audits.push({ action: 'create', record_id: r.id, changes: { before: null, after: r } });
    }
    if (audits.length) {
      await trx
        .insertInto('audit_events')
        .values(audits.map((a) => ({ actor_id: ctx.user?.id ?? null, action: a.action, resource: 'reviews', record_id: a.record_id, changes: JSON.stringify({ ...(a.changes as object), via: 'assign-reviewers' }) })))
        .execute();
    }
    const summary = {
      per_application: perApplication,
      applications: applications.length,
      jurors: jurors.length,
      created: plan.create.length,
      moved: plan.move.length,
      removed: plan.remove.length,
      conflicted: plan.conflicted.length,
      unfilled: plan.unfilled,
    };
    await recordAudit(trx, ctx.user, 'assign-reviewers', 'cohorts', cohortId, null, null, summary);
    return { ...cohort, coaching_hours_per_fellow: Number(cohort.coaching_hours_per_fellow), assignment: summary };
  });
}
