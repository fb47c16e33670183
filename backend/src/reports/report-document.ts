import PDFDocument from 'pdfkit';
import { registerFonts } from '../pdf/fonts.ts';
import { date } from '../shared/format.ts';

/**
 * The programme's look on top of pdfkit: cover, headings, key figures, tables that break across
 * pages with their header repeated, horizontal bar charts drawn as vector graphics, and a running
 * header and footer with "Seite x von y" written once every page exists.
 */
export const COLORS = {
  primary: '#0b5c6b',
  accent: '#e8731a',
  muted: '#5f6b73',
  line: '#c9d3d8',
  zebra: '#f2f6f7',
  text: '#1d2327',
  series: ['#0b5c6b', '#e8731a', '#6a9a3a', '#9b4f96', '#c0392b', '#2f7fbf'],
};

export interface ReportMeta {
  title: string;
  subtitle: string;
  cohortName: string;
  /** "Berichtszeitraum …" line on the cover and in the header. */
  period: string;
  generatedAt: Date;
}

export interface Column<Row> {
  header: string;
  /**
   * Share of the room left once every column has what it needs (the longest word, or the whole
   * text of a `nowrap` column): text columns that can use more take their share of the rest.
   */
  width: number;
  align?: 'left' | 'right' | 'center';
  value: (row: Row) => string;
  bold?: boolean;
  /** Dates, amounts, statuses, references: printed on one line, the column as wide as its widest cell. */
  nowrap?: boolean;
}

export interface Bar {
  label: string;
  values: number[];
}

const PAGE = { size: 'A4' as const, margins: { top: 72, bottom: 64, left: 56, right: 56 } };
const MAX_CELL_CHARS = 700;
/** A table's text shrinks down to this size before any word would have to break. */
const MIN_TABLE_FONT = 6.5;
/** A wrapping column claims at most this share of the width for its longest word (a URL, say). */
const MAX_WORD_SHARE = 0.4;

