import { create } from 'xmlbuilder2';
import { csvCents, csvDay, csvText } from '../http/csv.ts';
import { countOf } from '../shared/format.ts';

/**
 * The two export files, as pure functions of their data (testable without HTTP or database):
 * the SEPA credit transfer (ISO 20022 pain.001.001.09) for the bank and the CSV for bookkeeping.
 * Amounts stay integer cents until they are written as text, so no float ever touches money.
 */

export const PAIN_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface ExportLine {
  id: number;
  label: string;
  amount_cents: number;
  due_on: string | null;
  cohort_name: string;
  organisation_name: string;
  account_holder: string | null;
  iban: string | null;
  bic: string | null;
  milestone_title: string | null;
  approved_at: Date | string | null;
  approved_by_name: string | null;
}

export interface Payer {
  name: string;
  iban: string;
  bic: string;
}

export interface BatchHeader {
  id: number;
  message_id: string;
  created_at: Date;
  /** The earliest execution date (today or later); each tranche goes out on `executionDateOf`. */
  execution_date: string;
}

/** 1234567 → "12345.67" (the ISO 20022 decimal); exact for every integer amount of cents. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`invalid amount ${cents}`);
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** 1234567 → "12345,67" for German spreadsheets. */
export const centsToGerman = (cents: number) => centsToDecimal(cents).replace('.', ',');

const sumCents = (lines: Array<{ amount_cents: number }>) => lines.reduce((sum, l) => sum + l.amount_cents, 0);

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS', ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', '&': '+', '–': '-', '—': '-', '„': "'", '“': "'", '”': "'", '‚': "'", '‘': "'", '’': "'" };

/**
 * Text in the SEPA basic character set (a–z A–Z 0–9 / - ? : ( ) . , ' + space) that every bank
 * accepts: umlauts are spelled out, other accents dropped, anything else becomes a space.
 */
export function sepaText(value: string, max: number): string {
  const spelled = value.replace(/[äöüÄÖÜßẞıİłŁøØđĐæÆœŒ&–—„“”‚‘’]/g, (c) => TRANSLITERATION[c]);
  const ascii = spelled.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const clean = ascii.replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.slice(0, max).trim() || '-';
}

const endToEndId = (trancheId: number) => `OTA-T${trancheId}`;

/** The remittance line the fellow sees on their bank statement. */
const remittance = (line: Pick<ExportLine, 'id' | 'label' | 'cohort_name'>) =>
  sepaText(`openTransfer Accelerator ${line.cohort_name} ${line.label} Tranche ${line.id}`, 140);

/** Local date and time in Europe/Berlin, as ISO 20022 wants it (`2026-11-26T19:05:00`). */
function berlinDateTime(at: Date): string {
  return at.toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).replace(' ', 'T');
}

export function berlinDate(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

/**
 * The day the bank is asked to execute a tranche: the batch's earliest date (never in the past),
 * but never before the tranche is due. ISO dates compare as text.
 */
export const executionDateOf = (line: Pick<ExportLine, 'due_on'>, earliest: string) =>
  line.due_on && line.due_on > earliest ? line.due_on : earliest;

export interface ExecutionGroup {
  execution_date: string;
  tranche_count: number;
  total_cents: number;
  lines: ExportLine[];
}

/** The tranches grouped by execution date, earliest first: one pain.001 payment block per date. */
function executionGroups(lines: ExportLine[], earliest: string): ExecutionGroup[] {
  const byDate = new Map<string, ExportLine[]>();
  for (const line of lines) {
    const date = executionDateOf(line, earliest);
    byDate.set(date, [...(byDate.get(date) ?? []), line]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, group]) => ({ execution_date: date, tranche_count: group.length, total_cents: sumCents(group), lines: group }));
}

/**
 * What an export does, computed once from its lines: the preview shows it, the export records it.
 * `execution_date` is the latest date of the batch (by then every tranche has been executed).
 */
export function summariseExport(lines: ExportLine[], earliest: string) {
  const groups = executionGroups(lines, earliest);
  return {
    tranche_count: lines.length,
    total_cents: sumCents(lines),
    execution_date: groups.length ? groups[groups.length - 1].execution_date : earliest,
    execution_dates: groups.map(({ lines: _lines, ...group }) => group),
  };
}

