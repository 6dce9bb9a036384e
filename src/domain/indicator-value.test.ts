import { describe, it, expect } from 'vitest';
import { figureFromPartial, type ComputationType } from './indicator-value.ts';
import type { Partial } from './partials.ts';

const p = (n: number, hits: number, sum: number, sumSquares: number): Partial => ({
  n,
  hits,
  sum,
  sumSquares,
  organisations: n > 0 ? 1 : 0,
});

interface Case {
  name: string;
  type: ComputationType;
  partial: Partial;
  value: number | null;
  ci: [number, number] | null;
}

describe('figureFromPartial', () => {
  it.each<Case>([
    { name: 'share, no answers', type: 'share', partial: p(0, 0, 0, 0), value: null, ci: null },
    { name: 'share, one yes', type: 'share', partial: p(1, 1, 0, 0), value: 1, ci: [0.2065, 1] },
    { name: 'share, none', type: 'share', partial: p(10, 0, 0, 0), value: 0, ci: [0, 0.2775] },
    { name: 'share, all', type: 'share', partial: p(10, 10, 0, 0), value: 1, ci: [0.7225, 1] },
    {
      name: 'share, unrounded',
      type: 'share',
      partial: p(263, 81, 0, 0),
      value: 81 / 263,
      ci: [0.2553, 0.3662],
    },
    { name: 'mean, no answers', type: 'mean', partial: p(0, 0, 0, 0), value: null, ci: null },
    { name: 'mean, one answer', type: 'mean', partial: p(1, 0, 7, 49), value: 7, ci: null },
    { name: 'mean, 1..5', type: 'mean', partial: p(5, 0, 15, 55), value: 3, ci: [1.0368, 4.9632] },
    { name: 'mean, zero variance', type: 'mean', partial: p(3, 0, 6, 12), value: 2, ci: [2, 2] },
    { name: 'count, none', type: 'count', partial: p(0, 0, 0, 0), value: 0, ci: null },
    { name: 'count, many', type: 'count', partial: p(12_345, 3, 99, 999), value: 12_345, ci: null },
    { name: 'sum, nobody reported', type: 'sum', partial: p(0, 0, 0, 0), value: null, ci: null },
    { name: 'sum, reported zero', type: 'sum', partial: p(2, 0, 0, 0), value: 0, ci: null },
    {
      name: 'sum, floating',
      type: 'sum',
      partial: p(3, 0, 0.1 + 0.2 + 0.3, 0.14),
      value: 0.1 + 0.2 + 0.3,
      ci: null,
    },
  ])('$name', ({ type, partial, value, ci }) => {
    const figure = figureFromPartial(type, partial);
    expect(figure.n).toBe(partial.n);
    if (value === null) expect(figure.value).toBeNull();
    else expect(figure.value).toBe(value);
    if (ci === null) {
      expect(figure.ci).toBeNull();
    } else {
      expect(figure.ci?.low).toBeCloseTo(ci[0], 4);
      expect(figure.ci?.high).toBeCloseTo(ci[1], 4);
    }
  });

  it('propagates an inconsistent share partial as RangeError', () => {
    expect(() => figureFromPartial('share', p(2, 3, 0, 0))).toThrow(RangeError);
  });
});
