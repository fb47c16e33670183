import type { Db } from '../db/database.ts';
import type { AppContext, BackgroundJob } from '../http/context.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { letterAddress } from '../emails/recipients.ts';
import { composeEmail, reminderValues } from '../email-templates/index.ts';
import { berlinDay } from '../shared/format.ts';

/**
 * Reminders of due grantee reports (issue 19), kept in this one module so that the general
 * reminder engine (issue 21) can replace it whole: the organisation of a fellowship gets a letter
 * 14 days and 3 days before a report is due and on the first day it is overdue, once each.
 *
 * - Only reports the fellow still has to hand in (`requested`, `returned`); a submitted or accepted
 *   report is never reminded of.
 * - "Once each" is the outbox's `dedupe_key` (`grantee-report-reminder:<report>:<step>`): a second
 *   run, a second app instance or a crash between runs queues nothing twice.
 * - A step missed (the job did not run that day) is sent late, but only the most urgent step that
 *   applies: a report requested 5 days before its due date gets the 3-day letter on day 3, not a
 *   14-day letter on top.
 * - Days count in Europe/Berlin; overdue means the due date has passed (today > due_on).
 */
export type ReminderStep = 'due_14' | 'due_3' | 'overdue';

/** The step that applies `daysLeft` days before the due date (negative: overdue), or null. */
function reminderStep(daysLeft: number): ReminderStep | null {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 3) return 'due_3';
  if (daysLeft <= 14) return 'due_14';
  return null;
}

export const reminderKey = (reportId: number, step: ReminderStep) => `grantee-report-reminder:${reportId}:${step}`;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Queues the reminders due at `now`; returns the ids of the messages queued. Each report is
 * handled in its own short transaction that re-reads it under a row lock (SKIP LOCKED: a report
 * being submitted right now is left to the next run), so a report submitted meanwhile gets none.
 */
export async function queueReportReminders(db: Db, publicUrl: string, now = new Date()): Promise<number[]> {
  const today = berlinDay(now);
  const candidates = await db
    .selectFrom('grantee_reports')
    .select(['id', 'due_on'])
    .where('status', 'in', ['requested', 'returned'])
    .where('due_on', '<=', addDays(today, 14))
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  const queued: number[] = [];
  for (const candidate of candidates) {
    const id = await db.transaction().execute(async (trx) => {
      const report = await trx
        .selectFrom('grantee_reports as r')
        .innerJoin('fellowships as f', 'f.id', 'r.fellowship_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .innerJoin('applications as a', 'a.id', 'f.application_id')
        .select(['r.id', 'r.kind', 'r.status', 'r.period_start', 'r.period_end', 'r.due_on', 'f.organisation_id', 'o.name as organisation_name', 'a.project_name'])
        .where('r.id', '=', candidate.id)
        .where('r.status', 'in', ['requested', 'returned'])
        .forUpdate('r')
        .skipLocked()
        .executeTakeFirst();
      if (!report) return null;
      const daysLeft = Math.round((Date.parse(`${String(report.due_on)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
      const step = reminderStep(daysLeft);
      if (!step) return null;
      const address = await letterAddress(trx, report.organisation_id);
      if (!address) return null;
      const letter = await composeEmail(trx, 'reminder', address.locale, reminderValues({
        report_id: report.id, kind: report.kind, organisation_name: report.organisation_name, project_name: report.project_name,
        period_start: String(report.period_start), period_end: String(report.period_end), due_on: String(report.due_on),
        returned: report.status === 'returned', public_url: publicUrl,
      }, address.locale, daysLeft));
      return queueEmail(trx, { to: address.email, ...letter, organisation_id: report.organisation_id, dedupe_key: reminderKey(report.id, step) });
    });
    if (id) queued.push(id);
  }
  return queued;
}

export const reportReminderJob: BackgroundJob = {
  name: 'grantee-report-reminders',
  // Hourly: the dedupe keys make every run after the first of a day a no-op.
  intervalMs: 60 * 60_000,
  run: async (ctx: AppContext) => {
    const queued = await queueReportReminders(ctx.db, ctx.config.PUBLIC_URL);
    if (queued.length) ctx.logger.info({ queued: queued.length }, 'grantee report reminders queued');
  },
};

