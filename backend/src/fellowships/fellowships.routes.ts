import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { changedFields, registerResource, type Patch } from '../http/resource.ts';
import { visibleFellowshipIds } from './fellowships.scope.ts';
import { approveStageGate } from './fellowships.service.ts';
import { FELLOWSHIP_STATUSES, fellowshipUpdateSchema, stageGateSchema } from './fellowships.schema.ts';
import { presentFellowship } from './fellowships.present.ts';
import { committedCents } from '../disbursements/index.ts';
import { assertAgreementDate, assertGrantCoversBudget } from './agreement.ts';

export function registerFellowshipRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'fellowships',
    table: 'fellowships',
    select: (db, ctx) =>
      db
        .selectFrom('fellowships as t')
        .innerJoin('organisations as o', 'o.id', 't.organisation_id')
        .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
        .innerJoin('applications as a', 'a.id', 't.application_id')
        .leftJoin('users as u', 'u.id', 't.coach_id')
        // Every column of the table: a new one reaches the API without being listed here.
        .selectAll('t')
        .select(['o.name as organisation_name', 'c.name as cohort_name', 'c.year as cohort_year', 'a.project_name', 'u.name as coach_name'])
        .select(
          sql<string | null>`(select m.status from milestones m where m.fellowship_id = t.id and m.kind = 'transfer_concept' order by (m.status = 'achieved') desc, m.id limit 1)`.as(
            'transfer_concept_status',
          ),
        )
        // The agreement's budget plan in total, next to the grant it must not exceed.
        .select(sql<string>`(select coalesce(sum(b.planned_cents), 0) from budget_lines b where b.fellowship_id = t.id)`.as('budget_planned_cents'))
        .where('t.id', 'in', visibleFellowshipIds(db, ctx.user)),
    fields: {
      id: { column: 't.id', type: 'int' },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      organisation_id: { column: 't.organisation_id', type: 'int' },
      application_id: { column: 't.application_id', type: 'int' },
      coach_id: { column: 't.coach_id', type: 'int' },
      status: { column: 't.status', type: FELLOWSHIP_STATUSES },
      stage: { column: 't.stage', type: 'int' },
      grant_cents: { column: 't.grant_cents', type: 'int' },
      coaching_hours_budget: { column: 't.coaching_hours_budget', type: 'number' },
      organisation_name: { column: 'o.name', type: 'text' },
      cohort_name: { column: 'c.name', type: 'text', filterable: false },
      cohort_year: { column: 'c.year', type: 'int' },
      coach_name: { column: 'u.name', type: 'text', filterable: false },
      agreement_signed_on: { column: 't.agreement_signed_on', type: 'date' },
      created_at: { column: 't.created_at', type: 'datetime' },
      updated_at: { column: 't.updated_at', type: 'datetime' },
    },
    search: (tsquery) => sql<boolean>`(o.search_vector @@ to_tsquery('german', ${tsquery}) OR a.search_vector @@ to_tsquery('german', ${tsquery}))`,
    defaultSort: ['id', 'ASC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], update: ['admin', 'staff', 'coach'] },
    updateSchema: fellowshipUpdateSchema,
    beforeUpdate: async (ctx, input, existing, trx) => {
      // A coach keeps the fellow's goals up to date; money, coach and status are the programme team's.
      if (ctx.user?.role === 'coach') return input.goals === undefined ? {} : { goals: input.goals };
      // Staff: every field of the schema is saved unless a rule below refuses it, so a field added
      // to the schema is saved too (a hand-picked patch once dropped a new one without a word).
      const patch: Patch<'fellowships'> = changedFields(input, existing);
      if (patch.coach_id != null) {
        const coach = await trx.selectFrom('users').select(['role', 'active']).where('id', '=', patch.coach_id).executeTakeFirst();
        if (!coach || coach.role !== 'coach' || !coach.active) {
          throw badRequest('Bitte einen aktiven Coach oder Transfer-Angel wählen.', { coach_id: 'kein aktiver Coach' });
        }
      }
      if (patch.grant_cents !== undefined) {
        if (Number(patch.grant_cents) < (await committedCents(trx, existing.id))) {
          throw conflict('Das Stipendium darf nicht unter die bereits geplanten Tranchen sinken.', 'budget', { grant_cents: 'unter den geplanten Tranchen' });
        }
        await assertGrantCoversBudget(trx, existing.id, Number(patch.grant_cents));
      }
      if (patch.agreement_signed_on !== undefined) await assertAgreementDate(trx, existing.id, patch.agreement_signed_on ?? null);
      if (patch.status !== undefined) {
        if (patch.status === 'withdrawn') throw conflict('Eine Förderung endet vorzeitig über die Aktion „Förderung beenden“ (sie gibt den Platz frei).', 'use_withdraw');
        if (!(existing.status === 'active' && patch.status === 'completed')) {
          throw conflict('Der Status kann nur von „aktiv“ zu „abgeschlossen“ wechseln.', 'invalid_transition');
        }
      }
      return patch;
    },
    present: presentFellowship,
  });

  api.add({
    method: 'post', path: '/fellowships/:id/approve-stage-gate', tag: 'fellowships', access: STAFF, body: stageGateSchema, optionalBody: true,
    summary: 'Stage gate: approve the achieved transfer concept, the fellowship enters stage 2',
    handler: async (ctx, _req, _res, { id, body: { note } }) => presentFellowship(await approveStageGate(ctx, id, note)),
  });
}
