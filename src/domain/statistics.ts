export interface Interval {
  low: number;
  high: number;
}

/** Standard normal quantile for 0.975 (two-sided 95%). */
export const Z95 = 1.959963984540054;

function assertFiniteInteger(name: string, x: number): void {
  if (!Number.isFinite(x) || !Number.isInteger(x)) {
    throw new RangeError(`${name} must be a finite integer, got ${x}`);
  }
}

function assertFinite(name: string, x: number): void {
  if (!Number.isFinite(x)) throw new RangeError(`${name} must be finite, got ${x}`);
}

/**
 * Wilson score interval. Preferred over the Wald interval because small
 * collectives routinely produce tiny n and 0% / 100% shares, where Wald
 * collapses to a zero-width interval and misleads readers.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  assertFiniteInteger('successes', successes);
  assertFiniteInteger('n', n);
  if (!Number.isFinite(z) || z <= 0)
    throw new RangeError(`z must be a positive finite number, got ${z}`);
  if (n <= 0) {
    if (successes !== 0) throw new RangeError(`successes (${successes}) must be 0 when n is ${n}`);
    return null;
  }
  if (successes < 0 || successes > n) {
    throw new RangeError(`successes (${successes}) must be within [0, ${n}]`);
  }
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The bounds are exactly 0 / 1 at the extremes in theory; pin them so
  // floating noise never shows as "0.0000000001" or a bound past the limit.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return { low, high };
}

// Exact 0.975 quantiles; the asymptotic series is too rough at very small df.
const T975_TABLE: readonly number[] = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252,
  2.306004135, 2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688,
  2.131449546, 2.119905299, 2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845,
  2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
  2.045229642, 2.042272456,
];

function tableAt(df: number): number {
  const v = T975_TABLE[df - 1];
  if (v === undefined) throw new RangeError(`no table entry for df=${df}`);
  return v;
}

/**
 * Cornish-Fisher expansion of the t quantile around the normal one
 * (Abramowitz & Stegun 26.7.5); beyond df=30 its error is below 1e-6.
 */
function cornishFisher(df: number, z: number): number {
  const z2 = z * z;
  const z3 = z2 * z;
  const z5 = z3 * z2;
  const z7 = z5 * z2;
  const z9 = z7 * z2;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Two-sided 95% Student t quantile (upper 0.975) for df >= 1. */
export function tQuantile975(df: number): number {
  if (Number.isNaN(df) || df < 1) throw new RangeError(`df must be >= 1, got ${df}`);
  if (df === Infinity) return Z95;
  if (df > 30) return cornishFisher(df, Z95);
  if (Number.isInteger(df)) return tableAt(df);
  // Fractional df (e.g. Welch) between table rows: interpolating in 1/df is
  // the textbook rule because the quantile is close to linear in 1/df.
  const lo = Math.floor(df);
  const hi = lo + 1;
  const w = (1 / lo - 1 / df) / (1 / lo - 1 / hi);
  const upper = hi > 30 ? cornishFisher(hi, Z95) : tableAt(hi);
  return tableAt(lo) + w * (upper - tableAt(lo));
}

/** Student t 95% interval for the mean, computed from running sums so partials can be merged. */
export function meanInterval(n: number, sum: number, sumSquares: number): Interval | null {
  assertFiniteInteger('n', n);
  assertFinite('sum', sum);
  assertFinite('sumSquares', sumSquares);
  if (n < 2) return null;
  const mean = sum / n;
  // sumSquares - sum²/n cancels catastrophically when all values are equal,
  // which can leave a tiny negative number instead of 0.
  const variance = Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { low: mean - half, high: mean + half };
}
