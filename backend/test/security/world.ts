import { sql } from 'kysely';
import { hashToken } from '../../src/auth/sessions.ts';
import type { Db } from '../../src/db/database.ts';
import { shippedTemplateRows } from '../../src/shared/email-catalogue.ts';

/**
 * The eleven callers of the authorization matrix. "A" is the organisation every `:id` in a path points
 * at; B is a second organisation with the same kinds of records.
 */
export const MATRIX_ROLES = [
  'anonymous', 'applicantA', 'applicantB', 'jury', 'conflictedJury', 'coach', 'otherCoach', 'staff', 'admin', 'funder', 'otherFunder',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<MatrixRole, string> = {
  anonymous: 'not logged in',
  applicantA: 'applicant of organisation A (owns the record)',
  applicantB: 'applicant of organisation B',
  jury: 'juror assigned to A’s application',
  conflictedJury: 'juror with a declared conflict with A',
  coach: 'coach of A’s fellowship',
  otherCoach: 'coach of B’s fellowship only',
  staff: 'staff',
  admin: 'admin',
  funder: 'funder of A’s cohort',
  otherFunder: 'funder of another cohort only',
};

/** Session token per role (only their hashes go into `sessions`). */
export const sessionTokens: Record<Exclude<MatrixRole, 'anonymous'>, string> = {
  admin: 'matrix-session-admin-0000000000000000',
  staff: 'matrix-session-staff-0000000000000000',
  jury: 'matrix-session-jury-00000000000000000',
  conflictedJury: 'matrix-session-conflicted-jury-000000',
  coach: 'matrix-session-coach-0000000000000000',
  otherCoach: 'matrix-session-other-coach-000000000',
  applicantA: 'matrix-session-applicant-a-000000000',
  applicantB: 'matrix-session-applicant-b-000000000',
  funder: 'matrix-session-funder-000000000000000',
  otherFunder: 'matrix-session-other-funder-00000000',
};

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Markers the leak check looks for in every answer (see matrix.test.ts). */
export const CONFIDENTIAL_NOTE = 'streng-vertrauliche-Coaching-Notiz';
export const FAKE_HASH = 'scrypt$16384$8$1$bWF0cml4LXNhbHQ=$bWF0cml4LWhhc2g=';
export const CONTACT_MARKERS = ['a@verein-a.de', 'anna@verein-a.de', 'DE89370400440532013000'];
/** A's contact person's surname: what a funder must never read (see matrix.test.ts). */
export const PERSON_MARKER = 'Anders';

// A valid one-page PDF is not needed for metadata routes; the signature is enough for sniffers.
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Inserts the fixture world directly (no HTTP, no hashing) so it can be rebuilt quickly. */
export async function buildWorld(db: Db, passwordHash: string | null) {
  const q = db as any;
  const one = async (table: string, values: Record<string, unknown>) =>
    (await q.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow()).id as number;

  const orgA = await one('organisations', { name: 'Organisation A e.V.', city: 'Berlin', state: 'Berlin', field: 'education', email: 'a@verein-a.de', iban: 'DE89370400440532013000', account_holder: 'Organisation A e.V.' });
  const orgB = await one('organisations', { name: 'Organisation B gGmbH', city: 'Köln', state: 'Nordrhein-Westfalen', field: 'social', email: 'b@verein-b.de', legal_form: 'ggmbh' });
  const user = (role: string, key: string, organisation_id: number | null = null) =>
    one('users', { email: `${key.toLowerCase()}@matrix.example.org`, name: key, role, organisation_id, password_hash: passwordHash ?? FAKE_HASH });
  const users = {
    admin: await user('admin', 'admin'),
    staff: await user('staff', 'staff'),
    jury: await user('jury', 'jury'),
    conflictedJury: await user('jury', 'conflictedJury'),
    coach: await user('coach', 'coach'),
    otherCoach: await user('coach', 'otherCoach'),
    applicantA: await user('applicant', 'applicantA', orgA),
    applicantB: await user('applicant', 'applicantB', orgB),
    funder: await user('funder', 'funder'),
    otherFunder: await user('funder', 'otherFunder'),
  };
  const personA = await one('people', { organisation_id: orgA, first_name: 'Anna', last_name: 'Anders', email: 'anna@verein-a.de' });
  await one('people', { organisation_id: orgB, first_name: 'Bernd', last_name: 'Becker', email: 'bernd@verein-b.de' });
  const cohort = await one('cohorts', {
    name: 'Jahrgang 2026', year: 2026, phase: 'programme', seats: 10, default_grant_cents: 5_000_000,
    application_opens_at: new Date('2026-01-01T00:00:00Z'), application_closes_at: new Date('2026-03-01T00:00:00Z'),
    funder_user_ids: [users.funder],
  });
  // The other funder's cohort: last year's, without records of A or B.
  await one('cohorts', {
    name: 'Jahrgang 2025', year: 2025, phase: 'alumni', seats: 10, funder_user_ids: [users.otherFunder],
    application_opens_at: new Date('2025-01-01T00:00:00Z'), application_closes_at: new Date('2025-03-01T00:00:00Z'),
  });
  const criterion = await one('criteria', { cohort_id: cohort, name: 'Wirkung', weight: 2, max_score: 5, position: 1 });
  const application = (organisation_id: number) =>
    one('applications', {
      cohort_id: cohort, organisation_id, project_name: 'Transferprojekt', summary: 'Kurzbeschreibung', transfer_model: 'social_franchise',
      funding_requested_cents: 5_000_000, status: 'selected', submitted_at: new Date('2026-02-01T00:00:00Z'), decided_at: new Date('2026-04-01T00:00:00Z'),
      decision_reason: 'Überzeugend', decided_by: users.staff, decision_released_at: new Date('2026-04-02T00:00:00Z'),
    });
  const appA = await application(orgA);
  const appB = await application(orgB);
  const attachment = await one('attachments', { application_id: appA, filename: 'konzept.pdf', content_type: 'application/pdf', size_bytes: PDF_BYTES.length, content: PDF_BYTES, uploaded_by: users.applicantA });
  const conflict = await one('conflicts', { juror_id: users.conflictedJury, organisation_id: orgA, reason: 'Vorstandsmitglied', created_by: users.conflictedJury });
  const review = await one('reviews', {
    application_id: appA, juror_id: users.jury, status: 'submitted', submitted_at: new Date('2026-03-15T00:00:00Z'), recommendation: 'yes',
    scores: JSON.stringify([{ criterion_id: criterion, score: 4, comment: 'gut' }]), overall_comment: 'Empfehlung',
  });
  await one('reviews', { application_id: appB, juror_id: users.conflictedJury, status: 'assigned' });
  await one('reviews', { application_id: appB, juror_id: users.jury, status: 'assigned' });
  const fellowship = await one('fellowships', { cohort_id: cohort, organisation_id: orgA, application_id: appA, coach_id: users.coach, grant_cents: 5_000_000, coaching_hours_budget: 10, agreement_signed_on: '2026-04-10' });
  const budgetLine = await one('budget_lines', { fellowship_id: fellowship, category: 'personnel', planned_cents: 3_000_000, note: 'Projektleitung' });
  const fellowshipB = await one('fellowships', { cohort_id: cohort, organisation_id: orgB, application_id: appB, coach_id: users.otherCoach, grant_cents: 5_000_000, coaching_hours_budget: 10 });
  const milestone = await one('milestones', { fellowship_id: fellowship, title: 'Transferkonzept', kind: 'transfer_concept', due_on: '2026-06-30' });
  const transferSite = await one('transfer_sites', { fellowship_id: fellowship, name: 'Standort Leipzig', city: 'Leipzig', state: 'Sachsen', transfer_model: 'social_franchise' });
  await one('transfer_sites', { fellowship_id: fellowshipB, name: 'Standort Kiel', city: 'Kiel', state: 'Schleswig-Holstein', transfer_model: 'affiliation' });
  const indicator = await one('indicators', { cohort_id: cohort, name: 'Neue Standorte', unit: 'Standorte', direction: 'increase', position: 0 });
  const indicatorValue = await one('indicator_values', { fellowship_id: fellowship, indicator_id: indicator, kind: 'baseline', measured_on: '2026-04-15', value: 2, created_by: users.applicantA });
  await one('indicator_values', { fellowship_id: fellowshipB, indicator_id: indicator, kind: 'baseline', measured_on: '2026-04-15', value: 5, created_by: users.applicantB });
  const survey = await one('surveys', {
    cohort_id: cohort, title: 'Programm-NPS 2026', kind: 'programme_nps', opens_at: new Date('2026-01-01T00:00:00Z'), closes_at: new Date('2099-01-01T00:00:00Z'),
    questions: JSON.stringify([{ key: 'nps', label: 'Weiterempfehlung', type: 'nps_0_10' }, { key: 'comment', label: 'Was war gut?', type: 'text' }]), created_by: users.staff,
  });
  const surveyQuote = await one('survey_quotes', { survey_id: survey, question_key: 'comment', text: 'Sehr hilfreich', position: 0, created_by: users.staff });
  const followUpRequest = await one('follow_up_requests', { fellowship_id: fellowship, months: 12, due_on: '2028-04-01' });
  await one('follow_up_requests', { fellowship_id: fellowshipB, months: 12, due_on: '2028-04-01' });
  const workshop = await one('workshops', {
    cohort_id: cohort, title: 'Auftaktworkshop', kind: 'workshop', starts_at: new Date('2026-05-04T08:00:00Z'), ends_at: new Date('2026-05-04T15:00:00Z'),
    location: 'Berlin', facilitator_id: users.coach,
  });
  const alumniEvent = await one('workshops', {
    cohort_id: cohort, title: 'Alumni-Treffen', kind: 'networking', starts_at: new Date('2026-09-04T16:00:00Z'), ends_at: new Date('2026-09-04T19:00:00Z'), location: 'Hamburg',
  });
  const attendance = await one('attendances', { workshop_id: workshop, person_id: personA, status: 'registered' });
  const coachingSession = await one('coaching_sessions', { fellowship_id: fellowship, coach_id: users.coach, held_on: '2026-05-10', duration_minutes: 60, topics: 'Finanzierung', notes: CONFIDENTIAL_NOTE, confidential: true });
  const disbursementExport = await one('disbursement_exports', { format: 'csv', message_id: 'MATRIX-1', tranche_count: 0, total_cents: 0, created_by: users.staff });
  const disbursement = await one('disbursements', { fellowship_id: fellowship, label: 'Erste Tranche', amount_cents: 2_000_000, due_on: '2026-05-01', created_by: users.staff });
  const granteeReport = await one('grantee_reports', { fellowship_id: fellowship, kind: 'interim', period_start: '2026-04-01', period_end: '2026-09-30', due_on: '2026-10-31', requested_by: users.staff });
  await one('grantee_reports', { fellowship_id: fellowshipB, kind: 'interim', period_start: '2026-04-01', period_end: '2026-09-30', due_on: '2026-10-31', requested_by: users.staff });
  const expense = await one('expenses', { grantee_report_id: granteeReport, category: 'travel', spent_on: '2026-05-10', payee: 'Deutsche Bahn', description: 'Fahrt', amount_cents: 4_990 });
  const alumniProfile = await one('alumni_profiles', { organisation_id: orgA, cohort_id: cohort, offers: 'Ehrenamtsmanagement', needs: 'Finanzierung', visible: true, contact_email: 'a@verein-a.de' });
  await one('alumni_profiles', { organisation_id: orgB, cohort_id: cohort, offers: 'Finanzierung', needs: 'Ehrenamt', visible: true, contact_email: 'b@verein-b.de' });
  const introduction = await one('introductions', { from_organisation_id: orgB, to_organisation_id: orgA, message: 'Hallo A!', requested_by: users.applicantB });
  const email = await one('emails', { to: 'a@verein-a.de', subject: 'Willkommen', body: 'Hallo A', template: 'test', organisation_id: orgA });
  const auditEvent = await one('audit_events', { actor_id: users.staff, action: 'create', resource: 'organisations', record_id: orgA, changes: JSON.stringify({ after: { name: 'Organisation A e.V.' } }) });
  // Reference data from migration 0024; a world built on emptied tables brings it back.
  await q.insertInto('email_templates').values(shippedTemplateRows()).onConflict((oc: any) => oc.columns(['key', 'locale']).doNothing()).execute();
  const emailTemplate = (await q.selectFrom('email_templates').select('id').where('key', '=', 'application_received').where('locale', '=', 'de').executeTakeFirstOrThrow()).id;
  const mailing = await one('mailings', { name: 'Rundschreiben', audience: JSON.stringify({ kind: 'applicants', cohort_id: cohort }), subject: 'Hallo {{name}}', body: 'Neuigkeiten', created_by: users.staff });
  const report = await one('reports', { cohort_id: cohort, kind: 'funder', title: 'Bericht 2026', created_by: users.staff });

  for (const [role, token] of Object.entries(sessionTokens)) {
    await q.insertInto('sessions').values({ id: hashToken(token), user_id: users[role as keyof typeof users], expires_at: new Date(Date.now() + 86_400_000) }).execute();
  }

  /** The record each path segment's `:id` stands for: always the one belonging to organisation A. */
  const ids: Record<string, number> = {
    organisations: orgA, users: users.applicantA, people: personA, cohorts: cohort, criteria: criterion,
    applications: appA, attachments: attachment, conflicts: conflict, reviews: review, rankings: appA,
    fellowships: fellowship, milestones: milestone, workshops: workshop, 'alumni-events': alumniEvent, attendances: attendance,
    'coaching-sessions': coachingSession, disbursements: disbursement, 'disbursement-exports': disbursementExport,
    'grantee-reports': granteeReport, expenses: expense, 'alumni-profiles': alumniProfile, introductions: introduction, emails: email, 'audit-events': auditEvent, reports: report,
    'budget-lines': budgetLine, 'transfer-sites': transferSite, indicators: indicator, 'indicator-values': indicatorValue,
    surveys: survey, 'survey-quotes': surveyQuote,
    'email-templates': emailTemplate,
    'reminder-rules': await one('reminder_rules', { event: 'milestone_due', offset_days: 5, template_key: 'event_reminder' }),
    'follow-up-requests': followUpRequest,
    mailings: mailing,
  };
  return { orgA, orgB, users, cohort, ids };
}

/** `/reports/cohorts/:id/funder.pdf` → the cohort's id: the segment before a parameter names its record. */
export function fillPath(path: string, ids: Record<string, number>): string {
  const parts = path.split('/');
  return parts
    .map((part, i) => (part.startsWith(':') ? String(ids[parts[i - 1]] ?? 1) : part))
    .join('/');
}

export async function clearTables(db: Db): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' and tablename <> 'mail_keys'`.execute(db);
  await sql.raw(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`).execute(db);
}
