/**
 * One indicator's comparison chart: a horizontal bar per side with its 95% interval drawn as
 * an error bar. Loaded lazily so that ECharts stays out of the main bundle. Only the parts of
 * ECharts used here are registered.
 */
import { BarChart, CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { escapeTooltip, useChart } from './use-chart.ts';
import type { ChartSpec } from './combine.ts';

echarts.use([BarChart, CustomChart, GridComponent, TooltipComponent, SVGRenderer]);

type RenderApi = {
  value: (dimension: number) => number | string;
  coord: (point: [number, number]) => number[];
  size?: (size: [number, number]) => number | number[];
};

const INK = '#1f2a37';

export default function IndicatorChart({
  spec,
  format,
}: {
  spec: ChartSpec;
  /** Formats a value given in display units (percent for shares). */
  format: (value: number) => string;
}) {
  const ref = useChart((chart, reduceMotion) => {
    const { bars, percent, integer } = spec;
    const maxHigh = Math.max(0, ...bars.map((b) => Math.max(b.high ?? 0, b.value ?? 0)));
    chart.setOption(
      {
        animation: !reduceMotion,
        animationDuration: 400,
        grid: { left: 8, right: 24, top: 8, bottom: 4, containLabel: true },
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (params: unknown) => {
            const p = params as { seriesType?: string; dataIndex: number };
            const bar = bars[p.dataIndex];
            if (!bar || bar.value === null) return '';
            const ci =
              bar.low !== null && bar.high !== null
                ? `<br/>95 % : ${format(bar.low)} – ${format(bar.high)}`
                : '';
            return `${escapeTooltip(bar.name)}<br/><b>${format(bar.value)}</b>${ci}`;
          },
        },
        xAxis: {
          type: 'value',
          min: 0,
          max: percent ? 100 : niceMax(maxHigh),
          ...(percent ? { interval: 25 } : { splitNumber: 4 }),
          ...(integer ? { minInterval: 1 } : {}),
          axisLabel: { color: '#5c6670', formatter: (v: number) => format(v), hideOverlap: true },
          splitLine: { lineStyle: { color: '#e6e9ec' } },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          data: bars.map((b) => b.name),
          axisTick: { show: false },
          axisLine: { lineStyle: { color: '#c9ced4' } },
          axisLabel: {
            color: INK,
            width: 96,
            overflow: 'truncate',
          },
        },
        series: [
          {
            type: 'bar',
            barMaxWidth: 26,
            data: bars.map((b) => ({
              value: b.value ?? '-',
              itemStyle: { color: b.color, borderRadius: [0, 4, 4, 0] },
            })),
          },
          {
            type: 'custom',
            silent: true,
            encode: { x: [1, 2], y: 0 },
            data: bars.flatMap((b, index) =>
              b.low !== null && b.high !== null ? [[index, b.low, b.high]] : [],
            ),
            renderItem: (_params: unknown, api: RenderApi) => {
              const index = Number(api.value(0));
              const low = api.coord([Number(api.value(1)), index]);
              const high = api.coord([Number(api.value(2)), index]);
              const band = api.size ? api.size([0, 1]) : 20;
              const bandHeight = Array.isArray(band) ? (band[1] ?? 20) : band;
              const cap = Math.max(4, bandHeight * 0.16);
              const [x1 = 0, y = 0] = low;
              const [x2 = 0] = high;
              const style = { stroke: INK, lineWidth: 1.6 };
              return {
                type: 'group',
                children: [
                  { type: 'line', shape: { x1, y1: y, x2, y2: y }, style },
                  { type: 'line', shape: { x1, y1: y - cap, x2: x1, y2: y + cap }, style },
                  { type: 'line', shape: { x1: x2, y1: y - cap, x2, y2: y + cap }, style },
                ],
              };
            },
            z: 3,
          },
        ],
      },
      true,
    );
  }, [spec, format]);

  const height = 36 + spec.bars.length * 40;
  return <div ref={ref} style={{ width: '100%', height }} aria-hidden="true" />;
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  for (const step of steps) {
    if (step * magnitude >= value * 1.05) return step * magnitude;
  }
  return 10 * magnitude;
}

