import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { fundingOverview } from '../disbursements/index.ts';
import { indicatorProgress } from '../indicators/index.ts';
import { transferSiteSummary } from '../transfer-sites/index.ts';
import type {
  CohortComparison,
  CohortIndicatorOutcome,
  CohortOutcomes,
  IndicatorTotals,
  OutcomeCohort,
  OutcomeMoney,
  ProgrammeComparison,
} from './outcomes.schema.ts';

/**
 * All Kysely code of the outcome numbers (issue 20, DESIGN.md "Impact"): the one place the console's
 * "Wirkung" screen, funder.pdf, programme.pdf and the funder's dashboard read them from. Each number
 * comes from its own source and is only put together here: baseline → latest from the view
 * `indicator_progress` (`indicatorProgress` per fellow, the same view summed below), sites from
 * `transferSiteSummary`, money from `fundingOverview`. Sums and counts are SQL aggregates.
 */
type Db = Kysely<Database>;

const num = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v == null ? null : Number(v));
const perSite = (cents: number, sites: number) => (sites > 0 ? Math.round(cents / sites) : null);

/**
 * Per fellowship and indicator of the given cohorts: the latest follow-up measured in the calendar
 * year after the programme year (≈ 12 months on) and two years after (≈ 24 months on).
 */
const followUps = (cohortIds: readonly number[]) => sql`
  SELECT v.fellowship_id, v.indicator_id,
         (array_agg(v.value ORDER BY v.measured_on DESC, v.id DESC) FILTER (WHERE extract(year FROM v.measured_on)::int = c.year + 1))[1] AS follow_up_12,
         (array_agg(v.value ORDER BY v.measured_on DESC, v.id DESC) FILTER (WHERE extract(year FROM v.measured_on)::int = c.year + 2))[1] AS follow_up_24
    FROM indicator_values v
    JOIN fellowships f ON f.id = v.fellowship_id
    JOIN cohorts c ON c.id = f.cohort_id
   WHERE v.kind = 'follow_up' AND f.cohort_id IN (${sql.join(cohortIds)})
   GROUP BY v.fellowship_id, v.indicator_id`;

type TotalsRow = IndicatorTotals & { cohort_id: number; indicator_id: number; position: number };

/** Σ baseline, Σ latest, Σ change and the follow-up sums per cohort and indicator, in one statement. */
async function indicatorTotals(db: Db, cohortIds: readonly number[]): Promise<TotalsRow[]> {
  if (!cohortIds.length) return [];
  const { rows } = await sql<Record<string, unknown>>`
    WITH fu AS (${followUps(cohortIds)})
    SELECT p.cohort_id, p.indicator_id, p.name, p.unit, p.direction, p.position,
           coalesce(sum(p.baseline_value), 0) AS baseline_total,
           coalesce(sum(p.latest_value), 0) AS latest_total,
           coalesce(sum(p.change), 0) AS change,
           count(p.baseline_value) AS fellows_with_baseline,
           count(p.latest_value) AS fellows_reporting,
           sum(fu.follow_up_12) AS follow_up_12_total,
           sum(fu.follow_up_24) AS follow_up_24_total
      FROM indicator_progress p
      LEFT JOIN fu ON fu.fellowship_id = p.fellowship_id AND fu.indicator_id = p.indicator_id
     WHERE p.cohort_id IN (${sql.join(cohortIds)})
     GROUP BY p.cohort_id, p.indicator_id, p.name, p.unit, p.direction, p.position
     ORDER BY p.cohort_id, p.position, p.indicator_id`.execute(db);
  return rows.map((r) => ({
    cohort_id: num(r.cohort_id),
    indicator_id: num(r.indicator_id),
    position: num(r.position),
    name: String(r.name),
    unit: String(r.unit),
    direction: r.direction as IndicatorTotals['direction'],
    baseline_total: num(r.baseline_total),
    latest_total: num(r.latest_total),
    change: num(r.change),
    fellows_with_baseline: num(r.fellows_with_baseline),
    fellows_reporting: num(r.fellows_reporting),
    follow_up_12_total: numOrNull(r.follow_up_12_total),
    follow_up_24_total: numOrNull(r.follow_up_24_total),
  }));
}

