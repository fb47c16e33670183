import { count } from '../shared/format.ts';
import { COLORS, type ReportDocument } from './report-document.ts';

/**
 * Charts for the outcome pages, drawn with pdfkit's vector calls (no canvas, no screenshot): every
 * number a chart shows is printed as text, so it can be copied and `pdftotext` finds it. Values
 * are formatted by the caller with `shared/format.ts` (German by default).
 */
export interface StackedBar {
  label: string;
  /** One value per series, in the order of `series`. */
  values: number[];
}

export interface ChartOptions {
  title?: string;
  series: string[];
  /** A colour per series; defaults to the report's series palette. */
  colors?: string[];
  /** Formats values on the bars, the totals and the axis ticks (default: German whole numbers). */
  format?: (value: number) => string;
  labelWidth?: number;
  /** Text when there are no bars (default "Keine Daten."). */
  empty?: string;
}

/**
 * Round steps for an axis from 0 to at least `max`: 1, 2 or 5 times a power of ten, about five
 * ticks; with `integers` (counts) never a step below 1, so no tick reads "1" twice.
 */
export function axisTicks(max: number, options: { integers?: boolean } = {}): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const step = options.integers ? Math.max(1, nice) : nice;
  const ticks: number[] = [0];
  while (ticks[ticks.length - 1] < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

const colorOf = (options: ChartOptions, s: number) => options.colors?.[s] ?? COLORS.series[s % COLORS.series.length];

function legend(report: ReportDocument, options: ChartOptions, x0: number): void {
  const doc = report.doc;
  let x = x0;
  const y = doc.y;
  options.series.forEach((name, s) => {
    doc.font('regular').fontSize(8);
    const w = 13 + doc.widthOfString(name) + 16;
    if (x + w > x0 + report.width) return;
    doc.save().rect(x, y + 2, 9, 9).fill(colorOf(options, s)).restore();
    doc.fillColor(COLORS.muted).text(name, x + 13, y + 2, { lineBreak: false });
    x += w;
  });
  doc.y = y + 16;
}

/** A value axis under the bars: a base line, tick marks and their numbers. */
function axis(report: ReportDocument, x: number, width: number, ticks: number[], format: (v: number) => string): void {
  const doc = report.doc;
  const y = doc.y + 1;
  const max = ticks[ticks.length - 1];
  doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(0.6).strokeColor(COLORS.muted).stroke().restore();
  doc.font('regular').fontSize(7).fillColor(COLORS.muted);
  for (const t of ticks) {
    const tx = x + (width * t) / max;
    doc.save().moveTo(tx, y).lineTo(tx, y + 3).lineWidth(0.6).strokeColor(COLORS.muted).stroke().restore();
    const text = format(t);
    const w = doc.widthOfString(text);
    doc.text(text, Math.min(tx - w / 2, x + width - w), y + 5, { lineBreak: false });
  }
  doc.y = y + 16;
}

/**
 * Horizontal stacked bars (e.g. transfer sites per Bundesland by status), a legend, a labelled
 * value axis with grid lines, and each bar's total printed at its end.
 */
export function stackedBarChart(report: ReportDocument, bars: StackedBar[], options: ChartOptions): void {
  const doc = report.doc;
  const format = options.format ?? ((v: number) => count(v));
  const left = doc.page.margins.left;
  const labelW = options.labelWidth ?? 150;
  const valueW = 50;
  const chartX = left + labelW + 6;
  const chartW = report.width - labelW - 6 - valueW;
  const barH = 11;
  const rowH = barH + 5;
  const totals = bars.map((b) => b.values.reduce((a, v) => a + v, 0));
  const ticks = axisTicks(Math.max(0, ...totals), { integers: bars.every((b) => b.values.every(Number.isInteger)) });
  const max = ticks[ticks.length - 1];

  report.ensureSpace((options.title ? 18 : 0) + 16 + Math.min(bars.length, 8) * rowH + 24);
  if (options.title) {
    doc.font('bold').fontSize(10).fillColor(COLORS.text).text(options.title, left, doc.y, { width: report.width });
    doc.moveDown(0.3);
  }
  if (!bars.length) {
    doc.font('italic').fontSize(8.5).fillColor(COLORS.muted).text(options.empty ?? 'Keine Daten.', left, doc.y, { width: report.width });
    doc.moveDown(0.5);
    doc.fillColor(COLORS.text).font('regular').fontSize(10);
    return;
  }
  legend(report, options, chartX);
  const drawGrid = (top: number, bottom: number) => {
    for (const t of ticks.slice(1)) {
      const gx = chartX + (chartW * t) / max;
      doc.save().moveTo(gx, top).lineTo(gx, bottom).lineWidth(0.3).dash(2, { space: 2 }).strokeColor(COLORS.line).stroke().undash().restore();
    }
  };
  let top = doc.y;
  bars.forEach((bar, i) => {
    if (doc.y + rowH + 20 > doc.page.height - doc.page.margins.bottom) {
      drawGrid(top, doc.y);
      axis(report, chartX, chartW, ticks, format);
      report.newPage();
      top = doc.y;
    }
    const y = doc.y;
    doc.font('regular').fontSize(8.5).fillColor(COLORS.text);
    report.line(bar.label, left, y + 1.5, labelW, 'right');
    let x = chartX;
    bar.values.forEach((v, s) => {
      const w = (chartW * v) / max;
      if (w > 0) doc.save().rect(x, y, Math.max(w, 1), barH).fill(colorOf(options, s)).restore();
      x += w;
    });
    doc.font('bold').fontSize(8).fillColor(COLORS.text).text(format(totals[i]), x + 4, y + 1.5, { lineBreak: false });
    doc.y = y + rowH;
  });
  drawGrid(top, doc.y);
  doc.save().moveTo(chartX, top).lineTo(chartX, doc.y).lineWidth(0.6).strokeColor(COLORS.muted).stroke().restore();
  axis(report, chartX, chartW, ticks, format);
  doc.x = left;
  doc.y += 6;
  doc.fillColor(COLORS.text).font('regular').fontSize(10);
}

export interface BeforeAfter {
  label: string;
  before: number | null;
  after: number | null;
}

/**
 * Baseline → latest per row: two thin bars (before muted, after in colour) on a shared labelled
 * axis, both values printed as text at the end ("120 → 185").
 */
export function beforeAfterChart(report: ReportDocument, rows: BeforeAfter[], options: ChartOptions): void {
  const doc = report.doc;
  const format = options.format ?? ((v: number) => count(v));
  const left = doc.page.margins.left;
  const labelW = options.labelWidth ?? 150;
  const valueW = 110;
  const chartX = left + labelW + 6;
  const chartW = report.width - labelW - 6 - valueW;
  const barH = 7;
  const rowH = 2 * barH + 7;
  const values = rows.flatMap((r) => [r.before ?? 0, r.after ?? 0]);
  const ticks = axisTicks(Math.max(0, ...values), { integers: values.every(Number.isInteger) });
  const max = ticks[ticks.length - 1];

  report.ensureSpace((options.title ? 18 : 0) + 16 + Math.min(rows.length, 6) * rowH + 24);
  if (options.title) {
    doc.font('bold').fontSize(10).fillColor(COLORS.text).text(options.title, left, doc.y, { width: report.width });
    doc.moveDown(0.3);
  }
  if (!rows.length) {
    doc.font('italic').fontSize(8.5).fillColor(COLORS.muted).text(options.empty ?? 'Keine Daten.', left, doc.y, { width: report.width });
    doc.moveDown(0.5);
    doc.fillColor(COLORS.text).font('regular').fontSize(10);
    return;
  }
  legend(report, { ...options, colors: [COLORS.line, colorOf(options, 0)] }, chartX);
  let top = doc.y;
  for (const row of rows) {
    if (doc.y + rowH + 20 > doc.page.height - doc.page.margins.bottom) {
      axis(report, chartX, chartW, ticks, format);
      report.newPage();
      top = doc.y;
    }
    const y = doc.y;
    doc.font('regular').fontSize(8.5).fillColor(COLORS.text);
    report.line(row.label, left, y + barH / 2, labelW, 'right');
    const values = [row.before, row.after];
    values.forEach((v, s) => {
      const w = v ? (chartW * v) / max : 0;
      if (w > 0) doc.save().rect(chartX, y + s * barH, Math.max(w, 1), barH - 1).fill(s === 0 ? COLORS.line : colorOf(options, 0)).restore();
    });
    const text = `${row.before === null ? '–' : format(row.before)} → ${row.after === null ? '–' : format(row.after)}`;
    doc.font('regular').fontSize(8).fillColor(COLORS.text);
    const end = chartX + (chartW * Math.max(row.before ?? 0, row.after ?? 0)) / max;
    doc.text(text, end + 4, y + barH / 2, { lineBreak: false });
    doc.y = y + rowH;
  }
  doc.save().moveTo(chartX, top).lineTo(chartX, doc.y).lineWidth(0.6).strokeColor(COLORS.muted).stroke().restore();
  axis(report, chartX, chartW, ticks, format);
  doc.x = left;
  doc.y += 6;
  doc.fillColor(COLORS.text).font('regular').fontSize(10);
}
