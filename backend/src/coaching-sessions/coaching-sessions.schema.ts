import { z } from 'zod';
import { dateOnly, id, longText, text } from '../shared/fields.ts';

export const COACHING_FORMATS = ['in_person', 'video', 'phone'] as const;

/** Today's date in Europe/Berlin (YYYY-MM-DD), the calendar coaches and fellows live in. */
export const berlinToday = (now = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);

const fields = {
  fellowship_id: id(),
  held_on: dateOnly().refine((d) => d <= berlinToday(), 'Eine Sitzung kann erst nach dem Termin protokolliert werden.'),
  duration_minutes: z.number({ error: 'Dauer in Minuten.' }).int('Ganze Minuten.').min(5, 'Mindestens 5 Minuten.').max(600, 'Höchstens 600 Minuten.'),
  format: z.enum(COACHING_FORMATS).optional(),
  topics: text(500),
  notes: longText(10_000),
  next_steps: longText(5_000),
  confidential: z.boolean().optional(),
};

/** The coach's "log a session" form and POST body. */
export const coachingSessionSchema = z.object(fields);
/** PUT: the fellowship of a session never changes; everything else may. */
export const coachingSessionUpdateSchema = z.object(fields).omit({ fellowship_id: true }).partial();

type BudgetState = 'ok' | 'near' | 'at_limit' | 'over';

/** Share of the budget from which the console warns (80 %). */
const NEAR_LIMIT_SHARE = 0.8;

export interface CoachingBudget {
  budget_hours: number;
  used_hours: number;
  remaining_hours: number;
  /** Whole percent of the budget used; null when the budget is 0. */
  percent: number | null;
  state: BudgetState;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Hours used vs the fellowship's budget. Arithmetic in whole minutes (a 1.5 h budget is 90
 * minutes), so no floating-point drift decides whether the limit is reached.
 */
export function coachingBudget(usedMinutes: number, budgetHours: number): CoachingBudget {
  const budgetMinutes = Math.round(Number(budgetHours) * 60);
  const used = Number(usedMinutes) || 0;
  let state: BudgetState;
  if (used > budgetMinutes) state = 'over';
  else if (used === budgetMinutes) state = 'at_limit';
  else if (used >= NEAR_LIMIT_SHARE * budgetMinutes) state = 'near';
  else state = 'ok';
  return {
    budget_hours: hours(budgetMinutes),
    used_hours: hours(used),
    remaining_hours: hours(Math.max(0, budgetMinutes - used)),
    percent: budgetMinutes > 0 ? Math.round((used / budgetMinutes) * 100) : null,
    state,
  };
}

/** Logging is refused when it would take the fellowship past its budget. */
export function exceedsBudget(usedMinutes: number, addMinutes: number, budgetHours: number): boolean {
  return usedMinutes + addMinutes > Math.round(Number(budgetHours) * 60);
}
