import { describe, it, expect } from 'vitest';
import type { Figure } from './indicator-value.ts';
import { suppressForOthers, suppressSmallCells } from './suppression.ts';

const fig = (n: number, value: number | null = n === 0 ? null : 0.5): Figure => ({
  value,
  n,
  ci: value === null ? null : { low: 0.1, high: 0.9 },
});

describe('suppressSmallCells', () => {
  it.each([
    { n: 0, threshold: 5, suppressed: false },
    { n: 1, threshold: 5, suppressed: true },
    { n: 4, threshold: 5, suppressed: true },
    { n: 5, threshold: 5, suppressed: false },
    { n: 6, threshold: 5, suppressed: false },
    { n: 1, threshold: 1, suppressed: false },
    { n: 10_000, threshold: 11, suppressed: false },
  ])('n=$n, threshold=$threshold → suppressed=$suppressed', ({ n, threshold, suppressed }) => {
    const input = fig(n);
    const out = suppressSmallCells(input, threshold);
    expect(out.suppressed).toBe(suppressed);
    expect(out.n).toBe(n);
    if (suppressed) {
      expect(out.value).toBeNull();
      expect(out.ci).toBeNull();
    } else {
      expect(out.value).toBe(input.value);
      expect(out.ci).toEqual(input.ci);
    }
  });

  it('keeps a zero value visible when n is large enough', () => {
    expect(suppressSmallCells(fig(8, 0), 5)).toEqual({
      value: 0,
      n: 8,
      ci: { low: 0.1, high: 0.9 },
      suppressed: false,
    });
  });

  it('does not mutate the input', () => {
    const input = fig(2);
    suppressSmallCells(input, 5);
    expect(input.value).toBe(0.5);
  });

  it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'throws RangeError for threshold=%s',
    (threshold) => {
      expect(() => suppressSmallCells(fig(3), threshold)).toThrow(RangeError);
    },
  );
});

describe('suppressForOthers', () => {
  const figure = (n: number): Figure => ({ value: 0.5, n, ci: { low: 0.4, high: 0.6 } });
  it.each([
    // n, largest contribution, threshold, suppressed
    [0, 0, 5, false],
    [3, 3, 5, true],
    [20, 20, 5, false],
    [21, 20, 5, true],
    [24, 20, 5, true],
    [25, 20, 5, false],
    [40, 20, 5, false],
    [10, 5, 5, false],
    [9, 5, 5, true],
  ])('n=%i, largest=%i, k=%i → suppressed %s', (n, largest, k, suppressed) => {
    const r = suppressForOthers(figure(n), largest, k);
    expect(r.suppressed).toBe(suppressed);
    expect(r.n).toBe(n);
    if (suppressed) {
      expect(r.value).toBeNull();
      expect(r.ci).toBeNull();
    }
  });
});
