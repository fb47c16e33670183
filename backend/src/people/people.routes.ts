import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { registerResource } from '../http/resource.ts';
import { personSchema } from './people.schema.ts';

export function registerPeopleRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'people',
    table: 'people',
    select: (db, ctx) => {
      const qb = db
        .selectFrom('people as t')
        .innerJoin('organisations as o', 'o.id', 't.organisation_id')
        .select(['t.id', 't.organisation_id', 't.first_name', 't.last_name', 't.email', 't.phone', 't.role_title', 't.created_at', 't.updated_at', 'o.name as organisation_name']);
      if (isStaff(ctx.user)) return qb;
      if (ctx.user?.role === 'applicant') return qb.where('t.organisation_id', '=', ctx.user.organisation_id ?? -1);
      if (ctx.user?.role === 'coach') {
        return qb.where('t.organisation_id', 'in', db.selectFrom('fellowships').select('organisation_id').where('coach_id', '=', ctx.user.id));
      }
      return qb.where(sql<boolean>`false`);
    },
    fields: {
      id: { column: 't.id', type: 'int' },
      organisation_id: { column: 't.organisation_id', type: 'int' },
      first_name: { column: 't.first_name', type: 'text' },
      last_name: { column: 't.last_name', sortColumn: 't.last_name_sort', type: 'text' },
      email: { column: 't.email', type: 'text' },
      role_title: { column: 't.role_title', type: 'text' },
      organisation_name: { column: 'o.name', type: 'text' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    search: (tsquery, raw) =>
      sql<boolean>`(to_tsvector('simple', t.first_name || ' ' || t.last_name || ' ' || coalesce(t.email, '')) @@ to_tsquery('simple', ${tsquery}) OR o.search_vector @@ to_tsquery('german', ${tsquery}) OR t.email ILIKE ${raw.replace(/[%_\\]/g, '') + '%'})`,
    access: { read: ['admin', 'staff', 'applicant', 'coach'], create: ['admin', 'staff', 'applicant'], update: ['admin', 'staff', 'applicant'], delete: ['admin', 'staff', 'applicant'] },
    createSchema: personSchema,
    beforeCreate: (ctx, input) => {
      // An applicant adds people only to their own organisation; another id looks like a missing one.
      if (ctx.user?.role === 'applicant' && input.organisation_id !== ctx.user.organisation_id) throw notFound('Organisation nicht gefunden.');
      return input;
    },
    beforeUpdate: (ctx, input) => {
      if (ctx.user?.role === 'applicant' && input.organisation_id !== undefined && input.organisation_id !== ctx.user.organisation_id) {
        throw notFound('Organisation nicht gefunden.');
      }
      return input;
    },
  });
}
