/** German formats for the reports: `1.234,56 €`, `26.11.2026` (Europe/Berlin), `12,5 Std.`. */
const TIME_ZONE = 'Europe/Berlin';

const number2 = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const number1 = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });

/** Integer cents → `1.234,56 €` (a plain space before the sign, so copied text matches what is printed). */
export function money(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '–';
  return `${number2.format(cents / 100)} €`;
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

export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : number1.format(value);
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

export const FELLOWSHIP_LABELS: Record<string, string> = { active: 'Aktiv', completed: 'Abgeschlossen', withdrawn: 'Ausgeschieden' };

export const PHASE_LABELS: Record<string, string> = {
  draft: 'Vorbereitung', call_open: 'Ausschreibung läuft', review: 'Begutachtung', selection: 'Auswahl', programme: 'Programm', alumni: 'Alumni',
};

export const label = (labels: Record<string, string>, key: string | null | undefined) => (key ? labels[key] ?? key : '–');
