import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { programmeYear } from '../grantee-reports/index.ts';
import { BUDGET_CATEGORIES } from '../budget-lines/budget-lines.schema.ts';
import type { AgreementData } from './agreement.pdf.ts';

/** A person whose title says they may sign for the organisation (board, management). */
const REPRESENTATIVE = `(Vorstand|Vorsitz|Geschäftsführ|Geschäftsleitung|Geschäftsfüh|Direktor|Leitung der Organisation)`;

/**
 * Everything the agreement prints, for a fellowship this caller may see (404 otherwise): the parties,
 * the project, the grant, the budget plan in category order, the tranches that are not cancelled
 * with their conditions, and the reporting duties from the cohort (`programmeYear`, the same dates requested reports default to).
 */
export async function loadAgreement(db: Kysely<Database>, ctx: RequestContext, fellowshipId: number, foundation: string): Promise<AgreementData> {
  const f = await db
    .selectFrom('fellowships as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .innerJoin('applications as a', 'a.id', 't.application_id')
    .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
    .select([
      't.id', 't.grant_cents', 't.status', 't.agreement_signed_on', 'o.name as organisation_name', 'o.legal_form', 'o.street', 'o.postal_code', 'o.city',
      'a.project_name', 'a.summary', 'a.transfer_model', 'a.scaling_goals', 'c.name as cohort_name', 'c.application_closes_at', 'c.selection_finalized_at',
    ])
    .where('t.id', '=', fellowshipId)
    .where('t.id', 'in', visibleFellowshipIds(db, ctx.user))
    .executeTakeFirst();
  if (!f) throw notFound('Förderung nicht gefunden.');
  const representative = await db
    .selectFrom('fellowships as t')
    .innerJoin('people as p', 'p.organisation_id', 't.organisation_id')
    .select(['p.first_name', 'p.last_name', 'p.role_title'])
    .where('t.id', '=', fellowshipId)
    .where(sql<boolean>`p.role_title ~* ${REPRESENTATIVE}`)
    .orderBy('p.id')
    .executeTakeFirst();
  const lines = await db.selectFrom('budget_lines').select(['category', 'planned_cents', 'note']).where('fellowship_id', '=', fellowshipId).execute();
  const tranches = await db
    .selectFrom('disbursements as d')
    .leftJoin('milestones as m', 'm.id', 'd.milestone_id')
    .leftJoin('grantee_reports as r', 'r.id', 'd.grantee_report_id')
    .select(['d.label', 'd.amount_cents', 'd.due_on', 'd.status', 'm.title as milestone_title', 'r.kind as report_kind', 'r.due_on as report_due_on'])
    .where('d.fellowship_id', '=', fellowshipId)
    .where('d.status', '<>', 'cancelled')
    .orderBy(sql`d.due_on nulls last`)
    .orderBy('d.id')
    .execute();
  const order = (c: string) => BUDGET_CATEGORIES.indexOf(c as (typeof BUDGET_CATEGORIES)[number]);
  return {
    id: f.id,
    foundation,
    organisation: {
      name: f.organisation_name,
      legal_form: f.legal_form,
      address: [f.street, [f.postal_code, f.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
      representative: representative ? `${representative.first_name} ${representative.last_name}${representative.role_title ? ` (${representative.role_title})` : ''}` : null,
    },
    cohort_name: f.cohort_name,
    project: { name: f.project_name, summary: f.summary, transfer_model: f.transfer_model, scaling_goals: f.scaling_goals },
    grant_cents: Number(f.grant_cents),
    signed_on: f.agreement_signed_on,
    budget: lines
      .map((l) => ({ category: l.category, planned_cents: Number(l.planned_cents), note: l.note }))
      .sort((a, b) => order(a.category) - order(b.category)),
    tranches: tranches.map((t) => ({
      label: t.label, amount_cents: Number(t.amount_cents), due_on: t.due_on == null ? null : String(t.due_on), status: t.status,
      milestone_title: t.milestone_title, report_kind: t.report_kind, report_due_on: t.report_due_on == null ? null : String(t.report_due_on),
    })),
    schedule: programmeYear(f),
  };
}
