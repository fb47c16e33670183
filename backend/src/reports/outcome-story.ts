import type { ReportDocument } from './report-document.ts';
import { beforeAfterChart, stackedBarChart } from './charts.ts';
import { count, date, number } from '../shared/format.ts';
import { label } from '../shared/labels.ts';
import type { CohortIndicatorOutcome, CohortOutcomes, OutcomeSites } from '../outcomes/index.ts';
import { MIN_RESPONSES, type CohortSurveyOutcome } from '../surveys/index.ts';

/**
 * The outcome story of funder.pdf ("Wirkung"): indicators baseline → latest per fellow and summed,
 * new transfer sites by Bundesland and status, workshop satisfaction and NPS, quotes chosen by
 * staff. Layout only: every number comes from the outcome and survey modules (see
 * reports.service.ts), none is computed here.
 */
const SITE_STATUSES = ['active', 'preparing', 'planned', 'closed'] as const;
const SITE_COLORS = ['#0b5c6b', '#6a9a3a', '#e8b71a', '#9aa5ab'];

const value = (v: number | null) => (v === null ? '–' : number(v, 'de', 2));
const signed = (v: number | null) => (v === null ? '–' : v > 0 ? `+${number(v, 'de', 2)}` : v < 0 ? `−${number(-v, 'de', 2)}` : '0');

export function outcomeStory(report: ReportDocument, outcomes: CohortOutcomes): void {
  const { indicators, sites, follow_ups: followUps } = outcomes;
  report.newPage();
  report.heading('Wirkung');
  report.figures([
    ['Transferstandorte eröffnet', count(sites.opened)],
    ['Standorte heute aktiv', count(sites.active)],
    ['Bundesländer mit aktivem Standort', count(sites.totals.states_with_active)],
    ['Nachbefragungen (Werte)', count(followUps.values)],
  ]);
  report.paragraph(
    'Indikatoren: je Fellow der Ausgangswert (zu Beginn des Programms) und der letzte gemessene Wert (Zwischenstand oder Nachbefragung); ' +
      'Summe: über alle Fellows; Veränderung: Summe von letzter Wert − Ausgangswert über die Fellows mit beiden Werten.',
    { muted: true, size: 8.5 },
  );
  beforeAfterChart(report, indicators.map((i) => ({ label: i.name, before: i.baseline_total, after: i.latest_total })), {
    title: 'Indikatoren, Summe aller Fellows: Ausgangswert → letzter Wert', series: ['Ausgangswert', 'Letzter Wert'], empty: 'Keine Indikatoren festgelegt.',
    format: (v) => number(v, 'de', 2),
  });
  for (const indicator of indicators) {
    report.heading(`${indicator.name} (${indicator.unit})`, 2);
    report.paragraph(
      `${indicator.direction === 'increase' ? 'Mehr ist besser' : 'Weniger ist besser'}. ${count(indicator.fellows_reporting)} von ${count(outcomes.fellows)} Fellows haben Werte erfasst.`,
      { muted: true, size: 8.5 },
    );
    report.table<CohortIndicatorOutcome['per_fellow'][number]>(
      [
        { header: 'Organisation', width: 1, value: (f) => f.organisation_name },
        { header: 'Ausgangswert', width: 0, align: 'right', nowrap: true, value: (f) => value(f.baseline) },
        { header: 'Letzter Wert', width: 0, align: 'right', nowrap: true, value: (f) => value(f.latest) },
        { header: 'Veränderung', width: 0, align: 'right', nowrap: true, value: (f) => signed(f.change) },
      ],
      indicator.per_fellow,
      {
        footer: ['Summe', value(indicator.baseline_total), value(indicator.latest_total), signed(indicator.change)],
        empty: 'Noch keine Werte erfasst.',
      },
    );
  }

  report.heading('Neue Transferstandorte nach Bundesland');
  const withSites = sites.by_state.filter((r) => r.planned + r.preparing + r.active + r.closed > 0);
  stackedBarChart(report, withSites.map((r) => ({ label: r.state, values: SITE_STATUSES.map((s) => r[s]) })), {
    series: SITE_STATUSES.map((s) => label('transfer_site_status', s)), colors: SITE_COLORS, labelWidth: 140, empty: 'Noch keine Transferstandorte erfasst.',
  });
  if (withSites.length) {
    report.table<OutcomeSites['by_state'][number]>(
      [
        { header: 'Bundesland', width: 1, value: (r) => r.state },
        ...SITE_STATUSES.map((s) => ({ header: label('transfer_site_status', s), width: 0, align: 'right' as const, nowrap: true, value: (r: OutcomeSites['by_state'][number]) => count(r[s]) })),
      ],
      withSites,
      { footer: ['Summe', ...SITE_STATUSES.map((s) => count(sites.totals[s]))] },
    );
  }
}

const nps = (v: number | null) => (v === null ? '–' : v > 0 ? `+${number(v, 'de', 0)}` : v < 0 ? `−${number(-v, 'de', 0)}` : '0');

/** "Zufriedenheit und NPS": the cohort's surveys with enough answers (`cohortSurveyOutcomes`) and the quotes staff chose from their free texts. */
export function surveyStory(report: ReportDocument, surveys: CohortSurveyOutcome[]): void {
  report.heading('Zufriedenheit und NPS');
  report.paragraph(
    `Umfragen des Jahrgangs mit mindestens ${count(MIN_RESPONSES)} Antworten. Zufriedenheit: Mittelwert aller Antworten auf Fragen der Skala 1 (schlecht) bis 5 (sehr gut); ` +
      'NPS (Net Promoter Score): Anteil der Antworten 9–10 minus Anteil 0–6, in Prozentpunkten (−100 bis +100).',
    { muted: true, size: 8.5 },
  );
  report.table<CohortSurveyOutcome>(
    [
      { header: 'Umfrage', width: 1, value: (s) => s.title },
      { header: 'Abgeschlossen', width: 0, nowrap: true, value: (s) => date(s.closes_at) },
      { header: 'Antworten', width: 0, align: 'right', nowrap: true, value: (s) => count(s.response_count) },
      { header: 'Zufriedenheit', width: 0, align: 'right', nowrap: true, value: (s) => (s.scale_mean === null ? '–' : `${number(s.scale_mean, 'de', 2)} von 5`) },
      { header: 'NPS', width: 0, align: 'right', nowrap: true, value: (s) => nps(s.nps) },
    ],
    surveys,
    { empty: `Noch keine Umfrage mit mindestens ${count(MIN_RESPONSES)} Antworten.` },
  );
  const rated = surveys.filter((s) => s.scale_mean !== null);
  if (rated.length) {
    stackedBarChart(report, rated.map((s) => ({ label: s.title, values: [s.scale_mean!] })), {
      title: 'Zufriedenheit (Mittelwert, 1–5)', series: ['Mittelwert'], format: (v) => number(v, 'de', 2), labelWidth: 190,
    });
  }
  const quotes = surveys.flatMap((s) => s.quotes.map((q) => ({ text: q.text, survey: s.title })));
  if (quotes.length) {
    report.heading('Stimmen aus dem Programm', 2);
    for (const quote of quotes) report.paragraph(`„${quote.text}“ – ${quote.survey}`);
  }
}
