import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database, ReminderEvent } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** One reminder that could go out: the pending record, its recipient and the facts of the letter. */
export interface DueReminder {
  record_id: number;
  user_id: number;
  email: string;
  name: string;
  locale: 'de' | 'en';
  organisation_id: number | null;
  /** The due day in Europe/Berlin, `YYYY-MM-DD`. */
  due_day: string;
  title: string;
  /** report_due only: the facts of the grant report's own letter. */
  report?: { kind: 'interim' | 'final'; organisation_name: string; project_name: string | null; period_start: string; period_end: string; returned: boolean };
}

interface Window {
  /** Due days from … to (inclusive, `YYYY-MM-DD`). */
  from: string;
  to: string;
  /** Re-read one record, locking it (SKIP LOCKED: one being changed right now waits for the next run). */
  recordId?: number;
}

const day = (column: RawBuilder<unknown>) => sql`to_char((${column} AT TIME ZONE 'Europe/Berlin')::date, 'YYYY-MM-DD')`;
const only = (column: string, w: Window) => (w.recordId === undefined ? sql`` : sql`AND ${sql.ref(column)} = ${w.recordId}`);
const lock = (alias: string, w: Window) => (w.recordId === undefined ? sql`` : sql`FOR UPDATE OF ${sql.raw(alias)} SKIP LOCKED`);

// Active applicant logins of an organisation: whom a letter about its application, report, milestone goes to.
const APPLICANTS = sql`JOIN users u ON u.organisation_id = o.id AND u.role = 'applicant' AND u.active`;

/**
 * One query per event: the records still pending whose due day lies in the window, with each
 * recipient. "Pending" is what makes the reminder pointless once gone: a draft application (not
 * submitted), an assigned review (not submitted), an open milestone (not achieved or missed), a
 * requested or returned report (not submitted or accepted), a workshop not started yet, a planned
 * or approved tranche (not paid or cancelled).
 */
const EVENT_QUERIES: Record<ReminderEvent, (w: Window) => RawBuilder<DueReminder>> = {
  application_deadline: (w) => sql<DueReminder>`
    SELECT a.id AS record_id, u.id AS user_id, u.email, u.name, u.locale, o.id AS organisation_id,
           ${day(sql`c.application_closes_at`)} AS due_day, c.name AS title
      FROM applications a JOIN cohorts c ON c.id = a.cohort_id JOIN organisations o ON o.id = a.organisation_id ${APPLICANTS}
     WHERE a.status = 'draft' AND (c.application_closes_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN ${w.from}::date AND ${w.to}::date ${only('a.id', w)}
     ORDER BY a.id, u.id ${lock('a', w)}`,
  review_due: (w) => sql<DueReminder>`
    SELECT r.id AS record_id, u.id AS user_id, u.email, u.name, u.locale, NULL::integer AS organisation_id,
           ${day(sql`c.review_due_at`)} AS due_day, coalesce(a.project_name, o.name) AS title
      FROM reviews r JOIN applications a ON a.id = r.application_id JOIN cohorts c ON c.id = a.cohort_id
      JOIN organisations o ON o.id = a.organisation_id JOIN users u ON u.id = r.juror_id AND u.active
     WHERE r.status = 'assigned' AND (c.review_due_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN ${w.from}::date AND ${w.to}::date ${only('r.id', w)}
     ORDER BY r.id ${lock('r', w)}`,
  milestone_due: (w) => sql<DueReminder>`
    SELECT m.id AS record_id, u.id AS user_id, u.email, u.name, u.locale, o.id AS organisation_id,
           to_char(m.due_on, 'YYYY-MM-DD') AS due_day, m.title
      FROM milestones m JOIN fellowships f ON f.id = m.fellowship_id AND f.status = 'active' JOIN organisations o ON o.id = f.organisation_id ${APPLICANTS}
     WHERE m.status = 'open' AND m.due_on BETWEEN ${w.from}::date AND ${w.to}::date ${only('m.id', w)}
     ORDER BY m.id, u.id ${lock('m', w)}`,
  report_due: (w) => sql<DueReminder>`
    SELECT g.id AS record_id, u.id AS user_id, u.email, u.name, u.locale, o.id AS organisation_id,
           to_char(g.due_on, 'YYYY-MM-DD') AS due_day, o.name AS title,
           json_build_object('kind', g.kind, 'organisation_name', o.name, 'project_name', a.project_name,
                             'period_start', to_char(g.period_start, 'YYYY-MM-DD'), 'period_end', to_char(g.period_end, 'YYYY-MM-DD'),
                             'returned', g.status = 'returned') AS report
      FROM grantee_reports g JOIN fellowships f ON f.id = g.fellowship_id JOIN applications a ON a.id = f.application_id
      JOIN organisations o ON o.id = f.organisation_id ${APPLICANTS}
     WHERE g.status IN ('requested', 'returned') AND g.due_on BETWEEN ${w.from}::date AND ${w.to}::date ${only('g.id', w)}
     ORDER BY g.id, u.id ${lock('g', w)}`,
  workshop_start: (w) => sql<DueReminder>`
    SELECT DISTINCT ON (ws.id, u.id) ws.id AS record_id, u.id AS user_id, u.email, u.name, u.locale, o.id AS organisation_id,
           ${day(sql`ws.starts_at`)} AS due_day, ws.title
      FROM workshops ws JOIN fellowships f ON f.cohort_id = ws.cohort_id AND f.status = 'active' JOIN organisations o ON o.id = f.organisation_id ${APPLICANTS}
     WHERE ws.starts_at > now() AND (ws.starts_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN ${w.from}::date AND ${w.to}::date ${only('ws.id', w)}
     ORDER BY ws.id, u.id`,
  // Staff pay the tranches: they are reminded, the fellow is not.
  tranche_due: (w) => sql<DueReminder>`
    SELECT d.id AS record_id, u.id AS user_id, u.email, u.name, u.locale, o.id AS organisation_id,
           to_char(d.due_on, 'YYYY-MM-DD') AS due_day, o.name || ': ' || d.label AS title
      FROM disbursements d JOIN fellowships f ON f.id = d.fellowship_id JOIN organisations o ON o.id = f.organisation_id
      JOIN users u ON u.role = 'staff' AND u.active
     WHERE d.status IN ('planned', 'approved') AND d.due_on BETWEEN ${w.from}::date AND ${w.to}::date ${only('d.id', w)}
     ORDER BY d.id, u.id ${lock('d', w)}`,
};

/** The pending records of an event due between two days, with their recipients. */
export async function dueReminders(db: Q, event: ReminderEvent, window: Window): Promise<DueReminder[]> {
  return (await EVENT_QUERIES[event](window).execute(db)).rows;
}

export async function activeRules(db: Q) {
  return db.selectFrom('reminder_rules').selectAll().where('active', '=', true).orderBy('event').orderBy('offset_days', 'desc').execute();
}

/** Claims (rule, record, recipient): true only for the one caller whose insert created the row. */
export async function claimDelivery(trx: Transaction<Database>, ruleId: number, recordId: number, userId: number): Promise<string | null> {
  const row = await trx
    .insertInto('reminder_deliveries')
    .values({ rule_id: ruleId, record_id: recordId, user_id: userId })
    .onConflict((oc) => oc.columns(['rule_id', 'record_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function linkEmail(trx: Transaction<Database>, deliveryId: string, emailId: number | null) {
  await trx.updateTable('reminder_deliveries').set({ email_id: emailId }).where('id', '=', deliveryId).execute();
}
