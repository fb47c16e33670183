import { sql, type Kysely, type Transaction } from 'kysely';
import type { CohortPhase, Database, Row } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { phaseHooks } from '../cohorts/index.ts';
import { countOf, date } from '../shared/format.ts';
import { NEXT_PHASE, type PhaseCheck, type PhaseCounts, type Requirement } from './selection.schema.ts';
import { lockedCohort, PHASE_LABEL } from './selection.guards.ts';

type Q = Kysely<Database> | Transaction<Database>;

const STATUSES = ['draft', 'submitted', 'eligible', 'ineligible', 'shortlisted', 'selected', 'waitlisted', 'rejected', 'withdrawn'] as const;

/** One round trip for every number a phase step can depend on. */
async function phaseCounts(db: Q, cohort: Row<'cohorts'>): Promise<PhaseCounts> {
  const row = await db
    .selectNoFrom([
      sql<Record<string, number> | null>`(select jsonb_object_agg(s.status, s.n) from
        (select status, count(*)::int as n from applications where cohort_id = ${cohort.id} group by status) s)`.as('by_status'),
      sql<number>`(select count(*)::int from criteria k where k.cohort_id = ${cohort.id})`.as('criteria'),
      // Reviews of applications still in the race (a withdrawn or ineligible one needs no score).
      sql<number>`(select count(*)::int from reviews r join applications a on a.id = r.application_id
        where a.cohort_id = ${cohort.id} and r.status = 'assigned' and a.status not in ('withdrawn', 'ineligible'))`.as('reviews_assigned'),
      sql<number>`(select count(*)::int from reviews r join applications a on a.id = r.application_id
        where a.cohort_id = ${cohort.id} and r.status = 'submitted')`.as('reviews_submitted'),
      sql<number>`(select count(*)::int from fellowships f where f.cohort_id = ${cohort.id} and f.status = 'active')`.as('fellowships_active'),
      sql<number>`(select count(*)::int from applications a where a.cohort_id = ${cohort.id} and a.status = 'selected'
        and a.decision_released_at is not null and not exists (select 1 from fellowships f where f.application_id = a.id))`.as('open_offers'),
    ])
    .executeTakeFirstOrThrow();
  const applications: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const [status, n] of Object.entries(row.by_status ?? {})) applications[status] = Number(n);
  return {
    applications,
    submitted_total: STATUSES.filter((s) => s !== 'draft').reduce((sum, s) => sum + applications[s], 0),
    criteria: Number(row.criteria),
    reviews_assigned: Number(row.reviews_assigned),
    reviews_submitted: Number(row.reviews_submitted),
    fellowships_active: Number(row.fellowships_active),
    open_offers: Number(row.open_offers),
    seats: cohort.seats,
  };
}

const requirement = (key: Requirement['key'], open: number, message: string): Requirement => ({ key, met: open === 0, open, message: open === 0 ? null : message });

/** The rules of each step forward, in the order they are checked; the first unmet one blocks. */
function requirementsFor(phase: CohortPhase, cohort: Row<'cohorts'>, counts: PhaseCounts, now: number): Requirement[] {
  const closesAt = new Date(cohort.application_closes_at).getTime();
  switch (phase) {
    case 'call_open':
      return [
        requirement('deadline_in_future', closesAt <= now ? 1 : 0, 'Die Bewerbungsfrist liegt in der Vergangenheit. Bitte zuerst eine neue Frist setzen.'),
        requirement('criteria', counts.criteria === 0 ? 1 : 0, 'Bitte zuerst die Bewertungskriterien anlegen – die Ausschreibung nennt sie.'),
      ];
    case 'review':
      return [
        requirement('call_closed', closesAt > now ? 1 : 0,
          `Die Ausschreibung läuft noch bis ${date(cohort.application_closes_at)}; die Begutachtung beginnt nach Bewerbungsschluss.`),
      ];
    case 'selection':
      return [
        requirement('eligibility_checked', counts.applications.submitted,
          `Noch ohne Prüfung der Förderfähigkeit: ${countOf(counts.applications.submitted, { one: 'eingereichte Bewerbung', other: 'eingereichte Bewerbungen' })}.`),
        requirement('reviews_submitted', counts.reviews_assigned, `Noch nicht abgeschlossen: ${countOf(counts.reviews_assigned, { one: 'Jury-Bewertung', other: 'Jury-Bewertungen' })}.`),
      ];
    case 'programme':
      return [
        requirement('selection_released', cohort.selection_finalized_at ? 0 : 1,
          'Die Auswahl ist noch nicht abgeschlossen: bitte zuerst die Auswahl freigeben (finalize-selection).'),
      ];
    case 'alumni':
      return [
        requirement('offers_answered', counts.open_offers, `Noch offen: ${countOf(counts.open_offers, { one: 'Nachrück-Angebot', other: 'Nachrück-Angebote' })}. Bitte erst annehmen oder ablehnen lassen.`),
      ];
    default:
      return [];
  }
}

/**
 * Where a cohort stands before its next step: the requirements with what is still open, and the
 * numbers around them. The transition calls this same function inside its transaction (cohort row
 * locked) and refuses with `blocker`, so the console's stepper and the rule cannot disagree.
 */
async function phaseCheck(db: Q, cohort: Row<'cohorts'>, now = Date.now()): Promise<PhaseCheck> {
  const next = NEXT_PHASE[cohort.phase];
  const counts = await phaseCounts(db, cohort);
  const requirements = next ? requirementsFor(next, cohort, counts, now) : [];
  const unmet = requirements.find((r) => !r.met);
  return {
    id: cohort.id,
    phase: cohort.phase,
    next_phase: next,
    ready: !!next && !unmet,
    blocker: unmet?.message ?? null,
    requirements,
    counts,
    application_closes_at: cohort.application_closes_at as Date,
    selection_finalized_at: (cohort.selection_finalized_at ?? null) as Date | null,
    server_now: new Date(now).toISOString(),
  };
}

// ── The step itself ─────────────────────────────────────────────────────────────────────────────

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
