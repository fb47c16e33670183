import { z } from 'zod';
import { id, text } from '../shared/fields.ts';

/** The contract of the `reports` resource (the console imports it too). */
export const REPORT_KINDS = ['funder', 'selection', 'funding'] as const;

/**
 * The kinds a funder may read once issued (DESIGN.md "Impact"): the selection report carries the
 * jury's scores and rankings, which a funder never sees.
 */
export const FUNDER_REPORT_KINDS = ['funder', 'funding'] as const;

export const reportCreateSchema = z.object({
  cohort_id: id(),
  kind: z.enum(REPORT_KINDS, { error: 'Art des Berichts: funder, selection oder funding.' }),
  /** Defaults to the kind's German title and the cohort's name. */
  title: text(300),
});

/** While a report is a draft its title, kind and cohort may change; issued reports are frozen. */
export const reportUpdateSchema = reportCreateSchema.partial();
