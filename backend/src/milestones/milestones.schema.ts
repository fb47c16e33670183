import { z } from 'zod';
import { id, longText, optionalDate, requiredText } from '../shared/fields.ts';

export const MILESTONE_KINDS = ['transfer_concept', 'demo_day', 'other'] as const;
export const MILESTONE_STATUSES = ['open', 'achieved', 'missed'] as const;

export const milestoneSchema = z.object({
  fellowship_id: id(),
  title: requiredText(300, 'Bitte einen Titel angeben.'),
  kind: z.enum(MILESTONE_KINDS).optional(),
  due_on: optionalDate(),
  status: z.enum(MILESTONE_STATUSES).optional(),
  note: longText(10_000),
});

export const milestoneUpdateSchema = milestoneSchema.omit({ fellowship_id: true }).partial();
