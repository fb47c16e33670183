import type { BudgetRow, BudgetTotals, ExpenseRow, GranteeReportData, ReviewEntry } from './grantee-report.queries.ts';
import { ReportDocument, type Column } from './report-document.ts';
import { date, dateTime, money, signedPercent } from '../shared/format.ts';
import { label } from '../shared/labels.ts';

/**
 * The Verwendungsnachweis of one grantee report as a funder or auditor reads it: who, what and
 * when; the Sachbericht; the zahlenmäßiger Nachweis (budget against actual per cost category,
 * straight from the view `grantee_report_budget`); paid out against spent; and the list of
 * expenses with their receipt references. A pure function: data in, pdfkit stream out.
 */
const GRANTEE_REPORT_TITLE = 'Verwendungsnachweis';

/** A category over its plan by more than the agreement's 20 %. */
export const OVER_LIMIT_FLAG = 'über 20 %';

const period = (start: string, end: string) => `${date(start)} – ${date(end)}`;

/** `12.05.2026, 14:30 Uhr von Jana Muster`; `–` when it did not happen. */
const byWhom = (at: Date | null, name: string | null) => (at ? `${dateTime(at)} Uhr${name ? ` von ${name}` : ''}` : '–');

/** The receipt of an expense: the uploaded file's name and its number in the system. */
export const receiptReference = (e: Pick<ExpenseRow, 'receipt_attachment_id' | 'receipt_filename'>) =>
  e.receipt_attachment_id ? `${e.receipt_filename ?? 'Beleg'} (Nr. ${e.receipt_attachment_id})` : 'ohne Beleg';

/** The budget against actual table: one row per category of the view, its totals line from the view's sums. */
export function budgetTable(report: ReportDocument, rows: BudgetRow[], totals: BudgetTotals, empty = 'Kein Finanzplan und keine Ausgaben erfasst.'): void {
  report.table<BudgetRow>(
    [
      { header: 'Kostenkategorie', width: 1, value: (b) => label('budget_category', b.category) },
      { header: 'Geplant', width: 0, align: 'right', nowrap: true, value: (b) => money(b.planned_cents) },
      { header: 'Ist', width: 0, align: 'right', nowrap: true, value: (b) => money(b.actual_cents) },
      { header: 'Abweichung', width: 0, align: 'right', nowrap: true, value: (b) => signedPercent(b.deviation_pct) },
      { header: 'Hinweis', width: 0, nowrap: true, bold: true, value: (b) => (b.over_limit ? OVER_LIMIT_FLAG : '') },
    ],
    rows,
    {
      empty,
      footer: rows.length
        ? ['Summe', money(totals.planned_cents), money(totals.actual_cents), signedPercent(totals.deviation_pct), totals.over_limit_count ? `${totals.over_limit_count} ${totals.over_limit_count === 1 ? 'Kategorie' : 'Kategorien'}` : '']
        : undefined,
    },
  );
}

function expenseColumns<Row extends ExpenseRow>(): Column<Row>[] {
  return [
    { header: 'Datum', width: 0, nowrap: true, value: (e) => date(e.spent_on) },
    { header: 'Kategorie', width: 0, nowrap: true, value: (e) => label('budget_category', e.category) },
    { header: 'Zahlungsempfänger', width: 1, value: (e) => e.payee },
    { header: 'Beschreibung', width: 2, value: (e) => e.description },
    { header: 'Beleg', width: 0.8, value: receiptReference },
    { header: 'Betrag', width: 0, align: 'right', nowrap: true, value: (e) => money(e.amount_cents) },
  ];
}

const sumOf = (rows: ExpenseRow[]) => rows.reduce((a, e) => a + e.amount_cents, 0);

