import type { Rec } from '../http/resource.ts';

/**
 * What a juror may read of an application they are assigned to: its text and the organisation's
 * name. No contact data, no internal notes or decisions (DESIGN.md roles).
 */
const JURY_APPLICATION_FIELDS = [
  'id', 'cohort_id', 'organisation_id', 'organisation_name', 'organisation_field', 'cohort_name', 'project_name', 'summary',
  'transfer_model', 'target_regions', 'impact_evidence', 'scaling_goals', 'team', 'funding_requested_cents', 'budget_plan',
  'motivation', 'submitted_at',
] as const;

export function juryApplicationView(record: Rec): Rec {
  return Object.fromEntries(JURY_APPLICATION_FIELDS.filter((k) => k in record).map((k) => [k, record[k]]));
}
