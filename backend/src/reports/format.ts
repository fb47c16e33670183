/**
 * The server's one set of formats, for PDFs, letters and e-mails: `1.234,56 €`, `26.11.2026`
 * (Europe/Berlin), `12,5 Std.`, `87,3 von 100`. German by default; `en` where a text is written in
 * English for a recipient who chose it.
 */
const TIME_ZONE = 'Europe/Berlin';

export type Locale = 'de' | 'en';

const number2 = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const number1 = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const fixed1: Record<Locale, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};
const euroEn = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });

/** Integer cents → `1.234,56 €` (a plain space before the sign, so copied text matches what is printed); `€1,234.56` in English. */
export function money(cents: number | null | undefined, locale: Locale = 'de'): string {
  if (cents === null || cents === undefined) return '–';
  return locale === 'en' ? euroEn.format(cents / 100) : `${number2.format(cents / 100)} €`;
}

/** A timestamp as the calendar day in Berlin, or a `YYYY-MM-DD` date column as it is. */
export function date(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  const parsed = value instanceof Date ? value : new Date(value);
  return Number.isNaN(parsed.getTime()) ? '–' : dateFormat.format(parsed);
}

/** The calendar day of a moment in Berlin, as `YYYY-MM-DD` (to compare with date columns). */
export function berlinDay(value: Date): string {
  const [d, m, y] = dateFormat.format(value).split('.');
  return `${y}-${m}-${d}`;
}

export function count(n: number): string {
  return integer.format(n);
}

export function percent(part: number, whole: number): string {
  if (!whole) return '–';
  return `${number1.format((100 * part) / whole)} %`;
}

export function hours(minutesOrHours: number, unit: 'minutes' | 'hours' = 'hours'): string {
  const h = unit === 'minutes' ? minutesOrHours / 60 : minutesOrHours;
  return `${number1.format(h)} Std.`;
}

/** A weighted jury score on its 0–100 scale: `87,3 von 100`. */
export function score(value: number | null | undefined, locale: Locale = 'de'): string {
  if (value === null || value === undefined) return '–';
  return locale === 'en' ? `${fixed1.en.format(value)} of 100` : `${fixed1.de.format(value)} von 100`;
}

/** A normalised score (mean z-score over a juror's reviews), signed with two decimals: `+1,22`, `−0,41`. */
export function zScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value * 100) / 100;
  const text = number2.format(Math.abs(rounded));
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

export const FIELD_LABELS: Record<string, string> = {
  education: 'Bildung', social: 'Soziales', environment: 'Umwelt', health: 'Gesundheit', culture: 'Kultur',
  integration: 'Integration', democracy: 'Demokratie', other: 'Sonstiges',
};

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Entwurf', submitted: 'Eingereicht', eligible: 'Förderfähig', ineligible: 'Nicht förderfähig', shortlisted: 'Engere Wahl',
  selected: 'Ausgewählt', waitlisted: 'Nachrückliste', rejected: 'Abgelehnt', withdrawn: 'Zurückgezogen',
};

export const TRANCHE_LABELS: Record<string, string> = { planned: 'Geplant', approved: 'Freigegeben', paid: 'Ausgezahlt', cancelled: 'Storniert' };

export const MILESTONE_LABELS: Record<string, string> = { open: 'Offen', achieved: 'Erreicht', missed: 'Verfehlt' };

/** The stage gate (fellowships/stage-gate.ts), as funder.pdf names it. */
export const STAGE_GATE_LABELS: Record<string, string> = {
  passed: 'Freigegeben – Stufe 2', awaiting_approval: 'Eingereicht, Freigabe ausstehend', open: 'Offen', missed: 'Verfehlt', missing: 'Nicht angelegt',
};

export const STAGE_LABELS: Record<string, string> = { '1': 'Stufe 1 (Konzept)', '2': 'Stufe 2 (Transfer)' };

export const WORKSHOP_KIND_LABELS: Record<string, string> = { workshop: 'Workshop', webinar: 'Webinar', barcamp: 'Barcamp', networking: 'Vernetzung' };

/**
 * The funding overview's labels, word for word as the console's Förderübersicht shows them
 * (admin/src/disbursements/messages.ts), so a number has the same name on every screen and paper.
 */
export const FUNDING_LABELS = {
  granted: 'Bewilligt',
  planned: 'Geplant',
  approved: 'Freigegeben',
  paid: 'Ausgezahlt',
  open: 'Offen',
  unplanned: 'Noch nicht verplant',
  legend: 'Offen = bewilligt − ausgezahlt. Geplant, freigegeben und ausgezahlt zählen jede Tranche genau einmal; stornierte Tranchen zählen nicht.',
} as const;

export const FELLOWSHIP_LABELS: Record<string, string> = { active: 'Aktiv', completed: 'Abgeschlossen', withdrawn: 'Ausgeschieden' };

export const PHASE_LABELS: Record<string, string> = {
  draft: 'Vorbereitung', call_open: 'Ausschreibung läuft', review: 'Begutachtung', selection: 'Auswahl', programme: 'Programm', alumni: 'Alumni',
};

export const label = (labels: Record<string, string>, key: string | null | undefined) => (key ? labels[key] ?? key : '–');