interface CohortCounts {
  fellows: number;
  withdrawn: number;
  sites_total: number;
  sites_opened: number;
  sites_active: number;
  follow_up_values: number;
  follow_up_fellows: number;
}

/** Fellows, sites (all, opened, active now) and alumni follow-ups per cohort, in one statement. */
async function cohortCounts(db: Db, cohortIds: readonly number[]): Promise<Map<number, CohortCounts>> {
  if (!cohortIds.length) return new Map();
  const { rows } = await sql<Record<string, unknown>>`
    SELECT c.id AS cohort_id,
           (SELECT count(*) FROM fellowships f WHERE f.cohort_id = c.id AND f.status <> 'withdrawn') AS fellows,
           (SELECT count(*) FROM fellowships f WHERE f.cohort_id = c.id AND f.status = 'withdrawn') AS withdrawn,
           s.sites_total, s.sites_opened, s.sites_active, v.follow_up_values, v.follow_up_fellows
      FROM cohorts c
      CROSS JOIN LATERAL (
             SELECT count(*) AS sites_total,
                    count(*) FILTER (WHERE t.opened_on IS NOT NULL) AS sites_opened,
                    count(*) FILTER (WHERE t.status = 'active') AS sites_active
               FROM transfer_sites t JOIN fellowships f ON f.id = t.fellowship_id
              WHERE f.cohort_id = c.id
           ) s
      CROSS JOIN LATERAL (
             SELECT count(*) AS follow_up_values, count(DISTINCT v.fellowship_id) AS follow_up_fellows
               FROM indicator_values v JOIN fellowships f ON f.id = v.fellowship_id
              WHERE f.cohort_id = c.id AND v.kind = 'follow_up'
           ) v
     WHERE c.id IN (${sql.join(cohortIds)})`.execute(db);
  return new Map(rows.map((r) => [num(r.cohort_id), {
    fellows: num(r.fellows), withdrawn: num(r.withdrawn), sites_total: num(r.sites_total), sites_opened: num(r.sites_opened),
    sites_active: num(r.sites_active), follow_up_values: num(r.follow_up_values), follow_up_fellows: num(r.follow_up_fellows),
  }]));
}

/** Paid and granted from the funding overview (the console's, funder.pdf's and funding.pdf's one source), per site. */
async function money(db: Db, cohortId: number, counts: CohortCounts): Promise<OutcomeMoney> {
  const { totals } = await fundingOverview(db, cohortId);
  return {
    paid_total_cents: totals.paid_cents,
    granted_total_cents: totals.granted_cents,
    per_active_site_cents: perSite(totals.paid_cents, counts.sites_active),
    per_opened_site_cents: perSite(totals.paid_cents, counts.sites_opened),
  };
}

const stripTotalsKeys = ({ cohort_id: _c, indicator_id: _i, position: _p, ...totals }: TotalsRow): IndicatorTotals => totals;

