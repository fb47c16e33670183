import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { setDownloadHeaders } from './download.ts';
import { date, dateTime } from '../shared/format.ts';
import { label, type EnumName } from '../shared/labels.ts';

/**
 * The one CSV writer: every CSV the system hands out or stores is made here, so every file opens
 * the same way in German spreadsheet programs and none of them can carry a formula.
 *
 * - UTF-8 with BOM (without it Excel reads the file as Windows-1252 and garbles umlauts),
 *   `;` between fields (German Excel's list separator), CRLF line ends (RFC 4180).
 * - Text that a spreadsheet would evaluate — a cell starting with `=`, `+`, `-`, `@`, tab or CR
 *   (OWASP "CSV injection"), or their full-width forms — gets a leading apostrophe, which the
 *   program shows as text.
 * - Numbers are written from numbers, in German notation (decimal comma), and are never prefixed:
 *   a cell the program made from a number cannot hold a formula, and `-12,50` must stay a negative
 *   amount a spreadsheet can add up, not turn into text. Amounts are `csvCents`, fixed decimals
 *   `csvDecimal`; a number formatted by the caller into a string is text and is neutralised.
 */
export type CsvValue = string | number | boolean | Date | null | undefined | CsvNumber;

/** A number already written in German notation (built only by csvDecimal / csvCents). */
export class CsvNumber {
  private constructor(readonly text: string) {}

  static of(text: string): CsvNumber {
    if (!/^-?\d+(,\d+)?$/.test(text)) throw new Error(`not a number: ${text}`);
    return new CsvNumber(text);
  }
}

/** Cell starts a spreadsheet evaluates as a formula (ASCII and full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

const BOM = '\uFEFF';

const germanNumber = (value: number) => String(value).replace('.', ',');

/** 1.5 with 2 digits → "1,50"; null stays an empty cell. */
export function csvDecimal(value: number | null | undefined, digits: number): CsvNumber | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return CsvNumber.of(value.toFixed(digits).replace('.', ','));
}

/** Integer cents → euros with a decimal comma, exactly (no float): -1250 → "-12,50". */
/** A calendar date (`YYYY-MM-DD`) or a moment as its Berlin day, `26.11.2026` (German spreadsheets read it as a date). */
export const csvDay = (value: Date | string | null | undefined): string | null => (value === null || value === undefined || value === '' ? null : date(value));

/** A coded value in the words of the label catalogue (shared/labels.ts), never the raw code. */
export const csvLabel = (enumName: EnumName, value: string | number | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : label(enumName, value);

export function csvCents(cents: number | null | undefined): CsvNumber | null {
  if (cents === null || cents === undefined) return null;
  if (!Number.isSafeInteger(cents)) throw new Error(`invalid amount ${cents}`);
  const abs = Math.abs(cents);
  return CsvNumber.of(`${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`);
}

/** Text a spreadsheet would run as a formula, made inert with a leading apostrophe. */
const neutralise = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof CsvNumber) return value.text;
  if (typeof value === 'number') return Number.isFinite(value) ? germanNumber(value) : '';
  if (typeof value === 'boolean') return label('boolean', value);
  if (value instanceof Date) return dateTime(value);
  return neutralise(String(value));
}

/** The whole file: BOM, `;`, CRLF; the first row is usually the header. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return stringify(rows.map((row) => row.map(csvCell)), { delimiter: ';', record_delimiter: 'windows', bom: true });
}

/**
 * Answers with a CSV download: `text/csv; charset=utf-8`, an RFC 6266 Content-Disposition with
 * `filename*`, and no-store, since exports carry personal data. `content` is rows, or a file
 * csvText made earlier (a stored batch file); the BOM is put back if storing it lost it (PGlite's
 * text decoding drops a leading BOM).
 */
export function sendCsv(res: Response, filename: string, content: string | ReadonlyArray<ReadonlyArray<CsvValue>>): void {
  const text = typeof content === 'string' ? content : csvText(content);
  setDownloadHeaders(res, filename, 'text/csv; charset=utf-8');
  res.send(text.startsWith(BOM) ? text : BOM + text);
}
