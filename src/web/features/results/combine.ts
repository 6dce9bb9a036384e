/**
 * Shapes the results payloads for the dashboard: pairs each indicator of the organisation
 * with the same indicator in the collective, and prepares the bars of a card's chart.
 * Pure functions, no React.
 */
import type { Computation, IndicatorResult, Results } from '../../api/types.ts';

export type ResultRow = {
  key: string;
  code: string;
  scope: IndicatorResult['scope'];
  /** Whichever side has the indicator's description (organisation first). */
  info: IndicatorResult;
  org: IndicatorResult | null;
  collective: IndicatorResult | null;
};

const keyOf = (r: Pick<IndicatorResult, 'frameworkId' | 'code'>) => `${r.frameworkId}:${r.code}`;

/** Organisation rows in their order, then common indicators only the collective has. */
export function combineResults(
  org: Results | undefined,
  collective: Results | undefined,
): { common: ResultRow[]; specific: ResultRow[] } {
  const collectiveByKey = new Map((collective?.indicators ?? []).map((r) => [keyOf(r), r]));
  const rows: ResultRow[] = [];
  const seen = new Set<string>();
  for (const r of org?.indicators ?? []) {
    const key = keyOf(r);
    seen.add(key);
    rows.push({
      key,
      code: r.code,
      scope: r.scope,
      info: r,
      org: r,
      collective: r.scope === 'common' ? (collectiveByKey.get(key) ?? null) : null,
    });
  }
  for (const r of collective?.indicators ?? []) {
    const key = keyOf(r);
    if (seen.has(key)) continue;
    rows.push({ key, code: r.code, scope: 'common', info: r, org: null, collective: r });
  }
  return {
    common: rows.filter((r) => r.scope === 'common'),
    specific: rows.filter((r) => r.scope === 'specific'),
  };
}

export type ChartBar = {
  name: string;
  /** In display units: shares are percentages (0–100). null draws no bar. */
  value: number | null;
  low: number | null;
  high: number | null;
  color: string;
};

export type ChartSpec = {
  bars: ChartBar[];
  percent: boolean;
  /** Counts and sums: the axis shows whole numbers only. */
  integer: boolean;
};

/** Shares are drawn as percentages; a suppressed or missing figure draws no bar. */
export function chartSpec(
  computation: Computation,
  sides: Array<{ name: string; result: IndicatorResult | null; color: string }>,
): ChartSpec | null {
  const percent = computation.type === 'share';
  const scale = (v: number) => (percent ? v * 100 : v);
  const bars = sides.map(({ name, result, color }) => {
    const shown = result && !result.suppressed && result.value !== null;
    return {
      name,
      color,
      value: shown ? scale(result.value ?? 0) : null,
      low: shown && result.ci ? scale(result.ci.low) : null,
      high: shown && result.ci ? scale(result.ci.high) : null,
    };
  });
  // Nothing to draw when no side has a figure, or every figure is zero.
  if (bars.every((b) => b.value === null || b.value === 0)) return null;
  const integer = computation.type === 'count' || computation.type === 'sum';
  return { bars, percent, integer };
}
