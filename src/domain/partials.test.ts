import { describe, it, expect } from 'vitest';
import { emptyPartial, mergePartials, type Partial } from './partials.ts';

const p = (
  n: number,
  hits: number,
  sum: number,
  sumSquares: number,
  organisations: number,
): Partial => ({
  n,
  hits,
  sum,
  sumSquares,
  organisations,
});

describe('emptyPartial', () => {
  it('is all zeros', () => {
    expect(emptyPartial()).toEqual(p(0, 0, 0, 0, 0));
  });

  it('returns a fresh object each time', () => {
    const a = emptyPartial();
    a.n = 5;
    expect(emptyPartial().n).toBe(0);
  });
});

describe('mergePartials', () => {
  it.each<{ name: string; parts: Partial[]; expected: Partial }>([
    { name: 'no partials', parts: [], expected: p(0, 0, 0, 0, 0) },
    { name: 'one partial', parts: [p(3, 2, 6, 14, 1)], expected: p(3, 2, 6, 14, 1) },
    {
      name: 'two organisations',
      parts: [p(3, 2, 6, 14, 1), p(2, 1, 9, 41, 1)],
      expected: p(5, 3, 15, 55, 2),
    },
    {
      name: 'with empty partials',
      parts: [emptyPartial(), p(1, 1, 4, 16, 1), emptyPartial()],
      expected: p(1, 1, 4, 16, 1),
    },
    {
      name: 'negative and fractional values',
      parts: [p(2, 0, -1.5, 4.25, 1), p(1, 0, 0.5, 0.25, 1)],
      expected: p(3, 0, -1, 4.5, 2),
    },
  ])('$name', ({ parts, expected }) => {
    expect(mergePartials(parts)).toEqual(expected);
  });

  it('is associative on integer data', () => {
    const a = p(3, 2, 6, 14, 1);
    const b = p(2, 1, 9, 41, 1);
    const c = p(4, 4, 10, 30, 1);
    expect(mergePartials([mergePartials([a, b]), c])).toEqual(
      mergePartials([a, mergePartials([b, c])]),
    );
  });

  it('does not mutate its inputs', () => {
    const a = p(3, 2, 6, 14, 1);
    const snapshot = { ...a };
    mergePartials([a, a]);
    expect(a).toEqual(snapshot);
  });

  it('handles many partials', () => {
    const parts = Array.from({ length: 1000 }, () => p(10, 5, 0.1, 0.01, 1));
    const merged = mergePartials(parts);
    expect(merged.n).toBe(10_000);
    expect(merged.organisations).toBe(1000);
    expect(merged.sum).toBeCloseTo(100, 9);
  });
});
