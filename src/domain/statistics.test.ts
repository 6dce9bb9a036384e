import { describe, it, expect } from 'vitest';
import { Z95, meanInterval, tQuantile975, wilsonInterval } from './statistics.ts';

describe('wilsonInterval', () => {
  it.each([
    { successes: 0, n: 10, low: 0, high: 0.2775 },
    { successes: 5, n: 10, low: 0.2366, high: 0.7634 },
    { successes: 10, n: 10, low: 0.7225, high: 1 },
    { successes: 1, n: 1, low: 0.2065, high: 1 },
    { successes: 0, n: 1, low: 0, high: 0.7935 },
    { successes: 81, n: 263, low: 0.2553, high: 0.3662 },
    { successes: 500_000, n: 1_000_000, low: 0.499, high: 0.501 },
  ])('$successes/$n → [$low, $high]', ({ successes, n, low, high }) => {
    const ci = wilsonInterval(successes, n);
    expect(ci).not.toBeNull();
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
  });

  it.each([
    { successes: 0, n: 0 },
    { successes: 0, n: -3 },
  ])('returns null without answers ($successes/$n)', ({ successes, n }) => {
    expect(wilsonInterval(successes, n)).toBeNull();
  });

  it('pins extremes exactly to 0 and 1', () => {
    expect(wilsonInterval(0, 7)?.low).toBe(0);
    expect(wilsonInterval(7, 7)?.high).toBe(1);
  });

  it('stays within [0, 1] and contains p', () => {
    for (const n of [1, 2, 3, 17, 100]) {
      for (let k = 0; k <= n; k++) {
        const ci = wilsonInterval(k, n);
        expect(ci).not.toBeNull();
        if (ci === null) continue;
        expect(ci.low).toBeGreaterThanOrEqual(0);
        expect(ci.high).toBeLessThanOrEqual(1);
        expect(ci.low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(ci.high).toBeGreaterThanOrEqual(k / n - 1e-12);
      }
    }
  });

  it('narrows with a smaller z', () => {
    const wide = wilsonInterval(5, 10);
    const narrow = wilsonInterval(5, 10, 1);
    expect(narrow && wide && narrow.high - narrow.low < wide.high - wide.low).toBe(true);
  });

  it.each([
    { successes: -1, n: 10 },
    { successes: 11, n: 10 },
    { successes: 1, n: 0 },
    { successes: 1.5, n: 10 },
    { successes: 1, n: 10.5 },
    { successes: Number.NaN, n: 10 },
    { successes: 1, n: Number.POSITIVE_INFINITY },
  ])('throws RangeError for $successes/$n', ({ successes, n }) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for z=%s', (z) => {
    expect(() => wilsonInterval(1, 2, z)).toThrow(RangeError);
  });
});

describe('tQuantile975', () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [4, 2.776],
    [5, 2.571],
    [10, 2.228],
    [20, 2.086],
    [29, 2.045],
    [30, 2.042],
    [31, 2.0395],
    [40, 2.021],
    [60, 2.0003],
    [100, 1.984],
    [120, 1.9799],
    [1000, 1.962],
  ])('df=%i → %f', (df, expected) => {
    expect(Math.abs(tQuantile975(df) - expected)).toBeLessThan(1e-3);
  });

  it('matches the reference to 1e-6 just past the table', () => {
    expect(tQuantile975(31)).toBeCloseTo(2.039513446, 6);
    expect(tQuantile975(60)).toBeCloseTo(2.000297822, 6);
  });

  it('converges to the normal quantile', () => {
    expect(tQuantile975(1e9)).toBeCloseTo(Z95, 6);
    expect(tQuantile975(Number.POSITIVE_INFINITY)).toBe(Z95);
  });

  it('decreases monotonically with df', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let df = 1; df <= 200; df += 0.5) {
      const t = tQuantile975(df);
      expect(t).toBeLessThan(previous);
      previous = t;
    }
  });

  it('interpolates fractional df between neighbours', () => {
    const t = tQuantile975(4.5);
    expect(t).toBeLessThan(tQuantile975(4));
    expect(t).toBeGreaterThan(tQuantile975(5));
    // Reference t(0.975, 4.5) = 2.6603
    expect(Math.abs(t - 2.6603)).toBeLessThan(5e-3);
  });

  it.each([0, 0.5, -1, Number.NaN, Number.NEGATIVE_INFINITY])(
    'throws RangeError for df=%s',
    (df) => {
      expect(() => tQuantile975(df)).toThrow(RangeError);
    },
  );
});

function sums(values: readonly number[]): [number, number, number] {
  return [values.length, values.reduce((a, v) => a + v, 0), values.reduce((a, v) => a + v * v, 0)];
}

describe('meanInterval', () => {
  it.each([
    { values: [1, 2, 3, 4, 5], low: 1.0368, high: 4.9632 },
    { values: [1, 3], low: 2 - 12.706204736, high: 2 + 12.706204736 },
    { values: [4, 4, 4, 4], low: 4, high: 4 },
    { values: [0.1, 0.1, 0.1], low: 0.1, high: 0.1 },
    { values: [0.1, 0.2, 0.3], low: -0.0484, high: 0.4484 },
    { values: [-2, 2], low: -25.4124, high: 25.4124 },
  ])('$values → [$low, $high]', ({ values, low, high }) => {
    const ci = meanInterval(...sums(values));
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
  });

  it('treats floating-point negative variance as zero', () => {
    // Seven 0.7s leave sumSquares - sum²/n slightly negative (≈ -1.3e-15).
    const values = Array.from({ length: 7 }, () => 0.7);
    const [n, sum, sumSquares] = sums(values);
    expect(sumSquares - (sum * sum) / n).toBeLessThan(0);
    const ci = meanInterval(n, sum, sumSquares);
    expect(ci?.low).toBeCloseTo(0.7, 12);
    expect(ci?.high).toBeCloseTo(0.7, 12);
    expect(Number.isNaN(ci?.low)).toBe(false);
  });

  it('uses the normal-like quantile for large n', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => i % 2);
    const ci = meanInterval(...sums(values));
    const se = Math.sqrt((0.25 * (10_000 / 9_999)) / 10_000);
    expect(ci?.low).toBeCloseTo(0.5 - 1.9602 * se, 4);
    expect(ci?.high).toBeCloseTo(0.5 + 1.9602 * se, 4);
  });

  it.each([
    [0, 0, 0],
    [1, 5, 25],
    [-1, 0, 0],
  ])('returns null when n=%i', (n, sum, sumSquares) => {
    expect(meanInterval(n, sum, sumSquares)).toBeNull();
  });

  it.each([
    [2.5, 1, 1],
    [Number.NaN, 1, 1],
    [3, Number.NaN, 1],
    [3, 1, Number.POSITIVE_INFINITY],
  ])('throws RangeError for (%s, %s, %s)', (n, sum, sumSquares) => {
    expect(() => meanInterval(n, sum, sumSquares)).toThrow(RangeError);
  });
});
