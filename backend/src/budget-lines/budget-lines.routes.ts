import type { ApiRouter } from '../http/api-router.ts';
import { registerResource } from '../http/resource.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { BUDGET_CATEGORIES, budgetLineSchema, budgetLineUpdateSchema } from './budget-lines.schema.ts';
import { prepareCreate, prepareUpdate } from './budget-lines.service.ts';

/**
 * The budget plan of a grant agreement, one line per cost category. Staff write; the fellowship's
 * coach and the applicants of its organisation read (any other fellowship's lines answer 404).
 */
export function registerBudgetLineRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'budget-lines',
    table: 'budget_lines',
    tag: 'fellowships',
    select: (db, ctx) =>
      db
        .selectFrom('budget_lines as t')
        .innerJoin('fellowships as f', 'f.id', 't.fellowship_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['t.id', 't.fellowship_id', 't.category', 't.planned_cents', 't.note', 't.created_at', 't.updated_at', 'f.cohort_id', 'f.grant_cents', 'o.name as organisation_name'])
        .where('t.fellowship_id', 'in', visibleFellowshipIds(db, ctx.user)),
    fields: {
      id: { column: 't.id', type: 'int' },
      fellowship_id: { column: 't.fellowship_id', type: 'int' },
      cohort_id: { column: 'f.cohort_id', type: 'int' },
      category: { column: 't.category', type: BUDGET_CATEGORIES },
      planned_cents: { column: 't.planned_cents', type: 'int' },
      organisation_name: { column: 'o.name', type: 'text' },
    },
    defaultSort: ['id', 'ASC'],
    access: { read: ['admin', 'staff', 'coach', 'applicant'], create: ['admin', 'staff'], update: ['admin', 'staff'], delete: ['admin', 'staff'] },
    createSchema: budgetLineSchema,
    updateSchema: budgetLineUpdateSchema,
    beforeCreate: prepareCreate,
    beforeUpdate: prepareUpdate,
    present: (r) => ({ ...r, planned_cents: Number(r.planned_cents), grant_cents: Number(r.grant_cents) }),
  });
}
