/**
 * One indicator over time: a line per series (definition), a vertical "break" mark where a
 * later series begins, gaps where a figure is missing or hidden, n in the tooltip. Loaded
 * lazily, like the bar chart, so ECharts stays out of the main bundle.
 */
import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { escapeTooltip, useChart } from './use-chart.ts';
import type { TrendSpec } from './trend.ts';

echarts.use([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

const INK = '#1f2a37';
const BREAK = '#b45309';
/** The current series in the side's colour (organisation or collective), older ones quieter. */
const OLDER = ['#64748b', '#a16207', '#7c3aed', '#9ca3af'];

export type LineStyle = {
  color: string;
  symbol?: 'circle' | 'diamond' | 'rect' | 'triangle';
  dashed?: boolean;
};

export type TrendChartLabels = {
  seriesName: (line: TrendSpec['lines'][number]) => string;
  periodName: (period: string) => string;
  breakLabel: string;
  n: (n: number) => string;
  hidden: string;
};

export default function TrendChart({
  spec,
  format,
  labels,
  color,
  lineStyle,
}: {
  spec: TrendSpec;
  /** The colour of the current series. */
  color: string;
  /**
   * Each line's own look, for a chart of more than one side (an organisation and its sector):
   * colour, point symbol, dashes. Without it, the current series takes `color`.
   */
  lineStyle?: (line: TrendSpec['lines'][number]) => LineStyle;
  /** Formats a value given in display units (percent for shares). */
  format: (value: number, type: TrendSpec['lines'][number]['type']) => string;
  labels: TrendChartLabels;
}) {
  const ref = useChart((chart, reduceMotion) => {
    const { periods, lines, breaks, percent } = spec;
    let older = 0;
    const styles = lines.map((l) => lineStyle?.(l));
    const colors = lines.map(
      (l, i) => styles[i]?.color ?? (l.current ? color : (OLDER[older++ % OLDER.length] ?? INK)),
    );
    const names = lines.map((l) => labels.seriesName(l));
    const periodNames = periods.map((p) => labels.periodName(p));
    const markLine = {
      silent: true,
      symbol: ['none', 'none'],
      lineStyle: { color: BREAK, type: 'dashed', width: 1.5 },
      label: {
        formatter: labels.breakLabel,
        position: 'end',
        distance: 6,
        color: BREAK,
        fontWeight: 600,
        fontSize: 12,
      },
      data: breaks.map((b) => ({ xAxis: periodNames[periods.indexOf(b.period)] })),
    };
    chart.setOption(
      {
        animation: !reduceMotion,
        animationDuration: 400,
        color: colors,
        grid: {
          left: 8,
          right: 24,
          top: lines.length > 1 ? 64 : 40,
          bottom: 8,
          containLabel: true,
        },
        legend:
          lines.length > 1
            ? {
                top: 0,
                left: 0,
                data: names,
                textStyle: { color: INK, fontSize: 13 },
                itemWidth: 22,
              }
            : { show: false },
        tooltip: {
          trigger: 'axis',
          confine: true,
          formatter: (params: unknown) => {
            const list = Array.isArray(params) ? params : [params];
            const first = list[0] as { dataIndex?: number } | undefined;
            const i = first?.dataIndex ?? 0;
            const rows = lines.flatMap((line, li) => {
              const n = line.n[i];
              if (n === null || n === undefined) return [];
              const value = line.values[i];
              const shown =
                line.suppressed[i] || value === null || value === undefined
                  ? labels.hidden
                  : `<b>${format(value, line.type)}</b>`;
              return [
                `<span style="color:${colors[li] ?? INK}">●</span> ${escapeTooltip(names[li] ?? '')} : ${shown} (${escapeTooltip(labels.n(n))})`,
              ];
            });
            return `${escapeTooltip(periodNames[i] ?? '')}<br/>${rows.join('<br/>')}`;
          },
        },
        xAxis: {
          type: 'category',
          data: periodNames,
          boundaryGap: periods.length <= 2,
          axisTick: { alignWithLabel: true },
          axisLine: { lineStyle: { color: '#c9ced4' } },
          axisLabel: { color: INK, hideOverlap: true },
        },
        yAxis: {
          type: 'value',
          ...(percent ? { min: 0, max: 100, interval: 25 } : { scale: false, splitNumber: 4 }),
          axisLabel: {
            color: '#5c6670',
            formatter: (v: number) => format(v, lines.at(-1)?.type ?? 'mean'),
          },
          splitLine: { lineStyle: { color: '#e6e9ec' } },
        },
        series: lines.map((line, li) => ({
          type: 'line',
          name: names[li],
          connectNulls: false,
          showSymbol: true,
          symbol: styles[li]?.symbol ?? 'circle',
          symbolSize: 10,
          lineStyle: { width: line.current ? 3 : 2, type: styles[li]?.dashed ? 'dashed' : 'solid' },
          data: line.values.map((v) => (v === null ? '-' : v)),
          ...(li === lines.length - 1 && breaks.length > 0 ? { markLine } : {}),
        })),
      },
      true,
    );
  }, [spec, format, labels, color, lineStyle]);

  return <div ref={ref} style={{ width: '100%', height: 300 }} aria-hidden="true" />;
}

