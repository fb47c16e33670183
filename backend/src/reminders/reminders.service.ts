import type { Db } from '../db/database.ts';
import type { ReminderEvent } from '../db/schema.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { composeEmail, reminderValues, type EmailTemplateKey } from '../email-templates/index.ts';
import type { MergeValues } from '../email-templates/email-templates.render.ts';
import { berlinDay, date, type Locale } from '../shared/format.ts';
import { consoleLink } from '../shared/links.ts';
import { activeRules, claimDelivery, dueReminders, linkEmail, type DueReminder } from './reminders.queries.ts';

/**
 * The reminder engine (issue 21): for every active rule, the pending records whose due day plus the
 * rule's offset has come, a letter per recipient in the recipient's language, once.
 *
 * - The window: a rule fires from its day (due day + offset_days, Europe/Berlin) for WINDOW_DAYS
 *   days. A run missed on that day catches up within the window; a record whose day lies further
 *   back gets nothing, so switching a rule on (or creating one) never mails about old records.
 * - Per record and recipient only the most urgent rule of the event that applies is sent (the one
 *   with the greatest offset): a report requested 5 days before it is due gets the 3-day letter, not
 *   the 14-day one as well.
 * - "Once" is the database's: UNIQUE (rule_id, record_id, user_id) on reminder_deliveries. The
 *   delivery row and its message are written in one transaction; a second run or app instance
 *   inserts nothing (it waits for the first's commit on the unique index) and queues nothing.
 * - In that transaction the record is read again under a row lock (SKIP LOCKED): one submitted,
 *   achieved or paid meanwhile is no longer pending and gets nothing.
 */
export const WINDOW_DAYS = 7;

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const EVENT_LABELS: Record<ReminderEvent, Record<Locale, string>> = {
  application_deadline: { de: 'Bewerbungsschluss', en: 'Application deadline' },
  review_due: { de: 'Gutachten fällig', en: 'Review due' },
  milestone_due: { de: 'Meilenstein fällig', en: 'Milestone due' },
  report_due: { de: 'Verwendungsnachweis fällig', en: 'Report due' },
  workshop_start: { de: 'Workshop', en: 'Workshop' },
  tranche_due: { de: 'Tranche fällig', en: 'Tranche due' },
};

const EVENT_ROUTES: Record<ReminderEvent, (recordId: number) => string> = {
  application_deadline: () => 'application',
  review_due: (id) => `reviews/${id}`,
  milestone_due: () => 'my-programme',
  report_due: (id) => `grantee-reports/${id}`,
  workshop_start: () => 'my-programme',
  tranche_due: (id) => `disbursements/${id}/show`,
};

/** The merge values of a reminder `daysLeft` days before its due day (negative: overdue). */
function letterValues(event: ReminderEvent, template: string, due: DueReminder, daysLeft: number, publicUrl: string): MergeValues {
  const locale = due.locale;
  if (template === 'reminder' && due.report) {
    return reminderValues({ report_id: due.record_id, ...due.report, due_on: due.due_day, public_url: publicUrl }, locale, daysLeft);
  }
  return {
    name: due.name,
    event_label: EVENT_LABELS[event][locale],
    title: due.title,
    due_on: date(due.due_day, locale),
    days_left: Math.abs(daysLeft),
    one_day_left: daysLeft === 1 ? 'ja' : '',
    due_today: daysLeft === 0 ? 'ja' : '',
    overdue: daysLeft < 0 ? 'ja' : '',
    link: consoleLink(publicUrl, EVENT_ROUTES[event](due.record_id)),
  };
}

/** Queues the reminders due at `now`; returns the ids of the messages queued. */
export async function runReminders(db: Db, publicUrl: string, now = new Date()): Promise<number[]> {
  const today = berlinDay(now);
  const rules = await activeRules(db);
  const queued: number[] = [];
  for (const event of new Set(rules.map((r) => r.event))) {
    const eventRules = rules.filter((r) => r.event === event); // greatest offset (most urgent) first
    const latest = eventRules[0]!.offset_days;
    const earliest = eventRules[eventRules.length - 1]!.offset_days;
    // due + offset ≤ today < due + offset + WINDOW_DAYS
    const candidates = await dueReminders(db, event, { from: addDays(today, -latest - WINDOW_DAYS + 1), to: addDays(today, -earliest) });
    for (const candidate of candidates) {
      const since = daysBetween(candidate.due_day, today);
      const rule = eventRules.find((r) => r.offset_days <= since && since < r.offset_days + WINDOW_DAYS);
      if (!rule) continue;
      const id = await db.transaction().execute(async (trx) => {
        const again = await dueReminders(trx, event, { from: candidate.due_day, to: candidate.due_day, recordId: candidate.record_id });
        const due = again.find((r) => r.user_id === candidate.user_id);
        if (!due) return null;
        const deliveryId = await claimDelivery(trx, rule.id, due.record_id, due.user_id);
        if (!deliveryId) return null;
        const letter = await composeEmail(trx, rule.template_key as EmailTemplateKey, due.locale, letterValues(event, rule.template_key, due, -since, publicUrl));
        const emailId = await queueEmail(trx, { to: due.email, ...letter, organisation_id: due.organisation_id, dedupe_key: `reminder:${rule.id}:${due.record_id}:${due.user_id}` });
        await linkEmail(trx, deliveryId, emailId);
        return emailId;
      });
      if (id) queued.push(id);
    }
  }
  return queued;
}
