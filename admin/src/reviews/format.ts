export interface Criterion {
  id: number;
  name: string;
  description: string | null;
  weight: number;
  max_score: number;
}

export interface ReviewScore {
  criterion_id: number;
  score: number | null;
  comment: string | null;
}

/** A score a juror may give for this criterion: a whole number from 0 to its maximum. */
export const inRange = (c: Pick<Criterion, 'max_score'>, value: unknown) => {
  const n = Number(value);
  return value !== '' && value != null && Number.isInteger(n) && n >= 0 && n <= c.max_score;
};

/**
 * The live total of the scoring form while the juror types (before anything is saved), with the
 * server's formula (docs/jury.md; the stored `reviews.score` is the number that counts). Only once
 * every criterion has a valid score: a total over some criteria would be a different number than
 * the one the ranking will use.
 */
export function weightedScore(criteria: Criterion[], scores: ReviewScore[]): number | null {
  if (!criteria.length) return null;
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores.find((x) => x?.criterion_id === c.id);
    if (!inRange(c, s?.score)) return null;
    sum += (Number(c.weight) * Number(s!.score)) / c.max_score;
    weights += Number(c.weight);
  }
  return weights ? (100 * sum) / weights : null;
}
