import type { Figure } from './indicator-value.ts';

export interface SuppressedFigure extends Figure {
  suppressed: boolean;
}

/**
 * Primary suppression only: hides figures computed from fewer than
 * `threshold` answers so individual respondents cannot be recognised.
 * Secondary (complementary) suppression, which stops a hidden cell being
 * recovered by subtraction from totals or sibling cells, is not done here.
 *
 * n is kept on purpose: it is the number of answers, not the figure itself,
 * and showing it explains to readers why the value is missing.
 */
export function suppressSmallCells(f: Figure, threshold: number): SuppressedFigure {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`threshold must be an integer >= 1, got ${threshold}`);
  }
  // n = 0 is "no data", not a disclosure risk; its value is already null.
  if (f.n > 0 && f.n < threshold) return { value: null, n: f.n, ci: null, suppressed: true };
  return { ...f, suppressed: false };
}

/**
 * The figure a collective shows to its members. Each member also sees its own figure, so it
 * could subtract it from the pooled one: the pooled figure is hidden too when, once the
 * largest contributor's answers are taken away, fewer than `threshold` answers remain from
 * the others. A pooled figure resting on one contributor alone (nothing to subtract to) is
 * judged by its own n.
 */
export function suppressForOthers(f: Figure, largestContribution: number, threshold: number): SuppressedFigure {
  const primary = suppressSmallCells(f, threshold);
  if (primary.suppressed) return primary;
  const others = f.n - largestContribution;
  if (others > 0 && others < threshold) return { value: null, n: f.n, ci: null, suppressed: true };
  return primary;
}
