import { ReportDocument } from './report-document.ts';
import { beforeAfterChart, stackedBarChart } from './charts.ts';
import { count, money, number } from '../shared/format.ts';
import type { CohortComparison, IndicatorTotals, ProgrammeComparison } from '../outcomes/index.ts';

/**
 * programme.pdf: the cohorts of a range of years side by side — fellows, transfer sites opened and
 * still active, indicator totals (baseline → latest), alumni follow-ups, money paid per site. A
 * pure function of `programmeComparison` (backend/src/outcomes): it prints that module's numbers
 * and computes none of its own.
 */
export interface ProgrammeReportData {
  comparison: ProgrammeComparison;
  generatedAt: Date;
}

const PROGRAMME_TITLE = 'Programmvergleich';

const value = (v: number | null | undefined) => (v === null || v === undefined ? '–' : number(v, 'de', 2));
const signed = (v: number) => (v > 0 ? `+${number(v, 'de', 2)}` : v < 0 ? `−${number(-v, 'de', 2)}` : '0');

export function buildProgrammeReport({ comparison, generatedAt }: ProgrammeReportData): PDFKit.PDFDocument {
  const { from_year: from, to_year: to, cohorts, totals } = comparison;
  const range = from === to ? String(from) : `${from}–${to}`;
  const report = new ReportDocument({
    title: PROGRAMME_TITLE,
    subtitle: 'Skalierungsstipendium – die Jahrgänge im Vergleich',
    cohortName: `Jahrgänge ${range}`,
    period: `Programmjahre ${range}`,
    generatedAt,
  });
  report.cover([
    ['Programmjahre', range],
    ['Jahrgänge', cohorts.length ? cohorts.map((c) => c.cohort.name).join(', ') : 'keine'],
  ]);

  report.newPage();
  report.heading('Die Jahrgänge im Vergleich');
  if (!cohorts.length) {
    report.paragraph(`Für die Programmjahre ${range} gibt es keine Jahrgänge; dieser Bericht enthält daher keine Zahlen.`);
    return report.end();
  }
  report.figures([
    ['Fellows', count(totals.fellows)],
    ['Standorte eröffnet', count(totals.sites_opened)],
    ['Standorte heute aktiv', count(totals.sites_active)],
    ['Ausgezahlt je aktivem Standort', money(totals.per_active_site_cents)],
  ]);
  report.table<CohortComparison>(
    [
      { header: 'Jahrgang', width: 1, value: (c) => c.cohort.name },
      { header: 'Fellows', width: 0, align: 'right', nowrap: true, value: (c) => count(c.fellows) },
      { header: 'Standorte eröffnet', width: 0, align: 'right', nowrap: true, value: (c) => count(c.sites_opened) },
      { header: 'davon aktiv', width: 0, align: 'right', nowrap: true, value: (c) => count(c.sites_active) },
      { header: 'Nachbefragungen', width: 0, align: 'right', nowrap: true, value: (c) => count(c.follow_ups.values) },
      { header: 'Ausgezahlt', width: 0, align: 'right', nowrap: true, value: (c) => money(c.money.paid_total_cents) },
      { header: 'je aktivem Standort', width: 0, align: 'right', nowrap: true, value: (c) => money(c.money.per_active_site_cents) },
    ],
    cohorts,
    {
      footer: ['Alle Jahrgänge', count(totals.fellows), count(totals.sites_opened), count(totals.sites_active), count(totals.follow_up_values),
        money(totals.paid_total_cents), money(totals.per_active_site_cents)],
    },
  );
  report.paragraph(
    'Fellows: Förderungen ohne abgebrochene. Standorte eröffnet: Transferstandorte mit Eröffnungsdatum, auch die inzwischen geschlossenen; davon aktiv: heute im Status „Aktiv“. ' +
      'Nachbefragungen: Werte der Alumni (Art „Nachbefragung“). Ausgezahlt: ausgezahlte Tranchen laut Förderübersicht; je aktivem Standort: ausgezahlt ÷ heute aktive Standorte (– ohne aktiven Standort).',
    { muted: true, size: 8.5 },
  );
  report.barChart(cohorts.map((c) => ({ label: c.cohort.name, values: [c.sites_opened, c.sites_active] })), {
    title: 'Transferstandorte je Jahrgang', series: ['Eröffnet', 'Heute aktiv'], format: (v) => count(v),
  });
  stackedBarChart(report, cohorts.map((c) => ({ label: c.cohort.name, values: [c.fellows] })), { title: 'Fellows je Jahrgang', series: ['Fellows'] });
  // A cohort without an active site has no amount per site ("–" in the table), not a zero bar.
  stackedBarChart(report, cohorts.filter((c) => c.money.per_active_site_cents !== null).map((c) => ({ label: c.cohort.name, values: [c.money.per_active_site_cents!] })), {
    title: 'Ausgezahlt je aktivem Standort', series: ['Ausgezahlt je aktivem Standort'], format: (v) => money(v, 'de', { whole: true }),
    empty: 'Noch kein aktiver Standort.',
  });

  report.newPage();
  report.heading('Indikatoren: Summen je Jahrgang');
  report.paragraph(
    'Je Indikator (gleichnamige Indikatoren der Jahrgänge zusammengefasst) die Summe der Ausgangswerte und der letzten Werte aller Fellows eines Jahrgangs; ' +
      'Veränderung: Summe von letzter Wert − Ausgangswert über die Fellows mit beiden Werten; Nachbefragung: Summe der Werte etwa 12 Monate nach dem Programmjahr.',
    { muted: true, size: 8.5 },
  );
  if (!comparison.indicators.length) report.paragraph('Die Jahrgänge haben keine Indikatoren festgelegt.');
  comparison.indicators.forEach((indicator, j) => {
    const rows = cohorts.map((c) => ({ cohort: c.cohort.name, totals: c.indicators[j] ?? null }));
    report.heading(`${indicator.name} (${indicator.unit})`, 2);
    beforeAfterChart(report, rows.filter((r) => r.totals).map((r) => ({ label: r.cohort, before: r.totals!.baseline_total, after: r.totals!.latest_total })), {
      series: ['Ausgangswert (Summe)', 'Letzter Wert (Summe)'], format: (v) => number(v, 'de', 2),
    });
    report.table<{ cohort: string; totals: IndicatorTotals | null }>(
      [
        { header: 'Jahrgang', width: 1, value: (r) => r.cohort },
        { header: 'Ausgangswert', width: 0, align: 'right', nowrap: true, value: (r) => (r.totals ? value(r.totals.baseline_total) : 'nicht gemessen') },
        { header: 'Letzter Wert', width: 0, align: 'right', nowrap: true, value: (r) => (r.totals ? value(r.totals.latest_total) : '') },
        { header: 'Veränderung', width: 0, align: 'right', nowrap: true, value: (r) => (r.totals ? signed(r.totals.change) : '') },
        { header: 'Nachbefragung', width: 0, align: 'right', nowrap: true, value: (r) => (r.totals ? value(r.totals.follow_up_12_total) : '') },
        { header: 'Fellows mit Werten', width: 0, align: 'right', nowrap: true, value: (r) => (r.totals ? count(r.totals.fellows_reporting) : '') },
      ],
      rows,
    );
  });
  return report.end();
}
