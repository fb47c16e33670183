import { z } from 'zod';

/**
 * Field builders shared by every schema (backend and console). Empty strings from forms become
 * null, so "cleared" and "never filled" mean the same.
 */
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/**
 * Text we store, compare and search: no NUL (PostgreSQL refuses it in text, so it would fail deep
 * in a query) and no lone UTF-16 surrogate (not Unicode at all; the driver would quietly store
 * U+FFFD instead). Every text field built here refuses both with this message.
 */
// eslint-disable-next-line no-control-regex -- the NUL character is what this pattern is about
export const CLEAN_TEXT = /^[^\u0000\p{Cs}]*$/u;
export const UNCLEAN_TEXT_MESSAGE = 'Enthält unzulässige Zeichen (Nullbyte oder ungültiges Unicode).';
/** A string without NUL or lone surrogates (see CLEAN_TEXT). */
const cleanString = (params?: { error?: string }) => z.string(params).regex(CLEAN_TEXT, UNCLEAN_TEXT_MESSAGE);

export const text = (max = 300) => z.preprocess(emptyToNull, cleanString().trim().max(max, `Höchstens ${max} Zeichen.`).nullable()).optional();
export const longText = (max = 20_000) => text(max);
export const requiredText = (max = 300, message = 'Pflichtfeld.') =>
  cleanString({ error: message }).trim().min(1, message).max(max, `Höchstens ${max} Zeichen.`);
export const optionalEmail = () =>
  z.preprocess(emptyToNull, z.email('Ungültige E-Mail-Adresse.').max(254).regex(CLEAN_TEXT, UNCLEAN_TEXT_MESSAGE).nullable()).optional();
export const optionalUrl = () =>
  z.preprocess(emptyToNull, z.url({ protocol: /^https?$/, error: 'Ungültige Web-Adresse (http/https).' }).max(500).regex(CLEAN_TEXT, UNCLEAN_TEXT_MESSAGE).nullable()).optional();
export const optionalInt = (min = 0, max = 2_000_000_000) =>
  z.preprocess(emptyToNull, z.number({ error: 'Zahl erwartet.' }).int('Ganze Zahl erwartet.').min(min).max(max).nullable()).optional();
/** Money in integer cents (EUR). */
export const cents = (max = 100_000_000_000) => z.number({ error: 'Betrag in Cent erwartet.' }).int('Betrag in ganzen Cent.').min(0).max(max);
export const optionalCents = () => z.preprocess(emptyToNull, cents().nullable()).optional();
export const dateOnly = () => z.iso.date('Datum im Format JJJJ-MM-TT.');
export const optionalDate = () => z.preprocess(emptyToNull, dateOnly().nullable()).optional();
export const dateTime = () =>
  z.union([z.iso.datetime({ offset: true, error: 'Zeitpunkt mit Zeitzone erwartet.' }), z.date()]).transform((v) => new Date(v));
/** A moment that may be left empty (null). */
export const optionalDateTime = () => z.preprocess(emptyToNull, dateTime().nullable()).optional();
export const id = () => z.number({ error: 'ID erwartet.' }).int().positive().max(2_147_483_647);
export const optionalId = () => z.preprocess(emptyToNull, id().nullable()).optional();

/** The earliest founding year accepted; the latest is the current year by the checking side's clock. */
const FOUNDED_YEAR_MIN = 1800;
export const foundedYear = () =>
  z.preprocess(
    emptyToNull,
    z
      .number({ error: 'Zahl erwartet.' })
      .int('Ganze Zahl erwartet.')
      .min(FOUNDED_YEAR_MIN, `Frühestens ${FOUNDED_YEAR_MIN}.`)
      .refine((v) => v <= new Date().getFullYear(), { error: () => `Das Gründungsjahr darf nicht in der Zukunft liegen (höchstens ${new Date().getFullYear()}).` })
      .nullable(),
  ).optional();

/**
 * The maximum length a field's schema allows (through optional, nullable and preprocess wrappers),
 * so the console's counters read the limit from the one schema the server checks with.
 */
export function maxLengthOf(schema: unknown): number | undefined {
  let current: any = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (typeof current.maxLength === 'number') return current.maxLength;
    const def = current._zod?.def ?? current.def;
    if (!def) return undefined;
    current = def.innerType ?? def.out ?? def.schema;
  }
  return undefined;
}
