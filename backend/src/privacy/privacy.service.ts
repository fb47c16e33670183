import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/database.ts';
import type { SessionUser } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { endSessions } from '../auth/sessions.ts';
import { collectFrom, emptyIdentity, identifiersOf, PLACEHOLDER, scrubberFor, withoutShared } from './identifiers.ts';
import { clearFreeText, collectFromAudit, otherPartyValues, ownedAuditEvents, redactAuditEvents, scrubMentions, textColumns, type Owner, type TextColumn } from './forget.ts';
import { date } from '../shared/format.ts';

type Trx = Transaction<Database>;
type Reader = Kysely<Database> | Trx;

/** Statuses whose applicants may be anonymised once their cohort's retention period has passed. */
const ANONYMISABLE_STATUSES = ['rejected', 'ineligible', 'withdrawn'] as const;

const REDACTED = PLACEHOLDER;

/**
 * Everything stored about one organisation (DSGVO Art. 15/20), as one JSON document. Password
 * hashes, other jurors' individual scores and confidential coaching notes stay out: reviews appear
 * only as per-application aggregates.
 */
export async function exportOrganisation(db: Reader, organisationId: number) {
  const organisation = await db.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirst();
  if (!organisation) throw notFound();
  const { search_vector: _sv, ...organisationData } = organisation as Record<string, unknown>;
  const people = await db.selectFrom('people').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute();
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'organisation_id', 'active', 'locale', 'last_login_at', 'created_at', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();
  const applications = (await db.selectFrom('applications').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute())
    .map(({ search_vector: _s, ...a }: Record<string, unknown>) => a);
  const applicationIds = applications.map((a) => a.id as number);
  const attachments = applicationIds.length
    ? await db.selectFrom('attachments').select(['id', 'application_id', 'filename', 'content_type', 'size_bytes', 'uploaded_by', 'created_at'])
        .where('application_id', 'in', applicationIds).orderBy('id').execute()
    : [];
  const reviewAggregates = applicationIds.length
    ? (await db
        .selectFrom('reviews')
        .select((eb) => [
          'application_id',
          eb.fn.countAll<number>().as('review_count'),
          sql<number>`count(*) filter (where status = 'submitted')`.as('submitted_count'),
          sql<number>`count(*) filter (where status = 'submitted' and recommendation = 'yes')`.as('recommended_yes'),
          sql<number>`count(*) filter (where status = 'submitted' and recommendation = 'maybe')`.as('recommended_maybe'),
          sql<number>`count(*) filter (where status = 'submitted' and recommendation = 'no')`.as('recommended_no'),
        ])
        .where('application_id', 'in', applicationIds)
        .groupBy('application_id')
        .orderBy('application_id')
        .execute()).map((r) => ({
        application_id: r.application_id,
        review_count: Number(r.review_count),
        submitted_count: Number(r.submitted_count),
        recommendations: { yes: Number(r.recommended_yes), maybe: Number(r.recommended_maybe), no: Number(r.recommended_no) },
      }))
    : [];
  const fellowships = await db.selectFrom('fellowships').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute();
  const fellowshipIds = fellowships.map((f) => f.id);
  const milestones = fellowshipIds.length ? await db.selectFrom('milestones').selectAll().where('fellowship_id', 'in', fellowshipIds).orderBy('id').execute() : [];
  const coachingSessions = fellowshipIds.length
    ? (await db.selectFrom('coaching_sessions').selectAll().where('fellowship_id', 'in', fellowshipIds).orderBy('id').execute())
        // Confidential content (topics, notes, next steps) is the coach's only, as on /api/coaching-sessions.
        .map((s) => (s.confidential ? { ...s, topics: null, notes: null, next_steps: null } : s))
    : [];
  const disbursements = fellowshipIds.length ? await db.selectFrom('disbursements').selectAll().where('fellowship_id', 'in', fellowshipIds).orderBy('id').execute() : [];
  const personIds = people.map((p) => p.id);
  const attendances = personIds.length
    ? await db
        .selectFrom('attendances as a')
        .innerJoin('workshops as w', 'w.id', 'a.workshop_id')
        .select(['a.id', 'a.workshop_id', 'a.person_id', 'a.status', 'a.created_at', 'w.title as workshop_title', 'w.starts_at as workshop_starts_at'])
        .where('a.person_id', 'in', personIds)
        .orderBy('a.id')
        .execute()
    : [];
  const alumniProfile = (await db.selectFrom('alumni_profiles').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst()) ?? null;
  const introductions = await db
    .selectFrom('introductions')
    .selectAll()
    .where((eb) => eb.or([eb('from_organisation_id', '=', organisationId), eb('to_organisation_id', '=', organisationId)]))
    .orderBy('id')
    .execute();
  const emails = await db
    .selectFrom('emails')
    .select(['id', 'to', 'subject', 'body', 'template', 'status', 'sent_at', 'created_at'])
    .where((eb) => eb.or([eb('organisation_id', '=', organisationId), ...addressesOf(organisation.email, people, users).map((a) => eb(eb.fn('lower', ['to']), '=', a))]))
    .orderBy('id')
    .execute();
  return {
    exported_at: new Date().toISOString(),
    organisation: organisationData,
    people,
    users,
    applications,
    attachments,
    reviews: reviewAggregates,
    fellowships,
    milestones,
    attendances,
    coaching_sessions: coachingSessions,
    disbursements,
    alumni_profile: alumniProfile ? stripSearch(alumniProfile as Record<string, unknown>) : null,
    introductions,
    emails,
  };
}

