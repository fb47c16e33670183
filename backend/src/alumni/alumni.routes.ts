import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { registerResource } from '../http/resource.ts';
import { phaseHooks } from '../cohorts/index.ts';
import { FIELDS } from '../organisations/organisations.schema.ts';
import {
  ALUMNI_EVENT_KINDS, INTRODUCTION_STATUSES, TRANSFER_MODELS, alumniProfileCreateSchema, alumniProfileUpdateSchema,
  introductionCreateSchema, introductionResponseSchema,
} from './alumni.schema.ts';
import { ownOrganisation, profileSearch, selectAlumniEvents, selectIntroductions, selectProfiles } from './alumni.queries.ts';
import { createAlumniProfiles, matchesForProfile, mentorMatchesForFellowship, requestIntroduction, respondToIntroduction } from './alumni.service.ts';

const ALUMNI_READERS = ['admin', 'staff', 'applicant'] as const;

// Moving a cohort into `alumni` turns its completed fellows into (hidden) alumni profiles.
phaseHooks.alumni.push(async (trx, cohort, ctx) => {
  await createAlumniProfiles(trx, cohort, ctx);
});

export function registerAlumniRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'alumni-profiles',
    table: 'alumni_profiles',
    tag: 'alumni',
    select: selectProfiles,
    fields: {
      id: { column: 't.id', type: 'int' },
      organisation_id: { column: 't.organisation_id', type: 'int' },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      visible: { column: 't.visible', type: 'bool' },
      organisation_name: { column: 'o.name', type: 'text' },
      cohort_year: { column: 'c.year', type: 'int' },
      field: { column: 'o.field', type: FIELDS },
      state: { column: 'o.state', type: 'text' },
      city: { column: 'o.city', type: 'text' },
      transfer_model: { column: 'a.transfer_model', type: TRANSFER_MODELS },
      project_name: { column: 'a.project_name', type: 'text' },
      created_at: { column: 't.created_at', type: 'datetime' },
      updated_at: { column: 't.updated_at', type: 'datetime' },
    },
    search: profileSearch,
    defaultSort: ['organisation_name', 'ASC'],
    access: { read: ALUMNI_READERS, create: STAFF, update: ALUMNI_READERS, delete: STAFF },
    createSchema: alumniProfileCreateSchema,
    updateSchema: alumniProfileUpdateSchema,
    beforeCreate: async (_ctx, input, trx) => {
      const organisation = await trx.selectFrom('organisations').select('id').where('id', '=', input.organisation_id).executeTakeFirst();
      const cohort = await trx.selectFrom('cohorts').select('id').where('id', '=', input.cohort_id).executeTakeFirst();
      const errors: Record<string, string> = {};
      if (!organisation) errors.organisation_id = 'Organisation nicht gefunden.';
      if (!cohort) errors.cohort_id = 'Jahrgang nicht gefunden.';
      if (Object.keys(errors).length) throw badRequest('Bitte prüfen Sie die markierten Felder.', errors);
      return input;
    },
    beforeUpdate: async (ctx, input, existing, trx) => {
      if (isStaff(ctx.user)) {
        if (input.cohort_id !== undefined && !(await trx.selectFrom('cohorts').select('id').where('id', '=', input.cohort_id).executeTakeFirst())) {
          throw badRequest('Bitte prüfen Sie die markierten Felder.', { cohort_id: 'Jahrgang nicht gefunden.' });
        }
        return input;
      }
      // Alumni edit their own profile only; the cohort is read-only for them.
      if (existing.organisation_id !== ownOrganisation(ctx)) throw forbidden('Sie können nur das Profil Ihrer eigenen Organisation ändern.');
      const { cohort_id: _readOnly, ...patch } = input;
      return patch;
    },
  });

  api.add({
    method: 'get',
    path: '/alumni-profiles/:id/matches',
    tag: 'alumni',
    summary: 'Other alumni whose offers meet this profile’s needs and vice versa, ranked and explained',
    access: ALUMNI_READERS,
    handler: (ctx, _req, _res, { id }) => matchesForProfile(ctx, id),
  });

  api.add({
    method: 'get',
    path: '/fellowships/:id/mentor-matches',
    tag: 'alumni',
    summary: 'Alumni whose offers meet a current fellow’s needs (`?needs=` topics, else the fellowship goals)',
    access: STAFF,
    handler: (ctx, req, _res, { id }) => {
      const query = req.query as Record<string, unknown>;
      for (const key of Object.keys(query)) if (key !== 'needs') throw badRequest(`Unbekannter Parameter ${key}.`, { [key]: 'unbekannt' }, 'unknown_parameter');
      const needs = query.needs;
      if (needs !== undefined && (typeof needs !== 'string' || needs.length > 2000)) throw badRequest('needs: Themen als Text, höchstens 2000 Zeichen.', { needs: 'ungültig' });
      return mentorMatchesForFellowship(ctx, id, needs as string | undefined);
    },
  });

  registerResource(api, {
    name: 'introductions',
    table: 'introductions',
    tag: 'alumni',
    select: selectIntroductions,
    fields: {
      id: { column: 't.id', type: 'int' },
      from_organisation_id: { column: 't.from_organisation_id', type: 'int' },
      to_organisation_id: { column: 't.to_organisation_id', type: 'int' },
      requested_by: { column: 't.requested_by', type: 'int' },
      status: { column: 't.status', type: INTRODUCTION_STATUSES },
      created_at: { column: 't.created_at', type: 'datetime' },
      responded_at: { column: 't.responded_at', type: 'datetime' },
    },
    customFilters: {
      direction: (qb, value, ctx) => {
        if (value !== 'incoming' && value !== 'outgoing') throw badRequest('direction: incoming oder outgoing.', { direction: 'ungültiger Wert' }, 'invalid_filter');
        return qb.where(value === 'incoming' ? 't.to_organisation_id' : 't.from_organisation_id', '=', ownOrganisation(ctx));
      },
    },
    defaultSort: ['created_at', 'DESC'],
    access: { read: ALUMNI_READERS },
  });

  // Not the resource's generic create: the pair's unique index decides, and its violation is
  // answered with the introduction that already exists (alumni.service.ts).
  api.add({
    method: 'post',
    path: '/introductions',
    tag: 'alumni',
    summary: 'Ask for an introduction to another alumni organisation (one open or accepted introduction per pair, either direction)',
    access: ['applicant'],
    body: introductionCreateSchema,
    status: 201,
    handler: (ctx, _req, _res, { body }) => requestIntroduction(ctx, body),
  });

  for (const [verb, decision] of [['accept', 'accepted'], ['decline', 'declined']] as const) {
    api.add({
      method: 'post',
      path: `/introductions/:id/${verb}`,
      tag: 'alumni',
      summary: `${verb === 'accept' ? 'Accept' : 'Decline'} an introduction request (the requested organisation only)`,
      access: ['applicant'],
      body: introductionResponseSchema,
      optionalBody: true,
      handler: (ctx, _req, _res, { id, body: { note } }) => respondToIntroduction(ctx, id, decision, note),
    });
  }

  registerResource(api, {
    name: 'alumni-events',
    table: 'workshops',
    tag: 'alumni',
    select: selectAlumniEvents,
    fields: {
      id: { column: 't.id', type: 'int' },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      kind: { column: 't.kind', type: ALUMNI_EVENT_KINDS },
      title: { column: 't.title', type: 'text' },
      starts_at: { column: 't.starts_at', type: 'datetime' },
      ends_at: { column: 't.ends_at', type: 'datetime' },
      cohort_year: { column: 'c.year', type: 'int' },
    },
    defaultSort: ['starts_at', 'ASC'],
    access: { read: ALUMNI_READERS },
  });
}

