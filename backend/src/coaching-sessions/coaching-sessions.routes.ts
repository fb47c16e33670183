import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { csvDay, csvLabel, sendCsv } from '../http/csv.ts';
import type { FieldSpec } from '../http/list-query.ts';
import { applyListQuery, registerResource, type Rec } from '../http/resource.ts';
import { COACHING_FORMATS, coachingBudget, coachingSessionSchema, coachingSessionUpdateSchema } from './coaching-sessions.schema.ts';
import { coachingSessionsQuery } from './coaching-sessions.queries.ts';
import { checkActive, checkBudget, checkWriter, lockFellowship } from './coaching-sessions.service.ts';

const FIELDS: Record<string, FieldSpec> = {
  id: { column: 't.id', type: 'int' },
  fellowship_id: { column: 't.fellowship_id', type: 'int' },
  coach_id: { column: 't.coach_id', type: 'int' },
  organisation_id: { column: 't.organisation_id', type: 'int' },
  cohort_id: { column: 't.cohort_id', type: 'int' },
  held_on: { column: 't.held_on', type: 'date' },
  duration_minutes: { column: 't.duration_minutes', type: 'int' },
  format: { column: 't.format', type: COACHING_FORMATS },
  confidential: { column: 't.confidential', type: 'bool' },
  organisation_name: { column: 't.organisation_name', type: 'text' },
  created_at: { column: 't.created_at', type: 'datetime' },
};

/** Searches only the (already redacted) columns of the derived table. */
const search = (tsquery: string) =>
  sql<boolean>`to_tsvector('german', coalesce(t.topics, '') || ' ' || coalesce(t.notes, '') || ' ' || coalesce(t.next_steps, '') || ' ' || t.organisation_name) @@ to_tsquery('german', ${tsquery})`;

/** Adds the fellowship's budget state to a session record (hours used vs budget). */
function present(record: Rec): Rec {
  const { budget_hours, fellowship_used_minutes, ...rest } = record;
  if (budget_hours === undefined) return record;
  const budget = coachingBudget(fellowship_used_minutes, budget_hours);
  return { ...rest, budget };
}

const EXPORT_LIMIT = 10_000;
const CSV_HEADER = ['ID', 'Datum', 'Organisation', 'Coach', 'Minuten', 'Format', 'Vertraulich', 'Themen', 'Notizen', 'Nächste Schritte'];

export function registerCoachingSessionRoutes(api: ApiRouter): void {
  // Before the resource, so `export.csv` is not taken for an id.
  api.add({
    method: 'get',
    path: '/coaching-sessions/export.csv',
    tag: 'coaching-sessions',
    summary: 'CSV of the coaching sessions the caller may see (same filters; confidential content stays redacted)',
    access: ['admin', 'staff', 'coach', 'applicant'],
    list: { fields: FIELDS, search: true, defaultSort: ['held_on', 'DESC'], paged: false },
    handler: async (ctx, _req, res, { list }) => {
      const rows = await applyListQuery(coachingSessionsQuery(ctx.db, ctx.user), list, { search }, ctx)
        .orderBy(list.sort.ref, list.sort.direction)
        .orderBy(sql.ref('t.id'), list.sort.direction)
        .limit(EXPORT_LIMIT)
        .execute();
      sendCsv(res, 'coaching-sessions.csv', [
        CSV_HEADER,
        ...rows.map((r: Rec) => [r.id, csvDay(r.held_on), r.organisation_name, r.coach_name, r.duration_minutes, csvLabel('coaching_format', r.format), r.confidential, r.topics, r.notes, r.next_steps]),
      ]);
      return undefined;
    },
  });

  registerResource(api, {
    name: 'coaching-sessions',
    table: 'coaching_sessions',
    select: (db, ctx) => coachingSessionsQuery(db, ctx.user),
    fields: FIELDS,
    search,
    defaultSort: ['held_on', 'DESC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], create: ['admin', 'staff', 'coach'], update: ['admin', 'coach'], delete: ['admin', 'coach'] },
    createSchema: coachingSessionSchema,
    updateSchema: coachingSessionUpdateSchema,
    beforeCreate: async (ctx, input, trx) => {
      const fellowship = await lockFellowship(trx, ctx, input.fellowship_id);
      checkActive(fellowship);
      await checkBudget(trx, fellowship, input.duration_minutes);
      // The writer is whoever logs it: that is whose confidential notes these are.
      return { ...input, coach_id: ctx.user!.id };
    },
    beforeUpdate: async (ctx, input, existing, trx) => {
      checkWriter(ctx, existing as { coach_id: number });
      if (input.duration_minutes !== undefined && input.duration_minutes !== existing.duration_minutes) {
        const fellowship = await lockFellowship(trx, ctx, existing.fellowship_id);
        await checkBudget(trx, fellowship, input.duration_minutes, existing.id);
      }
      return input;
    },
    beforeDelete: (ctx, existing) => checkWriter(ctx, existing as { coach_id: number }),
    present,
  });
}
