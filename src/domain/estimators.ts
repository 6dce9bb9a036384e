/**
 * Estimates with their 95% intervals, for one organisation and for a sector. Formulas and a
 * worked example: docs/statistics.md. Everything here reads counts and running sums, so that it
 * works on mergeable partial sums as well as on raw answers.
 */
import { meanInterval, tQuantile975, wilsonInterval, Z95, type Interval } from './statistics.ts';

export interface Estimate {
  value: number | null;
  interval: Interval | null;
  n: number;
}

/**
 * Finite population correction √((N − n)/(N − 1)): the interval narrows as the answers cover
 * more of the people served, down to nothing when everyone answered. 1 when N is unknown.
 */
export function finitePopulationCorrection(n: number, population: number | null): number {
  if (population === null || !Number.isFinite(population) || population <= 1 || n <= 0) return 1;
  if (n >= population) return 0;
  return Math.sqrt((population - n) / (population - 1));
}

/** A share and its Wilson interval, its variance scaled by the finite population correction. */
export function shareEstimate(successes: number, n: number, population: number | null = null): Estimate {
  if (n <= 0) return { value: null, interval: null, n: 0 };
  const value = successes / n;
  const f = finitePopulationCorrection(n, population);
  if (f === 0) return { value, interval: { low: value, high: value }, n };
  return { value, interval: wilsonInterval(successes, n, Z95 * f), n };
}

/** A mean and its Student t interval, its standard error scaled by the finite population correction. */
export function meanEstimate(n: number, sum: number, sumSquares: number, population: number | null = null): Estimate {
  if (n <= 0) return { value: null, interval: null, n: 0 };
  const value = sum / n;
  const plain = meanInterval(n, sum, sumSquares);
  if (!plain) return { value, interval: null, n };
  const half = ((plain.high - plain.low) / 2) * finitePopulationCorrection(n, population);
  return { value, interval: { low: value - half, high: value + half }, n };
}

export interface PairedEstimate {
  pairs: number;
  /** Mean of (after − before), with a t interval on the differences. */
  meanChange: Estimate;
  /** Share of pairs that improved (through the indicator's direction), with a Wilson interval. */
  improved: Estimate;
}

/**
 * Before/after change over complete pairs: `differences` are after − before, each read in the
 * indicator's direction (positive is better); `improved` counts the pairs that got better.
 */
export function pairedEstimate(differences: readonly number[], improved: number, population: number | null = null): PairedEstimate {
  const n = differences.length;
  let sum = 0;
  let sumSquares = 0;
  for (const d of differences) {
    sum += d;
    sumSquares += d * d;
  }
  return { pairs: n, meanChange: meanEstimate(n, sum, sumSquares, population), improved: shareEstimate(improved, n, population) };
}

/** One organisation of a sector estimate: its answers and the people it serves. */
export interface ShareStratum {
  n: number;
  successes: number;
  population: number | null;
}

export interface MeanStratum {
  n: number;
  sum: number;
  sumSquares: number;
  population: number | null;
}

export interface SectorEstimate {
  /** Every answer weighs the same. */
  pooled: Estimate;
  /**
   * Each organisation weighs the people it serves (a stratified estimator, each organisation a
   * stratum). Null when an organisation with answers has no population served.
   */
  weighted: Estimate | null;
  /** Organisations with people served but no answer: left out of the weighted estimate. */
  strataWithoutAnswers: number;
  /** The share of the people served that those organisations stand for. */
  populationWithoutAnswers: number;
}

const clip01 = (x: number) => Math.min(1, Math.max(0, x));

/** Strata weights W_h = N_h / N over the organisations that have answers. */
function weights<S extends { n: number; population: number | null }>(strata: readonly S[]) {
  const answered = strata.filter((s) => s.n > 0);
  if (answered.some((s) => s.population === null || s.population <= 0)) return null;
  const total = answered.reduce((a, s) => a + s.population!, 0);
  const all = strata.reduce((a, s) => a + (s.population ?? 0), 0);
  const missing = strata.filter((s) => s.n === 0 && (s.population ?? 0) > 0);
  return {
    answered,
    w: (s: { population: number | null }) => s.population! / total,
    missing: missing.length,
    missingShare: all > 0 ? missing.reduce((a, s) => a + s.population!, 0) / all : 0,
  };
}

/** 1 − n_h/N_h: no sampling variance left in an organisation where everyone answered. */
const stratumFpc = (n: number, population: number) => Math.max(0, 1 - n / population);

/**
 * A sector share, pooled and weighted. The weighted variance is Σ W_h² (1 − f_h) s_h² / n_h with
 * s_h² = p_h(1 − p_h)·n_h/(n_h − 1); an organisation with one answer takes the worst case 1/4.
 */
