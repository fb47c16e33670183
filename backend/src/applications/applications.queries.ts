import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Row } from '../db/schema.ts';
import { isStaff, type RequestContext } from '../http/context.ts';
import { jurorApplicationScope } from '../conflicts/index.ts';

/** Decisions stay internal until the cohort's finalize-selection releases them. */
export const INTERNAL_UNTIL_RELEASED = ['eligible', 'ineligible', 'selected', 'waitlisted', 'rejected'] as const;

/**
 * The status as an applicant sees it (the SQL twin of `presentApplication`): an unreleased
 * decision reads "submitted". Applicants' sort and filter on `status` run on this, never on the
 * real status.
 */
export const applicantStatus = sql<string>`(case when t.decision_released_at is null and t.status in (${sql.join(
  INTERNAL_UNTIL_RELEASED.map((s) => sql.lit(s)),
)}) then 'submitted' else t.status end)`;

export const APPLICATION_COLUMNS = [
  't.id', 't.cohort_id', 't.organisation_id', 't.project_name', 't.summary', 't.transfer_model', 't.target_regions',
  't.impact_evidence', 't.scaling_goals', 't.team', 't.funding_requested_cents', 't.budget_plan', 't.motivation',
  't.status', 't.submitted_at', 't.eligibility_note', 't.decision_reason', 't.decided_at', 't.decided_by',
  't.waitlist_position', 't.decision_released_at', 't.interview_at', 't.interview_notes', 't.created_at', 't.updated_at', 't.version',
] as const;

/**
 * The applications this caller may see, with the organisation facts staff filter by.
 * Staff: all. Applicant: their organisation's. Everyone else: none (the jury's view is added by
 * the reviews feature).
 */
export function selectApplications(db: Kysely<Database>, ctx: Pick<RequestContext, 'user'>) {
  const qb = db
    .selectFrom('applications as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
    .select([...APPLICATION_COLUMNS])
    .select([
      'o.name as organisation_name', 'o.state as organisation_state', 'o.legal_form as organisation_legal_form',
      'o.field as organisation_field', 'o.city as organisation_city', 'c.name as cohort_name',
      'c.application_closes_at',
    ])
    .select(sql<number>`(select count(*)::int from attachments x where x.application_id = t.id)`.as('attachment_count'))
    // A seat offered to this organisation (selected after the release, typically moved up from the
    // waitlist) that it can still accept or decline: the portal shows the two buttons.
    .select(
      sql<boolean>`(t.status = 'selected' and t.decision_released_at is not null and c.selection_finalized_at is not null
        and c.phase in ('selection', 'programme') and not exists (select 1 from fellowships f where f.application_id = t.id))`.as('offer_open'),
    );
  if (isStaff(ctx.user)) return qb;
  if (ctx.user?.role === 'applicant') return qb.where('t.organisation_id', '=', ctx.user.organisation_id ?? -1);
  // Jurors: only applications assigned to them and never one they declared a conflict with (issue 4).
  if (ctx.user?.role === 'jury') return qb.where('t.id', 'in', jurorApplicationScope(db, ctx.user.id));
  return qb.where(sql<boolean>`false`);
}

/** Closes the gap an application leaves when it leaves the waitlist. */
export async function closeWaitlistGap(trx: Kysely<Database> | Transaction<Database>, cohortId: number, position: number | null): Promise<void> {
  if (position == null) return;
  await trx
    .updateTable('applications')
    .set({ waitlist_position: sql`waitlist_position - 1` })
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'waitlisted')
    .where('waitlist_position', '>', position)
    .execute();
}

/**
 * A withdrawn application leaves the waitlist (same transaction, after the status change): its
 * position is cleared and the ones behind it move up. (A selected organisation leaves through
 * `decline-offer` or the fellowship's `withdraw`, which pass its seat on.)
 */
export async function leaveWaitlist(
  trx: Transaction<Database>,
  before: Pick<Row<'applications'>, 'id' | 'cohort_id' | 'status' | 'waitlist_position'>,
): Promise<void> {
  if (before.status !== 'waitlisted') return;
  await trx.updateTable('applications').set({ waitlist_position: null }).where('id', '=', before.id).execute();
  await closeWaitlistGap(trx, before.cohort_id, before.waitlist_position);
}
