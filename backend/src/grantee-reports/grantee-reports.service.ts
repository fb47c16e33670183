import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isStaff, type RequestContext } from '../http/context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import type { Existing, NewRow, Patch } from '../http/resource.ts';
import { changedFields } from '../http/resource.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { letterAddress } from '../emails/recipients.ts';
import { composeEmail, reportValues } from '../email-templates/index.ts';
import { label } from '../shared/labels.ts';
import { date, money } from '../shared/format.ts';
import { programmeYear } from './index.ts';
import { isReportEditable, lockReport, overLimitCategories, selectGranteeReports, shareReport } from './grantee-reports.queries.ts';
import type { ExpenseInput, ExpenseUpdateInput, GranteeReportCreateInput, GranteeReportUpdateInput } from './grantee-reports.schema.ts';

type Trx = Transaction<Database>;
type Report = Existing<'grantee_reports'>;

const notEditable = () => conflict('Der Bericht ist eingereicht oder angenommen und kann nicht mehr geändert werden.', 'wrong_state');

function assertPeriod(start: string, end: string, due: string) {
  if (end < start) throw badRequest('Das Ende des Berichtszeitraums liegt vor seinem Beginn.', { period_end: 'Nach dem Beginn des Zeitraums.' });
  if (due < start) throw badRequest('Die Frist liegt vor dem Berichtszeitraum.', { due_on: 'Nicht vor dem Beginn des Zeitraums.' });
}

/** Staff request a report; period and due date default from the cohort's programme year. */
export async function prepareReportCreate(ctx: RequestContext, input: GranteeReportCreateInput, trx: Trx): Promise<NewRow<'grantee_reports'>> {
  const fellowship = await trx
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .select(['f.id', 'f.status', 'c.application_closes_at', 'c.selection_finalized_at'])
    .where('f.id', '=', input.fellowship_id)
    .forUpdate(['f'])
    .executeTakeFirst();
  if (!fellowship) throw badRequest('Diese Förderung gibt es nicht.', { fellowship_id: 'Unbekannte Förderung.' });
  const defaults = programmeYear(fellowship)[input.kind];
  const values = {
    period_start: input.period_start ?? defaults.period_start,
    period_end: input.period_end ?? defaults.period_end,
    due_on: input.due_on ?? defaults.due_on,
  };
  assertPeriod(values.period_start, values.period_end, values.due_on);
  if (input.kind === 'final') {
    const final = await trx.selectFrom('grantee_reports').select('id').where('fellowship_id', '=', fellowship.id).where('kind', '=', 'final').executeTakeFirst();
    if (final) throw conflict('Für diese Förderung ist bereits ein Schlussbericht angefordert.', 'final_exists', { kind: 'Schlussbericht gibt es schon.' });
  }
  return { fellowship_id: fellowship.id, kind: input.kind, ...values, status: 'requested', requested_by: ctx.user!.id };
}

/**
 * The fellow writes the three texts while the report is requested or returned; staff set the
 * period and the due date until the report is accepted. Unchanged keys (the console sends the
 * whole record) are no change.
 */
export async function prepareReportUpdate(ctx: RequestContext, input: GranteeReportUpdateInput, existing: Report, trx: Trx): Promise<Patch<'grantee_reports'>> {
  const patch = changedFields(input, existing);
  if (!Object.keys(patch).length) return patch;
  const texts = ['achievements', 'challenges', 'next_steps'] as const;
  const dates = ['period_start', 'period_end', 'due_on'] as const;
  if (isStaff(ctx.user)) {
    const refused = texts.filter((k) => k in patch);
    if (refused.length) throw badRequest('Den Sachbericht schreibt die geförderte Organisation.', Object.fromEntries(refused.map((k) => [k, 'Nur die Organisation.'])));
    if (existing.status === 'accepted') throw conflict('Ein angenommener Bericht bleibt, wie er ist.', 'wrong_state');
  } else {
    const refused = dates.filter((k) => k in patch);
    if (refused.length) throw badRequest('Zeitraum und Frist legt das Programmteam fest.', Object.fromEntries(refused.map((k) => [k, 'Nur das Programmteam.'])));
    if (!isReportEditable(existing.status)) throw notEditable();
  }
  assertPeriod(patch.period_start ?? existing.period_start, patch.period_end ?? existing.period_end, patch.due_on ?? existing.due_on);
  if (patch.period_start !== undefined || patch.period_end !== undefined) {
    const outside = await trx.selectFrom('expenses').select('id')
      .where('grantee_report_id', '=', existing.id)
      .where((eb) => eb.or([eb('spent_on', '<', patch.period_start ?? existing.period_start), eb('spent_on', '>', patch.period_end ?? existing.period_end)]))
      .executeTakeFirst();
    if (outside) throw conflict('Es gibt Ausgaben außerhalb des neuen Zeitraums.', 'expenses_outside', { period_start: 'Ausgaben liegen außerhalb.' });
  }
  return patch;
}

