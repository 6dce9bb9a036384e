import { describe, expect, it } from 'vitest';
import { answersNeeded, campaignPrecision, marginOfError, roundPoints } from './sample-size.ts';

// Worked by hand with z = 1.96 and p = 0.5 (z·√(p(1−p)) = 0.98); the code uses z = 1.95996…,
// which moves these figures by less than 0.00005.
describe('marginOfError', () => {
  it.each([
    // 0.98 / √100 = 0.098
    { n: 100, N: null, margin: 0.098 },
    // 0.098 × √(900 / 999) = 0.098 × 0.949158 = 0.093017
    { n: 100, N: 1000, margin: 0.093017 },
    // 0.98 / √400 = 0.049; × √(9600 / 9999) = 0.979845 → 0.048012
    { n: 400, N: 10_000, margin: 0.048012 },
    // 0.98 / √50 = 0.138593; × √(150 / 199) = 0.868199 → 0.120326
    { n: 50, N: 200, margin: 0.120326 },
    // one answer: 0.98, and with N = 2 the correction is √(1/1) = 1
    { n: 1, N: null, margin: 0.98 },
    { n: 1, N: 2, margin: 0.98 },
  ])('n=$n, N=$N → ±$margin', ({ n, N, margin }) => {
    expect(marginOfError(n, N)).toBeCloseTo(margin, 4);
  });

  it.each([
    { n: 0, N: null },
    { n: 0, N: 500 },
    { n: -1, N: 10 },
    { n: Number.NaN, N: 10 },
  ])('is unknown without answers (n=$n, N=$N)', ({ n, N }) => {
    expect(marginOfError(n, N)).toBeNull();
  });

  it.each([
    { n: 300, N: 300 },
    { n: 1, N: 1 },
    // More answers than the stated population: nothing is left to sample.
    { n: 320, N: 300 },
  ])('is zero when everyone answered (n=$n, N=$N)', ({ n, N }) => {
    expect(marginOfError(n, N)).toBe(0);
  });

  it('shrinks as answers come in, and is smaller with a known population', () => {
    let previous = Infinity;
    for (const n of [1, 2, 10, 57, 200, 999]) {
      const m = marginOfError(n, 1000)!;
      expect(m).toBeLessThan(previous);
      expect(m).toBeLessThanOrEqual(marginOfError(n, null)!);
      previous = m;
    }
  });
});

describe('answersNeeded', () => {
  it.each([
    // n₀ = 0.9604 / 0.05² = 384.16 → 385
    { points: 5, N: null, needed: 385 },
    // 500 × 384.16 / (384.16 + 499) = 217.49 → 218
    { points: 5, N: 500, needed: 218 },
    // n₀ = 0.9604 / 0.1² = 96.04 → 97
    { points: 10, N: null, needed: 97 },
    // 200 × 96.04 / (96.04 + 199) = 65.10 → 66
    { points: 10, N: 200, needed: 66 },
    // n₀ = 0.9604 / 0.03² = 1067.11 → 1068
    { points: 3, N: null, needed: 1068 },
    // A population smaller than n₀: 50 × 384.16 / (384.16 + 49) = 44.34 → 45, never more than N
    { points: 5, N: 50, needed: 45 },
    { points: 5, N: 1, needed: 1 },
  ])('±$points points, N=$N → $needed', ({ points, N, needed }) => {
    expect(answersNeeded(points / 100, N)).toBe(needed);
  });

  it('is the inverse of marginOfError: the needed count reaches the margin, one fewer does not', () => {
    for (const N of [null, 30, 200, 500, 1000, 25_000]) {
      for (const points of [3, 5, 8, 10, 20]) {
        const needed = answersNeeded(points / 100, N);
        expect(marginOfError(needed, N)!).toBeLessThanOrEqual(points / 100 + 1e-12);
        if (needed > 1) expect(marginOfError(needed - 1, N)!).toBeGreaterThan(points / 100);
        if (N !== null) expect(needed).toBeLessThanOrEqual(N);
      }
    }
  });

  it.each([0, 1, -0.1, Number.NaN])('refuses a margin of %s', (margin) => {
    expect(() => answersNeeded(margin, null)).toThrow(RangeError);
  });
});

describe('campaignPrecision', () => {
  it('150 answers out of 500 people', () => {
    // margin: 0.98 / √150 = 0.080017 × √(350 / 499) = 0.837498 → 0.067014 → ± 7 points
    // ±3: 500 × 1067.11 / (1067.11 + 499) = 340.7 → 341; ±5: 218; ±10: 500 × 96.04 / 595.04 = 80.7 → 81
    const p = campaignPrecision(150, 500);
    expect(p.margin).toBeCloseTo(0.067014, 4);
    expect(p.marginPoints).toBe(7);
    expect(p.responseRate).toBe(0.3);
    expect(p.targets).toEqual([
      { points: 3, needed: 341, remaining: 191 },
      { points: 5, needed: 218, remaining: 68 },
      { points: 10, needed: 81, remaining: 0 },
    ]);
  });

  it('no answer yet, population unknown', () => {
    const p = campaignPrecision(0, null, [5]);
    expect(p).toEqual({ answers: 0, population: null, responseRate: null, margin: null, marginPoints: null, targets: [{ points: 5, needed: 385, remaining: 385 }] });
  });

  it('everyone answered, and more answers than people', () => {
    expect(campaignPrecision(40, 40, [5])).toMatchObject({ margin: 0, marginPoints: 0, responseRate: 1, targets: [{ points: 5, remaining: 0 }] });
    expect(campaignPrecision(45, 40, [5])).toMatchObject({ margin: 0, responseRate: 1, targets: [{ points: 5, needed: 37, remaining: 0 }] });
  });
});

describe('roundPoints', () => {
  it.each([
    { margin: 0, points: 0 },
    { margin: 0.003, points: 1 },
    { margin: 0.0849, points: 8 },
    { margin: 0.085, points: 9 },
    { margin: 0.98, points: 98 },
  ])('$margin → ±$points', ({ margin, points }) => {
    expect(roundPoints(margin)).toBe(points);
  });
});
