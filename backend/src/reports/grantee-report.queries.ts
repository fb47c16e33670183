import { sql, type Kysely } from 'kysely';
import type { BudgetCategory, Database } from '../db/schema.ts';
import { fundingOverview } from '../disbursements/index.ts';

/**
 * The data of the Verwendungsnachweis (grantee-report.pdf.ts) and of the report figures in
 * funder.pdf. Budget against actual is read from the view `grantee_report_budget` only (migration
 * 0018), totals included: no category sum or deviation is computed in TypeScript. The money paid
 * out is the funding overview's (`fundingOverview`), the one source of tranche sums.
 */
type Db = Kysely<Database>;

type GranteeReportStatus = 'requested' | 'submitted' | 'returned' | 'accepted';

export interface BudgetRow {
  grantee_report_id: number;
  fellowship_id: number;
  category: BudgetCategory;
  planned_cents: number;
  actual_cents: number;
  deviation_pct: number | null;
  over_limit: boolean;
}

export interface BudgetTotals {
  planned_cents: number;
  actual_cents: number;
  deviation_pct: number | null;
  over_limit_count: number;
}

export interface ExpenseRow {
  id: number;
  grantee_report_id: number;
  category: BudgetCategory;
  spent_on: string;
  payee: string;
  description: string;
  amount_cents: number;
  receipt_attachment_id: number | null;
  receipt_filename: string | null;
}

interface GranteeReportHeader {
  id: number;
  fellowship_id: number;
  kind: 'interim' | 'final';
  period_start: string;
  period_end: string;
  due_on: string;
  status: GranteeReportStatus;
  achievements: string | null;
  challenges: string | null;
  next_steps: string | null;
  submitted_at: Date | null;
  submitted_by_name: string | null;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
  review_note: string | null;
  cohort_id: number;
  cohort_name: string;
  organisation_name: string;
  project_name: string | null;
  grant_cents: number;
  agreement_signed_on: string | null;
}

export interface ReviewEntry {
  outcome: 'returned' | 'accepted';
  note: string | null;
  reviewed_at: Date;
  reviewed_by_name: string | null;
}

export interface GranteeReportData {
  report: GranteeReportHeader;
  /** Every return and acceptance, oldest first (grantee_report_reviews). */
  reviews: ReviewEntry[];
  budget: BudgetRow[];
  totals: BudgetTotals;
  /** This report's expenses. */
  expenses: ExpenseRow[];
  /** Expenses of the fellowship's earlier reports: they count in the actual figures (see the view). */
  earlierExpenses: Array<ExpenseRow & { report_kind: 'interim' | 'final'; report_period_end: string }>;
  paid_cents: number;
}

const money = (v: unknown) => Number(v ?? 0);
const pct = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function budgetRows(db: Db, reportIds: number[]) {
  return db
    .selectFrom('grantee_report_budget')
    .select(['grantee_report_id', 'fellowship_id', 'category', 'planned_cents', 'actual_cents', 'deviation_pct', 'over_limit'])
    .where('grantee_report_id', 'in', reportIds.length ? reportIds : [-1])
    .orderBy('grantee_report_id')
    .orderBy('position')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, planned_cents: money(r.planned_cents), actual_cents: money(r.actual_cents), deviation_pct: pct(r.deviation_pct) })));
}

/** Σ planned and Σ actual of each report's view rows, and the deviation of the sums, in SQL as the view computes it per category. */
async function budgetTotals(db: Db, reportIds: number[]): Promise<Map<number, BudgetTotals>> {
  const { rows } = await sql<{ grantee_report_id: number; planned_cents: string; actual_cents: string; deviation_pct: string | null; over_limit_count: number }>`
    select grantee_report_id, sum(planned_cents) as planned_cents, sum(actual_cents) as actual_cents,
           case when sum(planned_cents) > 0 then round((sum(actual_cents) - sum(planned_cents)) * 100.0 / sum(planned_cents), 1) end as deviation_pct,
           (count(*) filter (where over_limit))::int as over_limit_count
      from grantee_report_budget
     where grantee_report_id = any(${reportIds.length ? reportIds : [-1]}::int[])
     group by grantee_report_id`.execute(db);
  const empty: BudgetTotals = { planned_cents: 0, actual_cents: 0, deviation_pct: null, over_limit_count: 0 };
  const byId = new Map(reportIds.map((id) => [id, { ...empty }]));
  for (const r of rows) {
    byId.set(r.grantee_report_id, {
      planned_cents: money(r.planned_cents), actual_cents: money(r.actual_cents), deviation_pct: pct(r.deviation_pct), over_limit_count: r.over_limit_count,
    });
  }
  return byId;
}

function expensesQuery(db: Db) {
  return db
    .selectFrom('expenses as e')
    .leftJoin('attachments as a', 'a.id', 'e.receipt_attachment_id')
    .select([
      'e.id', 'e.grantee_report_id', 'e.category', 'e.spent_on', 'e.payee', 'e.description', 'e.amount_cents', 'e.receipt_attachment_id',
      'a.filename as receipt_filename',
    ])
    .orderBy('e.spent_on')
    .orderBy('e.id');
}

const toExpense = <R extends { amount_cents: number | string; spent_on: unknown }>(r: R) => ({ ...r, amount_cents: money(r.amount_cents), spent_on: String(r.spent_on) });

