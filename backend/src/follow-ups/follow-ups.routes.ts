import { sql } from 'kysely';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { validate } from '../http/input.ts';
import { registerResource } from '../http/resource.ts';
import { followUpRates, selectFollowUpRequests } from './follow-ups.queries.ts';
import { FOLLOW_UP_MONTHS, followUpSummaryQuery } from './follow-ups.schema.ts';

const TAG = 'follow-ups';

const isBool = (value: unknown) => value === true || value === false || value === 'true' || value === 'false';

/**
 * Follow-up requests (DESIGN.md "Impact"): written only by the hourly job and marked answered by a
 * follow-up value or a transfer-site change; read by staff (all) and by an organisation's
 * applicants (their own). The response rate per cohort and follow-up is the staff's.
 */
export function registerFollowUpRoutes(api: ApiRouter): void {
  // Before the resource, so `summary` is not taken for an id.
  api.add({
    method: 'get',
    path: '/follow-up-requests/summary',
    tag: TAG,
    summary: 'Follow-up response rate: requests sent and answered per cohort and follow-up (12/24 months); ?cohort_id= for one cohort',
    access: STAFF,
    handler: async (ctx, req) => {
      const { cohort_id } = validate(followUpSummaryQuery, req.query);
      if (cohort_id !== undefined && !(await ctx.db.selectFrom('cohorts').select('id').where('id', '=', cohort_id).executeTakeFirst())) {
        throw notFound('Diesen Jahrgang gibt es nicht.');
      }
      return followUpRates(ctx.db, cohort_id);
    },
  });

  registerResource(api, {
    name: 'follow-up-requests',
    table: 'follow_up_requests',
    tag: TAG,
    select: selectFollowUpRequests,
    fields: {
      id: { column: 't.id', type: 'int' },
      fellowship_id: { column: 't.fellowship_id', type: 'int' },
      cohort_id: { column: 'f.cohort_id', type: 'int' },
      organisation_id: { column: 'f.organisation_id', type: 'int' },
      organisation_name: { column: 'o.name', type: 'text' },
      cohort_name: { column: 'c.name', type: 'text' },
      due_on: { column: 't.due_on', type: 'date' },
      requested_at: { column: 't.requested_at', type: 'datetime' },
      responded_at: { column: 't.responded_at', type: 'datetime' },
    },
    customFilters: {
      /** 12 or 24 (the follow-up). */
      months: (qb, value) => {
        const months = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value;
        if (!(FOLLOW_UP_MONTHS as readonly unknown[]).includes(months)) throw badRequest('months: 12 oder 24.', { months: 'ungültiger Wert' }, 'invalid_filter');
        return qb.where('t.months', '=', months as number);
      },
      /** Answered (a follow-up value or transfer-site change after the request) or still open. */
      responded: (qb, value) => {
        if (!isBool(value)) throw badRequest('responded: true oder false.', { responded: 'ungültiger Wert' }, 'invalid_filter');
        return qb.where(sql<boolean>`t.responded_at is ${value === true || value === 'true' ? sql`not null` : sql`null`}`);
      },
    },
    defaultSort: ['due_on', 'DESC'],
    access: { read: ['admin', 'staff', 'applicant'] },
  });
}
