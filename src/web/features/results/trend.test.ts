import { describe, expect, it } from 'vitest';
import { trendSpec, type Trend } from './trend.ts';

const base: Pick<Trend, 'frameworkId' | 'code' | 'label' | 'unit' | 'computation'> = {
  frameworkId: '00000000-0000-4000-8000-000000000001',
  code: 'SAT',
  label: 'Satisfaction',
  unit: '',
  computation: { type: 'share', options: ['5'] },
};
const series = (number: number, key: string, fromVersion: number | null) => ({
  number,
  definitionKey: key,
  type: key.split(':')[0]!,
  options: [],
  disaggregations: [],
  fromVersion,
});
const point = (period: string, s: number, value: number | null, n: number, suppressed = false) => ({
  period,
  series: s,
  value,
  n,
  ci: null,
  suppressed,
});
const trend = (t: Omit<Trend, keyof typeof base>): Trend => ({ ...base, ...t });

describe('trendSpec', () => {
  it.each([
    {
      name: 'one series: no break, shares in percent',
      input: trend({
        currentSeries: 1,
        series: [series(1, 'share:5|', 1)],
        periods: ['2025', '2026'],
        points: [point('2025', 1, 0.5, 6), point('2026', 1, 0.6, 5)],
      }),
      lines: [{ number: 1, values: [50, 60], n: [6, 5], current: true }],
      breaks: [],
      hasSuppressed: false,
    },
    {
      name: 'a later series breaks at its first period; periods without a point are gaps',
      input: trend({
        currentSeries: 2,
        series: [series(1, 'share:4,5|', 1), series(2, 'share:5|', 2)],
        periods: ['2024', '2025', '2026'],
        points: [
          point('2024', 1, 0.5, 6),
          point('2025', 1, 4 / 7, 7),
          point('2025', 2, 1, 1),
          point('2026', 2, 0.6, 5),
        ],
      }),
      lines: [
        { number: 1, values: [50, (4 / 7) * 100, null], n: [6, 7, null], current: false },
        { number: 2, values: [null, 100, 60], n: [null, 1, 5], current: true },
      ],
      breaks: [{ period: '2025', series: 2, fromVersion: 2 }],
      hasSuppressed: false,
    },
    {
      name: 'a hidden figure is a gap that keeps its n; a series without points is not drawn',
      input: trend({
        currentSeries: 3,
        series: [series(1, 'mean|', 1), series(2, 'mean|age', null), series(3, 'mean|sex', 3)],
        periods: ['2025', '2026'],
        points: [point('2025', 1, null, 2, true), point('2026', 3, 3.4, 9)],
      }),
      lines: [
        { number: 1, values: [null, null], n: [2, null], current: false },
        { number: 3, values: [null, 3.4], n: [null, 9], current: true },
      ],
      breaks: [{ period: '2026', series: 3, fromVersion: 3 }],
      hasSuppressed: true,
    },
  ])('$name', ({ input, lines, breaks, hasSuppressed }) => {
    const spec = trendSpec(input);
    expect(
      spec.lines.map((l) => ({ number: l.number, values: l.values, n: l.n, current: l.current })),
    ).toEqual(lines);
    expect(spec.breaks).toEqual(breaks);
    expect(spec.hasSuppressed).toBe(hasSuppressed);
  });

  it('draws shares as percentages and other figures as they are', () => {
    expect(
      trendSpec(trend({ currentSeries: 1, series: [], periods: [], points: [] })).percent,
    ).toBe(true);
    const mean = {
      ...trend({ currentSeries: 1, series: [], periods: [], points: [] }),
      computation: { type: 'mean' as const },
    };
    expect(trendSpec(mean).percent).toBe(false);
  });
});