const stripSearch = (row: Record<string, unknown>) => {
  const { search_vector: _s, ...rest } = row;
  return rest;
};

function addressesOf(orgEmail: string | null, people: Array<{ email: string | null }>, users: Array<{ email: string }>): string[] {
  const all = [orgEmail, ...people.map((p) => p.email), ...users.map((u) => u.email)].filter((e): e is string => !!e);
  return [...new Set(all.map((e) => e.toLowerCase()))];
}

/** Why an organisation may not be anonymised yet, or undefined when it may. */
async function anonymiseBlocker(db: Reader, organisationId: number, now = new Date()): Promise<string | undefined> {
  const organisation = await db.selectFrom('organisations').select(['anonymised_at']).where('id', '=', organisationId).executeTakeFirst();
  if (!organisation) throw notFound();
  if (organisation.anonymised_at) return 'Diese Organisation ist bereits anonymisiert.';
  const fellowship = await db.selectFrom('fellowships').select('id').where('organisation_id', '=', organisationId).executeTakeFirst();
  if (fellowship) return 'Geförderte Organisationen (Fellows, Alumni) werden nicht anonymisiert.';
  const applications = await db
    .selectFrom('applications as a')
    .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
    .select(['a.status', sql<Date>`c.application_closes_at + make_interval(months => c.retention_months)`.as('retain_until')])
    .where('a.organisation_id', '=', organisationId)
    .execute();
  if (!applications.length) return 'Nur abgelehnte, nicht förderfähige oder zurückgezogene Bewerbungen werden anonymisiert; diese Organisation hat keine Bewerbung.';
  if (applications.some((a) => !(ANONYMISABLE_STATUSES as readonly string[]).includes(a.status))) {
    return 'Nur Organisationen, deren Bewerbungen alle abgelehnt, nicht förderfähig oder zurückgezogen sind, werden anonymisiert.';
  }
  const latest = Math.max(...applications.map((a) => new Date(a.retain_until).getTime()));
  if (latest > now.getTime()) {
    return `Die Aufbewahrungsfrist läuft noch bis ${date(new Date(latest))}.`;
  }
  return undefined;
}

/** Application fields kept for the statistics; every other free text of the application is cleared. */
const KEPT_APPLICATION_TEXT = ['status', 'transfer_model'] as const;

