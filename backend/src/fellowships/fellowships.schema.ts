import { z } from 'zod';
import { cents, id, longText, optionalDate, optionalId } from '../shared/fields.ts';

export const FELLOWSHIP_STATUSES = ['active', 'completed', 'withdrawn'] as const;

/** Staff create a fellowship by hand only for a selected application (the release does it otherwise). */
const fellowshipCreateSchema = z.object({
  application_id: id(),
  /** A user with role `coach`: a staff coach or a volunteer Transfer-Angel. */
  coach_id: optionalId(),
  grant_cents: cents().optional(),
  coaching_hours_budget: z.number({ error: 'Zahl erwartet.' }).min(0).max(10_000).optional(),
  goals: longText(10_000),
});

/** `status` only moves active → completed here; withdrawal is its own action (it frees the seat). */
export const fellowshipUpdateSchema = fellowshipCreateSchema.omit({ application_id: true }).partial().extend({
  status: z.enum(FELLOWSHIP_STATUSES).optional(),
  /** The day the grant agreement (Fördervertrag) was signed (staff; not in the future). No tranche is approved before it. */
  agreement_signed_on: optionalDate(),
});


/** `approve-stage-gate`: an optional note for the fellow's e-mail and the audit trail. */
export const stageGateSchema = z.object({
  note: longText(4000),
});
