import { describe, expect, it } from 'vitest';
import {
  boxScale,
  comparisonRows,
  comparisonSpec,
  ordinal,
  position,
  type ComparisonIndicator,
  type ComparisonTrend,
} from './comparison.ts';

const indicator = (over: Partial<ComparisonIndicator>): ComparisonIndicator => ({
  frameworkId: '00000000-0000-4000-8000-000000000001',
  code: 'DELAI',
  label: 'Délai',
  labelFr: 'Délai',
  labelEn: '',
  unit: 'jours',
  polarity: 'lower_is_better',
  computation: { type: 'mean' },
  organisation: { value: 5, n: 10, ci: null },
  sector: { value: 6, n: 39, ci: null, suppressed: false, organisations: 6, estimates: null },
  distribution: { shown: true, q1: 3.5, median: 6, q3: 9.25, members: 6 },
  rank: { rank: 3, of: 6, tied: false },
  rankWithheld: null,
  ...over,
});

describe('boxScale', () => {
  it('draws a share from 0 to 100 %', () => {
    expect(boxScale(indicator({ computation: { type: 'share', options: ['oui'] } }))).toEqual({
      min: 0,
      max: 1,
    });
  });
  it('draws a mean around what is shown, never below zero for positive values', () => {
    const s = boxScale(indicator({}));
    expect(s.min).toBeCloseTo(3.5 - 0.15 * 5.75, 12);
    expect(
      boxScale(indicator({ distribution: { shown: true, q1: 1, median: 2, q3: 9, members: 5 } }))
        .min,
    ).toBe(0);
    expect(s.max).toBeCloseTo(9.25 + 0.15 * 5.75, 12);
  });
  it('leaves room around a lone value, and for negative values', () => {
    expect(
      boxScale(
        indicator({
          distribution: {
            shown: false,
            reason: 'too_few_members',
            membersWithEnoughAnswers: 2,
            minimumMembers: 5,
            threshold: 5,
          },
          organisation: { value: 4, n: 3, ci: null },
          sector: {
            value: null,
            n: 3,
            ci: null,
            suppressed: true,
            organisations: 1,
            estimates: null,
          },
        }),
      ),
    ).toEqual({ min: 3, max: 5 });
    expect(
      boxScale(
        indicator({
          distribution: { shown: true, q1: -2, median: -1, q3: 0, members: 5 },
          organisation: { value: -1, n: 9, ci: null },
          sector: {
            value: -1,
            n: 40,
            ci: null,
            suppressed: false,
            organisations: 5,
            estimates: null,
          },
        }),
      ),
    ).toEqual({ min: -2.3, max: 0.3 });
  });
  it('falls back to 0–1 with nothing to draw', () => {
    expect(
      boxScale(
        indicator({
          distribution: {
            shown: false,
            reason: 'too_few_members',
            membersWithEnoughAnswers: 0,
            minimumMembers: 5,
            threshold: 5,
          },
          organisation: { value: null, n: 0, ci: null },
          sector: {
            value: null,
            n: 0,
            ci: null,
            suppressed: false,
            organisations: 0,
            estimates: null,
          },
        }),
      ),
    ).toEqual({ min: 0, max: 1 });
  });
});

describe('position', () => {
  it.each([
    { value: 0.5, scale: { min: 0, max: 1 }, expected: 50 },
    { value: 0, scale: { min: 0, max: 1 }, expected: 0 },
    { value: 2, scale: { min: 0, max: 1 }, expected: 100 },
    { value: -1, scale: { min: 0, max: 1 }, expected: 0 },
    { value: 3, scale: { min: 3, max: 3 }, expected: 50 },
  ])('$value on $scale → $expected %', ({ value, scale, expected }) => {
    expect(position(value, scale)).toBe(expected);
  });
});

