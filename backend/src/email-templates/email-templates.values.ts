import { consoleLink } from '../shared/links.ts';
import { date, dateTime, money, type Locale } from '../shared/format.ts';
import { label } from '../shared/labels.ts';
import type { MergeValues } from './email-templates.render.ts';

/**
 * The merge values of each kind of message, formatted in the recipient's language. The senders and
 * the preview on a real record both build their values here, so a preview shows what would be sent.
 */

/** What the outbox and every copy of it show in place of a token (see auth/account-emails.ts). */
export const TOKEN_MASK = '••••••••';

export function accountValues(publicUrl: string, user: { name: string }, validMinutes: number): MergeValues {
  return {
    name: user.name,
    confirm_link: `${consoleLink(publicUrl, 'register/confirm')}?token=${TOKEN_MASK}`,
    reset_link: `${consoleLink(publicUrl, 'password-reset/confirm')}?token=${TOKEN_MASK}`,
    valid_minutes: validMinutes,
    login_link: consoleLink(publicUrl, 'login'),
    password_reset_link: consoleLink(publicUrl, 'password-reset'),
  };
}

export function applicationValues(
  f: { organisation_name: string; project_name: string | null; cohort_name: string; submitted_at: Date | string | null; application_id: number; public_url: string },
  locale: Locale,
): MergeValues {
  return {
    organisation_name: f.organisation_name,
    project_name: f.project_name ?? '',
    cohort_name: f.cohort_name,
    submitted_at: f.submitted_at ? dateTime(f.submitted_at, locale) : '',
    application_id: f.application_id,
    application_link: consoleLink(f.public_url, 'application'),
  };
}

export interface LetterFacts {
  organisation_name: string;
  project_name: string | null;
  cohort_name: string;
  seats: number;
  selected_count: number;
  grant_cents: number;
  reason: string | null;
  waitlist_position: number | null;
  public_url: string;
}

/** The decision letters' values; the portal route is the applicant's home for a selected one. */
export function letterValues(d: LetterFacts, locale: Locale, portalRoute: string): MergeValues {
  return {
    organisation_name: d.organisation_name,
    project_name: d.project_name ?? '',
    cohort_name: d.cohort_name,
    programme: /opentransfer/i.test(d.cohort_name) ? d.cohort_name : `openTransfer Accelerator (${d.cohort_name})`,
    seats: d.seats,
    selected_count: d.selected_count,
    several_selected: d.selected_count > 1 ? 'ja' : '',
    grant: money(d.grant_cents, locale),
    reason: d.reason ?? '',
    waitlist_position: d.waitlist_position ?? '–',
    portal_link: consoleLink(d.public_url, portalRoute),
  };
}

export interface ReportFacts {
  report_id: number;
  kind: 'interim' | 'final';
  organisation_name: string;
  period_start: string;
  period_end: string;
  due_on: string;
  public_url: string;
}

/** The report's kind is its label ("Zwischenbericht", "Interim report"), as the console shows it. */
export function reportValues(f: ReportFacts, locale: Locale, route = `grantee-reports/${f.report_id}/show`): MergeValues {
  return {
    organisation_name: f.organisation_name,
    report_kind: label('grantee_report_kind', f.kind, locale),
    period: `${date(f.period_start, locale)} – ${date(f.period_end, locale)}`,
    due_on: date(f.due_on, locale),
    report_link: consoleLink(f.public_url, route),
  };
}

/** A reminder: `daysLeft` before the due date, negative when overdue. */
export function reminderValues(f: ReportFacts & { project_name: string | null; returned: boolean }, locale: Locale, daysLeft: number): MergeValues {
  return {
    ...reportValues(f, locale, `grantee-reports/${f.report_id}`),
    project_name: f.project_name ?? '',
    days_left: daysLeft,
    one_day_left: daysLeft === 1 ? 'ja' : '',
    overdue: daysLeft < 0 ? 'ja' : '',
    returned: f.returned ? 'ja' : '',
  };
}

/** Free text quoted line by line, as a reply would quote it. */
export const quoted = (text: string | null | undefined) => (text ? text.split('\n').map((line) => `> ${line}`).join('\n') : '');

export function contactPeople(people: Array<{ first_name: string; last_name: string; role_title: string | null; email: string | null; phone: string | null }>): string {
  return people
    .map((p) => `- ${p.first_name} ${p.last_name}${p.role_title ? ` (${p.role_title})` : ''}${p.email ? `, ${p.email}` : ''}${p.phone ? `, ${p.phone}` : ''}`)
    .join('\n');
}

/** The follow-up request 12 or 24 months after the year; the link opens the fellowship's impact. */
export function followUpValues(
  publicUrl: string,
  f: { id: number; organisation_name: string; cohort_name: string; project_name: string | null },
  months: number,
): MergeValues {
  return {
    organisation_name: f.organisation_name,
    cohort_name: f.cohort_name,
    project_name: f.project_name ?? '',
    months,
    impact_link: consoleLink(publicUrl, 'my-programme', { fellowship_id: String(f.id) }),
  };
}

/** A tranche paid out: its label, amount and day in the recipient's language. */
export function trancheValues(
  publicUrl: string,
  t: { organisation_name: string; label: string; amount_cents: number; paid_at: Date | string | null; payment_reference: string | null },
  locale: Locale,
): MergeValues {
  return {
    organisation_name: t.organisation_name,
    tranche_label: t.label,
    amount: money(t.amount_cents, locale),
    paid_on: t.paid_at ? date(t.paid_at, locale) : '',
    payment_reference: t.payment_reference ?? '',
    tranches_link: consoleLink(publicUrl, 'disbursements'),
  };
}
