/**
 * Where one organisation stands among the members of its collective, for one indicator:
 * the members' quartiles, the organisation's rank, and the rule that decides whether the
 * members' distribution may be shown at all (docs/statistics.md, "Organisation against the
 * sector"). Values in, values out: the members' figures come from their partial sums.
 *
 * What is never given out: the members' values one by one, the lowest and highest value, the
 * rank of anyone but the organisation asking.
 */
import type { polarities } from '../contracts/frameworks.ts';

export type Polarity = (typeof polarities)[number];

/** At least this many members, each with enough answers, before their distribution is shown. */
export const MINIMUM_MEMBERS = 5;

/**
 * The p-quantile of sorted values by linear interpolation between order statistics, Hyndman and
 * Fan's type 7 (the default of R and NumPy, Excel's QUARTILE.INC): h = (n − 1)·p, then
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with 0-based x. It never leaves the range of the values.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within 0 and 1, got ${p}`);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const a = sorted[low]!;
  const b = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return a + (h - low) * (b - a);
}

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

/** Quartiles (type 7) of the values that exist; null when there are none. */
export function quartiles(values: readonly (number | null)[]): Quartiles | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75) };
}

/**
 * Two figures computed from different counts (3/6 and 5/10, or sums of decimals) may differ in
 * their last bits while being the same value: within this relative gap they tie.
 */
const TIE = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) <= TIE * Math.max(1, Math.abs(a), Math.abs(b));

export interface Rank {
  /** 1 is the best according to the indicator's polarity; tied values share a rank. */
  rank: number;
  /** Values ranked, the organisation's own included. */
  of: number;
  /** Another value equals the organisation's. */
  tied: boolean;
}

/**
 * The rank of `own` among `values` (which include it), "1224" style: one more than the number
 * of values strictly better. Null for a neutral indicator, where no value is better than another.
 */
export function rankAmong(own: number, values: readonly number[], polarity: Polarity): Rank | null {
  if (polarity === 'neutral') return null;
  const better = (v: number) => !same(v, own) && (polarity === 'higher_is_better' ? v > own : v < own);
  const equal = values.filter((v) => same(v, own)).length;
  return { rank: values.filter(better).length + 1, of: values.length, tied: equal > 1 };
}

export interface MemberFigure {
  organisationId: string;
  /** null when the member has no answer. */
  value: number | null;
  /** Answers behind the value. */
  n: number;
}

/** Why the organisation gets no rank although the distribution is shown. */
export type RankWithheld = 'no_direction' | 'own_too_few_answers';

export type Distribution =
  | {
      shown: true;
      q1: number;
      median: number;
      q3: number;
      /** Members compared: those with at least `threshold` answers. */
      members: number;
      rank: Rank | null;
      rankWithheld: RankWithheld | null;
    }
  | {
      shown: false;
      reason: 'too_few_members';
      /** Members that have at least `threshold` answers (fewer than `minimumMembers`). */
      membersWithEnoughAnswers: number;
      minimumMembers: number;
      threshold: number;
    };

/**
 * The members' distribution as one organisation may see it. Only members with at least
 * `threshold` answers (the collective's suppression threshold) are compared: a value resting on
 * a handful of people is neither reliable nor safe to place. Fewer than `minimumMembers` of them
 * and nothing is shown, so that quartiles never stand for one or two organisations. The rank is
 * the asking organisation's alone, and only when it is itself among the members compared.
 */
export function compareWithMembers(members: readonly MemberFigure[], ownId: string, polarity: Polarity, threshold: number, minimumMembers = MINIMUM_MEMBERS): Distribution {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be an integer >= 1, got ${threshold}`);
  if (!Number.isInteger(minimumMembers) || minimumMembers < 1) throw new RangeError(`minimumMembers must be an integer >= 1, got ${minimumMembers}`);
  const compared = members.filter((m): m is MemberFigure & { value: number } => m.value !== null && Number.isFinite(m.value) && m.n >= threshold);
  const q = quartiles(compared.map((m) => m.value));
  if (compared.length < minimumMembers || !q) {
    return { shown: false, reason: 'too_few_members', membersWithEnoughAnswers: compared.length, minimumMembers, threshold };
  }
  const own = compared.find((m) => m.organisationId === ownId);
  const rank = own ? rankAmong(own.value, compared.map((m) => m.value), polarity) : null;
  const rankWithheld: RankWithheld | null = !own ? 'own_too_few_answers' : rank === null ? 'no_direction' : null;
  return { shown: true, ...q, members: compared.length, rank, rankWithheld };
}
