import { sql, type Transaction } from 'kysely';
import type { Database, Row } from '../db/schema.ts';
import { isStaff, type RequestContext } from '../http/context.ts';
import { badRequest, conflict, notFound, zodFieldErrors } from '../http/errors.ts';
import type { Rec } from '../http/resource.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { juryApplicationView } from '../reviews/index.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { applicationValues, composeEmail } from '../email-templates/index.ts';
import { applicationSubmitSchema, organisationCompleteSchema } from './applications.schema.ts';
import { APPLICATION_COLUMNS, INTERNAL_UNTIL_RELEASED as INTERNAL_STATUSES, leaveWaitlist } from './applications.queries.ts';

type Trx = Transaction<Database>;

/** Statuses from which an organisation may still withdraw (not after a final decision). */
const WITHDRAWABLE = new Set(['draft', 'submitted', 'eligible', 'ineligible', 'shortlisted', 'waitlisted']);
/** Eligibility is checked (and may be corrected) before the shortlist. */
const CHECKABLE = new Set(['submitted', 'eligible', 'ineligible']);
const INTERNAL_UNTIL_RELEASED: ReadonlySet<string> = new Set(INTERNAL_STATUSES);
const STAFF_ONLY_FIELDS = ['eligibility_note', 'decided_by', 'decided_at', 'waitlist_position', 'interview_notes'];

/** The call must be open by the server's clock: phase `call_open`, after opening, before the deadline. */
export function assertCallOpen(cohort: { phase: string; application_opens_at: Date; application_closes_at: Date }, now = new Date()): void {
  if (now >= new Date(cohort.application_closes_at)) {
    throw conflict('Der Bewerbungsschluss ist vorbei.', 'deadline_passed');
  }
  if (cohort.phase !== 'call_open' || now < new Date(cohort.application_opens_at)) {
    throw conflict('Die Ausschreibung ist nicht geöffnet.', 'call_not_open');
  }
}

/** What an applicant sees: internal notes hidden, undisclosed decisions shown as "submitted". */
export function presentApplication(record: Rec, ctx: Pick<RequestContext, 'user'>): Rec {
  const out: Rec = { ...record };
  if (out.funding_requested_cents != null) out.funding_requested_cents = Number(out.funding_requested_cents);
  if (isStaff(ctx.user)) return out;
  if (ctx.user?.role === 'jury') return juryApplicationView(out);
  for (const key of STAFF_ONLY_FIELDS) delete out[key];
  // Staff's work moves it (eligibility, decisions): before a release it would tell that one was taken.
  if (ctx.user?.role === 'applicant') delete out.updated_at;
  if (!out.decision_released_at && INTERNAL_UNTIL_RELEASED.has(out.status)) out.status = 'submitted';
  if (!out.decision_released_at) delete out.decision_reason;
  return out;
}

/**
 * Locks the application the caller may see (404 otherwise) and reads, in the same statement, its
 * cohort, its organisation and what the list view shows: the hot path of the deadline rush is
 * this query, one UPDATE, the audit row and the outbox row.
 */
async function lockVisible(trx: Trx, ctx: RequestContext, id: number) {
  let qb = trx
    .selectFrom('applications as t')
    .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .selectAll('t')
    .select([
      'c.name as cohort_name', 'c.phase as cohort_phase', 'c.application_opens_at', 'c.application_closes_at',
      'o.name as organisation_name', 'o.state as organisation_state', 'o.legal_form as organisation_legal_form',
      'o.field as organisation_field', 'o.city as organisation_city', 'o.email as organisation_email',
      'o.charitable_status as organisation_charitable_status',
    ])
    .select(sql<number>`(select count(*)::int from attachments x where x.application_id = t.id)`.as('attachment_count'))
    .where('t.id', '=', id);
  if (ctx.user?.role === 'applicant') qb = qb.where('t.organisation_id', '=', ctx.user.organisation_id ?? -1);
  else if (!isStaff(ctx.user)) throw notFound('Bewerbung nicht gefunden.');
  const row = await qb.forUpdate('t').executeTakeFirst();
  if (!row) throw notFound('Bewerbung nicht gefunden.');
  const app = Object.fromEntries(APPLICATION_COLUMNS.map((c) => [c.slice(2), (row as Rec)[c.slice(2)]])) as Row<'applications'>;
  const cohort = { name: row.cohort_name, phase: row.cohort_phase, application_opens_at: row.application_opens_at, application_closes_at: row.application_closes_at };
  const organisation = {
    id: row.organisation_id, name: row.organisation_name, state: row.organisation_state, legal_form: row.organisation_legal_form,
    city: row.organisation_city, email: row.organisation_email, charitable_status: row.organisation_charitable_status,
  };
  return { app, view: row as Rec, cohort, organisation };
}

