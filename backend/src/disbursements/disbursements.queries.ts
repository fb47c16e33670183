import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isStaff, type RequestContext } from '../http/context.ts';
import type { ExportLine } from './disbursement-files.ts';

type Q = Kysely<Database> | Transaction<Database>;

const DISBURSEMENT_COLUMNS = [
  't.id', 't.fellowship_id', 't.label', 't.amount_cents', 't.due_on', 't.milestone_id', 't.status', 't.created_by',
  't.approved_by', 't.approved_at', 't.paid_at', 't.payment_reference', 't.cancelled_at', 't.export_id', 't.created_at', 't.updated_at',
  't.money_editors', 't.payee_account_holder', 't.payee_iban', 't.payee_bic', 't.bank_changed_at', 't.bank_change_note', 't.grantee_report_id',
] as const;

/**
 * The tranches a caller may see, with what the screens show next to them (organisation, cohort,
 * milestone and its state, who planned and who approved). Staff see all; an applicant sees the
 * tranches of their own organisation's fellowships; nobody else any.
 */
export function selectDisbursements(db: Q, ctx: RequestContext) {
  const qb = db
    .selectFrom('disbursements as t')
    .innerJoin('fellowships as f', 'f.id', 't.fellowship_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .leftJoin('milestones as m', 'm.id', 't.milestone_id')
    .leftJoin('grantee_reports as gr', 'gr.id', 't.grantee_report_id')
    .leftJoin('users as cu', 'cu.id', 't.created_by')
    .leftJoin('users as au', 'au.id', 't.approved_by')
    .select([
      ...DISBURSEMENT_COLUMNS,
      'f.cohort_id', 'f.organisation_id', 'f.agreement_signed_on', 'o.name as organisation_name', 'c.name as cohort_name',
      'm.title as milestone_title', 'm.status as milestone_status', 'gr.kind as grantee_report_kind', 'gr.status as grantee_report_status',
      'gr.due_on as grantee_report_due_on', 'cu.name as created_by_name', 'au.name as approved_by_name',
      // Who an approval would pay today (the approval copies exactly this): the approve dialog shows it.
      sql<string>`coalesce(nullif(o.account_holder, ''), o.name)`.as('current_account_holder'), 'o.iban as current_iban', 'o.bic as current_bic',
    ]);
  if (isStaff(ctx.user)) return qb;
  if (ctx.user?.role === 'applicant') return qb.where('f.organisation_id', '=', ctx.user.organisation_id ?? -1);
  return qb.where(sql<boolean>`false`);
}

/** Locks the fellowship: every change to a fellowship's planned sum queues behind this lock. */
export function lockFellowship(trx: Transaction<Database>, fellowshipId: number) {
  return trx
    .selectFrom('fellowships')
    .select(['id', 'grant_cents', 'status', 'cohort_id', 'organisation_id', 'agreement_signed_on'])
    .where('id', '=', fellowshipId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Share-locks the payee organisation until the approval commits: a concurrent change of its bank
 * details waits, and then finds the tranche approved and resets it (migration 0010). Taken before
 * the tranche's row lock, in the same order as an organisation update (organisation, then its
 * tranches), so the two never deadlock.
 */
export async function sharePayee(trx: Transaction<Database>, organisationId: number): Promise<void> {
  await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).forShare().execute();
}

export function lockDisbursement(trx: Transaction<Database>, id: number) {
  return trx.selectFrom('disbursements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Σ of the fellowship's non-cancelled tranches (optionally without one of them). */
export async function committedCents(trx: Transaction<Database>, fellowshipId: number, exceptId?: number): Promise<number> {
  let qb = trx
    .selectFrom('disbursements')
    .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('sum'))
    .where('fellowship_id', '=', fellowshipId)
    .where('status', '<>', 'cancelled');
  if (exceptId !== undefined) qb = qb.where('id', '<>', exceptId);
  const row = await qb.executeTakeFirstOrThrow();
  return Number(row.sum);
}

/** The milestone, locked against a concurrent status change until the approval commits. */
export function shareMilestone(trx: Transaction<Database>, milestoneId: number) {
  return trx.selectFrom('milestones').select(['id', 'fellowship_id', 'title', 'status']).where('id', '=', milestoneId).forShare().executeTakeFirst();
}

/**
 * The grantee report a tranche is tied to, share-locked until the approval commits: a return or
 * any other change of the report (which takes its row lock) waits, so the report the approval saw
 * accepted is still accepted when the tranche is released.
 */
export function shareGranteeReport(trx: Transaction<Database>, reportId: number) {
  return trx.selectFrom('grantee_reports').select(['id', 'fellowship_id', 'kind', 'status', 'due_on']).where('id', '=', reportId).forShare().executeTakeFirst();
}

export function findMilestone(trx: Transaction<Database>, milestoneId: number) {
  return trx.selectFrom('milestones').select(['id', 'fellowship_id', 'status']).where('id', '=', milestoneId).executeTakeFirst();
}

/**
 * What an export takes: the approved, not yet exported tranches of one cohort (optionally only the
 * chosen ones), in id order. The preview reads this selection; the export runs the very same query
 * with `lock`, which takes the rows in id order (two exports never deadlock). A concurrent export
 * that got there first has set export_id by the time the lock is granted, and PostgreSQL re-checks
 * the condition: those rows drop out, so a tranche is exported only once.
 */
export async function selectExportable(q: Q, filter: ExportFilter, lock: boolean): Promise<number[]> {
  let qb = q
    .selectFrom('disbursements as d')
    .select('d.id')
    .where('d.status', '=', 'approved')
    .where('d.export_id', 'is', null)
    .where('d.fellowship_id', 'in', q.selectFrom('fellowships').select('id').where('cohort_id', '=', filter.cohortId))
    .orderBy('d.id');
  if (filter.ids) qb = qb.where('d.id', 'in', filter.ids);
  if (lock) qb = qb.forUpdate();
  return (await qb.execute()).map((r) => r.id);
}

export interface ExportFilter {
  cohortId: number;
  ids?: number[];
}

/**
 * The lines of an export batch (or, for the preview, of the tranches it would take) with the payee
 * copied onto each tranche at its approval — never the organisation's current bank details, which
 * may have changed since.
 */
export async function exportLines(db: Q, of: { exportId: number } | { ids: number[] }): Promise<ExportLine[]> {
  if ('ids' in of && !of.ids.length) return [];
  const rows = await db
    .selectFrom('disbursements as d')
    .innerJoin('fellowships as f', 'f.id', 'd.fellowship_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .leftJoin('milestones as m', 'm.id', 'd.milestone_id')
    .leftJoin('users as au', 'au.id', 'd.approved_by')
    .select([
      'd.id', 'd.label', 'd.amount_cents', 'd.due_on', 'd.approved_at', 'c.name as cohort_name', 'o.name as organisation_name',
      'd.payee_account_holder as account_holder', 'd.payee_iban as iban', 'd.payee_bic as bic', 'm.title as milestone_title',
      'au.name as approved_by_name',
    ])
    .$if('exportId' in of, (qb) => qb.where('d.export_id', '=', (of as { exportId: number }).exportId))
    .$if('ids' in of, (qb) => qb.where('d.id', 'in', (of as { ids: number[] }).ids))
    .orderBy('o.name')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...r, amount_cents: Number(r.amount_cents), due_on: r.due_on ? String(r.due_on) : null }));
}

