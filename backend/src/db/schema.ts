import type { ColumnType, Generated, Selectable } from 'kysely';

/** Row types, written once next to migration 0001 (keep them in step with new migrations). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateOnly = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Numeric = ColumnType<number, number | string, number | string>;
type DefaultNumeric = ColumnType<number, number | string | undefined, number | string>;
type Tsvector = ColumnType<never, never, never>;

interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  legal_form: Generated<'e_v' | 'ggmbh' | 'stiftung' | 'genossenschaft' | 'other'>;
  charitable_status: Generated<boolean>;
  tax_exemption_valid_until: NullableDate;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  state: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  founded_year: number | null;
  staff_count: number | null;
  annual_budget_cents: number | null;
  field: Generated<'education' | 'social' | 'environment' | 'health' | 'culture' | 'integration' | 'democracy' | 'other'>;
  description: string | null;
  iban: string | null;
  bic: string | null;
  account_holder: string | null;
  anonymised_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
  search_vector: Tsvector;
  /** German sort key (migration 0002). */
  name_sort: Tsvector;
  /** Incremented by a trigger on every content change (migration 0012); PUT checks it. */
  version: Generated<number>;
}

export type Role = 'admin' | 'staff' | 'jury' | 'coach' | 'applicant' | 'funder';

interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  organisation_id: number | null;
  active: Generated<boolean>;
  locale: Generated<'de' | 'en'>;
  /** Migration 0025: set by the signed unsubscribe link; bulk mail skips this person. */
  mail_opt_out: Generated<boolean>;
  password_hash: string | null;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface SessionsTable {
  id: string;
  user_id: number;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
}

interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: CreatedAt;
}

/** Which account an account e-mail is for (migration 0009): its link is minted at delivery. */
interface AccountEmailsTable {
  email_id: number;
  user_id: number;
  template: 'password_reset' | 'register_confirm' | 'register_taken';
  created_at: CreatedAt;
}

interface PeopleTable {
  id: Generated<number>;
  organisation_id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  role_title: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** German sort key (migration 0002). */
  last_name_sort: Tsvector;
}

export type CohortPhase = 'draft' | 'call_open' | 'review' | 'selection' | 'programme' | 'alumni';