/** The record as `GET /api/applications/:id` shows it, from the locked row and the updated columns. */
function asListed(ctx: RequestContext, locked: Rec, updated: Rec): Rec {
  const view: Rec = {};
  for (const column of APPLICATION_COLUMNS) {
    const key = column.slice(2);
    view[key] = key in updated ? updated[key] : locked[key];
  }
  for (const key of ['organisation_name', 'organisation_state', 'organisation_legal_form', 'organisation_field', 'organisation_city', 'cohort_name', 'application_closes_at', 'attachment_count']) {
    view[key] = locked[key];
  }
  return presentApplication(view, ctx);
}

export async function submitApplication(ctx: RequestContext, id: number): Promise<Rec> {
  return ctx.db.transaction().execute(async (trx) => {
    const { app, view, cohort, organisation } = await lockVisible(trx, ctx, id);
    if (app.status !== 'draft') throw conflict('Diese Bewerbung wurde bereits eingereicht.', 'wrong_state');
    const now = new Date();
    assertCallOpen(cohort, now);
    const errors: Record<string, string> = {};
    const content = applicationSubmitSchema.safeParse({ ...app, funding_requested_cents: app.funding_requested_cents == null ? undefined : Number(app.funding_requested_cents) });
    if (!content.success) Object.assign(errors, zodFieldErrors(content.error));
    const org = organisationCompleteSchema.safeParse(organisation);
    if (!org.success) for (const [k, v] of Object.entries(zodFieldErrors(org.error))) errors[`organisation.${k}`] = v;
    if (Object.keys(errors).length) throw badRequest('Die Bewerbung ist noch nicht vollständig.', errors, 'incomplete');

    const updated = await trx
      .updateTable('applications')
      .set({ status: 'submitted', submitted_at: now, updated_at: now })
      .where('id', '=', id)
      .returning(['status', 'submitted_at', 'updated_at', 'version'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'submit', 'applications', id, { status: app.status, submitted_at: app.submitted_at }, updated);
    // The applicant who submits reads it in their language; staff submitting on paper: the organisation's address, in German.
    const applicant = ctx.user?.role === 'applicant' ? ctx.user : null;
    const to = applicant ? applicant.email : organisation.email!;
    const receipt = await composeEmail(trx, 'application_received', applicant?.locale, applicationValues({
      organisation_name: organisation.name, project_name: app.project_name, cohort_name: cohort.name, submitted_at: now, application_id: id, public_url: ctx.config.PUBLIC_URL,
    }, applicant?.locale ?? 'de'));
    await queueEmail(trx, { to, ...receipt, organisation_id: organisation.id, dedupe_key: `application_receipt:${id}` });
    return asListed(ctx, view, updated);
  });
}

export async function withdrawApplication(ctx: RequestContext, id: number): Promise<Rec> {
  return ctx.db.transaction().execute(async (trx) => {
    const { app, view, cohort } = await lockVisible(trx, ctx, id);
    if (!WITHDRAWABLE.has(app.status)) throw conflict('Diese Bewerbung kann nicht mehr zurückgezogen werden.', 'wrong_state');
    const updated = await trx
      .updateTable('applications')
      .set({ status: 'withdrawn', updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'withdraw', 'applications', id, app, updated);
    await leaveWaitlist(trx, app);
    if (app.status !== 'draft') {
      const organisation = await trx.selectFrom('organisations').select(['id', 'name', 'email']).where('id', '=', app.organisation_id).executeTakeFirstOrThrow();
      const applicant = ctx.user?.role === 'applicant' ? ctx.user : null;
      const to = applicant ? applicant.email : organisation.email;
      if (to) {
        const text = await composeEmail(trx, 'application_withdrawn', applicant?.locale, applicationValues({
          organisation_name: organisation.name, project_name: app.project_name, cohort_name: cohort.name, submitted_at: app.submitted_at, application_id: id, public_url: ctx.config.PUBLIC_URL,
        }, applicant?.locale ?? 'de'));
        await queueEmail(trx, { to, ...text, organisation_id: organisation.id, dedupe_key: `application_withdrawn:${id}` });
      }
    }
    return asListed(ctx, view, updated);
  });
}

export async function checkEligibility(ctx: RequestContext, id: number, input: { eligible: boolean; note?: string | null }): Promise<Rec> {
  return ctx.db.transaction().execute(async (trx) => {
    const { app, view } = await lockVisible(trx, ctx, id);
    if (!CHECKABLE.has(app.status)) throw conflict('Die Förderfähigkeit wird nur bei eingereichten Bewerbungen geprüft.', 'wrong_state');
    const updated = await trx
      .updateTable('applications')
      .set({ status: input.eligible ? 'eligible' : 'ineligible', eligibility_note: input.note ?? null, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'check-eligibility', 'applications', id, app, updated);
    return asListed(ctx, view, updated);
  });
}
