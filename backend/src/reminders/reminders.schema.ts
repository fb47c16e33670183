import { z } from 'zod';
import type { ReminderEvent } from '../db/schema.ts';

export const REMINDER_EVENTS = ['application_deadline', 'review_due', 'milestone_due', 'report_due', 'workshop_start', 'tranche_due'] as const satisfies readonly ReminderEvent[];
export type { ReminderEvent };

/**
 * The templates each event can fill: `event_reminder` (generic: title, due day, days left, link) for
 * every event; the grant report's own `reminder` letter only for report_due, whose facts it needs.
 */
export const EVENT_TEMPLATES: Record<ReminderEvent, readonly string[]> = {
  application_deadline: ['event_reminder'],
  review_due: ['event_reminder'],
  milestone_due: ['event_reminder'],
  report_due: ['reminder', 'event_reminder'],
  workshop_start: ['event_reminder'],
  tranche_due: ['event_reminder'],
};

export const MIN_OFFSET_DAYS = -60;
export const MAX_OFFSET_DAYS = 60;

const offsetDays = z
  .number({ error: 'Zahl der Tage erwartet.' })
  .int('Ganze Tage erwartet.')
  .min(MIN_OFFSET_DAYS, `Höchstens ${-MIN_OFFSET_DAYS} Tage vorher.`)
  .max(MAX_OFFSET_DAYS, `Höchstens ${MAX_OFFSET_DAYS} Tage danach.`);

const templateKey = z.string({ error: 'Bitte eine Vorlage wählen.' }).max(60);

/** 400 naming the templates an event can use. */
export const templateProblem = (event: ReminderEvent, key: string) =>
  EVENT_TEMPLATES[event].includes(key) ? null : `Diese Vorlage passt nicht zum Ereignis (möglich: ${EVENT_TEMPLATES[event].join(', ')}).`;

const checkTemplate = (v: { event?: ReminderEvent; template_key?: string }, ctx: z.RefinementCtx) => {
  const problem = v.event && v.template_key !== undefined ? templateProblem(v.event, v.template_key) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['template_key'], message: problem });
};

const ruleSchema = z.object({
  event: z.enum(REMINDER_EVENTS, { error: 'Unbekanntes Ereignis.' }),
  offset_days: offsetDays,
  template_key: templateKey,
  active: z.boolean({ error: 'Ja oder nein erwartet.' }).optional(),
});

export const reminderRuleSchema = ruleSchema.superRefine(checkTemplate);
/** The event stays (its deliveries and template belong to it); offset, template and switch may change. */
export const reminderRuleUpdateSchema = ruleSchema.omit({ event: true }).partial();
