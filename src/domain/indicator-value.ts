import type { Partial } from './partials.ts';
import { meanInterval, wilsonInterval, type Interval } from './statistics.ts';

export type ComputationType = 'share' | 'mean' | 'count' | 'sum';

export interface Figure {
  value: number | null;
  n: number;
  ci: Interval | null;
}

/** Unrounded figure: rounding belongs to presentation, not to computation. */
export function figureFromPartial(type: ComputationType, p: Partial): Figure {
  switch (type) {
    case 'share':
      return { value: p.n === 0 ? null : p.hits / p.n, n: p.n, ci: wilsonInterval(p.hits, p.n) };
    case 'mean':
      return {
        value: p.n === 0 ? null : p.sum / p.n,
        n: p.n,
        ci: meanInterval(p.n, p.sum, p.sumSquares),
      };
    case 'count':
      return { value: p.n, n: p.n, ci: null };
    case 'sum':
      // A sum of 0 would claim "nobody did anything"; with n=0 nobody reported.
      return { value: p.n === 0 ? null : p.sum, n: p.n, ci: null };
  }
}
