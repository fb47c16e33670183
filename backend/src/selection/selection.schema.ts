import { z } from 'zod';
import { dateTime, id, longText, requiredText } from '../shared/fields.ts';

export const PHASES = ['draft', 'call_open', 'review', 'selection', 'programme', 'alumni'] as const;
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

export const stageGateSchema = z.object({
  note: longText(4000),
});

export type DecideInput = z.infer<typeof decideSchema>;
