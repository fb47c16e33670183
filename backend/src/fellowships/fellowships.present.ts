import type { Rec } from '../http/resource.ts';

/** A fellowship row as the API answers it: money, hours and stage as numbers (pg hands numeric/bigint as strings). */
export const presentFellowship = (r: Rec) => ({ ...r, grant_cents: Number(r.grant_cents), coaching_hours_budget: Number(r.coaching_hours_budget), stage: Number(r.stage),
  ...(r.budget_planned_cents === undefined ? {} : { budget_planned_cents: Number(r.budget_planned_cents) }) });
