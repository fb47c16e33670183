import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { csvDay, csvLabel } from '../http/csv.ts';
import type { FieldSpec } from '../http/list-query.ts';
import { registerResource, type CsvExport, type Rec } from '../http/resource.ts';
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

const CSV_COLUMNS: CsvExport<Rec>['columns'] = [
  ['ID', (r) => r.id], ['Datum', (r) => csvDay(r.held_on)], ['Organisation', (r) => r.organisation_name], ['Coach', (r) => r.coach_name],
  ['Minuten', (r) => r.duration_minutes], ['Format', (r) => csvLabel('coaching_format', r.format)], ['Vertraulich', (r) => r.confidential], ['Themen', (r) => r.topics],
  ['Notizen', (r) => r.notes], ['Nächste Schritte', (r) => r.next_steps],
];

export function registerCoachingSessionRoutes(api: ApiRouter): void {
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
      checkWriter(ctx, existing);
      if (input.duration_minutes !== undefined && input.duration_minutes !== existing.duration_minutes) {
        const fellowship = await lockFellowship(trx, ctx, existing.fellowship_id);
        await checkBudget(trx, fellowship, input.duration_minutes, existing.id);
      }
      return input;
    },
    beforeDelete: (ctx, existing) => checkWriter(ctx, existing),
    present,
    csv: {
      summary: 'CSV of the coaching sessions the caller may see (same filters; confidential content stays redacted)',
      limit: 10_000,
      columns: CSV_COLUMNS,
    },
  });
}