export function buildGranteeReport(data: GranteeReportData, generatedAt = new Date()): PDFKit.PDFDocument {
  const { report: r, reviews, budget, totals, expenses, earlierExpenses, paid_cents: paid } = data;
  const kind = label('grantee_report_kind', r.kind);
  const doc = new ReportDocument({
    title: GRANTEE_REPORT_TITLE,
    subtitle: `${kind} · ${r.organisation_name}`,
    cohortName: `${r.organisation_name} · ${r.cohort_name}`,
    period: `${kind}, Berichtszeitraum ${period(r.period_start, r.period_end)}`,
    generatedAt,
  });

  doc.newPage();
  doc.doc.font('bold').fontSize(20).fillColor('#0b5c6b').text(GRANTEE_REPORT_TITLE, { width: doc.width });
  doc.doc.font('regular').fontSize(11).fillColor('#5f6b73').text(`${kind} · Berichtszeitraum ${period(r.period_start, r.period_end)}`, { width: doc.width });
  doc.doc.moveDown(0.8);
  const facts: Array<[string, string]> = [
    ['Programm', `openTransfer Accelerator · ${r.cohort_name}`],
    ['Organisation', r.organisation_name],
    ['Projekt', r.project_name ?? '–'],
    ['Bewilligte Förderung', `${money(r.grant_cents)}${r.agreement_signed_on ? ` (Fördervertrag vom ${date(r.agreement_signed_on)})` : ''}`],
    ['Bericht', `${kind} Nr. ${r.id}`],
    ['Berichtszeitraum', period(r.period_start, r.period_end)],
    ['Fällig am', date(r.due_on)],
    ['Status', label('grantee_report_status', r.status)],
    ['Eingereicht', byWhom(r.submitted_at, r.submitted_by_name)],
  ];
  if (r.status === 'accepted') facts.push(['Angenommen', byWhom(r.reviewed_at, r.reviewed_by_name)]);
  if (r.status === 'returned') facts.push(['Zurückgegeben', byWhom(r.reviewed_at, r.reviewed_by_name)]);
  if (r.review_note && (r.status === 'accepted' || r.status === 'returned')) facts.push(['Vermerk der Prüfung', r.review_note]);
  doc.facts(facts);
  if (r.status === 'requested' || r.status === 'returned') {
    doc.paragraph(`Dieser Bericht ist noch nicht ${r.status === 'returned' ? 'erneut ' : ''}eingereicht: Stand der Bearbeitung am ${date(generatedAt)}.`, { muted: true, size: 9 });
  }

  if (reviews.length) {
    doc.heading('Prüfverlauf', 2);
    doc.table<ReviewEntry>(
      [
        { header: 'Datum', width: 0, nowrap: true, value: (v) => dateTime(v.reviewed_at) },
        { header: 'Ergebnis', width: 0, nowrap: true, value: (v) => label('grantee_report_status', v.outcome) },
        { header: 'Von', width: 0.6, value: (v) => v.reviewed_by_name ?? '–' },
        { header: 'Vermerk', width: 2, value: (v) => v.note ?? '' },
      ],
      reviews,
    );
  }

  doc.heading('Sachbericht');
  for (const [title, text] of [
    ['Erreichte Ergebnisse', r.achievements], ['Herausforderungen', r.challenges], ['Nächste Schritte', r.next_steps],
  ] as const) {
    doc.heading(title, 2);
    doc.paragraph(text?.trim() || 'Keine Angaben.', { muted: !text?.trim() });
  }

  doc.heading('Zahlenmäßiger Nachweis');
  doc.paragraph(
    `Ist-Werte: alle Ausgaben dieses und der früheren Berichte der Förderung bis zum ${date(r.period_end)}. ` +
      `Abweichung in Prozent des geplanten Betrags; „${OVER_LIMIT_FLAG}“: die Kategorie überschreitet ihren Plan um mehr als 20 % ` +
      '(der Fördervertrag erlaubt bis zu 20 %, wenn an anderer Stelle eingespart wird).',
    { muted: true, size: 8.5 },
  );
  budgetTable(doc, budget, totals);

  // The heading, its five lines and the note stay together on one page.
  doc.ensureSpace(190);
  doc.heading('Mittelverwendung', 2);
  const spent = totals.actual_cents;
  const unspent = paid - spent;
  const lines: Array<[string, number]> = [
    ['Bewilligte Förderung', r.grant_cents],
    ['Geplant laut Finanzplan', totals.planned_cents],
    ['Ausgezahlt (Tranchen)', paid],
    ['Verausgabt (Ist)', spent],
  ];
  const finalLine: [string, number] = unspent >= 0
    ? [r.kind === 'final' ? 'Nicht verausgabte Mittel, zurückzuzahlen' : 'Noch nicht verausgabte Mittel', unspent]
    : ['Ausgaben über den Auszahlungen', -unspent];
  doc.table<[string, number]>(
    [
      { header: 'Posten', width: 1, value: (l) => l[0] },
      { header: 'Betrag', width: 0, align: 'right', nowrap: true, value: (l) => money(l[1]) },
    ],
    lines,
    { footer: [finalLine[0], money(finalLine[1])] },
  );
  if (spent > r.grant_cents) {
    doc.paragraph(`Achtung: Die Ausgaben übersteigen die bewilligte Förderung um ${money(spent - r.grant_cents)}.`);
  } else if (unspent < 0) {
    doc.paragraph(`Hinweis: Es wurde ${money(-unspent)} mehr ausgegeben als bisher ausgezahlt.`, { muted: true, size: 9 });
  } else if (unspent > 0 && r.kind === 'final') {
    doc.paragraph(`Nicht verausgabte Mittel von ${money(unspent)} sind laut Fördervertrag zurückzuzahlen.`);
  }

  doc.heading('Belegliste');
  doc.table(expenseColumns<ExpenseRow>(), expenses, {
    empty: 'In diesem Bericht sind keine Ausgaben erfasst.',
    footer: ['Summe dieses Berichts', '', '', '', '', money(sumOf(expenses))],
  });
  if (earlierExpenses.length) {
    doc.heading('Ausgaben früherer Berichte', 2);
    doc.paragraph('Sie sind in den Ist-Werten oben enthalten.', { muted: true, size: 8.5 });
    doc.table(expenseColumns<GranteeReportData['earlierExpenses'][number]>(), earlierExpenses, {
      footer: ['Summe früherer Berichte', '', '', '', '', money(sumOf(earlierExpenses))],
    });
  }

  doc.heading('Bestätigung', 2);
  doc.paragraph(
    'Wir bestätigen, dass die Ausgaben notwendig waren, wirtschaftlich und sparsam verfahren wurde und die Angaben mit den ' +
      'Büchern und Belegen übereinstimmen.',
  );
  doc.ensureSpace(60);
  const y = doc.doc.y + 30;
  const half = (doc.width - 30) / 2;
  const left = doc.doc.page.margins.left;
  doc.doc.save().moveTo(left, y).lineTo(left + half, y).moveTo(left + half + 30, y).lineTo(left + doc.width, y).lineWidth(0.6).strokeColor('#5f6b73').stroke().restore();
  doc.doc.font('regular').fontSize(8.5).fillColor('#5f6b73');
  doc.doc.text('Ort, Datum', left, y + 4, { width: half, lineBreak: false });
  doc.doc.text(`Unterschrift für ${r.organisation_name}`, left + half + 30, y + 4, { width: half, lineBreak: false, ellipsis: true });
  doc.doc.x = left;
  return doc.end();
}
