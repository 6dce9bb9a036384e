/**
 * How precise a campaign's figures are so far, and how many more answers a chosen precision
 * needs. A proportion measured on n answers out of a population of N has, at 95 %, a margin of
 * error of z·√(p(1−p)/n), times the finite population correction √((N−n)/(N−1)) when N is
 * known. We take the worst case p = 0.5, so the margin holds for any share the campaign measures.
 *
 * The answers are treated as a random sample of the population: they rarely are, and the
 * margin says nothing of who chose not to answer. It is a floor on the uncertainty, not a
 * guarantee.
 */

import { Z95 } from './statistics.ts';

const WORST_CASE_VARIANCE = 0.25; // p(1 − p) at p = 0.5

/**
 * The margin of error (a fraction: 0.05 is ± 5 points) of a proportion measured on `n` answers
 * out of `population` people (null when unknown). Null when there is no answer yet. Zero when
 * everyone answered (or more answers than the stated population: nothing is left to sample).
 */
export function marginOfError(n: number, population: number | null): number | null {
  if (!Number.isFinite(n) || n < 1) return null;
  const base = Z95 * Math.sqrt(WORST_CASE_VARIANCE / n);
  if (population === null) return base;
  if (n >= population) return 0;
  // population > n ≥ 1, so population − 1 ≥ 1.
  return base * Math.sqrt((population - n) / (population - 1));
}

/**
 * The number of answers needed for a margin of error (a fraction, 0 < margin < 1), the inverse
 * of marginOfError: n₀ = z²·p(1−p)/e², then n = N·n₀ / (n₀ + N − 1) when the population is known
 * (never more than N). Rounded up.
 */
export function answersNeeded(margin: number, population: number | null): number {
  if (!(margin > 0 && margin < 1)) throw new RangeError('margin must be between 0 and 1');
  const n0 = (Z95 * Z95 * WORST_CASE_VARIANCE) / (margin * margin);
  const n = population === null ? n0 : (population * n0) / (n0 + population - 1);
  // A hair of tolerance so that 384.00000000000006 is 384, not 385.
  return Math.max(1, Math.ceil(n - 1e-9));
}

export interface PrecisionTarget {
  /** The margin aimed at, in points (5 for ± 5 points). */
  points: number;
  /** Answers needed in all. */
  needed: number;
  /** Answers still to collect (0 when reached). */
  remaining: number;
}

export interface CampaignPrecision {
  answers: number;
  population: number | null;
  /** Answers ÷ population, capped at 1; null when the population is unknown. */
  responseRate: number | null;
  /** Margin of error at 95 %, a fraction; null before the first answer. */
  margin: number | null;
  /** The margin in whole points as said to people (“± 8 points”); null before the first answer. */
  marginPoints: number | null;
  targets: PrecisionTarget[];
}

/** Margins offered in the web app, in points. */
export const TARGET_POINTS = [3, 5, 10] as const;

export function campaignPrecision(answers: number, population: number | null, targetPoints: readonly number[] = TARGET_POINTS): CampaignPrecision {
  const margin = marginOfError(answers, population);
  return {
    answers,
    population,
    responseRate: population === null ? null : Math.min(1, answers / population),
    margin,
    marginPoints: margin === null ? null : roundPoints(margin),
    targets: targetPoints.map((points) => {
      const needed = answersNeeded(points / 100, population);
      return { points, needed, remaining: Math.max(0, needed - answers) };
    }),
  };
}

/**
 * A margin in whole points, rounded to the nearest, but never shown as 0 while it is not 0
 * (± 0.3 points reads “± 1 point”, an honest upper bound).
 */
export function roundPoints(margin: number): number {
  if (margin <= 0) return 0;
  return Math.max(1, Math.round(margin * 100));
}
