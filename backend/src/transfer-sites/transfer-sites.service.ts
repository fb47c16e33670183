import type { z } from 'zod';
import { badRequest, conflict } from '../http/errors.ts';
import type { Existing, NewRow, Patch } from '../http/resource.ts';
import { berlinDay } from '../shared/format.ts';
import { LABELS } from '../shared/labels.ts';
import { TRANSFER_SITE_STATUSES, type TransferSiteStatus, type transferSiteSchema, type transferSiteUpdateSchema } from './transfer-sites.schema.ts';

type Dates = { status: TransferSiteStatus; opened_on: string | null; closed_on: string | null };

const rank = (status: TransferSiteStatus) => TRANSFER_SITE_STATUSES.indexOf(status);

/**
 * The dates a status needs, given what it was before (`from`, null on create): becoming active sets
 * opened_on to today unless given, becoming closed sets closed_on; an active site keeps an opening
 * date, a closed one a closing date, and only a closed one has a closing date, never before opening.
 */
function settleDates(from: TransferSiteStatus | null, next: Dates, today: string): Dates {
  const out = { ...next };
  if (out.status === 'active' && from !== 'active' && out.opened_on === null) out.opened_on = today;
  if (out.status === 'closed' && from !== 'closed' && out.closed_on === null) out.closed_on = today;
  if (out.status === 'active' && out.opened_on === null) throw badRequest('Ein aktiver Standort braucht ein Eröffnungsdatum.', { opened_on: 'Pflichtfeld für aktive Standorte.' });
  if (out.status === 'closed' && out.closed_on === null) throw badRequest('Ein geschlossener Standort braucht ein Schließdatum.', { closed_on: 'Pflichtfeld für geschlossene Standorte.' });
  if (out.status !== 'closed' && out.closed_on !== null) throw badRequest('Ein Schließdatum gibt es nur für geschlossene Standorte.', { closed_on: 'Nur für geschlossene Standorte.' });
  if (out.opened_on !== null && out.closed_on !== null && out.closed_on < out.opened_on) {
    throw badRequest('Das Schließdatum liegt vor dem Eröffnungsdatum.', { closed_on: 'Frühestens am Eröffnungsdatum.' });
  }
  return out;
}

/** A new site: planned unless said otherwise, with the dates its status needs. */
export function newSite(input: z.output<typeof transferSiteSchema>): NewRow<'transfer_sites'> {
  const dates = settleDates(null, { status: input.status ?? 'planned', opened_on: input.opened_on ?? null, closed_on: input.closed_on ?? null }, berlinDay(new Date()));
  return { ...input, ...dates };
}

/**
 * A change to a site, on the row the resource has locked (`FOR UPDATE`), so two moves at the same
 * time run one after the other and the second sees the first: the status moves forward only
 * (`closed` from any earlier state); a step back answers 409.
 */
export function sitePatch(input: z.output<typeof transferSiteUpdateSchema>, existing: Existing<'transfer_sites'>): Patch<'transfer_sites'> {
  const from = existing.status;
  const status = input.status ?? from;
  if (rank(status) < rank(from)) {
    const words = LABELS.transfer_site_status;
    throw conflict(`Ein Standort geht nicht zurück: von „${words[from].de}“ nicht mehr zu „${words[status].de}“.`, 'backwards', { status: `Nicht zurück zu „${words[status].de}“.` });
  }
  const dates = settleDates(from, {
    status,
    opened_on: input.opened_on !== undefined ? input.opened_on : existing.opened_on,
    closed_on: input.closed_on !== undefined ? input.closed_on : existing.closed_on,
  }, berlinDay(new Date()));
  return { ...input, ...dates };
}