interface CohortsTable {
  id: Generated<number>;
  name: string;
  year: number;
  application_opens_at: Timestamp;
  application_closes_at: Timestamp;
  seats: Generated<number>;
  default_grant_cents: Generated<number>;
  coaching_hours_per_fellow: DefaultNumeric;
  min_attendance_percent: Generated<number>;
  retention_months: Generated<number>;
  phase: Generated<CohortPhase>;
  selection_finalized_at: NullableTimestamp;
  /** Migration 0027: when the jury's reviews are due (reminder event review_due). */
  review_due_at: NullableTimestamp;
  description: string | null;
  /** The users (role funder) who see this cohort (migration 0022). */
  funder_user_ids: Generated<number[]>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface CriteriaTable {
  id: Generated<number>;
  cohort_id: number;
  name: string;
  description: string | null;
  weight: Numeric;
  max_score: Generated<number>;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type ApplicationStatus =
  | 'draft' | 'submitted' | 'eligible' | 'ineligible' | 'shortlisted'
  | 'selected' | 'waitlisted' | 'rejected' | 'withdrawn';

interface ApplicationsTable {
  id: Generated<number>;
  cohort_id: number;
  organisation_id: number;
  project_name: string | null;
  summary: string | null;
  transfer_model: 'social_franchise' | 'affiliation' | 'dissemination' | 'licensing' | 'other' | null;
  target_regions: string | null;
  impact_evidence: string | null;
  scaling_goals: string | null;
  team: string | null;
  funding_requested_cents: number | null;
  budget_plan: string | null;
  motivation: string | null;
  status: Generated<ApplicationStatus>;
  submitted_at: NullableTimestamp;
  eligibility_note: string | null;
  decision_reason: string | null;
  decided_at: NullableTimestamp;
  decided_by: number | null;
  waitlist_position: number | null;
  decision_released_at: NullableTimestamp;
  interview_at: NullableTimestamp;
  interview_notes: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Optimistic concurrency (migration 0017): incremented by every change of the organisation's content, not by staff's work. */
  version: Generated<number>;
  search_vector: Tsvector;
}

interface AttachmentsTable {
  id: Generated<number>;
  /** Exactly one of application_id and grantee_report_id is set (migration 0018). */
  application_id: number | null;
  grantee_report_id: number | null;
  filename: string;
  content_type: 'application/pdf' | 'image/png' | 'image/jpeg';
  size_bytes: number;
  content: Buffer | Uint8Array;
  uploaded_by: number | null;
  created_at: CreatedAt;
}

interface ConflictsTable {
  id: Generated<number>;
  juror_id: number;
  organisation_id: number;
  reason: string;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReviewScore {
  criterion_id: number;
  score: number | null;
  comment?: string | null;
}

interface ReviewsTable {
  id: Generated<number>;
  application_id: number;
  juror_id: number;
  status: Generated<'assigned' | 'submitted' | 'conflict'>;
  scores: ColumnType<ReviewScore[], string | undefined, string>;
  recommendation: 'yes' | 'maybe' | 'no' | null;
  overall_comment: string | null;
  submitted_at: NullableTimestamp;
  /** Migration 0004: the weighted score (0–100) of a submitted review, kept by a trigger (docs/jury.md). */
  score: ColumnType<number | null, never, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface FellowshipsTable {
  id: Generated<number>;
  cohort_id: number;
  organisation_id: number;
  application_id: number;
  coach_id: number | null;
  grant_cents: Generated<number>;
  coaching_hours_budget: DefaultNumeric;
  status: Generated<'active' | 'completed' | 'withdrawn'>;
  stage: Generated<1 | 2>;
  goals: string | null;
  /** Migration 0018: the day the grant agreement (Fördervertrag) was signed; no tranche is approved before. */
  agreement_signed_on: NullableDate;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type BudgetCategory = 'personnel' | 'fees' | 'travel' | 'material' | 'events' | 'overhead' | 'other';

interface BudgetLinesTable {
  id: Generated<number>;
  fellowship_id: number;
  category: BudgetCategory;
  planned_cents: number;
  note: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface GranteeReportsTable {
  id: Generated<number>;
  fellowship_id: number;
  kind: 'interim' | 'final';
  period_start: DateOnly;
  period_end: DateOnly;
  due_on: DateOnly;
  status: Generated<'requested' | 'submitted' | 'returned' | 'accepted'>;
  achievements: string | null;
  challenges: string | null;
  next_steps: string | null;
  submitted_at: NullableTimestamp;
  submitted_by: number | null;
  reviewed_by: number | null;
  reviewed_at: NullableTimestamp;
  review_note: string | null;
  requested_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Every return and acceptance of a grantee report, so the history of returns stays visible. */
interface GranteeReportReviewsTable {
  id: Generated<number>;
  grantee_report_id: number;
  outcome: 'returned' | 'accepted';
  note: string | null;
  reviewed_by: number | null;
  reviewed_at: CreatedAt;
}

interface ExpensesTable {
  id: Generated<number>;
  grantee_report_id: number;
  category: BudgetCategory;
  spent_on: DateOnly;
  payee: string;
  description: string;
  amount_cents: number;
  receipt_attachment_id: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** View `grantee_report_budget` (migration 0018): budget against actual per report and category. */
interface GranteeReportBudgetView {
  grantee_report_id: number;
  fellowship_id: number;
  category: BudgetCategory;
  position: number;
  planned_cents: number;
  actual_cents: number;
  deviation_pct: number | null;
  over_limit: boolean;
}

type IndicatorDirection = 'increase' | 'decrease';
type IndicatorValueKind = 'baseline' | 'progress' | 'follow_up';

/** Migration 0019: what a cohort measures. */
interface IndicatorsTable {
  id: Generated<number>;
  cohort_id: number;
  name: string;
  unit: string;
  description: string | null;
  direction: Generated<IndicatorDirection>;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Migration 0019: a fellowship's measured value of an indicator. */
interface IndicatorValuesTable {
  id: Generated<number>;
  fellowship_id: number;
  indicator_id: number;
  kind: IndicatorValueKind;
  measured_on: DateOnly;
  value: Numeric;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** View `indicator_progress` (migration 0019): baseline → latest per fellowship and indicator. */
interface IndicatorProgressView {
  fellowship_id: number;
  indicator_id: number;
  cohort_id: number;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  position: number;
  baseline_value: number | null;
  baseline_on: string | null;
  latest_value: number | null;
  latest_on: string | null;
  latest_kind: IndicatorValueKind | null;
  change: number | null;
  value_count: number;
}

interface MilestonesTable {
  id: Generated<number>;
  fellowship_id: number;
  title: string;
  kind: Generated<'transfer_concept' | 'demo_day' | 'other'>;
  due_on: NullableDate;
  status: Generated<'open' | 'achieved' | 'missed'>;
  note: string | null;
  achieved_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface TransferSitesTable {
  id: Generated<number>;
  fellowship_id: number;
  name: string;
  city: string;
  state: string;
  transfer_model: 'social_franchise' | 'affiliation' | 'dissemination' | 'licensing' | 'other';
  status: Generated<'planned' | 'preparing' | 'active' | 'closed'>;
  opened_on: NullableDate;
  closed_on: NullableDate;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

type SurveyKind = 'workshop_feedback' | 'programme_nps' | 'custom';
type SurveyQuestionType = 'scale_1_5' | 'nps_0_10' | 'text' | 'choice';
interface SurveyQuestion {
  key: string;
  label: string;
  type: SurveyQuestionType;
  options?: string[];
}

/** Migration 0021: a survey of a cohort, optionally about one workshop. */
interface SurveysTable {
  id: Generated<number>;
  cohort_id: number;
  workshop_id: number | null;
  title: string;
  kind: SurveyKind;
  questions: ColumnType<SurveyQuestion[], string, string>;
  opens_at: Timestamp;
  closes_at: Timestamp;
  anonymous: Generated<boolean>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Migration 0021: one answer; no user for an anonymous survey, only the keyed hash. */
interface SurveyResponsesTable {
  id: Generated<string>;
  survey_id: number;
  respondent_hash: string;
  user_id: number | null;
  answers: ColumnType<Record<string, unknown>, string, string>;
  answered_on: DateOnly;
}

/** Migration 0021: a free text staff chose as a quote. */
interface SurveyQuotesTable {
  id: Generated<number>;
  survey_id: number;
  question_key: string;
  text: string;
  position: Generated<number>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type ReminderEvent = 'application_deadline' | 'review_due' | 'milestone_due' | 'report_due' | 'workshop_start' | 'tranche_due';

/** Migration 0027: a reminder staff switch on per event, offset in days from the due moment. */
interface ReminderRulesTable {
  id: Generated<number>;
  event: ReminderEvent;
  offset_days: number;
  template_key: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Migration 0027: one reminder sent, unique per (rule, record, recipient). */
interface ReminderDeliveriesTable {
  id: Generated<string>;
  rule_id: number;
  record_id: number;
  user_id: number;
  email_id: number | null;
  sent_at: CreatedAt;
}

interface EmailTemplatesTable {
  id: Generated<number>;
  key: string;
  locale: 'de' | 'en';
  subject: string;
  body: string;
  updated_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Migration 0023: one follow-up request per alumni fellowship and follow-up (12 or 24 months after the year). */
interface FollowUpRequestsTable {
  id: Generated<number>;
  fellowship_id: number;
  months: 12 | 24;
  due_on: DateOnly;
  requested_at: Timestamp;
  email_id: number | null;
  responded_at: NullableTimestamp;
  created_at: CreatedAt;
}

/** View `follow_up_response_rates` (migration 0023): requests sent and answered per cohort and follow-up. */
interface FollowUpResponseRatesView {
  cohort_id: number;
  months: 12 | 24;
  sent: number;
  answered: number;
  rate_percent: number;
}

interface WorkshopsTable {
  id: Generated<number>;
  cohort_id: number;
  title: string;
  kind: Generated<'workshop' | 'webinar' | 'barcamp' | 'networking'>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  location: string | null;
  online_url: string | null;
  facilitator: string | null;
  facilitator_id: number | null;
  recording_url: string | null;
  description: string | null;
  mandatory: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface AttendancesTable {
  id: Generated<number>;
  workshop_id: number;
  person_id: number;
  status: Generated<'registered' | 'attended' | 'absent' | 'excused'>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface CoachingSessionsTable {
  id: Generated<number>;
  fellowship_id: number;
  coach_id: number;
  held_on: DateOnly;
  duration_minutes: number;
  format: Generated<'in_person' | 'video' | 'phone'>;
  topics: string | null;
  notes: string | null;
  next_steps: string | null;
  confidential: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface DisbursementExportsTable {
  id: Generated<number>;
  format: 'csv' | 'sepa';
  message_id: string;
  tranche_count: number;
  total_cents: number;
  created_by: number | null;
  created_at: CreatedAt;
  /** Migration 0007: the cohort the batch was made for, the bank's execution date, the exact file. */
  cohort_id: number | null;
  execution_date: NullableDate;
  filename: string | null;
  content: string | null;
}

interface DisbursementsTable {
  id: Generated<number>;
  fellowship_id: number;
  label: string;
  amount_cents: number;
  due_on: NullableDate;
  milestone_id: number | null;
  status: Generated<'planned' | 'approved' | 'paid' | 'cancelled'>;
  created_by: number | null;
  approved_by: number | null;
  approved_at: NullableTimestamp;
  paid_at: NullableTimestamp;
  payment_reference: string | null;
  cancelled_at: NullableTimestamp;
  export_id: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /**
   * Migration 0010: who created the tranche or changed a money field of it (or the payee's bank
   * details while it was open); kept by a trigger, only grows; the approver is never one of them.
   */
  money_editors: ColumnType<number[], number[] | undefined, number[]>;
  /** The payee, copied by a trigger when the tranche is approved and frozen from then on. */
  payee_account_holder: string | null;
  payee_iban: string | null;
  payee_bic: string | null;
  /** When and how the organisation's bank details changed while the tranche was open (cleared on approval). */
  bank_changed_at: NullableTimestamp;
  bank_change_note: string | null;
  /** Migration 0018: a tranche tied to a grantee report is approved only once that report is accepted. */
  grantee_report_id: number | null;
}

interface AlumniProfilesTable {
  id: Generated<number>;
  organisation_id: number;
  cohort_id: number;
  offers: string | null;
  needs: string | null;
  bio: string | null;
  visible: Generated<boolean>;
  contact_email: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  search_vector: Tsvector;
}

interface IntroductionsTable {
  id: Generated<number>;
  from_organisation_id: number;
  to_organisation_id: number;
  message: string;
  status: Generated<'requested' | 'accepted' | 'declined'>;
  requested_by: number | null;
  responded_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface EmailsTable {
  id: Generated<number>;
  to: string;
  subject: string;
  body: string;
  template: string;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  sent_at: NullableTimestamp;
  dedupe_key: string | null;
  organisation_id: number | null;
  /** Migration 0025: the person, the mailing (one message per person and mailing) and the language. */
  user_id: number | null;
  mailing_id: number | null;
  locale: 'de' | 'en' | null;
  /** Migration 0028: the HTML part (null: the message is sent as text only). */
  html: string | null;
  created_at: CreatedAt;
}

export interface MailingAudience {
  kind: 'applicants' | 'fellows' | 'alumni' | 'jurors' | 'coaches';
  cohort_id?: number | null;
  status?: ApplicationStatus | null;
}

interface MailingsTable {
  id: Generated<number>;
  name: string;
  audience: ColumnType<MailingAudience, string, string>;
  subject: string;
  body: string;
  status: Generated<'draft' | 'sending' | 'sent'>;
  recipient_count: number | null;
  skipped_count: number | null;
  sent_at: NullableTimestamp;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface MailKeysTable {
  id: number;
  unsubscribe_key: string;
}

interface AuditEventsTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  resource: string;
  record_id: number | null;
  changes: ColumnType<unknown, string | null, never>;
  at: CreatedAt;
}

interface ReportsTable {
  id: Generated<number>;
  cohort_id: number;
  kind: 'funder' | 'selection' | 'funding';
  title: string;
  status: Generated<'draft' | 'issued'>;
  issued_at: NullableTimestamp;
  issued_by: number | null;
  pdf: Buffer | Uint8Array | null;
  size_bytes: number | null;
  sha256: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface JobRunsTable {
  name: string;
  last_run_at: Timestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  account_emails: AccountEmailsTable;
  mailings: MailingsTable;
  mail_keys: MailKeysTable;
  people: PeopleTable;
  cohorts: CohortsTable;
  criteria: CriteriaTable;
  applications: ApplicationsTable;
  attachments: AttachmentsTable;
  conflicts: ConflictsTable;
  reviews: ReviewsTable;
  fellowships: FellowshipsTable;
  budget_lines: BudgetLinesTable;
  grantee_reports: GranteeReportsTable;
  grantee_report_reviews: GranteeReportReviewsTable;
  expenses: ExpensesTable;
  grantee_report_budget: GranteeReportBudgetView;
  indicators: IndicatorsTable;
  indicator_values: IndicatorValuesTable;
  indicator_progress: IndicatorProgressView;
  milestones: MilestonesTable;
  transfer_sites: TransferSitesTable;
  surveys: SurveysTable;
  survey_responses: SurveyResponsesTable;
  survey_quotes: SurveyQuotesTable;
  email_templates: EmailTemplatesTable;
  reminder_rules: ReminderRulesTable;
  reminder_deliveries: ReminderDeliveriesTable;
  follow_up_requests: FollowUpRequestsTable;
  follow_up_response_rates: FollowUpResponseRatesView;
  workshops: WorkshopsTable;
  attendances: AttendancesTable;
  coaching_sessions: CoachingSessionsTable;
  disbursement_exports: DisbursementExportsTable;
  disbursements: DisbursementsTable;
  alumni_profiles: AlumniProfilesTable;
  introductions: IntroductionsTable;
  emails: EmailsTable;
  audit_events: AuditEventsTable;
  reports: ReportsTable;
  job_runs: JobRunsTable;
}

export type TableName = keyof Database;
export type Row<T extends TableName> = Selectable<Database[T]>;
