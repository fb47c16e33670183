import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../http/context.ts';
import type { RequestContext } from '../http/context.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { EDITABLE_REPORT_STATUSES, type BudgetVsActual } from './grantee-reports.schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The reports a caller may see: staff all, a coach those of the fellowships they coach, an
 * applicant their own organisation's (through `visibleFellowshipIds`, the one scope of the
 * programme year). Receipts (attachments) and expenses are scoped through these ids too.
 */
export function visibleGranteeReportIds(db: Q, user: SessionUser | null) {
  return db.selectFrom('grantee_reports as vr').select('vr.id').where('vr.fellowship_id', 'in', visibleFellowshipIds(db, user));
}

/** Whether the fellow may still write the report (texts, expenses, receipts). */
export const isReportEditable = (status: string) => (EDITABLE_REPORT_STATUSES as readonly string[]).includes(status);

/** Today in Berlin, as the date columns compare with it. */
const berlinToday = sql<string>`(now() at time zone 'Europe/Berlin')::date`;

/**
 * A report as every screen reads it. `budget_vs_actual` comes from the view `grantee_report_budget`
 * (the one place it is computed); `history` lists every return and acceptance; `paid_cents` is
 * what was paid out to the fellowship so far, `actual_cents` the spending reported up to and
 * including this report (Σ of the view's actuals).
 */
export function selectGranteeReports(db: Q, ctx: Pick<RequestContext, 'user'>) {
  return db
    .selectFrom('grantee_reports as t')
    .innerJoin('fellowships as f', 'f.id', 't.fellowship_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('applications as a', 'a.id', 'f.application_id')
    .leftJoin('users as su', 'su.id', 't.submitted_by')
    .leftJoin('users as ru', 'ru.id', 't.reviewed_by')
    .selectAll('t')
    .select([
      'f.organisation_id', 'f.cohort_id', 'o.name as organisation_name', 'c.name as cohort_name', 'a.project_name', 'f.grant_cents',
      'su.name as submitted_by_name', 'ru.name as reviewed_by_name',
    ])
    .select(sql<boolean>`(t.status in ('requested', 'returned') and t.due_on < ${berlinToday})`.as('overdue'))
    .select(
      sql<BudgetVsActual[]>`(select coalesce(json_agg(json_build_object(
          'category', b.category, 'planned_cents', b.planned_cents, 'actual_cents', b.actual_cents,
          'deviation_pct', b.deviation_pct, 'over_limit', b.over_limit) order by b.position), '[]'::json)
        from grantee_report_budget b where b.grantee_report_id = t.id)`.as('budget_vs_actual'),
    )
    .select(
      sql<Array<{ id: number; outcome: string; note: string | null; reviewed_by: number | null; reviewer_name: string | null; reviewed_at: string }>>`(
        select coalesce(json_agg(json_build_object('id', h.id, 'outcome', h.outcome, 'note', h.note, 'reviewed_by', h.reviewed_by,
          'reviewer_name', hu.name, 'reviewed_at', h.reviewed_at) order by h.reviewed_at, h.id), '[]'::json)
        from grantee_report_reviews h left join users hu on hu.id = h.reviewed_by where h.grantee_report_id = t.id)`.as('history'),
    )
    .select(sql<number>`(select coalesce(sum(d.amount_cents), 0) from disbursements d where d.fellowship_id = t.fellowship_id and d.status = 'paid')`.as('paid_cents'))
    .select(sql<number>`(select coalesce(sum(e.amount_cents), 0) from expenses e where e.grantee_report_id = t.id)`.as('report_expenses_cents'))
    .select(sql<number>`(select count(*) from expenses e where e.grantee_report_id = t.id)`.as('expense_count'))
    .where('t.fellowship_id', 'in', visibleFellowshipIds(db, ctx.user ?? null));
}

export type GranteeReportRow = Awaited<ReturnType<ReturnType<typeof selectGranteeReports>['executeTakeFirstOrThrow']>>;

/** The report row, locked for a state change (submit, accept, return) or a write that must not race one. */
export function lockReport(trx: Transaction<Database>, id: number) {
  return trx.selectFrom('grantee_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * The report, share-locked: expenses and receipts are written under this lock, so a parallel
 * submit (which takes the row lock) waits for them, and they find the report submitted if it won.
 */
export function shareReport(trx: Transaction<Database>, id: number) {
  return trx.selectFrom('grantee_reports').selectAll().where('id', '=', id).forShare().executeTakeFirst();
}

/** The categories of a report whose actual exceeds plan × 1.2 (read from the view). */
export async function overLimitCategories(q: Q, reportId: number): Promise<string[]> {
  const rows = await q.selectFrom('grantee_report_budget').select('category').where('grantee_report_id', '=', reportId).where('over_limit', '=', true).orderBy('position').execute();
  return rows.map((r) => r.category);
}
