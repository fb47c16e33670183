import { z } from 'zod';
import { cents, id, optionalDate, optionalId, requiredText } from '../shared/fields.ts';

export const DISBURSEMENT_STATUSES = ['planned', 'approved', 'paid', 'cancelled'] as const;
export const EXPORT_FORMATS = ['csv', 'sepa'] as const;

/** A tranche is at least one cent; a single tranche above 10 million euros is a typo. */
const trancheCents = () => cents(1_000_000_000).min(1, 'Der Betrag muss größer als 0 sein.');

/** A planned tranche. Status, approver and payment fields change only through the actions. */
export const disbursementSchema = z.object({
  fellowship_id: id(),
  label: requiredText(200, 'Bitte eine Bezeichnung angeben (z. B. „1. Rate“).'),
  amount_cents: trancheCents(),
  due_on: optionalDate(),
  /** Ties the tranche to a milestone of the same fellowship: approvable only once it is achieved. */
  milestone_id: optionalId(),
  /** Ties the tranche to a grantee report of the same fellowship: approvable only once it is accepted. */
  grantee_report_id: optionalId(),
});

/** PUT receives the whole record back; the fellowship of a tranche never changes. */
export const disbursementUpdateSchema = disbursementSchema.omit({ fellowship_id: true }).partial();

/**
 * Approving, optionally with the IBAN the approver was shown: when the organisation's account
 * changed in the meantime, the approval is refused (409 `payee_changed`) instead of paying an
 * account nobody looked at.
 */
export const approveSchema = z.object({
  iban: z.string().max(34).nullable().optional(),
});

/** The reference of the bank transfer (Verwendungszweck / bank statement line): up to 140 characters. */
export const paySchema = z.object({
  payment_reference: requiredText(140, 'Bitte die Zahlungsreferenz angeben.'),
});

export const exportSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'Format: csv oder sepa.' }),
  /** Exports are per cohort: one click never marks another cohort's tranches. */
  cohort_id: z.number({ error: 'Bitte die Kohorte angeben.' }).int().positive().max(2_147_483_647),
  /** Only these tranches of the cohort (they must be approved and not yet exported); default: all that are. */
  disbursement_ids: z.array(id()).min(1).max(1000).optional(),
  /**
   * Earliest execution date at the bank (SEPA ReqdExctnDt); default: today (Europe/Berlin). A
   * tranche is never executed before its due date: its date is the later of the two.
   */
  execution_date: optionalDate(),
});

/** The preview of an export: the same selection, read-only (query string, so numbers arrive as text). */
export const exportPreviewSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'Format: csv oder sepa.' }),
  cohort_id: z.string({ error: 'Bitte die Kohorte angeben.' }).regex(/^\d{1,9}$/, 'cohort_id muss eine Zahl sein.').transform(Number)
    .pipe(z.number().int().positive({ error: 'cohort_id muss eine Zahl sein.' })),
  execution_date: optionalDate(),
}).strict();

export type DisbursementInput = z.infer<typeof disbursementSchema>;
export type DisbursementUpdateInput = z.infer<typeof disbursementUpdateSchema>;
export type ExportInput = z.infer<typeof exportSchema>;
