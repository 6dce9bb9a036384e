/**
 * Additive summaries of one indicator. Everything is a plain sum so that
 * per-organisation partials can be combined into collective figures without
 * revisiting raw answers (and without the collective ever seeing them).
 */
export interface Partial {
  /** Answers or reported figures counted. */
  n: number;
  /** Answers falling within the share's option set. */
  hits: number;
  sum: number;
  sumSquares: number;
  /** Organisations that contributed at least one answer/figure. */
  organisations: number;
}

export const emptyPartial = (): Partial => ({
  n: 0,
  hits: 0,
  sum: 0,
  sumSquares: 0,
  organisations: 0,
});

/** Callers pass one partial per organisation, so organisations add up too. */
export function mergePartials(parts: readonly Partial[]): Partial {
  const total = emptyPartial();
  for (const p of parts) {
    total.n += p.n;
    total.hits += p.hits;
    total.sum += p.sum;
    total.sumSquares += p.sumSquares;
    total.organisations += p.organisations;
  }
  return total;
}
