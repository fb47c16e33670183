import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { ADMIN, STAFF } from '../http/api-router.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { registerResource, type Existing } from '../http/resource.ts';
import { hashPassword } from '../auth/password.ts';
import { ROLES, userCreateSchema, userUpdateSchema, type UserInput } from './users.schema.ts';
import { endSessions, forgetSessions } from '../auth/sessions.ts';
import { retireAccountTokens } from '../auth/account-tokens.ts';
import { forgetFunder } from '../cohorts/index.ts';

/** The write-only `password` becomes its hash; the rest of the input is the row. */
async function withPasswordHash<I extends { password?: string }>(input: I): Promise<Omit<I, 'password'> & { password_hash?: string }> {
  const { password, ...rest } = input;
  return password ? { ...rest, password_hash: await hashPassword(password) } : rest;
}

function checkOrganisation(values: Partial<UserInput>, existing?: Existing<'users'>) {
  const role = values.role ?? existing?.role;
  const organisationId = values.organisation_id !== undefined ? values.organisation_id : existing?.organisation_id;
  if (role === 'applicant' && !organisationId) throw badRequest('Bitte die Organisation angeben.', { organisation_id: 'Pflichtfeld für Antragstellende.' });
}

export function registerUserRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'users',
    table: 'users',
    // Staff read users (to pick jurors and coaches); only admins change them. Hashes never leave.
    select: (db) =>
      db
        .selectFrom('users as t')
        .leftJoin('organisations as o', 'o.id', 't.organisation_id')
        .select(['t.id', 't.email', 't.name', 't.role', 't.organisation_id', 't.active', 't.locale', 't.last_login_at', 't.created_at', 't.updated_at', 'o.name as organisation_name']),
    fields: {
      id: { column: 't.id', type: 'int' },
      email: { column: 't.email', type: 'text' },
      name: { column: 't.name', type: 'text' },
      role: { column: 't.role', type: ROLES },
      organisation_id: { column: 't.organisation_id', type: 'int' },
      active: { column: 't.active', type: 'bool' },
      last_login_at: { column: 't.last_login_at', type: 'datetime' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    search: (tsquery, raw) =>
      sql<boolean>`(to_tsvector('simple', t.name || ' ' || t.email) @@ to_tsquery('simple', ${tsquery}) OR lower(t.email) LIKE ${raw.toLowerCase().replace(/[%_\\]/g, '') + '%'})`,
    access: { read: STAFF, create: ADMIN, update: ADMIN, delete: ADMIN },
    createSchema: userCreateSchema,
    updateSchema: userUpdateSchema,
    beforeCreate: async (_ctx, input) => {
      checkOrganisation(input);
      return withPasswordHash(input);
    },
    beforeUpdate: async (ctx, input, existing, trx) => {
      checkOrganisation(input, existing);
      const self = existing.id === ctx.user!.id;
      if (self && (input.active === false || (input.role && input.role !== 'admin'))) {
        throw conflict('Sie können sich nicht selbst deaktivieren oder die Admin-Rolle entziehen.', 'self_lockout');
      }
      const roleChanged = input.role !== undefined && input.role !== existing.role;
      const emailChanged = input.email !== undefined && input.email !== String(existing.email).toLowerCase();
      // Deactivation or a new role ends every session of that user (a session never keeps an old
      // role); a new password ends every other one (an admin changing their own keeps this one).
      if (input.active === false || roleChanged) await endSessions(trx, { userIds: [existing.id] });
      else if (input.password) await endSessions(trx, { userIds: [existing.id], keep: self ? ctx.user!.session_id : undefined });
      // Name or organisation may change what this user sees: no cached session keeps the old.
      else forgetSessions({ userIds: [existing.id] });
      // A link mailed before a new password or to the old address must not open the account any more.
      if (input.password || emailChanged) await retireAccountTokens(trx, existing.id);
      if (roleChanged && existing.role === 'funder') await forgetFunder(trx, ctx.user, existing.id);
      return withPasswordHash(input);
    },
    beforeDelete: async (ctx, existing, trx) => {
      if (existing.id === ctx.user!.id) throw conflict('Sie können Ihr eigenes Konto nicht löschen.', 'self_lockout');
      // The foreign key would delete the sessions too, but not this instance's cached lookups.
      await endSessions(trx, { userIds: [existing.id] });
      if (existing.role === 'funder') await forgetFunder(trx, ctx.user, existing.id);
    },
  });
}
