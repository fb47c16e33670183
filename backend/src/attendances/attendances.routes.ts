import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { registerResource } from '../http/resource.ts';
import { markAttendanceSchema } from '../workshops/workshops.schema.ts';
import { workshopsQuery } from '../workshops/index.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { ATTENDANCE_STATUSES, attendanceSchema, attendanceUpdateSchema } from './attendances.schema.ts';
import { fellowshipAttendance, organisationStatusByWorkshop } from './attendances.queries.ts';
import {
  checkApplicantChange, checkCap, checkEligible, checkStatusTiming, lockWorkshop, markAttendance, personFor,
} from './attendances.service.ts';

export function registerAttendanceRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'attendances',
    table: 'attendances',
    select: (db, ctx) => {
      const qb = db
        .selectFrom('attendances as t')
        .innerJoin('workshops as w', 'w.id', 't.workshop_id')
        .innerJoin('people as p', 'p.id', 't.person_id')
        .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select([
          't.id', 't.workshop_id', 't.person_id', 't.status', 't.created_at', 't.updated_at',
          'p.organisation_id', 'o.name as organisation_name', sql<string>`p.first_name || ' ' || p.last_name`.as('person_name'),
          'w.title as workshop_title', 'w.kind as workshop_kind', 'w.starts_at as workshop_starts_at', 'w.cohort_id',
        ]);
      if (isStaff(ctx.user)) return qb;
      if (ctx.user?.role === 'applicant') return qb.where('p.organisation_id', '=', ctx.user.organisation_id ?? -1);
      if (ctx.user?.role === 'coach') {
        const coachId = ctx.user.id;
        return qb.where(({ exists, selectFrom }) =>
          exists(selectFrom('fellowships as f').select('f.id').where('f.coach_id', '=', coachId).whereRef('f.organisation_id', '=', 'p.organisation_id').whereRef('f.cohort_id', '=', 'w.cohort_id')),
        );
      }
      return qb.where(sql<boolean>`false`);
    },
    fields: {
      id: { column: 't.id', type: 'int' },
      workshop_id: { column: 't.workshop_id', type: 'int' },
      person_id: { column: 't.person_id', type: 'int' },
      organisation_id: { column: 'p.organisation_id', type: 'int' },
      cohort_id: { column: 'w.cohort_id', type: 'int' },
      status: { column: 't.status', type: ATTENDANCE_STATUSES },
      person_name: { column: 'p.last_name', type: 'text' },
      organisation_name: { column: 'o.name', type: 'text' },
      workshop_starts_at: { column: 'w.starts_at', type: 'datetime' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    defaultSort: ['organisation_name', 'ASC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], create: ['admin', 'staff', 'applicant'], update: ['admin', 'staff', 'applicant'], delete: ['admin', 'staff', 'applicant'] },
    createSchema: attendanceSchema,
    updateSchema: attendanceUpdateSchema,
    beforeCreate: async (ctx, input, trx) => {
      const workshop = await lockWorkshop(trx, ctx, input.workshop_id);
      const person = await personFor(trx, ctx, input.person_id);
      const status = input.status ?? 'registered';
      checkApplicantChange(ctx, workshop, status);
      checkStatusTiming(workshop, status);
      await checkEligible(trx, workshop, person.organisation_id);
      const duplicate = await trx.selectFrom('attendances').select('id').where('workshop_id', '=', workshop.id).where('person_id', '=', person.id).executeTakeFirst();
      if (duplicate) throw conflict('Diese Person ist schon angemeldet.', 'duplicate', { person_id: 'Schon angemeldet.' });
      if (status !== 'excused') await checkCap(trx, workshop, person.organisation_id);
      return { workshop_id: workshop.id, person_id: person.id, status };
    },
    beforeUpdate: async (ctx, input, existing, trx) => {
      if (!input.status || input.status === existing.status) return {};
      const workshop = await lockWorkshop(trx, ctx, existing.workshop_id);
      checkApplicantChange(ctx, workshop, input.status);
      checkStatusTiming(workshop, input.status);
      if (existing.status === 'excused') {
        const person = await trx.selectFrom('people').select('organisation_id').where('id', '=', existing.person_id).executeTakeFirstOrThrow();
        await checkCap(trx, workshop, person.organisation_id, existing.id);
      }
      return { status: input.status };
    },
    beforeDelete: async (ctx, existing, trx) => {
      if (ctx.user?.role !== 'applicant') return;
      const workshop = await lockWorkshop(trx, ctx, existing.workshop_id);
      checkApplicantChange(ctx, workshop, 'excused');
    },
  });

  api.add({
    method: 'post',
    path: '/workshops/:id/mark-attendance',
    tag: 'attendances',
    summary: 'Mark attended/absent/excused for many people of one workshop at once (staff)',
    access: STAFF,
    body: markAttendanceSchema,
    handler: async (ctx, _req, _res, { id, body: { entries } }) => {
      await markAttendance(ctx, id, entries);
      const record = await workshopsQuery(ctx.db, ctx).where('t.id', '=', id).executeTakeFirst();
      if (!record) throw notFound();
      return record;
    },
  });

  api.add({
    method: 'get',
    path: '/cohorts/:id/attendance-overview',
    tag: 'attendances',
    summary: 'Per fellowship: attendance at the cohort\'s mandatory workshops and whether it breaks the rule',
    access: ['admin', 'staff', 'coach'],
    handler: async (ctx, _req, _res, { id: cohortId }) => {
      const cohort = await ctx.db.selectFrom('cohorts').select(['id', 'name', 'min_attendance_percent']).where('id', '=', cohortId).executeTakeFirst();
      if (!cohort) throw notFound('Jahrgang nicht gefunden.');
      const visible = (await visibleFellowshipIds(ctx.db, ctx.user).where('vf.cohort_id', '=', cohortId).execute()).map((r) => r.id);
      if (!visible.length && !isStaff(ctx.user)) throw notFound('Jahrgang nicht gefunden.');
      const rows = await fellowshipAttendance(ctx.db, { fellowshipIds: visible });
      const workshops = await ctx.db
        .selectFrom('workshops')
        .select(['id', 'title', 'kind', 'starts_at', 'ends_at', 'mandatory'])
        .where('cohort_id', '=', cohortId)
        .orderBy('starts_at')
        .execute();
      const statuses = await organisationStatusByWorkshop(ctx.db, workshops.map((w) => w.id), rows.map((r) => r.organisation_id));
      return {
        cohort_id: cohort.id,
        cohort_name: cohort.name,
        min_attendance_percent: cohort.min_attendance_percent,
        workshops,
        rows: rows.map((r) => ({
          ...r,
          by_workshop: Object.fromEntries(statuses.filter((s) => s.organisation_id === r.organisation_id).map((s) => [s.workshop_id, s.status])),
        })),
        below_rule_count: rows.filter((r) => r.below_rule && r.status !== 'withdrawn').length,
      };
    },
  });
}
