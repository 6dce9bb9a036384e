/**
 * Change between a "before" and an "after" answer of the same person (linked by a pseudonymous
 * code). Only complete pairs count: a person who skipped the question on either side is left
 * out. Values are numbers: a scale, faces or number answer as is, a choice tied to a share
 * indicator as 1 (a counted option) or 0.
 */
export type Polarity = 'higher_is_better' | 'lower_is_better' | 'neutral';

export interface PairedValues {
  before: number | null;
  after: number | null;
}

export interface PairedChange {
  /** Complete pairs. */
  pairs: number;
  meanBefore: number | null;
  meanAfter: number | null;
  /** Mean of (after − before) over the pairs (equal to meanAfter − meanBefore). */
  meanChange: number | null;
  /** Shares of pairs whose value went up, stayed, went down (sum to 1 when pairs > 0). */
  up: number | null;
  same: number | null;
  down: number | null;
  /** Up or down read through the indicator's polarity; null for a neutral indicator. */
  improved: number | null;
  worsened: number | null;
}

/** Two values closer than this are the same (numbers typed with decimals). */
const EPSILON = 1e-9;

export function pairedChange(values: readonly PairedValues[], polarity: Polarity = 'higher_is_better'): PairedChange {
  const complete = values.filter((v): v is { before: number; after: number } => v.before !== null && v.after !== null && Number.isFinite(v.before) && Number.isFinite(v.after));
  const n = complete.length;
  if (n === 0) return { pairs: 0, meanBefore: null, meanAfter: null, meanChange: null, up: null, same: null, down: null, improved: null, worsened: null };
  let sumBefore = 0;
  let sumAfter = 0;
  let up = 0;
  let down = 0;
  for (const { before, after } of complete) {
    sumBefore += before;
    sumAfter += after;
    if (after - before > EPSILON) up += 1;
    else if (before - after > EPSILON) down += 1;
  }
  const same = n - up - down;
  const improved = polarity === 'higher_is_better' ? up : polarity === 'lower_is_better' ? down : null;
  const worsened = polarity === 'higher_is_better' ? down : polarity === 'lower_is_better' ? up : null;
  return {
    pairs: n,
    meanBefore: sumBefore / n,
    meanAfter: sumAfter / n,
    meanChange: (sumAfter - sumBefore) / n,
    up: up / n,
    same: same / n,
    down: down / n,
    improved: improved === null ? null : improved / n,
    worsened: worsened === null ? null : worsened / n,
  };
}

/** Pairs the answers of both sides by their code; codes seen on one side only are left out. */
export function pairByCode(before: ReadonlyMap<string, number | null>, after: ReadonlyMap<string, number | null>): PairedValues[] {
  const out: PairedValues[] = [];
  for (const [code, b] of before) {
    if (!after.has(code)) continue;
    out.push({ before: b, after: after.get(code) ?? null });
  }
  return out;
}
