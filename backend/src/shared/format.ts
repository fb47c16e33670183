/**
 * The one set of formats, for the console and the server alike (PDFs, letters, e-mails, messages,
 * CSV cells meant for people): `1.234,56 €`, `26.11.2026` (Europe/Berlin), `26.11.2026, 14:30`,
 * `12,5 Std.`, `87,3 von 100`, `1 Fellow` / `2 Fellows`. German by default; English (British
 * notation) where the reader chose English. Pure `Intl`, so it runs in Node and in the browser.
 */
export type Locale = 'de' | 'en';

const TIME_ZONE = 'Europe/Berlin';

/** The BCP 47 tag of a language: German as in Germany, English in British notation (26/11/2026, €1,234.56). */
export const localeTag = (locale: string | undefined): 'de-DE' | 'en-GB' => (locale === 'en' || locale === 'en-GB' ? 'en-GB' : 'de-DE');
const asLocale = (locale: string | undefined): Locale => (localeTag(locale) === 'en-GB' ? 'en' : 'de');

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let hit = cache.get(key) as T | undefined;
  if (!hit) cache.set(key, (hit = make()));
  return hit;
}
const numberFormat = (locale: string | undefined, min: number, max: number) =>
  memo(`n:${localeTag(locale)}:${min}:${max}`, () => new Intl.NumberFormat(localeTag(locale), { minimumFractionDigits: min, maximumFractionDigits: max }));
const dayFormat = (locale: string | undefined) =>
  memo(`d:${localeTag(locale)}`, () => new Intl.DateTimeFormat(localeTag(locale), { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }));
const dayTimeFormat = (locale: string | undefined, weekday: boolean) =>
  memo(`dt:${localeTag(locale)}:${weekday}`, () => new Intl.DateTimeFormat(localeTag(locale), {
    timeZone: TIME_ZONE, weekday: weekday ? 'short' : undefined, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }));
const pluralRules = (locale: string | undefined) => memo(`p:${localeTag(locale)}`, () => new Intl.PluralRules(localeTag(locale)));

const DASH = '–';

/**
 * Integer cents → `1.234,56 €` (a plain space before the sign, so copied text matches what is
 * printed); `€1,234.56` in English. `whole: true` drops the cents (`25.000 €`) for charts and totals.
 */
export function money(cents: number | string | null | undefined, locale: string = 'de', options: { whole?: boolean } = {}): string {
  if (cents === null || cents === undefined || cents === '') return DASH;
  const digits = options.whole ? 0 : 2;
  const amount = numberFormat(locale, digits, digits).format(Number(cents) / 100);
  if (asLocale(locale) === 'de') return `${amount} €`;
  return amount.startsWith('-') ? `-€${amount.slice(1)}` : `€${amount}`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (`YYYY-MM-DD`, no zone: never shifted) or a moment (its day in Berlin) → `26.11.2026` / `26/11/2026`. */
export function date(value: Date | string | null | undefined, locale: string = 'de'): string {
  if (value === null || value === undefined || value === '') return DASH;
  const day = typeof value === 'string' ? ISO_DAY.exec(value) : null;
  if (day) {
    const [, y, m, d] = day;
    return asLocale(locale) === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
  }
  const parsed = value instanceof Date ? value : new Date(value);
  return Number.isNaN(parsed.getTime()) ? DASH : dayFormat(locale).format(parsed);
}

/** A moment in Berlin time: `26.11.2026, 14:30` / `26/11/2026, 14:30`; with `weekday`, `Do., 26.11.2026, 14:30` (events). */
export function dateTime(value: Date | string | null | undefined, locale: string = 'de', options: { weekday?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return DASH;
  const parsed = value instanceof Date ? value : new Date(value);
  return Number.isNaN(parsed.getTime()) ? DASH : dayTimeFormat(locale, !!options.weekday).format(parsed);
}

/** The calendar day of a moment in Berlin, as `YYYY-MM-DD` (to compare with date columns). */
export function berlinDay(value: Date): string {
  const [d, m, y] = dayFormat('de').format(value).split('.');
  return `${y}-${m}-${d}`;
}

/** A number with up to `digits` decimals (none shown when it is whole): `1.234`, `12,5`. */
export function number(value: number | string | null | undefined, locale: string = 'de', digits = 1): string {
  if (value === null || value === undefined || value === '' || !Number.isFinite(Number(value))) return DASH;
  return numberFormat(locale, 0, digits).format(Number(value));
}

/** A number with exactly `digits` decimals: `87,30`. */
export function fixed(value: number | string | null | undefined, digits: number, locale: string = 'de'): string {
  if (value === null || value === undefined || value === '' || !Number.isFinite(Number(value))) return DASH;
  return numberFormat(locale, digits, digits).format(Number(value));
}

export function count(n: number, locale: string = 'de'): string {
  return numberFormat(locale, 0, 0).format(n);
}

export function percent(part: number, whole: number, locale: string = 'de'): string {
  if (!whole) return DASH;
  return `${number((100 * part) / whole, locale)} %`;
}

export function hours(minutesOrHours: number, unit: 'minutes' | 'hours' = 'hours', locale: string = 'de'): string {
  const h = unit === 'minutes' ? minutesOrHours / 60 : minutesOrHours;
  return asLocale(locale) === 'de' ? `${number(h, locale)} Std.` : `${number(h, locale)} h`;
}

/** A weighted jury score on its 0–100 scale: `87,3 von 100` / `87.3 of 100`. */
export function score(value: number | string | null | undefined, locale: string = 'de'): string {
  if (value === null || value === undefined || value === '') return DASH;
  return `${fixed(value, 1, locale)} ${asLocale(locale) === 'de' ? 'von' : 'of'} 100`;
}

/** A normalised score (mean z-score over a juror's reviews), signed with two decimals: `+1,22`, `−0,41`. */
export function zScore(value: number | string | null | undefined, locale: string = 'de'): string {
  if (value === null || value === undefined || value === '') return DASH;
  const rounded = Math.round(Number(value) * 100) / 100;
  const text = fixed(Math.abs(rounded), 2, locale);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

/** A deviation in percent, signed: `+12,5 %`, `−3 %`, `0 %` (budget against actual). */
export function signedPercent(value: number | string | null | undefined, locale: string = 'de'): string {
  if (value === null || value === undefined || value === '' || !Number.isFinite(Number(value))) return DASH;
  const v = Number(value);
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${number(Math.abs(v), locale)} %`;
}

/** A file size: `12 KB`, `1,5 MB`. */
export function fileSize(bytes: number | null | undefined, locale: string = 'de'): string {
  if (bytes === null || bytes === undefined) return DASH;
  return bytes < 1024 * 1024 ? `${count(Math.ceil(bytes / 1024), locale)} KB` : `${number(bytes / 1024 / 1024, locale)} MB`;
}

/** The singular and plural of a noun (`{ one: 'Bewerbung', other: 'Bewerbungen' }`). */
export interface PluralForms {
  one: string;
  other: string;
}

/** The form the language's plural rules ask for with `n`: 1 → one, 0 and 2 → other. */
export function plural(n: number, forms: PluralForms, locale: string = 'de'): string {
  return pluralRules(locale).select(n) === 'one' ? forms.one : forms.other;
}

/** A count with its noun: `1 Fellow`, `2 Fellows`, `1.204 Bewerbungen`. */
export function countOf(n: number, forms: PluralForms, locale: string = 'de'): string {
  return `${count(n, locale)} ${plural(n, forms, locale)}`;
}