export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly meta: ReportMeta;

  constructor(meta: ReportMeta) {
    this.meta = meta;
    this.doc = new PDFDocument({
      size: PAGE.size,
      margins: PAGE.margins,
      bufferPages: true,
      autoFirstPage: false,
      lang: 'de-DE',
      displayTitle: true,
      info: {
        Title: `${meta.title} – ${meta.cohortName}`,
        Author: 'openTransfer Accelerator',
        Subject: meta.subtitle,
        Creator: 'Fellowship CRM',
        CreationDate: meta.generatedAt,
      },
    });
    registerFonts(this.doc);
  }

  get width(): number {
    return this.doc.page.width - PAGE.margins.left - PAGE.margins.right;
  }

  private get left(): number {
    return PAGE.margins.left;
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE.margins.bottom;
  }

  /** Starts a new page unless `space` points still fit on this one. */
  ensureSpace(space: number): void {
    if (this.doc.y + space > this.bottom) this.newPage();
  }

  newPage(): void {
    this.compactPage();
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = PAGE.margins.top;
  }

  /**
   * pdfkit keeps a page's content as one small buffer per drawing operation until the document
   * ends (bufferPages is needed for "Seite x von y"); a 2,000-row table makes hundreds of thousands
   * of them. Joining a finished page's buffers into one keeps memory near the size of the PDF.
   */
  private compactPage(): void {
    const content = (this.doc as unknown as { page?: { content?: { buffer?: Uint8Array[] } } }).page?.content;
    if (content?.buffer && content.buffer.length > 1) content.buffer = [Buffer.concat(content.buffer)];
  }

  cover(facts: Array<[string, string]>): void {
    const doc = this.doc;
    this.newPage();
    const { width, height } = doc.page;
    doc.save();
    doc.rect(0, 0, width, 300).fill(COLORS.primary);
    doc.rect(0, 300, width, 8).fill(COLORS.accent);
    doc.restore();
    doc.fillColor('#ffffff').font('bold').fontSize(13).text('openTransfer Accelerator', this.left, 70, { width: this.width });
    doc.font('light').fontSize(10).text('Stiftung Bürgermut · in Kooperation mit der Bertelsmann Stiftung', { width: this.width });
    doc.font('bold').fontSize(30).text(this.meta.title, this.left, 150, { width: this.width });
    doc.font('regular').fontSize(14).text(this.meta.subtitle, { width: this.width });
    doc.fillColor(COLORS.text).font('bold').fontSize(18).text(this.meta.cohortName, this.left, 350, { width: this.width });
    doc.font('regular').fontSize(11).fillColor(COLORS.muted).text(this.meta.period, { width: this.width });
    doc.moveDown(2);
    for (const [k, v] of facts) {
      const y = doc.y;
      doc.font('regular').fontSize(10).fillColor(COLORS.muted).text(k, this.left, y, { width: 170 });
      doc.font('bold').fontSize(10).fillColor(COLORS.text).text(v, this.left + 180, y, { width: this.width - 180 });
      doc.moveDown(0.4);
    }
    doc.font('regular').fontSize(9).fillColor(COLORS.muted)
      .text(`Erstellt am ${date(this.meta.generatedAt)}`, this.left, height - 120, { width: this.width });
    doc.fillColor(COLORS.text);
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const doc = this.doc;
    this.ensureSpace(level === 1 ? 90 : 60);
    if (doc.y > PAGE.margins.top + 1) doc.moveDown(level === 1 ? 1 : 0.6);
    doc.x = this.left;
    doc.font('bold').fontSize(level === 1 ? 17 : 12.5).fillColor(level === 1 ? COLORS.primary : COLORS.text).text(text, { width: this.width });
    if (level === 1) {
      const y = doc.y + 3;
      doc.save().moveTo(this.left, y).lineTo(this.left + 48, y).lineWidth(2.5).strokeColor(COLORS.accent).stroke().restore();
      doc.y = y + 8;
    } else {
      doc.moveDown(0.3);
    }
    doc.font('regular').fontSize(10).fillColor(COLORS.text);
  }

  /** Running text. A number stays on the line of its unit (`25.000,00 €`, `40 %`, `8,5 Std.`, `87,3 von 100`). */
  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): void {
    this.doc.x = this.left;
    this.doc.font('regular').fontSize(options.size ?? 10).fillColor(options.muted ? COLORS.muted : COLORS.text)
      .text(keepUnits(text), { width: this.width, lineGap: 2 });
    this.doc.fillColor(COLORS.text).moveDown(0.5);
  }

  /** Key figures as tiles, four to a row. */
  figures(items: Array<[string, string]>): void {
    const doc = this.doc;
    const perRow = 4;
    const gap = 10;
    const w = (this.width - gap * (perRow - 1)) / perRow;
    const h = 54;
    for (let i = 0; i < items.length; i += perRow) {
      this.ensureSpace(h + gap);
      const y = doc.y;
      items.slice(i, i + perRow).forEach(([label, value], j) => {
        const x = this.left + j * (w + gap);
        doc.save().roundedRect(x, y, w, h, 4).fill(COLORS.zebra).restore();
        doc.save().rect(x, y, 3, h).fill(COLORS.accent).restore();
        let size = 14;
        doc.font('bold').fontSize(size);
        while (size > 7 && doc.widthOfString(value) > w - 16) doc.fontSize((size -= 0.5));
        doc.fillColor(COLORS.primary).text(value, x + 10, y + 9 + (14 - size) / 2, { width: w - 16, lineBreak: false });
        doc.font('regular').fontSize(8).fillColor(COLORS.muted).text(label, x + 10, y + 32, { width: w - 16, height: 20, ellipsis: true });
      });
      doc.y = y + h + gap;
    }
    doc.x = this.left;
    doc.fillColor(COLORS.text).font('regular').fontSize(10);
  }

  /** Label and value pairs, one pair a line, the labels in a column as wide as the longest (a letter's or form's header). */
  facts(items: Array<[string, string]>): void {
    const doc = this.doc;
    doc.font('regular').fontSize(9.5);
    const labelW = Math.min(this.width * 0.4, Math.max(0, ...items.map(([k]) => doc.widthOfString(k))) + 12);
    for (const [k, v] of items) {
      doc.font('bold').fontSize(9.5);
      const height = doc.heightOfString(v || '–', { width: this.width - labelW });
      this.ensureSpace(height + 4);
      const y = doc.y;
      doc.font('regular').fontSize(9.5).fillColor(COLORS.muted).text(k, this.left, y, { width: labelW - 8 });
      const labelBottom = doc.y;
      doc.font('bold').fontSize(9.5).fillColor(COLORS.text).text(v || '–', this.left + labelW, y, { width: this.width - labelW });
      doc.y = Math.max(doc.y, labelBottom) + 2;
    }
    doc.x = this.left;
    doc.moveDown(0.5);
    doc.fillColor(COLORS.text).font('regular').fontSize(10);
  }

  /** A table whose rows break across pages; the header row is repeated on every page. */
  table<Row>(columns: Column<Row>[], rows: Row[], options: { footer?: string[]; empty?: string; fontSize?: number } = {}): void {
    const doc = this.doc;
    const pad = 4;
    const texts = rows.map((row) => columns.map((c) => clip(c.value(row))));
    const { widths, fontSize } = this.columnWidths(columns, texts, options.footer, options.fontSize ?? 8.5, pad);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    // Cells are wrapped here, word by word on pdfkit's cached word widths, and drawn line by line
    // without pdfkit's line wrapper: measuring and drawing through the wrapper twice per cell made
    // 2,000-row tables several times slower.
    const lineHeight = () => doc.currentLineHeight(true);
    const layoutRow = (texts: string[], bold: boolean[]) => {
      const lines = texts.map((t, i) => {
        doc.font(bold[i] ? 'bold' : 'regular').fontSize(fontSize);
        return this.wrap(t, widths[i] - 2 * pad);
      });
      doc.font('regular').fontSize(fontSize);
      const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight() + 2 * pad;
      return { lines, height };
    };
    const drawRow = (row: { lines: string[][]; height: number }, y: number, style: 'header' | 'body' | 'footer', zebra: boolean, bold: boolean[]) => {
      const h = row.height;
      if (style === 'header') doc.save().rect(this.left, y, this.width, h).fill(COLORS.primary).restore();
      else if (style === 'footer') doc.save().rect(this.left, y, this.width, h).fill('#e3ecee').restore();
      else if (zebra) doc.save().rect(this.left, y, this.width, h).fill(COLORS.zebra).restore();
      doc.fillColor(style === 'header' ? '#ffffff' : COLORS.text);
      row.lines.forEach((lines, i) => {
        doc.font(style !== 'body' || bold[i] ? 'bold' : 'regular').fontSize(fontSize);
        const lh = lineHeight();
        lines.forEach((line, k) => {
          if (line) doc.text(line, xs[i] + pad, y + pad + k * lh, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left', lineBreak: false });
        });
      });
      if (style !== 'header') {
        doc.save().moveTo(this.left, y + h).lineTo(this.left + this.width, y + h).lineWidth(0.4).strokeColor(COLORS.line).stroke().restore();
      }
      doc.x = this.left;
      doc.y = y + h;
    };
    const headers = columns.map((c) => c.header);
    const headerBold = columns.map(() => true);
    const header = layoutRow(headers, headerBold);
    const drawHeader = () => drawRow(header, doc.y, 'header', false, headerBold);
    const bodyBold = columns.map((c) => !!c.bold);
    const maxLines = Math.floor((this.bottom - PAGE.margins.top - header.height - 2 * pad) / (fontSize * 1.2)) - 1;

    doc.x = this.left;
    this.ensureSpace(header.height * 3);
    drawHeader();
    if (!rows.length) {
      doc.font('italic').fontSize(fontSize).fillColor(COLORS.muted)
        .text(options.empty ?? 'Keine Einträge.', this.left + pad, doc.y + pad, { width: this.width - 2 * pad });
      doc.y += pad;
    }
    texts.forEach((cells, index) => {
      const laid = layoutRow(cells, bodyBold);
      if (laid.lines.some((l) => l.length > maxLines)) {
        laid.lines = laid.lines.map((l) => (l.length > maxLines ? [...l.slice(0, maxLines - 1), `${l[maxLines - 1]}…`] : l));
        laid.height = maxLines * lineHeight() + 2 * pad;
      }
      if (doc.y + laid.height > this.bottom) {
        this.newPage();
        drawHeader();
      }
      drawRow(laid, doc.y, 'body', index % 2 === 1, bodyBold);
    });
    if (options.footer) {
      const footer = layoutRow(options.footer, headerBold);
      if (doc.y + footer.height > this.bottom) {
        this.newPage();
        drawHeader();
      }
      drawRow(footer, doc.y, 'footer', false, headerBold);
    }
    doc.x = this.left;
    doc.y += 10;
    doc.fillColor(COLORS.text).font('regular').fontSize(10);
  }

  /**
   * Column widths measured on the content: every column gets at least its longest word (header
   * words in bold included), a `nowrap` column its widest cell; what is left goes to the text
   * columns by their share, each up to its widest cell. If the minimum does not fit, the table's
   * font shrinks (down to MIN_TABLE_FONT) before a word would ever be split.
   */
  private columnWidths<Row>(columns: Column<Row>[], texts: string[][], footer: string[] | undefined, preferred: number, pad: number) {
    const doc = this.doc;
    const total = this.width;
    const measure = (size: number) => {
      const need = columns.map(() => 0);
      const full = columns.map(() => 0);
      const headerNeed = columns.map(() => 0);
      const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => doc.widthOfString(w)));
      const widest = (text: string) => Math.max(0, ...text.split('\n').map((line) => doc.widthOfString(line)));
      doc.font('bold').fontSize(size);
      columns.forEach((c, i) => {
        need[i] = Math.max(need[i], longestWord(c.header));
        headerNeed[i] = need[i];
        full[i] = Math.max(full[i], widest(c.header));
        // A footer (totals) line stays one line: "Summe ohne Stornos" is a label, not prose.
        const f = footer?.[i];
        if (f) {
          need[i] = Math.max(need[i], widest(f));
          full[i] = Math.max(full[i], widest(f));
        }
      });
      doc.font('regular').fontSize(size);
      for (const row of texts) {
        columns.forEach((c, i) => {
          if (c.bold) doc.font('bold');
          const w = widest(row[i]);
          full[i] = Math.max(full[i], w);
          need[i] = Math.max(need[i], c.nowrap ? w : Math.min(longestWord(row[i]), total * MAX_WORD_SHARE));
          if (c.bold) doc.font('regular');
        });
      }
      const padded = (xs: number[]) => xs.map((n) => n + 2 * pad + 0.5);
      return { need: padded(need), full: padded(full), headerNeed: padded(headerNeed) };
    };
    let fontSize = preferred;
    let { need, full, headerNeed } = measure(fontSize);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    while (sum(need) > total && fontSize > MIN_TABLE_FONT) {
      fontSize = Math.max(MIN_TABLE_FONT, fontSize - 0.5);
      ({ need, full, headerNeed } = measure(fontSize));
    }
    if (sum(need) > total) {
      // Still too wide at the smallest size: only the text columns give way, the widest first
      // (every text column is capped at one common width, found by bisection), and none below
      // its header's longest word. So one long file name or URL breaks, while the other columns'
      // words and every header word stay whole; dates and amounts keep their width.
      const floor = need.map((n, i) => (columns[i].nowrap ? n : Math.min(n, headerNeed[i])));
      const capped = (cap: number) => need.map((n, i) => (columns[i].nowrap ? n : Math.max(floor[i], Math.min(n, cap))));
      let low = 0;
      let high = Math.max(...need);
      for (let k = 0; k < 40; k++) {
        const mid = (low + high) / 2;
        if (sum(capped(mid)) <= total) low = mid;
        else high = mid;
      }
      return { widths: capped(low), fontSize };
    }
    const widths = [...need];
    let rest = total - sum(widths);
    // First, if it costs at most half the room left, every header on one line ("Noch nicht verplant").
    doc.font('bold').fontSize(fontSize);
    const headerGrowth = columns.map((c, i) => Math.max(0, doc.widthOfString(c.header) + 2 * pad + 0.5 - widths[i]));
    doc.font('regular');
    if (sum(headerGrowth) <= rest / 2) {
      headerGrowth.forEach((g, i) => (widths[i] += g));
      rest -= sum(headerGrowth);
    }
    // Hand out the rest by share to the columns that can still use it, then to all by share.
    for (let round = 0; round < columns.length && rest > 0.01; round++) {
      const hungry = columns.map((c, i) => (widths[i] < full[i] - 0.01 ? c.width : 0));
      const shares = sum(hungry);
      if (!shares) break;
      let given = 0;
      columns.forEach((_, i) => {
        if (!hungry[i]) return;
        const add = Math.min((rest * hungry[i]) / shares, full[i] - widths[i]);
        widths[i] += add;
        given += add;
      });
      rest -= given;
    }
    if (rest > 0.01) {
      const shares = sum(columns.map((c) => c.width)) || 1;
      columns.forEach((c, i) => (widths[i] += (rest * c.width) / shares));
    }
    return { widths, fontSize };
  }

  /** Greedy word wrap on the current font; words wider than the line are split by characters (only when no font size fits them). */
  private wrap(text: string, width: number): string[] {
    const doc = this.doc;
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (doc.widthOfString(candidate) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (line.length > 1 && doc.widthOfString(line) > width) {
          let cut = line.length - 1;
          while (cut > 1 && doc.widthOfString(line.slice(0, cut)) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /**
   * Horizontal bars, one group per label, one bar per series; values printed at the bar end.
   * `format` renders a value (money, hours…).
   */
  barChart(bars: Bar[], options: { series: string[]; format?: (v: number) => string; title?: string; labelWidth?: number }): void {
    const doc = this.doc;
    const format = options.format ?? ((v: number) => String(v));
    const seriesCount = options.series.length;
    const barH = seriesCount > 1 ? 8 : 11;
    const groupH = barH * seriesCount + 7;
    const labelW = options.labelWidth ?? 150;
    const valueW = 80;
    const chartX = this.left + labelW + 6;
    const chartW = this.width - labelW - 6 - valueW;
    const max = Math.max(1, ...bars.flatMap((b) => b.values));
    const legendH = seriesCount > 1 ? 16 : 0;
    const titleH = options.title ? 18 : 0;

    this.ensureSpace(titleH + legendH + Math.min(bars.length, 6) * groupH + 10);
    if (options.title) {
      doc.font('bold').fontSize(10).fillColor(COLORS.text).text(options.title, this.left, doc.y, { width: this.width });
      doc.moveDown(0.3);
    }
    if (seriesCount > 1) {
      let x = chartX;
      const y = doc.y;
      options.series.forEach((name, s) => {
        doc.save().rect(x, y + 2, 9, 9).fill(COLORS.series[s % COLORS.series.length]).restore();
        doc.font('regular').fontSize(8).fillColor(COLORS.muted).text(name, x + 13, y + 2, { lineBreak: false });
        x += 13 + doc.widthOfString(name) + 16;
      });
      doc.y = y + legendH;
    }
    if (!bars.length) {
      doc.font('italic').fontSize(8.5).fillColor(COLORS.muted).text('Keine Daten.', this.left, doc.y, { width: this.width });
      doc.moveDown(0.5);
    }
    for (const bar of bars) {
      if (doc.y + groupH > this.bottom) this.newPage();
      const y = doc.y;
      doc.font('regular').fontSize(8.5).fillColor(COLORS.text);
      this.line(bar.label, this.left, y + (groupH - 7) / 2 - 4, labelW, 'right');
      doc.save().moveTo(chartX, y).lineTo(chartX, y + groupH - 4).lineWidth(0.6).strokeColor(COLORS.line).stroke().restore();
      bar.values.forEach((v, s) => {
        const by = y + s * barH;
        const w = Math.max(v > 0 ? 1.5 : 0, (chartW * v) / max);
        if (w > 0) doc.save().rect(chartX, by, w, barH - 2).fill(COLORS.series[s % COLORS.series.length]).restore();
        doc.font('regular').fontSize(7.5).fillColor(COLORS.muted).text(format(v), chartX + w + 4, by + (barH - 2) / 2 - 4, { lineBreak: false });
      });
      doc.y = y + groupH;
    }
    doc.x = this.left;
    doc.y += 8;
    doc.fillColor(COLORS.text).font('regular').fontSize(10);
  }

  /** A progress bar "used of budget", e.g. coaching hours or attendance. */
  progress(label: string, value: number, of: number, text: string): void {
    const doc = this.doc;
    this.ensureSpace(30);
    const y = doc.y;
    const labelW = 150;
    const barW = this.width - labelW - 130;
    doc.font('regular').fontSize(9).fillColor(COLORS.text);
    this.line(label, this.left, y + 1, labelW - 6);
    doc.save().roundedRect(this.left + labelW, y, barW, 11, 2).fill(COLORS.zebra).restore();
    const share = of > 0 ? Math.min(1, value / of) : 0;
    if (share > 0) doc.save().roundedRect(this.left + labelW, y, barW * share, 11, 2).fill(value > of ? COLORS.accent : COLORS.primary).restore();
    doc.font('regular').fontSize(8.5).fillColor(COLORS.muted);
    this.line(text, this.left + labelW + barW + 8, y + 1, 122);
    doc.x = this.left;
    doc.y = y + 18;
    doc.fillColor(COLORS.text);
  }

  /**
   * One line of text that never wraps: shortened with "…" (between words where possible) until it
   * fits `width` in the current font. pdfkit wraps any text given a width, `lineBreak: false` or not.
   */
  line(text: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left'): void {
    const doc = this.doc;
    let fitted = text;
    if (doc.widthOfString(fitted) > width) {
      const words = text.split(' ');
      while (words.length > 1 && doc.widthOfString(`${words.join(' ')} …`) > width) words.pop();
      fitted = `${words.join(' ')} …`;
      while (fitted.length > 1 && doc.widthOfString(fitted) > width) fitted = `${fitted.slice(0, -2)}…`;
    }
    doc.text(fitted, x, y, { width, align, lineBreak: false });
  }

  /** Writes the running header and "Seite x von y" on every page but the cover, then ends the document. */
  end(): PDFKit.PDFDocument {
    const doc = this.doc;
    if (!doc.bufferedPageRange().count) this.newPage();
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const { width, height } = doc.page;
      const margins = doc.page.margins;
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      if (i > start) {
        doc.font('regular').fontSize(8).fillColor(COLORS.muted);
        const programme = /opentransfer/i.test(this.meta.cohortName) ? '' : 'openTransfer Accelerator · ';
        this.line(`${programme}${this.meta.title} · ${this.meta.cohortName}`, this.left, 34, this.width * 0.8);
        this.line(date(this.meta.generatedAt), this.left, 34, this.width, 'right');
        doc.save().moveTo(this.left, 48).lineTo(width - PAGE.margins.right, 48).lineWidth(0.5).strokeColor(COLORS.line).stroke().restore();
      }
      doc.save().moveTo(this.left, height - 44).lineTo(width - PAGE.margins.right, height - 44).lineWidth(0.5).strokeColor(COLORS.line).stroke().restore();
      doc.font('regular').fontSize(8).fillColor(COLORS.muted);
      this.line(this.meta.period, this.left, height - 36, this.width * 0.7);
      this.line(`Seite ${i - start + 1} von ${count}`, this.left, height - 36, this.width, 'right');
      doc.page.margins = margins;
    }
    doc.end();
    return doc;
  }
}

/** Joins a number to its unit with a no-break space, so a line never ends between them. */
function keepUnits(text: string): string {
  return text.replace(/(\d) (?=€|%|Std\.|von \d)/g, '$1\u00a0').replace(/(\d\u00a0?von) (?=\d)/g, '$1\u00a0');
}

function clip(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

/** Collects a finished pdfkit stream into one Buffer. */
export function toBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