/** A report is removed only while nothing hangs on it: still requested, no tranche tied to it. */
export async function assertReportDeletable(_ctx: RequestContext, existing: Report, trx: Trx) {
  if (existing.status !== 'requested') throw conflict('Nur angeforderte, noch nicht eingereichte Berichte können gelöscht werden.', 'wrong_state');
  const tranche = await trx.selectFrom('disbursements').select('id').where('grantee_report_id', '=', existing.id).executeTakeFirst();
  if (tranche) throw conflict('An diesem Bericht hängt eine Tranche; bitte zuerst die Tranche lösen.', 'tranche_linked');
}

async function letterFacts(trx: Trx, ctx: RequestContext, report: Report) {
  const f = await trx.selectFrom('fellowships as f').innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select(['f.organisation_id', 'o.name']).where('f.id', '=', report.fellowship_id).executeTakeFirstOrThrow();
  const address = await letterAddress(trx, f.organisation_id);
  const locale = address?.locale ?? 'de';
  return {
    organisationId: f.organisation_id,
    to: address?.email ?? null,
    locale,
    values: reportValues({
      report_id: report.id, kind: report.kind, organisation_name: f.name, period_start: String(report.period_start), period_end: String(report.period_end),
      due_on: String(report.due_on), public_url: ctx.config.PUBLIC_URL,
    }, locale),
  };
}

/** After a request (create): the organisation learns what is due when. */
export async function queueRequestLetter(ctx: RequestContext, report: Report, trx: Trx) {
  const { to, locale, values, organisationId } = await letterFacts(trx, ctx, report);
  if (to) await queueEmail(trx, { to, ...(await composeEmail(trx, 'report_requested', locale, values)), organisation_id: organisationId, dedupe_key: `grantee-report:${report.id}:requested` });
}

/**
 * One state change of a report: visible to the caller (else 404), row-locked, checked, written,
 * audited, and the organisation's letter queued — all in one transaction. A second identical
 * call finds the new state and answers 409, so nothing happens twice.
 */
async function transition(
  ctx: RequestContext,
  id: number,
  action: 'submit' | 'accept' | 'return',
  change: (trx: Trx, report: Report) => Promise<Patch<'grantee_reports'>>,
  after: (trx: Trx, updated: Report) => Promise<void>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const visible = await selectGranteeReports(trx, ctx).clearSelect().select('t.id').where('t.id', '=', id).executeTakeFirst();
    if (!visible) throw notFound('Bericht nicht gefunden.');
    const report = (await lockReport(trx, id))!;
    const patch = await change(trx, report);
    const updated = await trx.updateTable('grantee_reports').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, action, 'grantee-reports', id, report, updated);
    await after(trx, updated);
    return selectGranteeReports(trx, ctx).where('t.id', '=', id).executeTakeFirstOrThrow();
  });
}

/** The fellow hands the report in: achievements written, and a final report with its expenses. */
export function submitReport(ctx: RequestContext, id: number) {
  return transition(ctx, id, 'submit', async (trx, report) => {
    if (!isReportEditable(report.status)) {
      throw conflict(report.status === 'submitted' ? 'Der Bericht ist bereits eingereicht.' : 'Der Bericht ist angenommen.', 'wrong_state');
    }
    const errors: Record<string, string> = {};
    if (!report.achievements?.trim()) errors.achievements = 'Bitte beschreiben, was erreicht wurde.';
    if (report.kind === 'final') {
      const expense = await trx.selectFrom('expenses').select('id').where('grantee_report_id', '=', id).executeTakeFirst();
      if (!expense) errors.expenses = 'Der Schlussbericht braucht mindestens eine Ausgabe.';
    }
    if (Object.keys(errors).length) throw badRequest('Der Bericht ist noch nicht vollständig.', errors, 'incomplete');
    return { status: 'submitted', submitted_at: new Date(), submitted_by: ctx.user!.id };
  }, async (trx, updated) => {
    const { to, locale, values, organisationId } = await letterFacts(trx, ctx, updated);
    const total = await trx.selectFrom('expenses').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('n')).where('grantee_report_id', '=', id).executeTakeFirstOrThrow();
    if (to) {
      await queueEmail(trx, {
        to, ...(await composeEmail(trx, 'report_submitted', locale, { ...values, total: money(Number(total.n), locale) })), organisation_id: organisationId,
        dedupe_key: `grantee-report:${id}:submitted:${new Date(updated.submitted_at!).toISOString()}`,
      });
    }
  });
}

const assertSubmitted = (report: Report) => {
  if (report.status === 'submitted') return;
  const why = report.status === 'accepted' ? 'Der Bericht ist bereits angenommen.' : report.status === 'returned' ? 'Der Bericht ist zur Überarbeitung zurückgegeben.' : 'Der Bericht ist noch nicht eingereicht.';
  throw conflict(why, 'wrong_state');
};