describe('ordinal', () => {
  it.each([
    [1, 'fr', '1er'],
    [2, 'fr', '2e'],
    [12, 'fr', '12e'],
    [1, 'en', '1st'],
    [2, 'en', '2nd'],
    [3, 'en', '3rd'],
    [4, 'en', '4th'],
    [11, 'en', '11th'],
    [12, 'en', '12th'],
    [13, 'en', '13th'],
    [21, 'en', '21st'],
    [22, 'en', '22nd'],
  ] as const)('%i in %s → %s', (n, locale, expected) => {
    expect(ordinal(n, locale)).toBe(expected);
  });
});

const point = (
  period: string,
  series: number,
  value: number | null,
  n: number,
  suppressed = false,
) => ({ period, series, value, n, ci: null, suppressed });
const trend: ComparisonTrend = {
  collectiveId: '00000000-0000-4000-8000-000000000002',
  frameworkId: '00000000-0000-4000-8000-000000000001',
  code: 'SAT',
  label: 'Satisfaction',
  unit: '%',
  computation: { type: 'share', options: ['oui', 'plutot'] },
  currentSeries: 2,
  series: [
    {
      number: 1,
      definitionKey: 'share:oui|',
      type: 'share',
      options: ['oui'],
      disaggregations: [],
      fromVersion: 1,
    },
    {
      number: 2,
      definitionKey: 'share:oui,plutot|',
      type: 'share',
      options: ['oui', 'plutot'],
      disaggregations: [],
      fromVersion: 2,
    },
  ],
  periods: ['2025', '2026', '2027'],
  organisation: [point('2025', 1, 0.4, 8), point('2026', 1, 0.5, 10), point('2027', 2, 0.6, 6)],
  sector: [point('2025', 1, 0.45, 30), point('2026', 1, 0.5, 39), point('2027', 2, null, 3, true)],
};

describe('comparisonSpec', () => {
  it('draws one line per side and series, stopping at the break', () => {
    const spec = comparisonSpec(trend);
    expect(spec.lines.map((l) => [l.side, l.number, l.values, l.current])).toEqual([
      ['organisation', 1, [40, 50, null], false],
      ['sector', 1, [45, 50, null], false],
      ['organisation', 2, [null, null, 60], true],
      ['sector', 2, [null, null, null], true],
    ]);
    expect(spec.breaks).toEqual([{ period: '2027', series: 2, fromVersion: 2 }]);
    expect(spec.percent).toBe(true);
    expect(spec.hasSuppressed).toBe(true);
  });

  it('has no break with one series', () => {
    const one = {
      ...trend,
      currentSeries: 1,
      organisation: trend.organisation.slice(0, 2),
      sector: trend.sector.slice(0, 2),
    };
    const spec = comparisonSpec(one);
    expect(spec.lines.map((l) => l.side)).toEqual(['organisation', 'sector']);
    expect(spec.breaks).toEqual([]);
    expect(spec.hasSuppressed).toBe(false);
  });

  it('puts the break where the sector starts the new series before the organisation', () => {
    const early = {
      ...trend,
      sector: [...trend.sector.slice(0, 1), point('2026', 2, 0.7, 12), point('2027', 2, 0.66, 40)],
    };
    expect(comparisonSpec(early).breaks).toEqual([{ period: '2026', series: 2, fromVersion: 2 }]);
  });
});

describe('comparisonRows', () => {
  it('pairs both sides per period and series, oldest first, marking the break', () => {
    const spec = comparisonSpec(trend);
    const rows = comparisonRows(trend, spec.breaks);
    expect(
      rows.map((r) => [
        r.period,
        r.series,
        r.isBreak,
        r.organisation?.value ?? null,
        r.sector?.suppressed ?? null,
      ]),
    ).toEqual([
      ['2025', 1, false, 0.4, false],
      ['2026', 1, false, 0.5, false],
      ['2027', 2, true, 0.6, true],
    ]);
  });
  it('keeps a period only one side has', () => {
    const rows = comparisonRows({ ...trend, organisation: trend.organisation.slice(1) }, []);
    expect(rows[0]).toMatchObject({ period: '2025', organisation: null, sector: { value: 0.45 } });
  });
});
