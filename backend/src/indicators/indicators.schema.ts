import { z } from 'zod';
import { dateOnly, id, longText, requiredText } from '../shared/fields.ts';

export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export const INDICATOR_VALUE_KINDS = ['baseline', 'progress', 'follow_up'] as const;

export const indicatorSchema = z.object({
  cohort_id: id(),
  name: requiredText(200, 'Bitte einen Namen angeben.'),
  unit: requiredText(60, 'Bitte eine Einheit angeben.'),
  description: longText(2000),
  direction: z.enum(INDICATOR_DIRECTIONS).optional(),
  position: z.number({ error: 'Zahl erwartet.' }).int().min(0).max(10_000).optional(),
});

/** An indicator stays in its cohort; everything else may change while the cohort is before `programme`. */
export const indicatorUpdateSchema = indicatorSchema.omit({ cohort_id: true }).partial();

export const copyIndicatorsSchema = z.object({
  /** Defaults to the most recent earlier cohort that has indicators. */
  from_cohort_id: id().optional(),
});

const measuredValue = () =>
  z.number({ error: 'Zahl erwartet.' }).min(0, 'Der Wert darf nicht negativ sein.').max(1_000_000_000_000, 'Der Wert ist zu groß.');

export const indicatorValueSchema = z.object({
  fellowship_id: id(),
  indicator_id: id(),
  kind: z.enum(INDICATOR_VALUE_KINDS, { error: 'Ausgangswert, Zwischenstand oder Nachbefragung.' }),
  measured_on: dateOnly(),
  value: measuredValue(),
  note: longText(2000),
});

/**
 * A value stays with its fellowship and indicator. Changing `value` is a correction: it needs a
 * (new) note saying why, and the audit trail keeps the old value.
 */
export const indicatorValueUpdateSchema = indicatorValueSchema.omit({ fellowship_id: true, indicator_id: true }).partial();