async function recordReview(trx: Trx, ctx: RequestContext, report: Report, outcome: 'accepted' | 'returned', note: string | null) {
  const at = new Date();
  await trx.insertInto('grantee_report_reviews').values({ grantee_report_id: report.id, outcome, note, reviewed_by: ctx.user!.id, reviewed_at: at }).execute();
  return { status: outcome, reviewed_by: ctx.user!.id, reviewed_at: at, review_note: note };
}

/**
 * Staff accept a submitted report. A category over its limit (actual > plan + 20 %) needs a note
 * saying why it is accepted anyway (the agreement allows 20 % only when saved elsewhere).
 */
export function acceptReport(ctx: RequestContext, id: number, note: string | null | undefined) {
  return transition(ctx, id, 'accept', async (trx, report) => {
    assertSubmitted(report);
    const over = await overLimitCategories(trx, id);
    if (over.length && !note) {
      const names = over.map((c) => label('budget_category', c)).join(', ');
      throw conflict(
        `Über dem Limit (Plan + 20 %): ${names}. Eine Annahme braucht eine Begründung.`,
        'over_limit',
        { note: `Bitte begründen (über dem Limit: ${names}).` },
      );
    }
    return recordReview(trx, ctx, report, 'accepted', note ?? null);
  }, async (trx, updated) => {
    const { to, locale, values, organisationId } = await letterFacts(trx, ctx, updated);
    if (to) {
      const letter = await composeEmail(trx, 'report_accepted', locale, { ...values, note: updated.review_note });
      await queueEmail(trx, { to, ...letter, organisation_id: organisationId, dedupe_key: `grantee-report:${id}:accepted` });
    }
  });
}

/** Staff return a submitted report with a note; the fellow edits it and submits again. */
export function returnReport(ctx: RequestContext, id: number, note: string) {
  return transition(ctx, id, 'return', async (trx, report) => {
    assertSubmitted(report);
    return recordReview(trx, ctx, report, 'returned', note);
  }, async (trx, updated) => {
    const { to, locale, values, organisationId } = await letterFacts(trx, ctx, updated);
    if (to) {
      await queueEmail(trx, {
        to, ...(await composeEmail(trx, 'report_returned', locale, { ...values, note })), organisation_id: organisationId,
        dedupe_key: `grantee-report:${id}:returned:${new Date(updated.reviewed_at!).toISOString()}`,
      });
    }
  });
}

/** The report of an expense, share-locked and visible to the caller; the fellow writes only while it is open. */
async function openReport(ctx: RequestContext, trx: Trx, reportId: number) {
  const visible = await selectGranteeReports(trx, ctx).clearSelect().select('t.id').where('t.id', '=', reportId).executeTakeFirst();
  if (!visible) throw notFound('Bericht nicht gefunden.');
  const report = (await shareReport(trx, reportId))!;
  if (!isReportEditable(report.status)) throw notEditable();
  return report;
}

function assertSpentInPeriod(report: Report, spentOn: string) {
  if (spentOn < report.period_start || spentOn > report.period_end) {
    const period = `${date(report.period_start)} – ${date(report.period_end)}`;
    throw badRequest(`Die Ausgabe liegt außerhalb des Berichtszeitraums (${period}).`, { spent_on: `Im Zeitraum ${period}.` });
  }
}

async function assertReceipt(trx: Trx, report: Report, attachmentId: number | null | undefined) {
  if (attachmentId == null) return;
  const receipt = await trx.selectFrom('attachments').select('id').where('id', '=', attachmentId).where('grantee_report_id', '=', report.id).executeTakeFirst();
  if (!receipt) throw badRequest('Der Beleg gehört nicht zu diesem Bericht.', { receipt_attachment_id: 'Bitte einen Beleg dieses Berichts hochladen.' });
}

export async function prepareExpenseCreate(ctx: RequestContext, input: ExpenseInput, trx: Trx): Promise<NewRow<'expenses'>> {
  const report = await openReport(ctx, trx, input.grantee_report_id);
  assertSpentInPeriod(report, input.spent_on);
  await assertReceipt(trx, report, input.receipt_attachment_id);
  return { ...input, receipt_attachment_id: input.receipt_attachment_id ?? null };
}

export async function prepareExpenseUpdate(ctx: RequestContext, input: ExpenseUpdateInput, existing: Existing<'expenses'>, trx: Trx): Promise<Patch<'expenses'>> {
  const patch = changedFields(input, existing);
  if (!Object.keys(patch).length) return patch;
  const report = await openReport(ctx, trx, existing.grantee_report_id);
  if (patch.spent_on !== undefined) assertSpentInPeriod(report, patch.spent_on);
  if (patch.receipt_attachment_id !== undefined) await assertReceipt(trx, report, patch.receipt_attachment_id);
  return patch;
}

export async function assertExpenseDeletable(ctx: RequestContext, existing: Existing<'expenses'>, trx: Trx) {
  await openReport(ctx, trx, existing.grantee_report_id);
}
