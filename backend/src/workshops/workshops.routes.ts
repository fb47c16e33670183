import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { ALL_ROLES, STAFF } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { registerResource } from '../http/resource.ts';
import { contentDisposition } from '../http/download.ts';
import { capPerOrganisation, isOnSite, WORKSHOP_KINDS, workshopSchema, workshopUpdateSchema } from './workshops.schema.ts';
import { workshopsCalendar } from './workshops.ics.ts';
import { workshopsQuery } from './workshops.queries.ts';

const withCap = (record: Record<string, any>) => ({
  ...record,
  on_site: isOnSite(record as any),
  cap_per_organisation: capPerOrganisation(record as any),
});

const icsQuery = z.object({ cohort_id: z.string().regex(/^\d{1,9}$/, 'cohort_id fehlt oder ist ungültig.').transform(Number) }).strict();

export function registerWorkshopRoutes(api: ApiRouter): void {
  // Before the resource so that `/workshops.ics` is never read as an id.
  api.add({
    method: 'get',
    path: '/workshops.ics',
    tag: 'workshops',
    summary: 'iCalendar feed (RFC 5545, Europe/Berlin) of one cohort\'s workshops: ?cohort_id=',
    access: ALL_ROLES,
    handler: async (ctx, req, res) => {
      const parsed = icsQuery.safeParse(req.query);
      if (!parsed.success) throw badRequest('Bitte cohort_id angeben.', { cohort_id: 'ungültig' }, 'invalid_filter');
      const cohort = await ctx.db.selectFrom('cohorts').select(['id', 'name']).where('id', '=', parsed.data.cohort_id).executeTakeFirst();
      if (!cohort) throw notFound('Jahrgang nicht gefunden.');
      const workshops = await workshopsQuery(ctx.db, ctx).where('t.cohort_id', '=', cohort.id).orderBy('t.starts_at').orderBy('t.id').execute();
      // A cohort the caller has no part in looks like a missing one.
      if (!workshops.length && !isStaff(ctx.user)) throw notFound('Jahrgang nicht gefunden.');
      const body = workshopsCalendar({ cohortName: cohort.name, publicUrl: ctx.config.PUBLIC_URL, workshops });
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', contentDisposition(`workshops-${cohort.id}.ics`));
      res.send(body);
      return undefined;
    },
  });

  registerResource(api, {
    name: 'workshops',
    table: 'workshops',
    select: workshopsQuery,
    fields: {
      id: { column: 't.id', type: 'int' },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      title: { column: 't.title', type: 'text' },
      kind: { column: 't.kind', type: WORKSHOP_KINDS },
      starts_at: { column: 't.starts_at', type: 'datetime' },
      ends_at: { column: 't.ends_at', type: 'datetime' },
      facilitator_id: { column: 't.facilitator_id', type: 'int' },
      mandatory: { column: 't.mandatory', type: 'bool' },
      location: { column: 't.location', type: 'text' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    search: (tsquery) =>
      sql<boolean>`to_tsvector('german', t.title || ' ' || coalesce(t.description, '') || ' ' || coalesce(t.facilitator, '') || ' ' || coalesce(t.location, '')) @@ to_tsquery('german', ${tsquery})`,
    customFilters: {
      /** `upcoming: true` → not yet ended; `false` → ended. */
      upcoming: (qb, value) => {
        if (typeof value !== 'boolean') throw badRequest('upcoming muss true oder false sein.', { upcoming: 'ungültig' }, 'invalid_filter');
        return qb.where(sql.ref('t.ends_at'), value ? '>=' : '<', sql`now()`);
      },
    },
    defaultSort: ['starts_at', 'ASC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], create: STAFF, update: STAFF, delete: STAFF },
    createSchema: workshopSchema,
    updateSchema: workshopUpdateSchema,
    beforeCreate: async (_ctx, input, trx) => {
      await checkFacilitator(trx, input.facilitator_id);
      return input;
    },
    beforeUpdate: async (_ctx, input, existing, trx) => {
      const starts = input.starts_at ?? existing.starts_at;
      const ends = input.ends_at ?? existing.ends_at;
      if (new Date(ends) <= new Date(starts)) throw badRequest('Das Ende muss nach dem Beginn liegen.', { ends_at: 'Das Ende muss nach dem Beginn liegen.' });
      await checkFacilitator(trx, input.facilitator_id);
      return input;
    },
    beforeDelete: async (_ctx, existing, trx) => {
      // Recorded attendance is the evidence for the attendance rule: it is not deleted with the event.
      const recorded = await trx.selectFrom('attendances').select('id').where('workshop_id', '=', existing.id).where('status', 'in', ['attended', 'absent', 'excused']).executeTakeFirst();
      if (recorded) throw conflict('Für diese Veranstaltung ist schon Anwesenheit erfasst; sie kann nicht gelöscht werden.', 'attendance_recorded');
    },
    present: withCap,
  });
}

async function checkFacilitator(trx: Kysely<Database>, facilitatorId: number | null | undefined) {
  if (facilitatorId == null) return;
  const user = await trx.selectFrom('users').select('role').where('id', '=', facilitatorId).executeTakeFirst();
  if (!user || !['admin', 'staff', 'coach'].includes(user.role)) {
    throw badRequest('Moderation: nur Team oder Coaches.', { facilitator_id: 'Nur Team-Mitglieder oder Coaches.' });
  }
}
