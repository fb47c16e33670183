import type { ApiRouter } from '../http/api-router.ts';
import { BUDGET_CATEGORIES } from '../budget-lines/budget-lines.schema.ts';
import { STAFF } from '../http/api-router.ts';
import { registerResource, type Rec } from '../http/resource.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest } from '../http/errors.ts';
import { sql } from 'kysely';
import { selectGranteeReports, visibleGranteeReportIds, type GranteeReportRow } from './grantee-reports.queries.ts';
import {
  acceptReportSchema, expenseSchema, expenseUpdateSchema, GRANTEE_REPORT_KINDS, GRANTEE_REPORT_STATUSES, granteeReportCreateSchema,
  granteeReportUpdateSchema, returnReportSchema,
} from './grantee-reports.schema.ts';
import {
  acceptReport, assertExpenseDeletable, assertReportDeletable, prepareExpenseCreate, prepareExpenseUpdate, prepareReportCreate, prepareReportUpdate,
  queueRequestLetter, returnReport, submitReport,
} from './grantee-reports.service.ts';

const TAG = 'grantee-reports';

/**
 * The report with its totals: what was paid out to the fellowship against what the reports up to
 * this one show as spent. `unspent_cents` is the money to repay (or to account for in a later
 * report); `exceeds_paid` the visible warning when the expenses are more than was paid.
 */
function presentGranteeReport(row: GranteeReportRow | Rec): Rec {
  const budget = (row.budget_vs_actual ?? []) as Array<{ planned_cents: number; actual_cents: number; deviation_pct: number | null; over_limit: boolean }>;
  const budget_vs_actual = budget.map((b) => ({
    ...b, planned_cents: Number(b.planned_cents), actual_cents: Number(b.actual_cents), deviation_pct: b.deviation_pct == null ? null : Number(b.deviation_pct),
  }));
  const planned = budget_vs_actual.reduce((s, b) => s + b.planned_cents, 0);
  const actual = budget_vs_actual.reduce((s, b) => s + b.actual_cents, 0);
  const paid = Number(row.paid_cents);
  return {
    ...row,
    grant_cents: Number(row.grant_cents),
    budget_vs_actual,
    paid_cents: paid,
    report_expenses_cents: Number(row.report_expenses_cents),
    expense_count: Number(row.expense_count),
    over_limit_categories: budget_vs_actual.filter((b) => b.over_limit).map((b) => (b as { category?: string }).category),
    totals: {
      planned_cents: planned,
      actual_cents: actual,
      paid_cents: paid,
      unspent_cents: Math.max(paid - actual, 0),
      exceeds_paid: actual > paid,
      excess_cents: Math.max(actual - paid, 0),
    },
  };
}

function selectExpenses(db: RequestContext['db'], ctx: Pick<RequestContext, 'user'>) {
  return db
    .selectFrom('expenses as t')
    .innerJoin('grantee_reports as r', 'r.id', 't.grantee_report_id')
    .innerJoin('fellowships as f', 'f.id', 'r.fellowship_id')
    .leftJoin('attachments as att', 'att.id', 't.receipt_attachment_id')
    .selectAll('t')
    .select(['r.fellowship_id', 'r.status as report_status', 'r.kind as report_kind', 'f.cohort_id', 'att.filename as receipt_filename'])
    .where('t.grantee_report_id', 'in', visibleGranteeReportIds(db, ctx.user ?? null));
}

