import { sql, type Kysely, type Transaction } from 'kysely';
import type { CohortPhase, Database, Row } from '../db/schema.ts';
import { NEXT_PHASE } from './selection.schema.ts';
import { countOf, date } from '../shared/format.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * What a cohort's next step needs. `open` counts what is still missing (e.g. applications without
 * an eligibility check); `met` says whether the step may be taken on this account.
 */
export interface Requirement {
  key: 'deadline_in_future' | 'criteria' | 'call_closed' | 'eligibility_checked' | 'reviews_submitted' | 'selection_released' | 'offers_answered';
  met: boolean;
  open: number;
  /** The rule's own words (German, as the 409 says them) when it is not met. */
  message: string | null;
}

/** The numbers around a cohort's phase: what the stepper shows and the confirmation quotes. */
export interface PhaseCounts {
  /** Applications by status (every status, zero included). */
  applications: Record<string, number>;
  /** Applications handed in (every status but `draft`). */
  submitted_total: number;
  criteria: number;
  reviews_assigned: number;
  reviews_submitted: number;
  fellowships_active: number;
  /** Selected after the release, no fellowship yet: offers waiting for an answer. */
  open_offers: number;
  seats: number;
}

export interface PhaseCheck {
  id: number;
  phase: CohortPhase;
  next_phase: CohortPhase | null;
  /** True when every requirement of the next phase is met (false in the last phase). */
  ready: boolean;
  /** The first unmet requirement's message: exactly what `transition` answers with its 409. */
  blocker: string | null;
  requirements: Requirement[];
  counts: PhaseCounts;
  application_closes_at: Date;
  selection_finalized_at: Date | null;
  server_now: string;
}

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
export async function phaseCheck(db: Q, cohort: Row<'cohorts'>, now = Date.now()): Promise<PhaseCheck> {
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
