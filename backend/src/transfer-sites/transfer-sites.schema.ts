import { z } from 'zod';
import { TRANSFER_MODELS } from '../applications/applications.schema.ts';
import { BUNDESLAENDER } from '../organisations/organisations.schema.ts';
import { id, optionalDate, requiredText } from '../shared/fields.ts';

/** Forward only; `closed` may follow any earlier state (DESIGN.md "Impact"). */
export const TRANSFER_SITE_STATUSES = ['planned', 'preparing', 'active', 'closed'] as const;
export type TransferSiteStatus = (typeof TRANSFER_SITE_STATUSES)[number];

export const transferSiteSchema = z.object({
  fellowship_id: id(),
  name: requiredText(300, 'Bitte den Namen des Standorts angeben.'),
  city: requiredText(120, 'Bitte den Ort angeben.'),
  state: z.enum(BUNDESLAENDER, { error: 'Bitte ein Bundesland wählen.' }),
  transfer_model: z.enum(TRANSFER_MODELS, { error: 'Bitte ein Transfermodell wählen.' }),
  status: z.enum(TRANSFER_SITE_STATUSES, { error: 'Unbekannter Status.' }).optional(),
  opened_on: optionalDate(),
  closed_on: optionalDate(),
});

/** The fellowship stays; everything else may change, the status forward only. */
export const transferSiteUpdateSchema = transferSiteSchema.omit({ fellowship_id: true }).partial();

/** `GET /api/transfer-sites/summary`: one cohort, or all when left out. */
export const transferSiteSummaryQuery = z.object({
  cohort_id: z.string({ error: 'ID erwartet.' }).regex(/^\d{1,9}$/, 'ID erwartet.').transform(Number).pipe(z.number().int().positive()).optional(),
}).strict();

/** The answer of the summary: every Bundesland (zeros included) and the totals. */
export interface SiteCounts {
  planned: number;
  preparing: number;
  active: number;
  closed: number;
}
interface SiteStateRow extends SiteCounts {
  state: string;
}
export interface TransferSiteSummary {
  cohort_id: number | null;
  rows: SiteStateRow[];
  totals: SiteCounts & { sites: number; states_with_active: number };
}
