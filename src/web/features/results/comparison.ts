/**
 * Shapes the organisation-versus-sector payloads for the page: the scale of each indicator's
 * box, ranks in words, the chart's lines (the organisation's and the sector's, one per series)
 * and the table that stands in for the chart. Pure functions, no React.
 */
import type { ComparisonIndicator, ComparisonTrend } from '../../../contracts/comparison.ts';
import type { Locale } from '../../api/types.ts';
import { trendSpec, type TrendBreak, type TrendLine, type TrendSpec } from './trend.ts';

export type { ComparisonIndicator, ComparisonTrend };

export type BoxScale = { min: number; max: number };

/**
 * The stretch of values a box is drawn on. A share runs from 0 to 100 %; a mean from a little
 * below the lowest to a little above the highest of what is shown (quartiles, the organisation,
 * the sector), never from the members' extremes, which are not given out.
 */
export function boxScale(ind: ComparisonIndicator): BoxScale {
  if (ind.computation.type === 'share') return { min: 0, max: 1 };
  const shown = [
    ind.organisation.value,
    ind.sector.value,
    ...(ind.distribution.shown
      ? [ind.distribution.q1, ind.distribution.median, ind.distribution.q3]
      : []),
  ].filter((v): v is number => v !== null && Number.isFinite(v));
  if (shown.length === 0) return { min: 0, max: 1 };
  const low = Math.min(...shown);
  const high = Math.max(...shown);
  const pad = high > low ? (high - low) * 0.15 : Math.max(Math.abs(high) * 0.1, 1);
  // Waiting days or scores below zero are rare: do not draw negative room for them.
  return { min: low >= 0 ? Math.max(0, low - pad) : low - pad, max: high + pad };
}

/** Where a value sits on the box, in percent of its width (clamped to the box). */
export function position(value: number, scale: BoxScale): number {
  if (scale.max === scale.min) return 50;
  return Math.min(100, Math.max(0, ((value - scale.min) / (scale.max - scale.min)) * 100));
}

/** "1er", "3e" / "1st", "3rd", "11th". */
export function ordinal(n: number, locale: Locale): string {
  if (locale === 'fr') return n === 1 ? '1er' : `${n}e`;
  const suffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
  return `${n}${suffix[new Intl.PluralRules('en', { type: 'ordinal' }).select(n)] ?? 'th'}`;
}

export type ComparisonSide = 'organisation' | 'sector';
export type ComparisonLine = TrendLine & { side: ComparisonSide };
export type ComparisonSpec = Omit<TrendSpec, 'lines'> & { lines: ComparisonLine[] };

const asTrend = (data: ComparisonTrend, points: ComparisonTrend['sector']) => ({
  frameworkId: data.frameworkId,
  code: data.code,
  label: data.label,
  unit: data.unit,
  computation: data.computation,
  currentSeries: data.currentSeries,
  series: data.series,
  periods: data.periods,
  points,
});

/**
 * The chart: per series, the organisation's line then the sector's, aligned on the periods.
 * Each series is its own line, so a line stops where the definition changes; the break sits
 * at the first period of every later series, whichever side has it first.
 */
export function comparisonSpec(data: ComparisonTrend): ComparisonSpec {
  const own = trendSpec(asTrend(data, data.organisation));
  const sector = trendSpec(asTrend(data, data.sector));
  const lines: ComparisonLine[] = [
    ...own.lines.map((l) => ({ ...l, side: 'organisation' as const })),
    ...sector.lines.map((l) => ({ ...l, side: 'sector' as const })),
  ].sort(
    (a, b) => a.number - b.number || (a.side === b.side ? 0 : a.side === 'organisation' ? -1 : 1),
  );
  const numbers = [...new Set(lines.map((l) => l.number))].sort((a, b) => a - b);
  const breaks: TrendBreak[] = [];
  for (const number of numbers.slice(1)) {
    const ofSeries = lines.filter((l) => l.number === number);
    const first = Math.min(
      ...ofSeries.map((l) => l.n.findIndex((n) => n !== null)).filter((i) => i >= 0),
    );
    const period = data.periods[first];
    if (period !== undefined && !breaks.some((b) => b.period === period)) {
      breaks.push({ period, series: number, fromVersion: ofSeries[0]?.fromVersion ?? null });
    }
  }
  return {
    periods: data.periods,
    lines,
    breaks,
    percent: own.percent,
    hasSuppressed: sector.hasSuppressed || own.hasSuppressed,
  };
}

export type ComparisonRow = {
  period: string;
  series: number;
  /** The first period of a later series. */
  isBreak: boolean;
  organisation: ComparisonTrend['organisation'][number] | null;
  sector: ComparisonTrend['sector'][number] | null;
};

/** The table beside the chart: one row per period and series, both sides side by side. */
export function comparisonRows(
  data: ComparisonTrend,
  breaks: readonly TrendBreak[],
): ComparisonRow[] {
  const key = (p: { period: string; series: number }) => `${p.period}|${p.series}`;
  const rows = new Map<string, ComparisonRow>();
  const row = (p: { period: string; series: number }) => {
    const existing = rows.get(key(p));
    if (existing) return existing;
    const created: ComparisonRow = {
      period: p.period,
      series: p.series,
      isBreak: breaks.some((b) => b.period === p.period && b.series === p.series),
      organisation: null,
      sector: null,
    };
    rows.set(key(p), created);
    return created;
  };
  for (const p of data.organisation) row(p).organisation = p;
  for (const p of data.sector) row(p).sector = p;
  const order = new Map(data.periods.map((p, i) => [p, i]));
  return [...rows.values()].sort(
    (a, b) => (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0) || a.series - b.series,
  );
}