/**
 * Removes the personal data of a rejected applicant organisation in one transaction, everywhere it
 * was written:
 * - its own records: people, logins, attachments (rows and files), conflicts, alumni profile and
 *   introductions go; application texts and review comments are cleared; contact and bank fields of
 *   the organisation are emptied; unsent mails to or about it are dropped, sent ones redacted;
 * - the audit trail of those records, including records deleted long before (a removed attachment
 *   or person): every text is redacted, numbers, timestamps and states stay;
 * - every other mention: the former names, e-mail addresses, phone numbers and IBANs (also earlier
 *   ones, found in the audit copies) are replaced in every text, JSON and array column of every
 *   table (forget.ts reads them from the catalogue).
 * Kept for statistics: legal form, field, Bundesland, charitable status, application status,
 * cohort, transfer model, requested amount, review scores and recommendations; for bookkeeping:
 * payment records and amounts.
 */
export async function anonymiseOrganisation(
  trx: Trx, actor: Pick<SessionUser, 'id'> | null, organisationId: number, now = new Date(), catalogue?: TextColumn[],
) {
  const locked = await trx.selectFrom('organisations').selectAll().where('id', '=', organisationId).forUpdate().executeTakeFirst();
  if (!locked) throw notFound();
  const blocker = await anonymiseBlocker(trx, organisationId, now);
  if (blocker) throw conflict(blocker, 'not_anonymisable');

  const columns = catalogue ?? (await textColumns(trx));
  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
  const people = await trx.selectFrom('people').selectAll().where('organisation_id', '=', organisationId).execute();
  const users = await trx.selectFrom('users').select(['id', 'email', 'name']).where('organisation_id', '=', organisationId).execute();
  const applicationIds = ids(await trx.selectFrom('applications').select('id').where('organisation_id', '=', organisationId).execute());
  const byApplication = async (table: 'attachments' | 'reviews') =>
    applicationIds.length ? ids(await trx.selectFrom(table).select('id').where('application_id', 'in', applicationIds).execute()) : [];
  const attachmentIds = await byApplication('attachments');
  const profiles = await trx.selectFrom('alumni_profiles').select(['id', 'contact_email']).where('organisation_id', '=', organisationId).execute();
  const ofOrganisation = (eb: ExpressionBuilder<Database, 'introductions'>) => eb.or([eb('from_organisation_id', '=', organisationId), eb('to_organisation_id', '=', organisationId)]);
  const owner: Owner = {
    organisationId,
    applicationIds,
    personIds: ids(people),
    records: {
      organisations: [organisationId], people: ids(people), users: ids(users), applications: applicationIds, attachments: attachmentIds,
      reviews: await byApplication('reviews'),
      conflicts: ids(await trx.selectFrom('conflicts').select('id').where('organisation_id', '=', organisationId).execute()),
      'alumni-profiles': ids(profiles),
      introductions: ids(await trx.selectFrom('introductions').select('id').where(ofOrganisation).execute()),
    },
  };
  const auditEvents = await ownedAuditEvents(trx, owner);

  // Everything the organisation and its people were called and reachable at, now and before.
  const identity = emptyIdentity();
  collectFrom(identity, locked, { nameIsPhrase: true });
  for (const person of people) collectFrom(identity, person);
  for (const user of users) collectFrom(identity, user, { nameIsPerson: true });
  for (const profile of profiles) collectFrom(identity, profile);
  collectFromAudit(identity, auditEvents);
  const candidates = identifiersOf(identity);
  const identifiers = withoutShared(candidates, await otherPartyValues(trx, organisationId, scrubberFor(candidates).prefilter));
  const addresses = [...new Set(identifiers.filter((i) => i.kind === 'email').map((i) => i.value.toLowerCase()))];

  const attachments = attachmentIds.length ? await trx.deleteFrom('attachments').where('id', 'in', attachmentIds).returning('id').execute() : [];
  if (applicationIds.length) {
    await clearFreeText(trx, columns, 'applications', applicationIds, KEPT_APPLICATION_TEXT);
    await trx.updateTable('applications').set({ interview_at: null, updated_at: now }).where('id', 'in', applicationIds).execute();
    // Scores stay for the statistics; free-text comments about the applicant go.
    await trx
      .updateTable('reviews')
      .set({
        overall_comment: null,
        scores: sql`coalesce((select jsonb_agg(s - 'comment') from jsonb_array_elements(scores) s), '[]'::jsonb)`,
        updated_at: now,
      })
      .where('application_id', 'in', applicationIds)
      .execute();
  }
  await trx.deleteFrom('people').where('organisation_id', '=', organisationId).execute();
  await trx.deleteFrom('conflicts').where('organisation_id', '=', organisationId).execute();
  await trx.deleteFrom('alumni_profiles').where('organisation_id', '=', organisationId).execute();
  await trx.deleteFrom('introductions').where(ofOrganisation).execute();
  for (const user of users) {
    await trx
      .updateTable('users')
      .set({ email: `anonymisiert-${user.id}@invalid`, name: REDACTED, active: false, password_hash: null, locked_until: null, failed_logins: 0, updated_at: now })
      .where('id', '=', user.id)
      .execute();
  }
  if (users.length) {
    await endSessions(trx, { userIds: users.map((u) => u.id) });
    await trx.deleteFrom('password_resets').where('user_id', 'in', users.map((u) => u.id)).execute();
  }
  // Mails to or about the organisation: unsent ones are not sent any more, sent ones keep only their trace.
  const mailsOfOrganisation = (eb: ExpressionBuilder<Database, 'emails'>) =>
    eb.or([eb('organisation_id', '=', organisationId), ...addresses.map((a) => eb(eb.fn('lower', ['to']), '=', a))]);
  const dropped = await trx.deleteFrom('emails').where(mailsOfOrganisation).where('status', '=', 'queued').returning('id').execute();
  const redacted = await trx
    .updateTable('emails')
    .set({ to: REDACTED, subject: REDACTED, body: REDACTED, last_error: null })
    .where(mailsOfOrganisation)
    .returning('id')
    .execute();
  await trx
    .updateTable('organisations')
    .set({
      name: `${REDACTED} #${organisationId}`, street: null, postal_code: null, city: null, website: null, email: null, phone: null,
      description: null, iban: null, bic: null, account_holder: null, tax_exemption_valid_until: null,
      founded_year: null, staff_count: null, annual_budget_cents: null, anonymised_at: now, updated_at: now,
    })
    .where('id', '=', organisationId)
    .execute();

  await redactAuditEvents(trx, auditEvents);
  const mentions = await scrubMentions(trx, columns, scrubberFor(identifiers), organisationId);

  const summary = {
    people: people.length, users: users.length, applications: applicationIds.length, attachments: attachments.length,
    emails: dropped.length + redacted.length, audit_events: auditEvents.length, mentions,
  };
  await recordAudit(trx, actor, 'anonymise', 'organisations', organisationId, null, null, { removed: summary });
  return summary;
}

/** Organisations whose retention period has passed (candidates for the daily job). */
export async function dueForAnonymisation(db: Db, now = new Date()): Promise<number[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .select('o.id')
    .where('o.anonymised_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('applications as a').select('a.id').whereRef('a.organisation_id', '=', 'o.id')))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('fellowships as f').select('f.id').whereRef('f.organisation_id', '=', 'o.id'))))
    .where(({ not, exists, selectFrom }) =>
      not(exists(
        selectFrom('applications as a')
          .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
          .select('a.id')
          .whereRef('a.organisation_id', '=', 'o.id')
          .where((eb) => eb.or([
            eb('a.status', 'not in', [...ANONYMISABLE_STATUSES]),
            eb(sql`c.application_closes_at + make_interval(months => c.retention_months)`, '>', now),
          ])),
      )))
    .orderBy('o.id')
    .execute();
  return rows.map((r) => r.id);
}
