import type {
  ApplicationStats, CohortInfo, CriterionInfo, FellowSummary, Funding, FundingRow, JuryProgress, MilestoneInfo, RankedApplication, Tranche,
  WorkshopInfo,
} from './reports.queries.ts';
import { ReportDocument } from './report-document.ts';
import type { FellowReportSummary } from './grantee-report.queries.ts';
import { budgetTable } from './grantee-report.pdf.ts';
import { berlinDay, count, date, hours, money, percent, score, zScore } from '../shared/format.ts';
import { FUNDING_LEGEND, label } from '../shared/labels.ts';
import { stageGate } from '../fellowships/index.ts';
import type { CohortOutcomes } from '../outcomes/index.ts';
import type { CohortSurveyOutcome } from '../surveys/index.ts';
import { outcomeStory, surveyStory } from './outcome-story.ts';

/**
 * The three PDF reports as pure functions: data in, finished pdfkit stream out (pipe it to a
 * response or collect it with `toBuffer`). No database, no HTTP: the loaders in reports.service.ts
 * gather the data. No sum or score is computed here that another screen shows: money comes from
 * `funding` (the console's funding overview), the ranking from `ranking` (the console's ranking).
 */
export interface FunderReportData {
  cohort: CohortInfo;
  stats: ApplicationStats;
  fellows: FellowSummary[];
  funding: Funding;
  milestones: MilestoneInfo[];
  /** Funder-safe tranche fields only (no payment reference). */
  tranches: Array<Omit<Tranche, 'payment_reference'>>;
  workshops: WorkshopInfo[];
  /** Per fellowship with a grantee report: the latest report's status, budget against actual of the latest handed-in one. */
  granteeReports: FellowReportSummary[];
  /** The outcome story (indicators, transfer sites, follow-ups): `cohortOutcomes` of backend/src/outcomes. */
  outcomes: CohortOutcomes;
  /** Surveys with enough answers, their satisfaction, NPS and chosen quotes: `cohortSurveyOutcomes` of backend/src/surveys. */
  surveys: CohortSurveyOutcome[];
  generatedAt: Date;
}

export interface SelectionReportData {
  cohort: CohortInfo;
  stats: ApplicationStats;
  criteria: CriterionInfo[];
  ranking: RankedApplication[];
  jury: JuryProgress;
  generatedAt: Date;
}

export interface FundingReportData {
  cohort: CohortInfo;
  funding: Funding;
  tranches: Tranche[];
  generatedAt: Date;
}

export const REPORT_TITLES = {
  funder: 'Bericht an die Förderpartnerin',
  selection: 'Auswahlbericht',
  funding: 'Förderbericht: Tranchen und Auszahlungen',
} as const;

export type ReportKind = keyof typeof REPORT_TITLES;

function periodOf(cohort: CohortInfo, generatedAt: Date): string {
  const end = generatedAt > cohort.application_opens_at ? generatedAt : cohort.application_closes_at;
  return `Berichtszeitraum ${date(cohort.application_opens_at)} – ${date(end)}`;
}

