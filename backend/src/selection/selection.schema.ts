import { z } from 'zod';
import { dateTime, id, longText, requiredText } from '../shared/fields.ts';

export const PHASES = ['draft', 'call_open', 'review', 'selection', 'programme', 'alumni'] as const;
/** A cohort's phase (the database's `cohort_phase`). */
type Phase = (typeof PHASES)[number];
const DECISIONS = ['selected', 'waitlisted', 'rejected'] as const;

/** The one way forward through a cohort's year; every phase has exactly one successor. */
export const NEXT_PHASE: Record<(typeof PHASES)[number], (typeof PHASES)[number] | null> = {
  draft: 'call_open',
  call_open: 'review',
  review: 'selection',
  selection: 'programme',
  programme: 'alumni',
  alumni: null,
};

export const transitionSchema = z.object({
  phase: z.enum(PHASES, { error: 'Unbekannte Phase.' }),
});

export const decideSchema = z.object({
  decision: z.enum(DECISIONS, { error: 'Entscheidung: selected, waitlisted oder rejected.' }),
  /** Goes into the decision letter (rejections) and the record of who decided why. */
  reason: requiredText(4000, 'Bitte eine Begründung angeben.'),
});

export const interviewSchema = z.object({
  interview_at: dateTime(),
  interview_notes: longText(20_000),
});

export const waitlistOrderSchema = z.object({
  application_ids: z.array(id(), { error: 'Liste von Bewerbungs-IDs erwartet.' }).max(1000),
});

export const withdrawSchema = z.object({
  reason: requiredText(4000, 'Bitte einen Grund angeben.'),
});

export type DecideInput = z.infer<typeof decideSchema>;

// ── The answer of GET /cohorts/:id/transition-check (the console's phase stepper reads it) ──────────

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
  phase: Phase;
  next_phase: Phase | null;
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

