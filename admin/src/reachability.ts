/**
 * Where the console offers each write of the API (every POST, PUT and DELETE of the route table),
 * so every action a role may take has a button somewhere that role can reach. Checked by
 * backend/test/console-reachability.test.ts: each route has an entry; each screen named here
 * exists, is given to the roles the API allows, and its files really call the route. A route the
 * console deliberately does not offer (to anyone, or to one role) is listed with its reason.
 *
 * Pure data: not imported by the console itself.
 */

/** A place in the console: a resource's screens, a page, a role's home, or the frame every visitor loads. */
export type ScreenRef = `resource:${string}` | `page:${string}` | `home:${string}` | 'app';

type Caller = 'admin' | 'staff' | 'jury' | 'coach' | 'applicant' | 'funder' | 'anonymous';

export type Reach =
  /** Offered on these screens to every role the API allows. */
  | readonly ScreenRef[]
  /** Offered on these screens, but deliberately not to some roles the API allows (why, per role). */
  | { readonly offered: readonly ScreenRef[]; readonly notFor: Partial<Record<Caller, string>> }
  /** Not offered anywhere in the console, and why. */
  | { readonly notOffered: string };

export const REACH: Record<string, Reach> = {
  // The frame: the login page, its links (registration, password reset) and the logout in the user menu.
  'POST /auth/login': ['app'],
  'POST /auth/logout': ['app'],
  'POST /auth/logout-everywhere': ['app'],
  'POST /auth/register': ['page:/register'],
  'POST /auth/register/confirm': ['page:/register/confirm'],
  // The login page offers a new confirmation link when the password is right but the address unconfirmed.
  'POST /auth/register/resend': ['app'],
  'POST /auth/password-reset': ['page:/password-reset'],
  'POST /auth/password-reset/confirm': ['page:/password-reset/confirm'],
  // "Mein Konto" in the user menu: the language of the console and of the messages.
  'PUT /auth/me': ['page:/account'],

  'POST /users': ['resource:users'],
  'PUT /users/:id': ['resource:users'],
  'DELETE /users/:id': ['resource:users'],

  'POST /organisations': ['resource:organisations'],
  'PUT /organisations/:id': ['resource:organisations', 'page:/application'],
  'DELETE /organisations/:id': ['resource:organisations'],
  'POST /organisations/:id/anonymise': ['resource:organisations'],
  'POST /people': ['resource:people'],
  'PUT /people/:id': ['resource:people'],
  'DELETE /people/:id': ['resource:people'],

  'POST /cohorts': ['resource:cohorts'],
  'PUT /cohorts/:id': ['resource:cohorts'],
  'DELETE /cohorts/:id': ['resource:cohorts'],
  'POST /cohorts/:id/copy-criteria': ['resource:cohorts'],
  'POST /cohorts/:id/transition': ['resource:cohorts'],
  'POST /criteria': ['resource:criteria'],
  'PUT /criteria/:id': ['resource:criteria'],
  'DELETE /criteria/:id': ['resource:criteria'],

  'POST /applications': {
    offered: ['page:/application'],
    notFor: {
      admin: 'An organisation applies itself, through its portal form (one application per cohort); staff do not start one on its behalf.',
      staff: 'An organisation applies itself, through its portal form (one application per cohort); staff do not start one on its behalf.',
    },
  },
  'PUT /applications/:id': {
    offered: ['page:/application'],
    notFor: {
      admin: 'An application is the organisation’s own text; staff work on it through check-eligibility, shortlist, interview and decide.',
      staff: 'An application is the organisation’s own text; staff work on it through check-eligibility, shortlist, interview and decide.',
    },
  },
  'DELETE /applications/:id': ['page:/application', 'resource:applications'],
  'POST /applications/:id/submit': {
    offered: ['page:/application'],
    notFor: {
      admin: 'The organisation submits its own application (before the deadline); staff do not hand it in on its behalf.',
      staff: 'The organisation submits its own application (before the deadline); staff do not hand it in on its behalf.',
    },
  },
  'POST /applications/:id/withdraw': {
    offered: ['page:/application'],
    notFor: {
      admin: 'Withdrawing is the organisation’s decision; staff reject with a reason (decide) or end a fellowship (fellowships withdraw).',
      staff: 'Withdrawing is the organisation’s decision; staff reject with a reason (decide) or end a fellowship (fellowships withdraw).',
    },
  },
  'POST /applications/:id/check-eligibility': ['resource:applications'],
  // Application documents on the form; receipts in the expense dialog of a grantee report (same route, grantee_report_id).
  'POST /attachments': {
    offered: ['page:/application'],
    notFor: {
      admin: 'Documents come from the organisation with its application or report; staff read them on the application page and the report page.',
      staff: 'Documents come from the organisation with its application or report; staff read them on the application page and the report page.',
    },
  },
  'DELETE /attachments/:id': {
    offered: ['page:/application'],
    notFor: {
      admin: 'Only the organisation replaces its own documents while the application is a draft.',
      staff: 'Only the organisation replaces its own documents while the application is a draft.',
    },
  },

  'POST /conflicts': ['resource:conflicts'],
  'PUT /conflicts/:id': ['resource:conflicts'],
  'DELETE /conflicts/:id': ['resource:conflicts'],
  'POST /reviews': {
    notOffered:
      'Jury assignments are made for a whole cohort by assign-reviewers (balanced load, never a conflicted juror) on the jury progress screen; a single hand-made assignment would bypass that balance.',
  },
  'PUT /reviews/:id': ['resource:reviews'],
  'DELETE /reviews/:id': ['resource:reviews'],
  'POST /reviews/:id/submit': ['resource:reviews'],
  'POST /cohorts/:id/assign-reviewers': ['resource:rankings'],

  'POST /cohorts/:id/finalize-selection': ['page:/selection'],
  'POST /cohorts/:id/offer-seat': ['page:/selection'],
  'POST /cohorts/:id/waitlist-order': ['page:/selection'],
  'POST /applications/:id/shortlist': ['page:/selection'],
  'POST /applications/:id/interview': ['page:/selection'],
  'POST /applications/:id/decide': ['page:/selection'],
  'POST /applications/:id/accept-offer': ['page:/application', 'page:/selection'],
  'POST /applications/:id/decline-offer': ['page:/application', 'page:/selection'],

  'PUT /fellowships/:id': ['resource:fellowships'],
  'POST /fellowships/:id/withdraw': ['resource:fellowships'],
  'POST /fellowships/:id/approve-stage-gate': ['resource:fellowships'],
  // The report queue, the fellowship's "Berichte" tab and the report page (review, texts, expenses with receipts).
  'POST /grantee-reports': ['resource:grantee-reports'],
  'PUT /grantee-reports/:id': ['resource:grantee-reports'],
  'DELETE /grantee-reports/:id': ['resource:grantee-reports'],
  'POST /grantee-reports/:id/submit': ['resource:grantee-reports'],
  'POST /grantee-reports/:id/accept': ['resource:grantee-reports'],
  'POST /grantee-reports/:id/return': ['resource:grantee-reports'],
  'POST /expenses': ['resource:grantee-reports'],
  'PUT /expenses/:id': ['resource:grantee-reports'],
  'DELETE /expenses/:id': ['resource:grantee-reports'],
  'POST /milestones': ['resource:milestones'],
  'PUT /milestones/:id': ['resource:milestones'],
  'DELETE /milestones/:id': ['resource:milestones'],
  // Transfer sites: the list and forms for all writers; the fellow also adds and moves them on the programme page.
  'POST /transfer-sites': ['resource:transfer-sites', 'page:/my-programme'],
  'PUT /transfer-sites/:id': ['resource:transfer-sites', 'page:/my-programme'],
  'PUT /email-templates/:id': ['resource:email-templates'],
  'POST /email-templates/:id/reset': ['resource:email-templates'],
  'POST /email-templates/:id/preview': ['resource:email-templates'],
  // Bulk mail: list, write and show (preview, test to oneself, send after a confirmation).
  'POST /mailings': ['resource:mailings'],
  'PUT /mailings/:id': ['resource:mailings'],
  'DELETE /mailings/:id': ['resource:mailings'],
  'POST /mailings/:id/preview': ['resource:mailings'],
  'POST /mailings/:id/test': ['resource:mailings'],
  'POST /mailings/:id/send': ['resource:mailings'],
  // The outbox's show page: a failed message can be queued again.
  'POST /emails/:id/resend': ['resource:emails'],
  'POST /reminder-rules': ['resource:reminder-rules'],
  'PUT /reminder-rules/:id': ['resource:reminder-rules'],
  'DELETE /reminder-rules/:id': ['resource:reminder-rules'],
  'DELETE /transfer-sites/:id': ['resource:transfer-sites'],
  // The fellowship's "Fördervertrag" tab links to these views and deletes lines in place.
  'POST /surveys': ['resource:surveys'],
  'PUT /surveys/:id': ['resource:surveys'],
  'DELETE /surveys/:id': ['resource:surveys'],
  'POST /survey-responses': ['page:/survey-answer/:id'],
  'POST /survey-quotes': ['resource:surveys'],
  'DELETE /survey-quotes/:id': ['resource:surveys'],
  'POST /indicators': ['resource:indicators'],
  'PUT /indicators/:id': ['resource:indicators'],
  'DELETE /indicators/:id': ['resource:indicators'],
  'POST /cohorts/:id/copy-indicators': ['resource:cohorts'],
  'POST /indicator-values': ['resource:indicator-values'],
  'PUT /indicator-values/:id': ['resource:indicator-values'],
  'DELETE /indicator-values/:id': ['resource:indicator-values'],

  'POST /budget-lines': ['resource:budget-lines'],
  'PUT /budget-lines/:id': ['resource:budget-lines'],
  'DELETE /budget-lines/:id': ['resource:budget-lines'],

  'POST /workshops': ['resource:workshops'],
  'PUT /workshops/:id': ['resource:workshops'],
  'DELETE /workshops/:id': ['resource:workshops'],
  'POST /workshops/:id/mark-attendance': ['resource:workshops'],
  'POST /attendances': ['resource:workshops'],
  'PUT /attendances/:id': ['resource:workshops'],
  'DELETE /attendances/:id': {
    notOffered:
      'A registration is never deleted: an organisation that cannot come is marked "excused" (PUT), so the attendance rule and the history stay complete.',
  },
  'POST /coaching-sessions': ['resource:coaching-sessions'],
  'PUT /coaching-sessions/:id': ['resource:coaching-sessions'],
  'DELETE /coaching-sessions/:id': ['resource:coaching-sessions'],

  'POST /disbursements': ['resource:disbursements'],
  'PUT /disbursements/:id': ['resource:disbursements'],
  'DELETE /disbursements/:id': ['resource:disbursements'],
  'POST /disbursements/:id/approve': ['resource:disbursements', 'page:/disbursements-to-approve'],
  'POST /disbursements/:id/pay': ['resource:disbursements'],
  'POST /disbursements/:id/cancel': ['resource:disbursements'],
  'POST /disbursement-exports': ['page:/funding'],

  'POST /alumni-profiles': ['resource:alumni-profiles'],
  'PUT /alumni-profiles/:id': ['resource:alumni-profiles'],
  'DELETE /alumni-profiles/:id': ['resource:alumni-profiles'],
  'POST /introductions': ['resource:alumni-profiles', 'page:/mentor-matches'],
  'POST /introductions/:id/accept': ['resource:introductions'],
  'POST /introductions/:id/decline': ['resource:introductions'],

  'POST /reports': ['resource:reports'],
  'PUT /reports/:id': ['resource:reports'],
  'DELETE /reports/:id': ['resource:reports'],
  'POST /reports/:id/issue': ['resource:reports'],
};