function newReport(kind: ReportKind, subtitle: string, cohort: CohortInfo, generatedAt: Date) {
  return new ReportDocument({ title: REPORT_TITLES[kind], subtitle, cohortName: cohort.name, period: periodOf(cohort, generatedAt), generatedAt });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** `1 Tranche`, `3 Tranchen`. */
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

function callFacts(cohort: CohortInfo): Array<[string, string]> {
  return [
    ['Jahrgang', String(cohort.year)],
    ['Ausschreibung', `${date(cohort.application_opens_at)} – ${date(cohort.application_closes_at)}`],
    ['Phase', label('cohort_phase', cohort.phase)],
    ['Plätze', count(cohort.seats)],
    ['Stipendium je Fellow', money(cohort.default_grant_cents)],
  ];
}

/** The funding overview as a table: the console's columns and labels, its totals line as the footer. */
function fundingTable(report: ReportDocument, funding: Funding, options: { unplanned?: boolean } = {}) {
  const money6: Array<[keyof FundingRow, string]> = [
    ['granted_cents', label('funding_measure', 'granted')], ['planned_cents', label('funding_measure', 'planned')], ['approved_cents', label('funding_measure', 'approved')],
    ['paid_cents', label('funding_measure', 'paid')], ['open_cents', label('funding_measure', 'open')],
    ...(options.unplanned ? [['unplanned_cents', label('funding_measure', 'unplanned')] as [keyof FundingRow, string]] : []),
  ];
  const t = funding.totals;
  report.table<FundingRow>(
    [
      {
        header: 'Organisation', width: 1,
        value: (f) => `${f.organisation_name ?? ''}${f.fellowship_status && f.fellowship_status !== 'active' ? ` (${label('fellowship_status', f.fellowship_status)})` : ''}`,
      },
      ...money6.map(([key, header]) => ({ header, width: 0, align: 'right' as const, nowrap: true, value: (f: FundingRow) => money(f[key] as number) })),
    ],
    funding.fellowships,
    {
      footer: [`Summe (${count(t.fellowship_count)} Förderungen)`, ...money6.map(([key]) => money(t[key] as number))],
      empty: 'In diesem Jahrgang gibt es noch keine Fellows.',
    },
  );
  report.paragraph(FUNDING_LEGEND.de, { muted: true, size: 8.5 });
}

/** `Zwischenbericht bis 30.06.2026`; `–` without any report. */
function latestReportText(g: FellowReportSummary | undefined): string {
  return g ? `${label('grantee_report_kind', g.latest.kind)} bis ${date(g.latest.period_end)}` : '–';
}

const spentText = (g: FellowReportSummary | undefined) => (g?.figures ? money(g.figures.totals.actual_cents) : '–');

/** Paid out − spent by the latest handed-in report; `–` before any figures were handed in. */
const unspentText = (g: FellowReportSummary | undefined, paid: number) => (g?.figures ? money(paid - g.figures.totals.actual_cents) : '–');

/** A fellow's page: the latest report's status and the budget against actual of the latest handed-in report. */
function granteeReportSection(report: ReportDocument, g: FellowReportSummary | undefined, paid: number) {
  report.heading('Verwendungsnachweis', 2);
  if (!g) {
    report.paragraph('Noch kein Bericht angefordert.', { muted: true });
    return;
  }
  report.paragraph(
    `Letzter Bericht: ${latestReportText(g)}, fällig am ${date(g.latest.due_on)} – ${label('grantee_report_status', g.latest.status)}.`,
  );
  if (!g.figures) {
    report.paragraph('Noch keine Ausgaben eingereicht.', { muted: true });
    return;
  }
  report.paragraph(
    `Budget und Ist laut ${label('grantee_report_kind', g.figures.kind)} bis ${date(g.figures.period_end)} (${label('grantee_report_status', g.figures.status)}):`,
    { muted: true, size: 8.5 },
  );
  budgetTable(report, g.figures.budget, g.figures.totals);
  const unspent = paid - g.figures.totals.actual_cents;
  report.paragraph(
    `${label('funding_measure', 'paid')}: ${money(paid)} · Verausgabt: ${money(g.figures.totals.actual_cents)} · ` +
      (unspent >= 0 ? `Nicht verausgabt: ${money(unspent)}` : `Mehr ausgegeben als ausgezahlt: ${money(-unspent)}`),
    { size: 9 },
  );
}

export function buildFunderReport(data: FunderReportData): PDFKit.PDFDocument {
  const { cohort, stats, fellows, funding, milestones, tranches, workshops, granteeReports, outcomes, surveys, generatedAt } = data;
  const report = newReport('funder', 'Skalierungsstipendium – das Jahr in Zahlen und die Fellows', cohort, generatedAt);
  report.cover(callFacts(cohort));

  const today = berlinDay(generatedAt);
  const totals = funding.totals;
  const coachingMinutes = sum(fellows.map((f) => f.coaching_minutes));
  const coachingBudget = sum(fellows.map((f) => f.coaching_hours_budget));
  const attended = sum(fellows.map((f) => f.workshops_attended));
  const possible = sum(fellows.map((f) => f.workshops_held));
  const milestonesBy = new Map<number, MilestoneInfo[]>();
  for (const m of milestones) milestonesBy.set(m.fellowship_id, [...(milestonesBy.get(m.fellowship_id) ?? []), m]);
  const gateOf = (f: FellowSummary) => stageGate(f.stage, (milestonesBy.get(f.id) ?? []).find((m) => m.kind === 'transfer_concept')?.status);
  const gates = fellows.map(gateOf);
  const inStage2 = gates.filter((g) => g === 'passed').length;
  const awaiting = gates.filter((g) => g === 'awaiting_approval').length;
  const active = fellows.filter((f) => f.status === 'active').length;
  const names = new Map(fellows.map((f) => [f.id, f.organisation_name]));
  const byDue = (a: MilestoneInfo, b: MilestoneInfo) => a.due_on!.localeCompare(b.due_on!) || (names.get(a.fellowship_id) ?? '').localeCompare(names.get(b.fellowship_id) ?? '', 'de');
  const upcoming = milestones.filter((m) => m.status === 'open' && m.due_on && m.due_on >= today).sort(byDue);
  const demoDays = [...new Set(milestones.filter((m) => m.kind === 'demo_day' && m.due_on).map((m) => m.due_on!))].sort();

  // ── Summary: the key numbers up front ──
  report.newPage();
  report.heading('Auf einen Blick');
  report.figures([
    ['Eingereichte Bewerbungen', count(stats.submitted)],
    [`Fellows (${count(cohort.seats)} Plätze)`, count(fellows.length)],
    ['Annahmequote', percent(fellows.length, stats.submitted)],
    ['Stage-Gate passiert (Stufe 2)', `${count(inStage2)} von ${count(fellows.length)}`],
    [label('funding_measure', 'granted'), money(totals.granted_cents)],
    [label('funding_measure', 'paid'), money(totals.paid_cents)],
    [label('funding_measure', 'open'), money(totals.open_cents)],
    ['Demo Day', demoDays.length ? demoDays.map((d) => date(d)).join(', ') : '–'],
    ['Coaching-Stunden', hours(coachingMinutes, 'minutes')],
    ['Coaching-Budget', hours(coachingBudget)],
    ['Workshop-Teilnahme', percent(attended, possible)],
    ['Aktive Fellows', count(active)],
  ]);
  report.paragraph(
    `Auf die Ausschreibung vom ${date(cohort.application_opens_at)} bis ${date(cohort.application_closes_at)} gingen ` +
      `${count(stats.submitted)} vollständige Bewerbungen ein; ${count(fellows.length)} Organisationen wurden als Fellows aufgenommen ` +
      `(${count(cohort.seats)} Plätze), ${count(active)} davon sind aktiv im Programm. ` +
      `${plural(inStage2, 'Fellow hat das Stage-Gate passiert und ist', 'Fellows haben das Stage-Gate passiert und sind')} in Stufe 2` +
      (awaiting ? `, bei ${count(awaiting)} ist das Transferkonzept eingereicht und die Freigabe steht aus. ` : '. ') +
      `Von ${money(totals.granted_cents)} bewilligten Stipendien sind ${money(totals.paid_cents)} ausgezahlt (${percent(totals.paid_cents, totals.granted_cents)}).`,
  );

  // ── The year in numbers ──
  report.heading('Das Jahr in Zahlen');
  report.paragraph(`${count(stats.submitted)} vollständige Bewerbungen, ${count(stats.started)} begonnen.`, { muted: true });
  report.barChart(stats.by_field.map((c) => ({ label: label('field', c.key), values: [c.count] })), {
    title: 'Bewerbungen nach Handlungsfeld', series: ['Bewerbungen'], format: count,
  });
  report.barChart(stats.by_state.map((c) => ({ label: c.key, values: [c.count] })), {
    title: 'Bewerbungen nach Bundesland', series: ['Bewerbungen'], format: count,
  });

  // ── Funding: the console's funding overview ──
  report.newPage();
  report.heading('Förderung');
  report.figures([
    [label('funding_measure', 'granted'), money(totals.granted_cents)],
    [label('funding_measure', 'planned'), money(totals.planned_cents)],
    [label('funding_measure', 'approved'), money(totals.approved_cents)],
    [label('funding_measure', 'paid'), money(totals.paid_cents)],
  ]);
  report.barChart(funding.fellowships.map((f) => ({ label: f.organisation_name ?? '', values: [f.granted_cents, f.paid_cents] })), {
    title: 'Bewilligt und ausgezahlt je Fellow', series: [label('funding_measure', 'granted'), label('funding_measure', 'paid')], format: money, labelWidth: 190,
  });
  fundingTable(report, funding);
  report.heading('Coaching und Stage-Gate', 2);
  report.table<FellowSummary>(
    [
      { header: 'Organisation', width: 1, value: (f) => f.organisation_name },
      { header: 'Stufe', width: 0, nowrap: true, value: (f) => label('fellowship_stage', f.stage) },
      { header: 'Stage-Gate', width: 0.6, value: (f) => label('stage_gate', gateOf(f)) },
      { header: 'Coaching', width: 0, align: 'right', nowrap: true, value: (f) => hours(f.coaching_minutes, 'minutes') },
    ],
    fellows,
    { footer: ['Summe', '', '', hours(coachingMinutes, 'minutes')], empty: 'In diesem Jahrgang gibt es noch keine Fellows.' },
  );
  if (coachingBudget > 0) report.progress('Coaching gesamt', coachingMinutes / 60, coachingBudget, `${hours(coachingMinutes, 'minutes')} von ${hours(coachingBudget)}`);
  const reportsBy = new Map(granteeReports.map((g) => [g.fellowship_id, g]));
  const fundingOf = new Map(funding.fellowships.map((f) => [f.fellowship_id, f]));
  report.heading('Verwendungsnachweise', 2);
  report.table<FellowSummary>(
    [
      { header: 'Organisation', width: 1, value: (f) => f.organisation_name },
      { header: 'Letzter Bericht', width: 0, nowrap: true, value: (f) => latestReportText(reportsBy.get(f.id)) },
      { header: 'Status', width: 0, nowrap: true, value: (f) => label('grantee_report_status', reportsBy.get(f.id)?.latest.status) },
      { header: label('funding_measure', 'paid'), width: 0, align: 'right', nowrap: true, value: (f) => money(fundingOf.get(f.id)?.paid_cents ?? 0) },
      { header: 'Verausgabt', width: 0, align: 'right', nowrap: true, value: (f) => spentText(reportsBy.get(f.id)) },
      { header: 'Nicht verausgabt', width: 0, align: 'right', nowrap: true, value: (f) => unspentText(reportsBy.get(f.id), fundingOf.get(f.id)?.paid_cents ?? 0) },
    ],
    fellows,
    { empty: 'In diesem Jahrgang gibt es noch keine Fellows.' },
  );
  report.paragraph('Verausgabt: Ist-Ausgaben laut dem zuletzt eingereichten Bericht. Nicht verausgabt = ausgezahlt − verausgabt (negativ: mehr ausgegeben als ausgezahlt).', { muted: true, size: 8.5 });

  // ── Outcomes: indicators, transfer sites ──
  outcomeStory(report, outcomes);
  surveyStory(report, surveys);

  // ── One page per fellow ──
  const tranchesBy = new Map<number, FunderReportData['tranches']>();
  for (const t of tranches) tranchesBy.set(t.fellowship_id, [...(tranchesBy.get(t.fellowship_id) ?? []), t]);
  const fundingBy = new Map(funding.fellowships.map((f) => [f.fellowship_id, f]));
  for (const f of fellows) {
    const gate = gateOf(f);
    report.newPage();
    report.heading(f.organisation_name);
    report.paragraph(
      [f.project_name, [f.city, f.state].filter(Boolean).join(', '), label('field', f.field)].filter(Boolean).join(' · '),
      { muted: true },
    );
    report.figures([
      ['Status', label('fellowship_status', f.status)],
      ['Stufe', label('fellowship_stage', f.stage)],
      ['Stage-Gate Transferkonzept', label('stage_gate', gate)],
      ['Coach', f.coach_name ?? '–'],
    ]);
    report.heading('Ziele', 2);
    report.paragraph(f.goals?.trim() || 'Keine Ziele erfasst.', { muted: !f.goals });
    report.heading('Meilensteine', 2);
    report.table<MilestoneInfo>(
      [
        { header: 'Meilenstein', width: 1, value: (m) => m.title },
        { header: 'Fällig', width: 0, nowrap: true, value: (m) => date(m.due_on) },
        // The transfer concept's state is the stage gate's: "achieved" alone would hide a pending approval.
        { header: 'Status', width: 0.4, value: (m) => (m.kind === 'transfer_concept' ? label('stage_gate', gate) : label('milestone_status', m.status)) },
      ],
      milestonesBy.get(f.id) ?? [],
      { empty: 'Keine Meilensteine erfasst.' },
    );
    report.heading('Teilnahme und Coaching', 2);
    report.progress('Workshop-Teilnahme', f.workshops_attended, f.workshops_held,
      `${count(f.workshops_attended)} von ${count(f.workshops_held)} (${percent(f.workshops_attended, f.workshops_held)})`);
    report.progress('Coaching-Stunden', f.coaching_minutes / 60, f.coaching_hours_budget,
      `${hours(f.coaching_minutes, 'minutes')} von ${hours(f.coaching_hours_budget)}`);
    report.heading('Tranchen', 2);
    const own = fundingBy.get(f.id);
    report.table<FunderReportData['tranches'][number]>(
      [
        { header: 'Tranche', width: 1, value: (t) => t.label },
        { header: 'Fällig', width: 0, nowrap: true, value: (t) => date(t.due_on) },
        { header: 'Status', width: 0, nowrap: true, value: (t) => label('disbursement_status', t.status) },
        { header: 'Ausgezahlt am', width: 0, nowrap: true, value: (t) => date(t.paid_at) },
        { header: 'Betrag', width: 0, align: 'right', nowrap: true, value: (t) => money(t.amount_cents) },
      ],
      tranchesBy.get(f.id) ?? [],
      { empty: 'Keine Tranchen angelegt.', footer: [label('funding_measure', 'paid'), '', '', '', money(own?.paid_cents ?? 0)] },
    );
    if (own) {
      report.paragraph(
        `${label('funding_measure', 'granted')}: ${money(own.granted_cents)} · ${label('funding_measure', 'planned')}: ${money(own.planned_cents)} · ` +
          `${label('funding_measure', 'approved')}: ${money(own.approved_cents)} · ${label('funding_measure', 'paid')}: ${money(own.paid_cents)} · ${label('funding_measure', 'open')}: ${money(own.open_cents)}`,
        { muted: true, size: 8.5 },
      );
    }
    granteeReportSection(report, reportsBy.get(f.id), own?.paid_cents ?? 0);
  }

  // ── Outlook: what comes next ──
  report.newPage();
  report.heading('Ausblick');
  const due = tranches
    .filter((t) => t.status === 'planned' || t.status === 'approved')
    .sort((a, b) => (a.due_on ?? '9999').localeCompare(b.due_on ?? '9999') || a.organisation_name.localeCompare(b.organisation_name, 'de'));
  const overdue = milestones.filter((m) => m.status === 'open' && m.due_on && m.due_on < today).sort(byDue);
  const nextDates = workshops.filter((w) => w.starts_at.getTime() >= generatedAt.getTime());
  report.paragraph(
    `Stand ${date(generatedAt)}: ${plural(upcoming.length, 'offener Meilenstein steht', 'offene Meilensteine stehen')} an` +
      (overdue.length ? `, ${plural(overdue.length, 'ist', 'sind')} überfällig` : '') +
      `; ${plural(due.length, 'Tranche', 'Tranchen')} über ${money(totals.planned_cents + totals.approved_cents)} ${due.length === 1 ? 'ist' : 'sind'} noch auszuzahlen ` +
      `(${label('funding_measure', 'planned')} ${money(totals.planned_cents)}, ${label('funding_measure', 'approved')} ${money(totals.approved_cents)}).` +
      (demoDays.some((d) => d >= today) ? ` Der Demo Day vor Sozialinvestoren ist am ${demoDays.filter((d) => d >= today).map((d) => date(d)).join(', ')}.` : ''),
  );
  report.heading('Anstehende Meilensteine', 2);
  report.table<MilestoneInfo>(
    [
      { header: 'Fällig', width: 0, nowrap: true, value: (m) => date(m.due_on) },
      { header: 'Organisation', width: 1, value: (m) => names.get(m.fellowship_id) ?? '' },
      { header: 'Meilenstein', width: 1, value: (m) => m.title },
    ],
    upcoming,
    { empty: 'Keine offenen Meilensteine.' },
  );
  if (overdue.length) {
    report.heading('Überfällige Meilensteine', 2);
    report.table<MilestoneInfo>(
      [
        { header: 'Fällig', width: 0, nowrap: true, value: (m) => date(m.due_on) },
        { header: 'Organisation', width: 1, value: (m) => names.get(m.fellowship_id) ?? '' },
        { header: 'Meilenstein', width: 1, value: (m) => m.title },
      ],
      overdue,
    );
  }
  report.heading('Noch auszuzahlende Tranchen', 2);
  report.table<FunderReportData['tranches'][number]>(
    [
      { header: 'Fällig', width: 0, nowrap: true, value: (t) => date(t.due_on) },
      { header: 'Organisation', width: 1, value: (t) => t.organisation_name },
      { header: 'Tranche', width: 1, value: (t) => t.label },
      { header: 'Status', width: 0, nowrap: true, value: (t) => `${label('disbursement_status', t.status)}${t.due_on && t.due_on < today ? ', überfällig' : ''}` },
      { header: 'Betrag', width: 0, align: 'right', nowrap: true, value: (t) => money(t.amount_cents) },
    ],
    due,
    { empty: 'Keine Tranchen offen.', footer: ['Summe', '', '', '', money(totals.planned_cents + totals.approved_cents)] },
  );
  report.heading('Termine', 2);
  report.table<WorkshopInfo>(
    [
      { header: 'Datum', width: 0, nowrap: true, value: (w) => date(w.starts_at) },
      { header: 'Veranstaltung', width: 1, value: (w) => w.title },
      { header: 'Art', width: 0, nowrap: true, value: (w) => `${label('workshop_kind', w.kind)}${w.mandatory ? ' (Pflicht)' : ''}` },
      { header: 'Ort', width: 0.5, value: (w) => w.location ?? 'online' },
    ],
    nextDates,
    { empty: 'Keine weiteren Termine geplant.' },
  );
  return report.end();
}

export function buildSelectionReport(data: SelectionReportData): PDFKit.PDFDocument {
  const { cohort, stats, criteria, ranking, jury, generatedAt } = data;
  const report = newReport('selection', 'Ausschreibung, Begutachtung und Entscheidungen', cohort, generatedAt);
  report.cover(callFacts(cohort));

  report.newPage();
  report.heading('Die Ausschreibung');
  report.paragraph(
    `Die Ausschreibung lief vom ${date(cohort.application_opens_at)} bis ${date(cohort.application_closes_at)}. ` +
      `Vergeben werden ${count(cohort.seats)} Plätze mit einem Stipendium von je ${money(cohort.default_grant_cents)}.`,
  );
  if (cohort.description) report.paragraph(cohort.description, { muted: true });
  report.heading('Bewertungskriterien', 2);
  const weightSum = sum(criteria.map((c) => c.weight));
  report.table<CriterionInfo>(
    [
      { header: 'Kriterium', width: 0.6, value: (c) => c.name },
      { header: 'Gewicht', width: 0.2, align: 'right', value: (c) => percent(c.weight, weightSum) },
      { header: 'Höchstpunktzahl', width: 0.2, align: 'right', value: (c) => count(c.max_score) },
    ],
    criteria,
    { empty: 'Keine Kriterien angelegt.' },
  );

  report.heading('Die Bewerbungen');
  report.figures([
    ['Begonnen', count(stats.started)],
    ['Eingereicht', count(stats.submitted)],
    ['Ausgewählt', count(stats.selected)],
    ['Auswahlquote', percent(stats.selected, stats.submitted)],
    ['Gutachten zugewiesen', count(jury.assigned)],
    ['Gutachten abgegeben', count(jury.submitted)],
    ['Jurymitglieder', count(jury.jurors)],
    ['Befangenheiten', count(jury.conflicts)],
  ]);
  report.barChart(stats.by_status.map((c) => ({ label: label('application_status', c.key), values: [c.count] })), {
    title: 'Nach Status', series: ['Bewerbungen'], format: count,
  });
  report.barChart(stats.by_field.map((c) => ({ label: label('field', c.key), values: [c.count] })), {
    title: 'Nach Handlungsfeld (eingereicht)', series: ['Bewerbungen'], format: count,
  });
  report.barChart(stats.by_state.map((c) => ({ label: c.key, values: [c.count] })), {
    title: 'Nach Bundesland (eingereicht)', series: ['Bewerbungen'], format: count,
  });

  report.newPage();
  report.heading('Ranking und Entscheidungen');
  report.paragraph(
    'Der Rang folgt dem normalisierten Score (Mittel der z-Werte: jede Bewertung im Vergleich zu den übrigen Bewertungen ' +
      'desselben Jurymitglieds, so zählen strenge und milde Jurymitglieder gleich), bei Gleichstand dem gewichteten Score – ' +
      'dieselbe Reihenfolge wie in der Konsole und im CSV-Export. Gewichteter Score (0–100): Summe aus Gewicht × Punkte ÷ ' +
      'Höchstpunktzahl, geteilt durch die Summe der Gewichte, gemittelt über die abgegebenen Bewertungen. „unvollständig“: ' +
      'noch nicht alle zugewiesenen Bewertungen abgegeben. Ohne abgegebene Bewertung kein Rang.',
    { muted: true, size: 8.5 },
  );
  report.table<RankedApplication>(
    [
      { header: 'Rang', width: 0, align: 'right', nowrap: true, value: (a) => (a.rank ? String(a.rank) : '–') },
      { header: 'Organisation', width: 1, value: (a) => a.organisation_name },
      { header: 'Bewertungen', width: 0, value: (a) => `${count(a.review_count)} von ${count(a.assigned_count)}${a.partial ? ' unvollständig' : ''}` },
      { header: 'Normalisiert (z)', width: 0, align: 'right', nowrap: true, value: (a) => zScore(a.normalised_score) },
      { header: 'Gewichtet (0–100)', width: 0, align: 'right', nowrap: true, value: (a) => score(a.weighted_score) },
      {
        header: 'Entscheidung und Begründung', width: 2,
        value: (a) => `${label('application_status', a.status)}${a.decision_reason ? ` – ${a.decision_reason}` : ''}`,
      },
    ],
    ranking,
    { empty: 'Keine eingereichten Bewerbungen.', fontSize: 8 },
  );
  return report.end();
}

export function buildFundingReport(data: FundingReportData): PDFKit.PDFDocument {
  const { cohort, funding, tranches, generatedAt } = data;
  const report = newReport('funding', 'Alle Tranchen mit Status und Summen', cohort, generatedAt);
  const t = funding.totals;
  const all = t.planned_cents + t.approved_cents + t.paid_cents + t.cancelled_cents;
  const counts = t.tranche_counts;
  report.cover([...callFacts(cohort), ['Tranchen', count(counts.planned + counts.approved + counts.paid + counts.cancelled)], [label('funding_measure', 'paid'), money(t.paid_cents)]]);

  report.newPage();
  report.heading('Übersicht');
  report.figures([
    [label('funding_measure', 'granted'), money(t.granted_cents)],
    ['Gebunden (ohne Stornos)', money(t.committed_cents)],
    [label('funding_measure', 'unplanned'), money(t.unplanned_cents)],
    [label('funding_measure', 'paid'), money(t.paid_cents)],
  ]);
  report.table<[string, number, number]>(
    [
      { header: 'Status', width: 1, value: (r) => r[0] },
      { header: 'Tranchen', width: 0, align: 'right', nowrap: true, value: (r) => count(r[1]) },
      { header: 'Betrag', width: 0, align: 'right', nowrap: true, value: (r) => money(r[2]) },
    ],
    [
      [label('disbursement_status', 'planned'), counts.planned, t.planned_cents],
      [label('disbursement_status', 'approved'), counts.approved, t.approved_cents],
      [label('disbursement_status', 'paid'), counts.paid, t.paid_cents],
      [label('disbursement_status', 'cancelled'), counts.cancelled, t.cancelled_cents],
    ],
    { footer: ['Summe aller Tranchen', count(counts.planned + counts.approved + counts.paid + counts.cancelled), money(all)] },
  );
  report.barChart([
    { label: label('disbursement_status', 'planned'), values: [t.planned_cents] },
    { label: label('disbursement_status', 'approved'), values: [t.approved_cents] },
    { label: label('disbursement_status', 'paid'), values: [t.paid_cents] },
    { label: label('disbursement_status', 'cancelled'), values: [t.cancelled_cents] },
  ], { title: 'Tranchen nach Status', series: ['Betrag'], format: money });

  report.heading('Je Fellow');
  fundingTable(report, funding, { unplanned: true });

  report.heading('Alle Tranchen');
  report.table<Tranche>(
    [
      { header: 'Organisation', width: 1, value: (r) => r.organisation_name },
      { header: 'Tranche', width: 1, value: (r) => (r.milestone_title ? `${r.label} (Meilenstein: ${r.milestone_title})` : r.label) },
      { header: 'Fällig', width: 0, nowrap: true, value: (r) => date(r.due_on) },
      { header: 'Status', width: 0, nowrap: true, value: (r) => label('disbursement_status', r.status) },
      { header: 'Ausgezahlt am', width: 0, nowrap: true, value: (r) => date(r.paid_at) },
      { header: 'Referenz', width: 0, nowrap: true, value: (r) => r.payment_reference ?? '' },
      { header: 'Betrag', width: 0, align: 'right', nowrap: true, value: (r) => money(r.amount_cents) },
    ],
    tranches,
    {
      empty: 'Keine Tranchen angelegt.',
      fontSize: 8,
      footer: ['Summe ohne Stornos', '', '', '', '', '', money(t.committed_cents)],
    },
  );
  return report.end();
}
