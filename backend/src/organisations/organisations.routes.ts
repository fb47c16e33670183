import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { registerResource } from '../http/resource.ts';
import { setActor } from '../db/actor.ts';
import { organisationSchema, organisationUpdateSchema } from './organisations.schema.ts';

export const ORGANISATION_COLUMNS = [
  't.id', 't.name', 't.legal_form', 't.charitable_status', 't.tax_exemption_valid_until', 't.street', 't.postal_code',
  't.city', 't.state', 't.website', 't.email', 't.phone', 't.founded_year', 't.staff_count', 't.annual_budget_cents',
  't.field', 't.description', 't.iban', 't.bic', 't.account_holder', 't.anonymised_at', 't.created_at', 't.updated_at', 't.version',
] as const;

// Coaches see the organisations they coach, but never their bank details.
const BANK_COLUMNS = new Set(['t.iban', 't.bic', 't.account_holder']);
const COACH_COLUMNS = ORGANISATION_COLUMNS.filter((column) => !BANK_COLUMNS.has(column));

const STALE_ORGANISATION =
  'Das Profil dieser Organisation wurde inzwischen an anderer Stelle geändert (z. B. in einem anderen Fenster). Bitte neu laden und Ihre Änderungen erneut eintragen.';

export function registerOrganisationRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'organisations',
    table: 'organisations',
    select: (db, ctx) => {
      const from = db.selectFrom('organisations as t');
      const qb = from.select([...ORGANISATION_COLUMNS]);
      if (isStaff(ctx.user)) return qb;
      if (ctx.user?.role === 'applicant') return qb.where('t.id', '=', ctx.user.organisation_id ?? -1);
      if (ctx.user?.role === 'coach') {
        return from
          .select([...COACH_COLUMNS])
          .where('t.id', 'in', db.selectFrom('fellowships').select('organisation_id').where('coach_id', '=', ctx.user.id));
      }
      return qb.where(sql<boolean>`false`);
    },
    fields: {
      id: { column: 't.id', type: 'int' },
      name: { column: 't.name', sortColumn: 't.name_sort', type: 'text' },
      legal_form: { column: 't.legal_form', type: ['e_v', 'ggmbh', 'stiftung', 'genossenschaft', 'other'] },
      charitable_status: { column: 't.charitable_status', type: 'bool' },
      city: { column: 't.city', type: 'text' },
      state: { column: 't.state', type: 'text' },
      field: { column: 't.field', type: ['education', 'social', 'environment', 'health', 'culture', 'integration', 'democracy', 'other'] },
      founded_year: { column: 't.founded_year', type: 'int' },
      staff_count: { column: 't.staff_count', type: 'int' },
      annual_budget_cents: { column: 't.annual_budget_cents', type: 'int' },
      created_at: { column: 't.created_at', type: 'datetime' },
      updated_at: { column: 't.updated_at', type: 'datetime' },
    },
    search: (tsquery) => sql<boolean>`t.search_vector @@ to_tsquery('german', ${tsquery})`,
    access: { read: ['admin', 'staff', 'applicant', 'coach'], create: STAFF, update: ['admin', 'staff', 'applicant'], delete: STAFF },
    createSchema: organisationSchema,
    updateSchema: organisationUpdateSchema,
    versioned: { message: STALE_ORGANISATION },
    // A change of IBAN, BIC or account holder resets the organisation's approved tranches and
    // makes this caller one of their editors (trigger, migration 0010): it needs to know who.
    beforeUpdate: async (ctx, input, _existing, trx) => {
      await setActor(trx, ctx.user?.id);
      return input;
    },
  });
}
