import { describe, expect, it } from 'vitest';
import { finitePopulationCorrection, meanEstimate, pairedEstimate, representativity, sectorMean, sectorShare, shareEstimate } from './estimators.ts';

// Expected figures are worked by hand from the formulas in docs/statistics.md (Wilson 30/100 and
// 8/10 are also the textbook values: [0.219, 0.396] and [0.490, 0.943]).
const close = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 4);

describe('finitePopulationCorrection', () => {
  it.each([
    [100, 400, Math.sqrt(300 / 399)],
    [100, null, 1],
    [0, 400, 1],
    [400, 400, 0],
    [500, 400, 0],
    [1, 1, 1],
  ])('n=%s N=%s', (n, population, expected) => {
    close(finitePopulationCorrection(n, population), expected);
  });
});

describe('shareEstimate', () => {
  it.each<[string, number, number, number | null, number | null, [number, number] | null]>([
    ['no answers', 0, 0, null, null, null],
    ['30 of 100', 30, 100, null, 0.3, [0.21895, 0.39585]],
    ['30 of 100 out of 400 served: narrower', 30, 100, 400, 0.3, [0.22863, 0.3826]],
    ['8 of 10', 8, 10, null, 0.8, [0.49016, 0.94332]],
    ['none of one', 0, 1, null, 0, [0, 0.79346]],
    ['everyone answered: no sampling error', 5, 5, 5, 1, [1, 1]],
  ])('%s', (_name, k, n, population, value, interval) => {
    const e = shareEstimate(k, n, population);
    expect(e.n).toBe(n);
    if (value === null) expect(e.value).toBeNull();
    else close(e.value, value);
    if (interval === null) expect(e.interval).toBeNull();
    else {
      close(e.interval!.low, interval[0]);
      close(e.interval!.high, interval[1]);
    }
  });
});

describe('meanEstimate', () => {
  // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, s² = 32/7, t(7) = 2.3646.
  const [n, sum, sumSquares] = [8, 40, 232];
  it.each<[string, number | null, number]>([
    ['population unknown', null, 1.78749],
    ['8 of 20 served', 20, 1.42055],
    ['everyone answered', 8, 0],
  ])('%s', (_name, population, half) => {
    const e = meanEstimate(n, sum, sumSquares, population);
    close(e.value, 5);
    close(e.interval!.high - 5, half);
    close(5 - e.interval!.low, half);
  });
  it('has a value but no interval with one answer, and nothing with none', () => {
    expect(meanEstimate(1, 4, 16)).toEqual({ value: 4, interval: null, n: 1 });
    expect(meanEstimate(0, 0, 0)).toEqual({ value: null, interval: null, n: 0 });
  });
});

describe('pairedEstimate', () => {
  it('gives the mean change with a t interval and the share improved with a Wilson interval', () => {
    const e = pairedEstimate([2, 0, -1, 3, 1], 3);
    expect(e.pairs).toBe(5);
    close(e.meanChange.value, 1);
    close(e.meanChange.interval!.low, 1 - 1.96324);
    close(e.meanChange.interval!.high, 1 + 1.96324);
    close(e.improved.value, 0.6);
    close(e.improved.interval!.low, 0.23072);
    close(e.improved.interval!.high, 0.88238);
  });
  it('has nothing to say without pairs', () => {
    const e = pairedEstimate([], 0);
    expect(e.meanChange.value).toBeNull();
    expect(e.improved.value).toBeNull();
  });
});

describe('sectorShare: pooled and weighted by the people served', () => {
  // A large association (1,000 served) with 50 answers, 80% yes; a small one (200 served) where
  // all 200 answered, 30% yes; a third (300 served) with no answer.
  const strata = [
    { n: 50, successes: 40, population: 1000 },
    { n: 200, successes: 60, population: 200 },
    { n: 0, successes: 0, population: 300 },
  ];
  it('does not let the small association with many answers drown the large one', () => {
    const e = sectorShare(strata);
    close(e.pooled.value, 0.4);
    close(e.pooled.interval!.low, 0.34123);
    close(e.weighted!.value, 0.71667);
    close(e.weighted!.interval!.low, 0.6257);
    close(e.weighted!.interval!.high, 0.80764);
    expect(e.strataWithoutAnswers).toBe(1);
    close(e.populationWithoutAnswers, 0.2);
  });
  it('has no weighted estimate when an organisation with answers has no population served', () => {
    expect(sectorShare([{ n: 10, successes: 5, population: null }]).weighted).toBeNull();
  });
  it('takes the worst case for an organisation with one answer, and clips to 0–100%', () => {
    const e = sectorShare([{ n: 1, successes: 1, population: 50 }]);
    close(e.weighted!.value, 1);
    expect(e.weighted!.interval!.high).toBe(1);
    close(e.weighted!.interval!.low, 1 - 1.959964 * Math.sqrt(0.98 * 0.25));
  });
  it('has nothing without answers', () => {
    const e = sectorShare([{ n: 0, successes: 0, population: 100 }]);
    expect(e.pooled.value).toBeNull();
    expect(e.weighted).toBeNull();
  });
});

describe('sectorMean', () => {
  // A: 1, 2, 3 of 10 served; B: one answer, 5, of 30 served (it borrows A's s² = 1).
  const strata = [
    { n: 3, sum: 6, sumSquares: 14, population: 10 },
    { n: 1, sum: 5, sumSquares: 25, population: 30 },
  ];
  it('weighs each organisation by the people it serves', () => {
    const e = sectorMean(strata);
    close(e.pooled.value, 2.75);
    close(e.pooled.interval!.high - 2.75, 2.71753);
    close(e.weighted!.value, 4.25);
    close(e.weighted!.interval!.low, 1.03498);
    close(e.weighted!.interval!.high, 7.46502);
  });
  it('has no weighted interval when no organisation has two answers', () => {
    const e = sectorMean([{ n: 1, sum: 3, sumSquares: 9, population: 10 }]);
    close(e.weighted!.value, 3);
    expect(e.weighted!.interval).toBeNull();
  });
});

describe('representativity', () => {
  it.each<[string, Parameters<typeof representativity>[0], string[]]>([
    ['enough answers, narrow margin, every member', { answers: 400, margin: 0.049 }, []],
    ['exactly 30 answers and ±10 points', { answers: 30, margin: 0.1 }, []],
    ['29 answers', { answers: 29, margin: 0.05 }, ['few_answers']],
    ['a wide margin', { answers: 60, margin: 0.126 }, ['wide_margin']],
    ['no margin known', { answers: 60, margin: null }, ['wide_margin']],
    ['a member without answers', { answers: 400, margin: 0.04, membersWithoutAnswers: 2 }, ['members_without_answers']],
    ['a mean: no margin in points to judge', { answers: 45 }, []],
    ['all at once', { answers: 0, margin: null, membersWithoutAnswers: 1 }, ['few_answers', 'wide_margin', 'members_without_answers']],
  ])('%s', (_name, args, codes) => {
    const r = representativity(args);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
    expect(r.representative).toBe(codes.length === 0);
    expect(r.rule.fr).toContain('30 réponses');
  });
  it('says the reason in words', () => {
    expect(representativity({ answers: 60, margin: 0.126 }).reasons[0]!.fr).toBe('Marge d’erreur de ± 13 points : plus de ± 10.');
  });
});
