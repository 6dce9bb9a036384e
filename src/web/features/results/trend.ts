/**
 * Shapes a trend payload for the chart and its table: one line per series (a definition of the
 * indicator), aligned on the periods, with the breaks where a later series begins. Pure
 * functions, no React.
 */
import type { z } from 'zod';
import type { trend } from '../../../contracts/index.ts';

export type Trend = z.infer<typeof trend>;
type ComputationType = 'share' | 'mean' | 'count' | 'sum';

export type TrendLine = {
  number: number;
  /** The version that adopted this definition first (null: never adopted). */
  fromVersion: number | null;
  type: ComputationType;
  /** Aligned on `periods`; null draws a gap (no answers, or a hidden small figure). */
  values: Array<number | null>;
  n: Array<number | null>;
  suppressed: boolean[];
  current: boolean;
  /** Whose line it is, on a chart of an organisation against its sector. */
  side?: 'organisation' | 'sector';
};

export type TrendBreak = { period: string; series: number; fromVersion: number | null };

export type TrendSpec = {
  periods: string[];
  lines: TrendLine[];
  breaks: TrendBreak[];
  /** Shares are drawn as percentages (0–100). */
  percent: boolean;
  hasSuppressed: boolean;
};

const typeOf = (type: string): ComputationType =>
  type === 'share' || type === 'mean' || type === 'count' || type === 'sum' ? type : 'mean';

export function trendSpec(data: Trend): TrendSpec {
  const { periods } = data;
  const index = new Map(periods.map((p, i) => [p, i]));
  const used = new Set(data.points.map((p) => p.series));
  const lines: TrendLine[] = data.series
    .filter((s) => used.has(s.number))
    .sort((a, b) => a.number - b.number)
    .map((s) => {
      const type = typeOf(s.type);
      const scale = (v: number) => (type === 'share' ? v * 100 : v);
      const values: Array<number | null> = periods.map(() => null);
      const n: Array<number | null> = periods.map(() => null);
      const suppressed = periods.map(() => false);
      for (const p of data.points) {
        if (p.series !== s.number) continue;
        const i = index.get(p.period);
        if (i === undefined) continue;
        values[i] = p.suppressed || p.value === null ? null : scale(p.value);
        n[i] = p.n;
        suppressed[i] = p.suppressed;
      }
      return {
        number: s.number,
        fromVersion: s.fromVersion,
        type,
        values,
        n,
        suppressed,
        current: s.number === data.currentSeries,
      };
    });
  // A break sits at the first period of every series after the first one drawn.
  const breaks: TrendBreak[] = [];
  for (const line of lines.slice(1)) {
    const first = line.n.findIndex((n) => n !== null);
    const period = periods[first];
    if (period !== undefined && !breaks.some((b) => b.period === period))
      breaks.push({ period, series: line.number, fromVersion: line.fromVersion });
  }
  return {
    periods,
    lines,
    breaks,
    percent: typeOf(data.computation.type) === 'share',
    hasSuppressed: data.points.some((p) => p.suppressed),
  };
}
