import type { ApplicationStats, CohortInfo, CriterionInfo, FellowSummary, JuryProgress, MilestoneInfo, RankedApplication, Tranche } from './reports.queries.ts';
import { ReportDocument } from './report-document.ts';
import {
  count, date, FELLOWSHIP_LABELS, FIELD_LABELS, hours, label, MILESTONE_LABELS, money, PHASE_LABELS, percent, score,
  STATUS_LABELS, TRANCHE_LABELS,
} from './format.ts';

/**
 * The three PDF reports as pure functions: data in, finished pdfkit stream out (pipe it to a
 * response or collect it with `toBuffer`). No database, no HTTP: the loaders in reports.service.ts
 * gather the data.
 */
export interface FunderReportData {
  cohort: CohortInfo;
  stats: ApplicationStats;
  fellows: FellowSummary[];
  milestones: MilestoneInfo[];
  tranches: Tranche[];
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
  fellows: FellowSummary[];
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

export function trancheTotals(tranches: Pick<Tranche, 'status' | 'amount_cents'>[]) {
  const by = (status: string) => sum(tranches.filter((t) => t.status === status).map((t) => t.amount_cents));
  const planned = by('planned');
  const approved = by('approved');
  const paid = by('paid');
  const cancelled = by('cancelled');
  return { planned, approved, paid, cancelled, committed: planned + approved + paid, all: planned + approved + paid + cancelled };
}

function callFacts(cohort: CohortInfo): Array<[string, string]> {
  return [
    ['Jahrgang', String(cohort.year)],
    ['Ausschreibung', `${date(cohort.application_opens_at)} – ${date(cohort.application_closes_at)}`],
    ['Phase', label(PHASE_LABELS, cohort.phase)],
    ['Plätze', count(cohort.seats)],
    ['Stipendium je Fellow', money(cohort.default_grant_cents)],
  ];
}

export function buildFunderReport(data: FunderReportData): PDFKit.PDFDocument {
  const { cohort, stats, fellows, milestones, tranches, generatedAt } = data;
  const report = newReport('funder', 'Skalierungsstipendium – das Jahr in Zahlen und die Fellows', cohort, generatedAt);
  report.cover(callFacts(cohort));

  const coachingMinutes = sum(fellows.map((f) => f.coaching_minutes));
  const coachingBudget = sum(fellows.map((f) => f.coaching_hours_budget));
  const grants = sum(fellows.map((f) => f.grant_cents));
  const totals = trancheTotals(tranches);
  const attended = sum(fellows.map((f) => f.workshops_attended));
  const possible = sum(fellows.map((f) => f.workshops_held));

  report.newPage();
  report.heading('Das Jahr in Zahlen');
  report.figures([
    ['Eingereichte Bewerbungen', count(stats.submitted)],
    ['Ausgewählte Fellows', count(fellows.length)],
    ['Annahmequote', percent(fellows.length, stats.submitted)],
    ['Plätze', count(cohort.seats)],
    ['Fördersumme (Stipendien)', money(grants)],
    ['Ausgezahlt', money(totals.paid)],
    ['Coaching-Stunden', hours(coachingMinutes, 'minutes')],
    ['Workshop-Teilnahme', percent(attended, possible)],
  ]);
  report.paragraph(
    `Auf die Ausschreibung vom ${date(cohort.application_opens_at)} bis ${date(cohort.application_closes_at)} gingen ` +
      `${count(stats.submitted)} vollständige Bewerbungen ein (${count(stats.started)} begonnen). ` +
      `${count(fellows.length)} Organisationen wurden als Fellows aufgenommen.`,
  );
  report.barChart(stats.by_field.map((c) => ({ label: label(FIELD_LABELS, c.key), values: [c.count] })), {
    title: 'Bewerbungen nach Handlungsfeld', series: ['Bewerbungen'], format: count,
  });
  report.barChart(stats.by_state.map((c) => ({ label: c.key, values: [c.count] })), {
    title: 'Bewerbungen nach Bundesland', series: ['Bewerbungen'], format: count,
  });

  report.heading('Förderung: geplant und ausgezahlt');
  report.figures([
    ['Bewilligte Stipendien', money(grants)],
    ['Tranchen geplant (ohne Stornos)', money(totals.committed)],
    ['davon freigegeben', money(totals.approved)],
    ['davon ausgezahlt', money(totals.paid)],
  ]);
  report.barChart(fellows.map((f) => ({ label: f.organisation_name, values: [f.planned_cents, f.paid_cents] })), {
    title: 'Tranchen je Fellow', series: ['Geplant', 'Ausgezahlt'], format: money, labelWidth: 190,
  });
  report.table<FellowSummary>(
    [
      { header: 'Organisation', width: 0.36, value: (f) => f.organisation_name },
      { header: 'Stipendium', width: 0.16, align: 'right', value: (f) => money(f.grant_cents) },
      { header: 'Geplant', width: 0.16, align: 'right', value: (f) => money(f.planned_cents) },
      { header: 'Ausgezahlt', width: 0.16, align: 'right', value: (f) => money(f.paid_cents) },
      { header: 'Coaching', width: 0.16, align: 'right', value: (f) => hours(f.coaching_minutes, 'minutes') },
    ],
    fellows,
    {
      footer: ['Summe', money(grants), money(sum(fellows.map((f) => f.planned_cents))), money(sum(fellows.map((f) => f.paid_cents))), hours(coachingMinutes, 'minutes')],
      empty: 'In diesem Jahrgang gibt es noch keine Fellows.',
    },
  );
  if (coachingBudget > 0) report.progress('Coaching gesamt', coachingMinutes / 60, coachingBudget, `${hours(coachingMinutes, 'minutes')} von ${hours(coachingBudget)}`);

  const milestonesBy = new Map<number, MilestoneInfo[]>();
  for (const m of milestones) milestonesBy.set(m.fellowship_id, [...(milestonesBy.get(m.fellowship_id) ?? []), m]);
  const tranchesBy = new Map<number, Tranche[]>();
  for (const t of tranches) tranchesBy.set(t.fellowship_id, [...(tranchesBy.get(t.fellowship_id) ?? []), t]);

  for (const f of fellows) {
    report.newPage();
    report.heading(f.organisation_name);
    report.paragraph(
      [f.project_name, [f.city, f.state].filter(Boolean).join(', '), label(FIELD_LABELS, f.field)].filter(Boolean).join(' · '),
      { muted: true },
    );
    const own = milestonesBy.get(f.id) ?? [];
    const gate = own.find((m) => m.kind === 'transfer_concept');
    report.figures([
      ['Status', label(FELLOWSHIP_LABELS, f.status)],
      ['Stufe', f.stage === 2 ? 'Stufe 2 (Transfer)' : 'Stufe 1 (Konzept)'],
      ['Stage-Gate Transferkonzept', gate ? label(MILESTONE_LABELS, gate.status) : 'nicht angelegt'],
      ['Coach', f.coach_name ?? '–'],
    ]);
    report.heading('Ziele', 2);
    report.paragraph(f.goals?.trim() || 'Keine Ziele erfasst.', { muted: !f.goals });
    report.heading('Meilensteine', 2);
    report.table<MilestoneInfo>(
      [
        { header: 'Meilenstein', width: 0.46, value: (m) => m.title },
        { header: 'Fällig', width: 0.14, value: (m) => date(m.due_on) },
        { header: 'Status', width: 0.14, value: (m) => label(MILESTONE_LABELS, m.status) },
        { header: 'Notiz', width: 0.26, value: (m) => m.note ?? '' },
      ],
      own,
      { empty: 'Keine Meilensteine erfasst.' },
    );
    report.heading('Teilnahme und Coaching', 2);
    report.progress('Workshop-Teilnahme', f.workshops_attended, f.workshops_held,
      `${count(f.workshops_attended)} von ${count(f.workshops_held)} (${percent(f.workshops_attended, f.workshops_held)})`);
    report.progress('Coaching-Stunden', f.coaching_minutes / 60, f.coaching_hours_budget,
      `${hours(f.coaching_minutes, 'minutes')} von ${hours(f.coaching_hours_budget)}`);
    report.heading('Tranchen', 2);
    const own2 = tranchesBy.get(f.id) ?? [];
    report.table<Tranche>(
      [
        { header: 'Tranche', width: 0.36, value: (t) => t.label },
        { header: 'Fällig', width: 0.14, value: (t) => date(t.due_on) },
        { header: 'Status', width: 0.16, value: (t) => label(TRANCHE_LABELS, t.status) },
        { header: 'Ausgezahlt am', width: 0.16, value: (t) => date(t.paid_at) },
        { header: 'Betrag', width: 0.18, align: 'right', value: (t) => money(t.amount_cents) },
      ],
      own2,
      { empty: 'Keine Tranchen angelegt.', footer: ['Ausgezahlt', '', '', '', money(f.paid_cents)] },
    );
  }
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
  report.barChart(stats.by_status.map((c) => ({ label: label(STATUS_LABELS, c.key), values: [c.count] })), {
    title: 'Nach Status', series: ['Bewerbungen'], format: count,
  });
  report.barChart(stats.by_field.map((c) => ({ label: label(FIELD_LABELS, c.key), values: [c.count] })), {
    title: 'Nach Handlungsfeld (eingereicht)', series: ['Bewerbungen'], format: count,
  });
  report.barChart(stats.by_state.map((c) => ({ label: c.key, values: [c.count] })), {
    title: 'Nach Bundesland (eingereicht)', series: ['Bewerbungen'], format: count,
  });

  report.newPage();
  report.heading('Ranking und Entscheidungen');
  report.paragraph(
    'Gewichteter Score (0–100): Summe aus Gewicht × Punkte ÷ Höchstpunktzahl, geteilt durch die Summe der Gewichte, ' +
      'gemittelt über die abgegebenen Gutachten. Ohne abgegebenes Gutachten kein Rang. Begründungen stehen bei jeder Entscheidung.',
    { muted: true, size: 8.5 },
  );
  report.table<RankedApplication>(
    [
      { header: 'Rang', width: 0.07, align: 'right', value: (a) => (a.rank ? String(a.rank) : '–') },
      { header: 'Organisation', width: 0.27, value: (a) => a.organisation_name },
      { header: 'Gutachten', width: 0.12, align: 'right', value: (a) => count(a.review_count) },
      { header: 'Score', width: 0.08, align: 'right', value: (a) => score(a.weighted_score) },
      { header: 'Entscheidung', width: 0.15, value: (a) => label(STATUS_LABELS, a.status) },
      { header: 'Begründung', width: 0.31, value: (a) => a.decision_reason ?? '' },
    ],
    ranking,
    { empty: 'Keine eingereichten Bewerbungen.', fontSize: 8 },
  );
  return report.end();
}

export function buildFundingReport(data: FundingReportData): PDFKit.PDFDocument {
  const { cohort, fellows, tranches, generatedAt } = data;
  const report = newReport('funding', 'Alle Tranchen mit Status und Summen', cohort, generatedAt);
  const totals = trancheTotals(tranches);
  const grants = sum(fellows.map((f) => f.grant_cents));
  report.cover([...callFacts(cohort), ['Tranchen', count(tranches.length)], ['Ausgezahlt', money(totals.paid)]]);

  report.newPage();
  report.heading('Übersicht');
  report.figures([
    ['Bewilligte Stipendien', money(grants)],
    ['Gebunden (ohne Stornos)', money(totals.committed)],
    ['Noch nicht verplant', money(grants - totals.committed)],
    ['Ausgezahlt', money(totals.paid)],
  ]);
  report.table<[string, number, number]>(
    [
      { header: 'Status', width: 0.5, value: (r) => r[0] },
      { header: 'Tranchen', width: 0.2, align: 'right', value: (r) => count(r[1]) },
      { header: 'Betrag', width: 0.3, align: 'right', value: (r) => money(r[2]) },
    ],
    (['planned', 'approved', 'paid', 'cancelled'] as const).map((s) => [
      TRANCHE_LABELS[s], tranches.filter((t) => t.status === s).length, totals[s],
    ]),
    { footer: ['Summe aller Tranchen', count(tranches.length), money(totals.all)] },
  );
  report.barChart([
    { label: 'Geplant', values: [totals.planned] },
    { label: 'Freigegeben', values: [totals.approved] },
    { label: 'Ausgezahlt', values: [totals.paid] },
    { label: 'Storniert', values: [totals.cancelled] },
  ], { title: 'Tranchen nach Status', series: ['Betrag'], format: money });

  report.heading('Je Fellow');
  report.table<FellowSummary>(
    [
      { header: 'Organisation', width: 0.3, value: (f) => f.organisation_name },
      { header: 'Stipendium', width: 0.14, align: 'right', value: (f) => money(f.grant_cents) },
      { header: 'Gebunden', width: 0.14, align: 'right', value: (f) => money(f.planned_cents) },
      { header: 'Freigegeben', width: 0.14, align: 'right', value: (f) => money(f.approved_cents - f.paid_cents) },
      { header: 'Ausgezahlt', width: 0.14, align: 'right', value: (f) => money(f.paid_cents) },
      { header: 'Offen', width: 0.14, align: 'right', value: (f) => money(f.grant_cents - f.paid_cents) },
    ],
    fellows,
    {
      empty: 'In diesem Jahrgang gibt es noch keine Fellows.',
      footer: [
        'Summe', money(grants), money(sum(fellows.map((f) => f.planned_cents))),
        money(sum(fellows.map((f) => f.approved_cents - f.paid_cents))), money(sum(fellows.map((f) => f.paid_cents))),
        money(grants - sum(fellows.map((f) => f.paid_cents))),
      ],
    },
  );

  report.heading('Alle Tranchen');
  report.table<Tranche>(
    [
      { header: 'Organisation', width: 0.21, value: (t) => t.organisation_name },
      { header: 'Tranche', width: 0.17, value: (t) => (t.milestone_title ? `${t.label} (Meilenstein: ${t.milestone_title})` : t.label) },
      { header: 'Fällig', width: 0.11, value: (t) => date(t.due_on) },
      { header: 'Status', width: 0.125, value: (t) => label(TRANCHE_LABELS, t.status) },
      { header: 'Ausgezahlt', width: 0.12, value: (t) => date(t.paid_at) },
      { header: 'Referenz', width: 0.125, value: (t) => t.payment_reference ?? '' },
      { header: 'Betrag', width: 0.14, align: 'right', value: (t) => money(t.amount_cents) },
    ],
    tranches,
    {
      empty: 'Keine Tranchen angelegt.',
      fontSize: 8,
      footer: ['Summe ohne Stornos', '', '', '', '', '', money(totals.committed)],
    },
  );
  return report.end();
}