/** One cohort's outcomes, or undefined if there is no such cohort. */
export async function cohortOutcomes(db: Db, cohortId: number): Promise<CohortOutcomes | undefined> {
  const cohort: OutcomeCohort | undefined = await db.selectFrom('cohorts').select(['id', 'name', 'year', 'phase']).where('id', '=', cohortId).executeTakeFirst();
  if (!cohort) return undefined;
  const fellowships = await db
    .selectFrom('fellowships as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select(['f.id', 'f.status', 'o.name as organisation_name'])
    .where('f.cohort_id', '=', cohortId)
    .orderBy('o.name')
    .orderBy('f.id')
    .execute();
  const [progress, totals, counts, followUpRows, sites] = await Promise.all([
    indicatorProgress(db, fellowships.map((f) => f.id)),
    indicatorTotals(db, [cohortId]),
    cohortCounts(db, [cohortId]).then((m) => m.get(cohortId)!),
    sql<{ fellowship_id: number; indicator_id: number; follow_up_12: unknown; follow_up_24: unknown }>`${followUps([cohortId])}`.execute(db),
    transferSiteSummary(db, cohortId),
  ]);
  const followUpOf = new Map(followUpRows.rows.map((r) => [`${r.fellowship_id}:${r.indicator_id}`, r]));
  const progressOf = new Map(progress.map((p) => [`${p.fellowship_id}:${p.indicator_id}`, p]));
  const indicators: CohortIndicatorOutcome[] = totals.map((t) => ({
    indicator_id: t.indicator_id,
    position: t.position,
    ...stripTotalsKeys(t),
    per_fellow: fellowships.map((f) => {
      const p = progressOf.get(`${f.id}:${t.indicator_id}`);
      const fu = followUpOf.get(`${f.id}:${t.indicator_id}`);
      return {
        fellowship_id: f.id,
        organisation_name: f.organisation_name,
        fellowship_status: f.status,
        baseline: p?.baseline_value ?? null,
        latest: p?.latest_value ?? null,
        latest_kind: p?.latest_kind ?? null,
        change: p?.change ?? null,
        follow_up_12: numOrNull(fu?.follow_up_12),
        follow_up_24: numOrNull(fu?.follow_up_24),
      };
    }),
  }));
  return {
    cohort,
    fellows: counts.fellows,
    withdrawn: counts.withdrawn,
    indicators,
    follow_ups: { values: counts.follow_up_values, fellows: counts.follow_up_fellows },
    sites: { by_state: sites.rows, totals: sites.totals, opened: counts.sites_opened, active: counts.sites_active },
    money: await money(db, cohortId, counts),
  };
}

/**
 * The cohorts whose year lies in [fromYear, toYear], oldest first, compared: fellows, sites opened
 * and still active, indicator totals (matched by name across cohorts, as copy-indicators carries a
 * set from year to year), alumni follow-ups and money paid, also per site.
 */
export async function programmeComparison(db: Db, fromYear: number, toYear: number, within?: readonly number[]): Promise<ProgrammeComparison> {
  // `within`: these cohorts only (a funder's), when given.
  const cohorts: OutcomeCohort[] = within && !within.length ? [] : await db
    .selectFrom('cohorts')
    .select(['id', 'name', 'year', 'phase'])
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .$if(!!within, (qb) => qb.where('id', 'in', within!))
    .orderBy('year')
    .orderBy('id')
    .execute();
  const ids = cohorts.map((c) => c.id);
  const [totals, counts] = await Promise.all([indicatorTotals(db, ids), cohortCounts(db, ids)]);

  // Newest cohort first decides order, unit and spelling; older cohorts add the names it lacks.
  const names = new Map<string, ProgrammeComparison['indicators'][number]>();
  for (const c of [...cohorts].reverse()) {
    for (const t of totals.filter((row) => row.cohort_id === c.id)) {
      if (!names.has(t.name)) names.set(t.name, { name: t.name, unit: t.unit, direction: t.direction });
    }
  }
  const indicators = [...names.values()];

  const lines: CohortComparison[] = [];
  for (const cohort of cohorts) {
    const n = counts.get(cohort.id)!;
    const own = new Map(totals.filter((t) => t.cohort_id === cohort.id).map((t) => [t.name, stripTotalsKeys(t)]));
    lines.push({
      cohort,
      fellows: n.fellows,
      withdrawn: n.withdrawn,
      sites_opened: n.sites_opened,
      sites_active: n.sites_active,
      sites_total: n.sites_total,
      indicators: indicators.map((i) => own.get(i.name) ?? null),
      follow_ups: { values: n.follow_up_values, fellows: n.follow_up_fellows },
      money: await money(db, cohort.id, n),
    });
  }
  const sum = (pick: (l: CohortComparison) => number) => lines.reduce((acc, l) => acc + pick(l), 0);
  const paid = sum((l) => l.money.paid_total_cents);
  const active = sum((l) => l.sites_active);
  return {
    from_year: fromYear,
    to_year: toYear,
    indicators,
    cohorts: lines,
    totals: {
      fellows: sum((l) => l.fellows),
      sites_opened: sum((l) => l.sites_opened),
      sites_active: active,
      follow_up_values: sum((l) => l.follow_ups.values),
      paid_total_cents: paid,
      per_active_site_cents: perSite(paid, active),
    },
  };
}