export function registerGranteeReportRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'grantee-reports',
    table: 'grantee_reports',
    tag: TAG,
    select: selectGranteeReports,
    fields: {
      id: { column: 't.id', type: 'int' },
      fellowship_id: { column: 't.fellowship_id', type: 'int' },
      cohort_id: { column: 'f.cohort_id', type: 'int' },
      organisation_id: { column: 'f.organisation_id', type: 'int' },
      organisation_name: { column: 'o.name', type: 'text' },
      kind: { column: 't.kind', type: GRANTEE_REPORT_KINDS },
      status: { column: 't.status', type: GRANTEE_REPORT_STATUSES },
      period_start: { column: 't.period_start', type: 'date' },
      period_end: { column: 't.period_end', type: 'date' },
      due_on: { column: 't.due_on', type: 'date' },
      submitted_at: { column: 't.submitted_at', type: 'datetime' },
      reviewed_at: { column: 't.reviewed_at', type: 'datetime' },
      created_at: { column: 't.created_at', type: 'datetime' },
      updated_at: { column: 't.updated_at', type: 'datetime' },
    },
    customFilters: {
      /** Open (requested or returned) and past the due date (Europe/Berlin). */
      overdue: (qb, value) => {
        if (value !== true && value !== 'true' && value !== false && value !== 'false') {
          throw badRequest('overdue: true oder false.', { overdue: 'ungültiger Wert' }, 'invalid_filter');
        }
        if (value === false || value === 'false') return qb;
        return qb.where('t.status', 'in', ['requested', 'returned']).where(sql<boolean>`t.due_on < (now() at time zone 'Europe/Berlin')::date`);
      },
    },
    defaultSort: ['due_on', 'ASC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], create: STAFF, update: ['admin', 'staff', 'applicant'], delete: STAFF },
    createSchema: granteeReportCreateSchema,
    updateSchema: granteeReportUpdateSchema,
    beforeCreate: prepareReportCreate,
    beforeUpdate: prepareReportUpdate,
    beforeDelete: assertReportDeletable,
    afterWrite: async (ctx, action, record, trx) => {
      if (action === 'create') await queueRequestLetter(ctx, record, trx);
    },
    present: presentGranteeReport,
  });

  api.add({
    method: 'post', path: '/grantee-reports/:id/submit', tag: TAG, access: ['applicant'],
    summary: 'Submit a requested or returned report (needs achievements; a final report at least one expense); the organisation gets a receipt',
    handler: async (ctx, _req, _res, { id }) => presentGranteeReport(await submitReport(ctx, id)),
  });
  api.add({
    method: 'post', path: '/grantee-reports/:id/accept', tag: TAG, access: STAFF, body: acceptReportSchema, optionalBody: true,
    summary: 'Accept a submitted report {note?}; the note is required when a category is over its limit (409 over_limit naming them)',
    handler: async (ctx, _req, _res, { id, body }) => presentGranteeReport(await acceptReport(ctx, id, body?.note)),
  });
  api.add({
    method: 'post', path: '/grantee-reports/:id/return', tag: TAG, access: STAFF, body: returnReportSchema,
    summary: 'Return a submitted report for rework {note} (kept in the history); the organisation is told what to improve',
    handler: async (ctx, _req, _res, { id, body }) => presentGranteeReport(await returnReport(ctx, id, body.note)),
  });

  registerResource(api, {
    name: 'expenses',
    table: 'expenses',
    tag: TAG,
    select: selectExpenses,
    fields: {
      id: { column: 't.id', type: 'int' },
      grantee_report_id: { column: 't.grantee_report_id', type: 'int' },
      fellowship_id: { column: 'r.fellowship_id', type: 'int' },
      cohort_id: { column: 'f.cohort_id', type: 'int' },
      receipt_attachment_id: { column: 't.receipt_attachment_id', type: 'int' },
      category: { column: 't.category', type: BUDGET_CATEGORIES },
      spent_on: { column: 't.spent_on', type: 'date' },
      payee: { column: 't.payee', type: 'text' },
      amount_cents: { column: 't.amount_cents', type: 'int' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    defaultSort: ['spent_on', 'ASC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], create: ['applicant'], update: ['applicant'], delete: ['applicant'] },
    createSchema: expenseSchema,
    updateSchema: expenseUpdateSchema,
    beforeCreate: prepareExpenseCreate,
    beforeUpdate: prepareExpenseUpdate,
    beforeDelete: assertExpenseDeletable,
    present: (record) => ({ ...record, amount_cents: Number(record.amount_cents) }),
  });
}
