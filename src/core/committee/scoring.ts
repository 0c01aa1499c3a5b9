// Committee scoring (PRODUCT R5): checking a score sheet against a rubric, each reviewer's weighted score,
// and the committee's aggregate and spread. Pure functions; the service stores and reveals the results.

/** The part of a rubric criterion scoring needs (the contract's RubricCriterion has more). */
export interface Criterion {
  id: string;
  label: string;
  weight: number;
}

export const minScore = 1;
export const maxScore = 5;

export interface ScoreProblem {
  field: string;
  message: string;
}

/**
 * Problems with a score sheet: every criterion scored, each a whole number from 1 to 5, no unknown ids.
 * Fields are named `scores.<criterionId>` so a form can show each next to its criterion.
 */
export function validateScoreSheet(
  rubric: readonly Criterion[],
  scores: Record<string, unknown>,
): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const known = new Set(rubric.map((c) => c.id));
  for (const criterion of rubric) {
    const value = scores[criterion.id];
    if (value === undefined || value === null) {
      problems.push({
        field: `scores.${criterion.id}`,
        message: `is required: score “${criterion.label}” from 1 to 5`,
      });
    } else if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < minScore ||
      value > maxScore
    ) {
      problems.push({ field: `scores.${criterion.id}`, message: 'must be a whole number from 1 to 5' });
    }
  }
  for (const id of Object.keys(scores)) {
    if (!known.has(id))
      problems.push({ field: `scores.${id}`, message: 'is not a criterion of this program’s rubric' });
  }
  return problems;
}

/** Rounds to two decimals, the precision shown to people (a 1–5 scale needs no more). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One reviewer's weighted mean over the rubric, on the 1–5 scale. Assumes a valid sheet. */
export function weightedScore(rubric: readonly Criterion[], scores: Record<string, number>): number {
  let total = 0;
  let weights = 0;
  for (const criterion of rubric) {
    const score = scores[criterion.id];
    if (score === undefined) continue;
    total += criterion.weight * score;
    weights += criterion.weight;
  }
  return weights === 0 ? 0 : total / weights;
}

export interface Spread {
  /** How many values (reviews) it summarises. */
  count: number;
  mean: number;
  min: number;
  max: number;
  /** Population standard deviation: the committee is the whole population, not a sample of it. */
  stdDev: number;
}

/** Mean, min, max and standard deviation of some scores, rounded to two decimals; null when there are none. */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return {
    count: values.length,
    mean: round2(mean),
    min: round2(Math.min(...values)),
    max: round2(Math.max(...values)),
    stdDev: round2(Math.sqrt(variance)),
  };
}

export interface ScoredReview {
  /** The rubric as the reviewer saw it. */
  rubric: readonly Criterion[];
  scores: Record<string, number>;
}

/** The committee's aggregate: the spread of each reviewer's weighted score (mean = the aggregate). */
export function aggregateReviews(reviews: readonly ScoredReview[]): Spread | null {
  return spreadOf(reviews.map((r) => weightedScore(r.rubric, r.scores)));
}

export interface CriterionSpread extends Spread {
  id: string;
  label: string;
}

/**
 * The spread of each criterion across reviewers, in the order of `rubric` (the current one), followed by
 * criteria only older snapshots had. Wide spreads show where the committee disagrees.
 */
export function criterionSpreads(
  rubric: readonly Criterion[],
  reviews: readonly ScoredReview[],
): CriterionSpread[] {
  const labels = new Map<string, string>();
  for (const c of rubric) labels.set(c.id, c.label);
  for (const r of reviews) for (const c of r.rubric) if (!labels.has(c.id)) labels.set(c.id, c.label);
  const out: CriterionSpread[] = [];
  for (const [id, label] of labels) {
    const spread = spreadOf(reviews.flatMap((r) => (r.scores[id] === undefined ? [] : [r.scores[id]])));
    if (spread) out.push({ id, label, ...spread });
  }
  return out;
}
