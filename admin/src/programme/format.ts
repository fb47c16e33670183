/** Dates of the programme are shown in Europe/Berlin, whatever the browser's zone. */
const BERLIN = 'Europe/Berlin';

export const dateTimeOptions: Intl.DateTimeFormatOptions = { timeZone: BERLIN, weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' };
const dateOptions: Intl.DateTimeFormatOptions = { timeZone: BERLIN, day: '2-digit', month: '2-digit', year: 'numeric' };

export function formatDateTime(value: string | Date | null | undefined, locale = 'de-DE') {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale, dateTimeOptions).format(new Date(value));
}

/** A calendar date (YYYY-MM-DD) has no zone: format it as that day, never shifted. */
export function formatDay(value: string | null | undefined, locale = 'de-DE') {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
  }
  return new Intl.DateTimeFormat(locale, dateOptions).format(new Date(value));
}

export const formatEuro = (cents: number | null | undefined, locale = 'de-DE') =>
  cents == null ? '' : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(Number(cents) / 100);

export const formatHours = (hours: number, locale = 'de-DE') => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(hours);