export function sectorShare(strata: readonly ShareStratum[]): SectorEstimate {
  const n = strata.reduce((a, s) => a + s.n, 0);
  const successes = strata.reduce((a, s) => a + s.successes, 0);
  const pooled = shareEstimate(successes, n);
  const w = weights(strata);
  if (!w || w.answered.length === 0) return { pooled, weighted: null, strataWithoutAnswers: w?.missing ?? 0, populationWithoutAnswers: w?.missingShare ?? 0 };
  let value = 0;
  let variance = 0;
  for (const s of w.answered) {
    const p = s.successes / s.n;
    const weight = w.w(s);
    const s2 = s.n > 1 ? (p * (1 - p) * s.n) / (s.n - 1) : 0.25;
    value += weight * p;
    variance += weight * weight * stratumFpc(s.n, s.population!) * (s2 / s.n);
  }
  const half = Z95 * Math.sqrt(variance);
  return {
    pooled,
    weighted: { value, interval: { low: clip01(value - half), high: clip01(value + half) }, n },
    strataWithoutAnswers: w.missing,
    populationWithoutAnswers: w.missingShare,
  };
}

/**
 * A sector mean, pooled and weighted. The weighted variance is Σ W_h² (1 − f_h) s_h² / n_h; an
 * organisation with one answer borrows the largest s_h² of the others (none: no interval).
 */
export function sectorMean(strata: readonly MeanStratum[]): SectorEstimate {
  const n = strata.reduce((a, s) => a + s.n, 0);
  const pooled = meanEstimate(
    n,
    strata.reduce((a, s) => a + s.sum, 0),
    strata.reduce((a, s) => a + s.sumSquares, 0),
  );
  const w = weights(strata);
  if (!w || w.answered.length === 0) return { pooled, weighted: null, strataWithoutAnswers: w?.missing ?? 0, populationWithoutAnswers: w?.missingShare ?? 0 };
  const s2Of = (s: MeanStratum) => Math.max(0, (s.sumSquares - (s.sum * s.sum) / s.n) / (s.n - 1));
  const known = w.answered.filter((s) => s.n > 1).map(s2Of);
  const borrowed = known.length > 0 ? Math.max(...known) : null;
  let value = 0;
  let variance: number | null = 0;
  for (const s of w.answered) {
    const weight = w.w(s);
    value += weight * (s.sum / s.n);
    const s2 = s.n > 1 ? s2Of(s) : borrowed;
    if (s2 === null || variance === null) variance = null;
    else variance += weight * weight * stratumFpc(s.n, s.population!) * (s2 / s.n);
  }
  // Degrees of freedom n − H, the usual conservative choice for a stratified mean.
  const df = n - w.answered.length;
  const half = variance === null || df < 1 ? null : tQuantile975(df) * Math.sqrt(variance);
  return {
    pooled,
    weighted: { value, interval: half === null ? null : { low: value - half, high: value + half }, n },
    strataWithoutAnswers: w.missing,
    populationWithoutAnswers: w.missingShare,
  };
}

export interface Representativity {
  representative: boolean;
  reasons: { code: 'few_answers' | 'wide_margin' | 'members_without_answers'; fr: string; en: string }[];
  /** The rule, written out, to show next to the flag. */
  rule: { fr: string; en: string };
}

export const REPRESENTATIVITY_RULE = {
  minAnswers: 30,
  maxMargin: 0.1,
  fr: 'Représentatif quand il y a au moins 30 réponses, une marge d’erreur d’au plus ± 10 points à 95 %, et des réponses de chaque membre concerné.',
  en: 'Representative when there are at least 30 answers, a margin of error of at most ±10 points at 95%, and answers from every member concerned.',
} as const;

/**
 * The "not representative" flag, with each reason in words. `margin` is a share's half-width
 * (0.08 = ±8 points), null when unknown; leave it out for a mean, where points do not apply.
 */
export function representativity(args: { answers: number; margin?: number | null; membersWithoutAnswers?: number }): Representativity {
  const reasons: Representativity['reasons'] = [];
  if (args.answers < REPRESENTATIVITY_RULE.minAnswers) {
    reasons.push({ code: 'few_answers', fr: `${args.answers} réponse${args.answers > 1 ? 's' : ''} : moins de 30.`, en: `${args.answers} answer${args.answers === 1 ? '' : 's'}: fewer than 30.` });
  }
  if (args.margin !== undefined && (args.margin === null || args.margin > REPRESENTATIVITY_RULE.maxMargin)) {
    const points = args.margin === null ? null : Math.round(args.margin * 100);
    reasons.push({
      code: 'wide_margin',
      fr: points === null ? 'Marge d’erreur inconnue.' : `Marge d’erreur de ± ${points} points : plus de ± 10.`,
      en: points === null ? 'Margin of error unknown.' : `Margin of error of ±${points} points: more than ±10.`,
    });
  }
  const missing = args.membersWithoutAnswers ?? 0;
  if (missing > 0) {
    reasons.push({ code: 'members_without_answers', fr: `${missing} membre${missing > 1 ? 's' : ''} sans réponse.`, en: `${missing} member${missing > 1 ? 's' : ''} without answers.` });
  }
  return { representative: reasons.length === 0, reasons, rule: { fr: REPRESENTATIVITY_RULE.fr, en: REPRESENTATIVITY_RULE.en } };
}