export interface FundingRow {
  fellowship_id: number | null;
  organisation_id: number | null;
  organisation_name: string | null;
  fellowship_status: string | null;
  stage: number | null;
  fellowship_count: number;
  granted_cents: number;
  planned_cents: number;
  approved_cents: number;
  paid_cents: number;
  /** Cancelled tranches: outside every other sum, listed so the status sums add up to all tranches. */
  cancelled_cents: number;
  /** Number of tranches per status. */
  tranche_counts: { planned: number; approved: number; paid: number; cancelled: number };
  committed_cents: number;
  unplanned_cents: number;
  open_cents: number;
  to_approve_count: number;
  overdue_count: number;
}

/**
 * Granted / planned / approved / paid per fellowship of a cohort, plus the totals line, in one
 * SQL statement. The one source of these numbers: the console's funding overview, funder.pdf and
 * funding.pdf all print them from here, under the same labels. Every non-cancelled tranche is in exactly one of planned, approved, paid, so
 * planned + approved + paid + unplanned = granted, and open = granted − paid.
 */
export async function fundingOverview(db: Q, cohortId: number): Promise<{ fellowships: FundingRow[]; totals: FundingRow }> {
  const { rows } = await sql<Record<string, unknown>>`
    WITH per_fellowship AS (
      SELECT f.id AS fellowship_id, f.organisation_id, o.name AS organisation_name, f.status AS fellowship_status, f.stage,
             f.grant_cents AS granted_cents,
             coalesce(sum(d.amount_cents) FILTER (WHERE d.status = 'planned'), 0) AS planned_cents,
             coalesce(sum(d.amount_cents) FILTER (WHERE d.status = 'approved'), 0) AS approved_cents,
             coalesce(sum(d.amount_cents) FILTER (WHERE d.status = 'paid'), 0) AS paid_cents,
             coalesce(sum(d.amount_cents) FILTER (WHERE d.status = 'cancelled'), 0) AS cancelled_cents,
             count(d.id) FILTER (WHERE d.status = 'approved') AS approved_count,
             count(d.id) FILTER (WHERE d.status = 'paid') AS paid_count,
             count(d.id) FILTER (WHERE d.status = 'cancelled') AS cancelled_count,
             count(d.id) FILTER (WHERE d.status = 'planned') AS to_approve_count,
             count(d.id) FILTER (WHERE d.status IN ('planned', 'approved') AND d.due_on < (now() AT TIME ZONE 'Europe/Berlin')::date) AS overdue_count
        FROM fellowships f
        JOIN organisations o ON o.id = f.organisation_id
        LEFT JOIN disbursements d ON d.fellowship_id = f.id
       WHERE f.cohort_id = ${cohortId}
       GROUP BY f.id, o.name
    )
    SELECT 0 AS is_total, fellowship_id, organisation_id, organisation_name, fellowship_status, stage, 1 AS fellowship_count,
           granted_cents, planned_cents, approved_cents, paid_cents, cancelled_cents, approved_count, paid_count, cancelled_count,
           to_approve_count, overdue_count
      FROM per_fellowship
    UNION ALL
    SELECT 1, NULL, NULL, NULL, NULL, NULL, count(*), coalesce(sum(granted_cents), 0), coalesce(sum(planned_cents), 0),
           coalesce(sum(approved_cents), 0), coalesce(sum(paid_cents), 0), coalesce(sum(cancelled_cents), 0), coalesce(sum(approved_count), 0),
           coalesce(sum(paid_count), 0), coalesce(sum(cancelled_count), 0), coalesce(sum(to_approve_count), 0), coalesce(sum(overdue_count), 0)
      FROM per_fellowship
    ORDER BY is_total, organisation_name, fellowship_id`.execute(db);

  const toRow = (r: Record<string, unknown>): FundingRow => {
    const n = (k: string) => Number(r[k] ?? 0);
    const granted = n('granted_cents');
    const committed = n('planned_cents') + n('approved_cents') + n('paid_cents');
    return {
      fellowship_id: (r.fellowship_id as number | null) ?? null,
      organisation_id: (r.organisation_id as number | null) ?? null,
      organisation_name: (r.organisation_name as string | null) ?? null,
      fellowship_status: (r.fellowship_status as string | null) ?? null,
      stage: r.stage == null ? null : Number(r.stage),
      fellowship_count: n('fellowship_count'),
      granted_cents: granted,
      planned_cents: n('planned_cents'),
      approved_cents: n('approved_cents'),
      paid_cents: n('paid_cents'),
      cancelled_cents: n('cancelled_cents'),
      tranche_counts: { planned: n('to_approve_count'), approved: n('approved_count'), paid: n('paid_count'), cancelled: n('cancelled_count') },
      committed_cents: committed,
      unplanned_cents: granted - committed,
      open_cents: granted - n('paid_cents'),
      to_approve_count: n('to_approve_count'),
      overdue_count: n('overdue_count'),
    };
  };
  const all = rows.map((r) => ({ total: Number(r.is_total) === 1, row: toRow(r) }));
  return { fellowships: all.filter((r) => !r.total).map((r) => r.row), totals: all.find((r) => r.total)!.row };
}
