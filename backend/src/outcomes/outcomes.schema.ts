import { z } from 'zod';
import type { INDICATOR_DIRECTIONS, INDICATOR_VALUE_KINDS } from '../indicators/indicators.schema.ts';
import type { TransferSiteSummary } from '../transfer-sites/transfer-sites.schema.ts';

type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
type IndicatorValueKind = (typeof INDICATOR_VALUE_KINDS)[number];

/** At most this many programme years in one comparison (console, programme.pdf, funder dashboard). */
export const MAX_COMPARISON_YEARS = 20;

const year = (name: string) =>
  z.string({ error: `${name} fehlt (Jahreszahl).` }).regex(/^\d{4}$/, 'Jahreszahl mit vier Ziffern erwartet.').transform(Number);

/**
 * `?from_year=&to_year=` of the programme comparison (`GET /api/outcomes`, `GET
 * /api/reports/programme.pdf`): two four-digit years, from ≤ to, at most MAX_COMPARISON_YEARS years
 * (both ends included).
 */
export const programmeRangeQuery = z
  .object({ from_year: year('Von-Jahr'), to_year: year('Bis-Jahr') })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from_year > q.to_year) ctx.addIssue({ code: 'custom', path: ['to_year'], message: 'Das Bis-Jahr liegt vor dem Von-Jahr.' });
    else if (q.to_year - q.from_year + 1 > MAX_COMPARISON_YEARS) {
      ctx.addIssue({ code: 'custom', path: ['to_year'], message: `Höchstens ${MAX_COMPARISON_YEARS} Jahre auf einmal.` });
    }
  });

export interface OutcomeCohort {
  id: number;
  name: string;
  year: number;
  phase: string;
}

/**
 * One fellow's values of one indicator: baseline → latest (view `indicator_progress`) and the alumni follow-ups.
 * @public
 */
export interface FellowIndicatorOutcome {
  fellowship_id: number;
  organisation_name: string;
  fellowship_status: string;
  baseline: number | null;
  latest: number | null;
  latest_kind: IndicatorValueKind | null;
  /** latest − baseline; null without a baseline or without any value. */
  change: number | null;
  /** The latest follow-up measured in the calendar year after the programme year (≈ 12 months on). */
  follow_up_12: number | null;
  /** The latest follow-up measured two calendar years after the programme year (≈ 24 months on). */
  follow_up_24: number | null;
}

/** Sums over a cohort's fellows of one indicator, computed in SQL. */
export interface IndicatorTotals {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline_total: number;
  latest_total: number;
  /** Σ (latest − baseline) over the fellows that have both, so a fellow without a baseline adds no growth. */
  change: number;
  fellows_with_baseline: number;
  fellows_reporting: number;
  follow_up_12_total: number | null;
  follow_up_24_total: number | null;
}

export interface CohortIndicatorOutcome extends IndicatorTotals {
  indicator_id: number;
  position: number;
  per_fellow: FellowIndicatorOutcome[];
}

export interface OutcomeMoney {
  /** Σ paid tranches and Σ grants, from the funding overview (`fundingOverview`), the one source of these sums. */
  paid_total_cents: number;
  granted_total_cents: number;
  /** paid ÷ sites active today, rounded to the cent; null without an active site. */
  per_active_site_cents: number | null;
  /** paid ÷ sites ever opened (opened_on set, also those closed since); null without one. */
  per_opened_site_cents: number | null;
}

/**
 * A cohort's transfer sites: by Bundesland and status, opened and active.
 * @public
 */
export interface OutcomeSites {
  /** Every Bundesland (zeros included) with its sites by status: `transferSiteSummary`. */
  by_state: TransferSiteSummary['rows'];
  totals: TransferSiteSummary['totals'];
  /** Sites that have opened (opened_on set), whether still active or closed since. */
  opened: number;
  active: number;
}

/** `GET /api/cohorts/:id/outcomes`. */
export interface CohortOutcomes {
  cohort: OutcomeCohort;
  /** Fellowships not withdrawn. Indicators, sites and money count every fellowship of the cohort, withdrawn ones included. */
  fellows: number;
  withdrawn: number;
  indicators: CohortIndicatorOutcome[];
  /** Alumni follow-ups: values of kind `follow_up`, and the fellows with at least one. */
  follow_ups: { values: number; fellows: number };
  sites: OutcomeSites;
  money: OutcomeMoney;
}

/** One cohort's line of the programme comparison. */
export interface CohortComparison {
  cohort: OutcomeCohort;
  fellows: number;
  withdrawn: number;
  sites_opened: number;
  sites_active: number;
  sites_total: number;
  /** Aligned with `ProgrammeComparison.indicators`; null where the cohort does not measure that indicator. */
  indicators: Array<IndicatorTotals | null>;
  follow_ups: { values: number; fellows: number };
  money: OutcomeMoney;
}

/** `GET /api/outcomes?from_year=&to_year=`: the cohorts of those years compared, oldest first. */
export interface ProgrammeComparison {
  from_year: number;
  to_year: number;
  /** Indicators matched by name across cohorts, in the order of the newest cohort that measures them. */
  indicators: Array<{ name: string; unit: string; direction: IndicatorDirection }>;
  cohorts: CohortComparison[];
  totals: {
    fellows: number;
    sites_opened: number;
    sites_active: number;
    follow_up_values: number;
    paid_total_cents: number;
    per_active_site_cents: number | null;
  };
}