/**
 * SEPA credit transfer initiation (pain.001.001.09), SLEV charges. The requested execution date
 * (ReqdExctnDt) belongs to the payment information block, so the tranches are grouped by their
 * date (`executionDateOf`): one PmtInf per date, a tranche due later is never paid early and one
 * due already is not held back by it.
 */
export function buildPain001(batch: BatchHeader, payer: Payer, lines: ExportLine[]): string {
  const total = centsToDecimal(sumCents(lines));
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(PAIN_NAMESPACE, 'Document');
  const root = doc.ele('CstmrCdtTrfInitn');
  root
    .ele('GrpHdr')
    .ele('MsgId').txt(batch.message_id).up()
    .ele('CreDtTm').txt(berlinDateTime(batch.created_at)).up()
    .ele('NbOfTxs').txt(String(lines.length)).up()
    .ele('CtrlSum').txt(total).up()
    .ele('InitgPty').ele('Nm').txt(sepaText(payer.name, 70));

  const groups = executionGroups(lines, batch.execution_date);
  for (const [index, group] of groups.entries()) {
    const info = root.ele('PmtInf');
    // At most 35 characters: "OTA-YYYYMMDD-<id>" plus the block's number when there are several.
    info.ele('PmtInfId').txt(groups.length > 1 ? `${batch.message_id}-${index + 1}` : batch.message_id);
    info.ele('PmtMtd').txt('TRF');
    info.ele('BtchBookg').txt('false');
    info.ele('NbOfTxs').txt(String(group.tranche_count));
    info.ele('CtrlSum').txt(centsToDecimal(group.total_cents));
    info.ele('PmtTpInf').ele('SvcLvl').ele('Cd').txt('SEPA');
    info.ele('ReqdExctnDt').ele('Dt').txt(group.execution_date);
    info.ele('Dbtr').ele('Nm').txt(sepaText(payer.name, 70));
    info.ele('DbtrAcct').ele('Id').ele('IBAN').txt(payer.iban);
    info.ele('DbtrAgt').ele('FinInstnId').ele('BICFI').txt(payer.bic);
    info.ele('ChrgBr').txt('SLEV');

    for (const line of group.lines) {
      const tx = info.ele('CdtTrfTxInf');
      tx.ele('PmtId').ele('EndToEndId').txt(endToEndId(line.id));
      tx.ele('Amt').ele('InstdAmt', { Ccy: 'EUR' }).txt(centsToDecimal(line.amount_cents));
      // IBAN-only is allowed within SEPA; a BIC we have is passed on.
      if (line.bic) tx.ele('CdtrAgt').ele('FinInstnId').ele('BICFI').txt(line.bic);
      tx.ele('Cdtr').ele('Nm').txt(sepaText(line.account_holder || line.organisation_name, 70));
      tx.ele('CdtrAcct').ele('Id').ele('IBAN').txt(line.iban ?? '');
      tx.ele('RmtInf').ele('Ustrd').txt(remittance(line));
    }
  }
  return doc.end({ prettyPrint: true });
}

const CSV_HEADER = [
  'Tranche', 'Export', 'Kohorte', 'Organisation', 'Kontoinhaber', 'IBAN', 'BIC', 'Bezeichnung', 'Meilenstein',
  'Fällig am', 'Freigegeben von', 'Freigegeben am', 'Betrag (EUR)', 'Betrag (Cent)', 'Verwendungszweck', 'End-to-End-ID',
];

/**
 * Bookkeeping CSV as German spreadsheets open it (the one CSV writer, http/csv.ts): UTF-8 with
 * BOM, `;` between fields, decimal comma, text that could run as a formula neutralised. The last
 * line carries the batch total; the cent column is there for machines.
 */
export function buildBookkeepingCsv(batch: Pick<BatchHeader, 'message_id'>, lines: ExportLine[]): string {
  const rows = lines.map((l) => [
    l.id, batch.message_id, l.cohort_name, l.organisation_name, l.account_holder, l.iban, l.bic,
    l.label, l.milestone_title, csvDay(l.due_on), l.approved_by_name, l.approved_at === null ? null : new Date(l.approved_at),
    csvCents(l.amount_cents), l.amount_cents, remittance(l), endToEndId(l.id),
  ]);
  const total = sumCents(lines);
  const footer = ['Summe', batch.message_id, '', '', '', '', '', countOf(lines.length, { one: 'Tranche', other: 'Tranchen' }), '', '', '', '', csvCents(total), total, '', ''];
  return csvText([CSV_HEADER, ...rows, footer]);
}
