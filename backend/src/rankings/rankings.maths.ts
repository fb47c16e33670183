/**
 * The ranking maths as pure functions. The SQL in rankings.queries.ts computes the same numbers in
 * one round trip; the tests hold both against hand-computed examples. Formulas: docs/jury.md.
 */

export interface CriterionWeight {
  id: number;
  weight: number;
  max_score: number;
}

export interface ScoredReview {
  application_id: number;
  juror_id: number;
  recommendation: 'yes' | 'maybe' | 'no' | null;
  scores: Array<{ criterion_id: number; score: number | null }>;
}

export interface RankingRow {
  application_id: number;
  review_count: number;
  weighted_score: number | null;
  normalised_score: number | null;
  spread: number | null;
  disagreement: boolean;
  rank: number | null;
}

/** Two reviews further apart than this (on the 0–100 scale) count as a disagreement. */
export const DISAGREEMENT_SPREAD = 25;
/** Scores are compared at this precision so that floating-point noise never breaks a tie. */
const TIE_DECIMALS = 6;

const round = (x: number, decimals = TIE_DECIMALS) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * One review's score on 0–100: Σ weight·score/max_score ÷ Σ weight over the criteria it scored.
 * Criteria without a score (or unknown to the cohort) are left out of both sums; null if none scored.
 */
export function reviewScore(criteria: readonly CriterionWeight[], scores: ScoredReview['scores']): number | null {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  let weighted = 0;
  let weights = 0;
  for (const s of scores) {
    const c = byId.get(s.criterion_id);
    if (!c || s.score === null || s.score === undefined) continue;
    weighted += (c.weight * s.score) / c.max_score;
    weights += c.weight;
  }
  return weights > 0 ? (100 * weighted) / weights : null;
}

/** Population mean and standard deviation. */
export function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/**
 * A juror's z-score for one review: (score − the juror's mean) ÷ the juror's standard deviation,
 * over all reviews that juror submitted in the cohort. A juror with one review or with identical
 * scores everywhere carries no information about order: their z is 0.
 */
export function zScore(score: number, jurorScores: readonly number[]): number {
  if (jurorScores.length < 2) return 0;
  const { mean, std } = meanAndStd(jurorScores);
  return std > 1e-9 ? (score - mean) / std : 0;
}

/**
 * Rankings of one cohort. `applicationIds` lists every ranked application (also those without a
 * submitted review: they get review_count 0, null scores and no rank). Rank is competition ranking
 * ("1, 2, 2, 4") by normalised_score, then weighted_score, both descending.
 */
export function computeRankings(
  applicationIds: readonly number[],
  criteria: readonly CriterionWeight[],
  submitted: readonly ScoredReview[],
): RankingRow[] {
  const scored = submitted
    .map((r) => ({ ...r, score: reviewScore(criteria, r.scores) }))
    .filter((r): r is typeof r & { score: number } => r.score !== null);
  const byJuror = new Map<number, number[]>();
  for (const r of scored) byJuror.set(r.juror_id, [...(byJuror.get(r.juror_id) ?? []), r.score]);

  const rows: RankingRow[] = applicationIds.map((applicationId) => {
    const reviews = scored.filter((r) => r.application_id === applicationId);
    if (!reviews.length) {
      return { application_id: applicationId, review_count: 0, weighted_score: null, normalised_score: null, spread: null, disagreement: false, rank: null };
    }
    const values = reviews.map((r) => r.score);
    const zs = reviews.map((r) => zScore(r.score, byJuror.get(r.juror_id)!));
    const spread = Math.max(...values) - Math.min(...values);
    const recommendations = new Set(reviews.map((r) => r.recommendation));
    return {
      application_id: applicationId,
      review_count: reviews.length,
      weighted_score: values.reduce((a, b) => a + b, 0) / values.length,
      normalised_score: zs.reduce((a, b) => a + b, 0) / zs.length,
      spread,
      disagreement: round(spread) >= DISAGREEMENT_SPREAD || (recommendations.has('yes') && recommendations.has('no')),
      rank: null,
    };
  });

  const ranked = rows
    .filter((r) => r.review_count > 0)
    .sort((a, b) => round(b.normalised_score!) - round(a.normalised_score!) || round(b.weighted_score!) - round(a.weighted_score!));
  ranked.forEach((row, i) => {
    const previous = ranked[i - 1];
    const tied = previous && round(previous.normalised_score!) === round(row.normalised_score!) && round(previous.weighted_score!) === round(row.weighted_score!);
    row.rank = tied ? previous.rank : i + 1;
  });
  return rows;
}
