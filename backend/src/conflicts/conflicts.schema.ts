import { z } from 'zod';
import { id, requiredText } from '../shared/fields.ts';

/** A juror declares a conflict for themself (juror_id is taken from the session); staff name the juror. */
export const conflictCreateSchema = z.object({
  juror_id: id().optional(),
  organisation_id: id(),
  reason: requiredText(2000, 'Bitte einen Grund angeben.'),
});

export const conflictUpdateSchema = z.object({
  reason: requiredText(2000, 'Bitte einen Grund angeben.').optional(),
});
