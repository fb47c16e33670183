import type { ReviewScore } from '../db/schema.ts';

export interface CriterionRef {
  id: number;
  name: string;
  weight: number;
  max_score: number;
}

/**
 * Aggregates submitted reviews: the application's weighted score 0–100 as the ranking computes it
 * (`weightedScoreOf`, rankings), plus the mean per criterion and the recommendations. No identities.
 */
export function scoresSummary(
  criteria: CriterionRef[],
  reviews: Array<{ scores: ReviewScore[]; recommendation: string | null }>,
  weightedScore: number | null,
) {
  const perCriterion = new Map<number, number[]>();
  for (const review of reviews) {
    for (const c of criteria) {
      const s = review.scores?.find((x) => x.criterion_id === c.id)?.score;
      if (s != null) perCriterion.set(c.id, [...(perCriterion.get(c.id) ?? []), Number(s)]);
    }
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const round1 = (x: number | null) => (x == null ? null : Math.round(x * 10) / 10);
  const recommendations = { yes: 0, maybe: 0, no: 0 } as Record<string, number>;
  for (const r of reviews) if (r.recommendation) recommendations[r.recommendation] = (recommendations[r.recommendation] ?? 0) + 1;
  return {
    review_count: reviews.length,
    weighted_score: round1(weightedScore === null ? null : Number(weightedScore)),
    criteria: criteria.map((c) => ({ criterion_id: c.id, name: c.name, weight: Number(c.weight), max_score: c.max_score, average: round1(mean(perCriterion.get(c.id) ?? [])) })),
    recommendations,
  };
}