/** Everything the Verwendungsnachweis prints, or undefined for an unknown report. */
export async function loadGranteeReport(db: Db, reportId: number): Promise<GranteeReportData | undefined> {
  const report = await db
    .selectFrom('grantee_reports as r')
    .innerJoin('fellowships as f', 'f.id', 'r.fellowship_id')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .innerJoin('applications as ap', 'ap.id', 'f.application_id')
    .leftJoin('users as sb', 'sb.id', 'r.submitted_by')
    .leftJoin('users as rb', 'rb.id', 'r.reviewed_by')
    .select([
      'r.id', 'r.fellowship_id', 'r.kind', 'r.period_start', 'r.period_end', 'r.due_on', 'r.status', 'r.achievements', 'r.challenges', 'r.next_steps',
      'r.submitted_at', 'sb.name as submitted_by_name', 'r.reviewed_at', 'rb.name as reviewed_by_name', 'r.review_note',
      'f.cohort_id', 'c.name as cohort_name', 'o.name as organisation_name', 'ap.project_name', 'f.grant_cents', 'f.agreement_signed_on',
    ])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!report) return undefined;
  const [reviews, budget, totals, expenses, earlier, funding] = await Promise.all([
    db
      .selectFrom('grantee_report_reviews as v')
      .leftJoin('users as u', 'u.id', 'v.reviewed_by')
      .select(['v.outcome', 'v.note', 'v.reviewed_at', 'u.name as reviewed_by_name'])
      .where('v.grantee_report_id', '=', reportId)
      .orderBy('v.reviewed_at')
      .orderBy('v.id')
      .execute(),
    budgetRows(db, [reportId]),
    budgetTotals(db, [reportId]),
    expensesQuery(db).where('e.grantee_report_id', '=', reportId).execute(),
    // The view's "up to and including this one": earlier reports by (period_end, id).
    expensesQuery(db)
      .innerJoin('grantee_reports as er', 'er.id', 'e.grantee_report_id')
      .select(['er.kind as report_kind', 'er.period_end as report_period_end'])
      .where('er.fellowship_id', '=', report.fellowship_id)
      .where('er.id', '<>', reportId)
      .where(sql<boolean>`(er.period_end, er.id) <= (${report.period_end}::date, ${reportId}::int)`)
      .execute(),
    fundingOverview(db, report.cohort_id),
  ]);
  return {
    report: {
      ...report,
      period_start: String(report.period_start), period_end: String(report.period_end), due_on: String(report.due_on),
      agreement_signed_on: report.agreement_signed_on ? String(report.agreement_signed_on) : null,
      grant_cents: money(report.grant_cents),
    },
    reviews,
    budget,
    totals: totals.get(reportId)!,
    expenses: expenses.map(toExpense),
    earlierExpenses: earlier.map((e) => ({ ...toExpense(e), report_period_end: String(e.report_period_end) })),
    paid_cents: funding.fellowships.find((f) => f.fellowship_id === report.fellowship_id)?.paid_cents ?? 0,
  };
}

export interface FellowReportSummary {
  fellowship_id: number;
  /** The newest report of any status (by period end). */
  latest: { id: number; kind: 'interim' | 'final'; status: GranteeReportStatus; period_end: string; due_on: string };
  /** The newest report handed in (submitted or accepted): its figures are the ones the fellow stands by. */
  figures: {
    id: number; kind: 'interim' | 'final'; status: GranteeReportStatus; period_end: string; budget: BudgetRow[]; totals: BudgetTotals;
  } | null;
}

/**
 * Per fellowship of a cohort with at least one report: the latest report's status and the budget
 * against actual of the latest handed-in report. Funder-safe: no text of the report, no review note.
 */
export async function loadFellowReports(db: Db, cohortId: number): Promise<FellowReportSummary[]> {
  const newest = (statuses: GranteeReportStatus[]) =>
    db
      .selectFrom('grantee_reports as r')
      .innerJoin('fellowships as f', 'f.id', 'r.fellowship_id')
      .where('f.cohort_id', '=', cohortId)
      .where('r.status', 'in', statuses)
      .distinctOn('r.fellowship_id')
      .select(['r.id', 'r.fellowship_id', 'r.kind', 'r.status', 'r.period_end', 'r.due_on'])
      .orderBy('r.fellowship_id')
      .orderBy('r.period_end', 'desc')
      .orderBy('r.id', 'desc')
      .execute();
  const [latest, handedIn] = await Promise.all([newest(['requested', 'submitted', 'returned', 'accepted']), newest(['submitted', 'accepted'])]);
  const ids = handedIn.map((r) => r.id);
  const [budget, totals] = await Promise.all([budgetRows(db, ids), budgetTotals(db, ids)]);
  const figuresOf = new Map(handedIn.map((r) => [r.fellowship_id, r]));
  return latest.map((r) => {
    const fig = figuresOf.get(r.fellowship_id);
    return {
      fellowship_id: r.fellowship_id,
      latest: { id: r.id, kind: r.kind, status: r.status, period_end: String(r.period_end), due_on: String(r.due_on) },
      figures: fig
        ? {
          id: fig.id, kind: fig.kind, status: fig.status, period_end: String(fig.period_end),
          budget: budget.filter((b) => b.grantee_report_id === fig.id), totals: totals.get(fig.id)!,
        }
        : null,
    };
  });
}
