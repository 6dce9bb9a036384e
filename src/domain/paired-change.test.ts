import { describe, expect, it } from 'vitest';
import { pairByCode, pairedChange, type PairedValues } from './paired-change.ts';

const p = (before: number | null, after: number | null): PairedValues => ({ before, after });

describe('pairedChange', () => {
  it.each([
    { name: 'no pairs', values: [], pairs: 0, meanBefore: null, meanAfter: null, meanChange: null, up: null, same: null, down: null },
    { name: 'one pair, up', values: [p(2, 4)], pairs: 1, meanBefore: 2, meanAfter: 4, meanChange: 2, up: 1, same: 0, down: 0 },
    { name: 'one pair, tie', values: [p(3, 3)], pairs: 1, meanBefore: 3, meanAfter: 3, meanChange: 0, up: 0, same: 1, down: 0 },
    { name: 'missing answer on one side', values: [p(null, 4), p(2, null), p(1, 2)], pairs: 1, meanBefore: 1, meanAfter: 2, meanChange: 1, up: 1, same: 0, down: 0 },
    { name: 'only missing answers', values: [p(null, 4), p(null, null)], pairs: 0, meanBefore: null, meanAfter: null, meanChange: null, up: null, same: null, down: null },
    { name: 'mixed with ties', values: [p(1, 3), p(3, 3), p(4, 2), p(2, 2)], pairs: 4, meanBefore: 2.5, meanAfter: 2.5, meanChange: 0, up: 0.25, same: 0.5, down: 0.25 },
    { name: 'shares (0/1)', values: [p(0, 1), p(0, 1), p(1, 1), p(1, 0)], pairs: 4, meanBefore: 0.5, meanAfter: 0.75, meanChange: 0.25, up: 0.5, same: 0.25, down: 0.25 },
    { name: 'decimals that only differ by rounding are a tie', values: [p(0.1 + 0.2, 0.3)], pairs: 1, meanBefore: 0.30000000000000004, meanAfter: 0.3, meanChange: -5.551115123125783e-17, up: 0, same: 1, down: 0 },
  ])('$name', ({ name: _name, values, ...expected }) => {
    const r = pairedChange(values);
    for (const [key, value] of Object.entries(expected)) {
      if (value === null) expect(r[key as keyof typeof r], key).toBeNull();
      else expect(r[key as keyof typeof r], key).toBeCloseTo(value, 12);
    }
  });

  it.each([
    { polarity: 'higher_is_better' as const, improved: 0.5, worsened: 0.25 },
    { polarity: 'lower_is_better' as const, improved: 0.25, worsened: 0.5 },
    { polarity: 'neutral' as const, improved: null, worsened: null },
  ])('reads up and down through the polarity ($polarity)', ({ polarity, improved, worsened }) => {
    const r = pairedChange([p(1, 2), p(1, 3), p(2, 1), p(2, 2)], polarity);
    expect(r.improved).toBe(improved);
    expect(r.worsened).toBe(worsened);
    expect(r.up).toBe(0.5);
  });

  it('ignores values that are not finite', () => {
    expect(pairedChange([p(Number.NaN, 1), p(1, Number.POSITIVE_INFINITY)]).pairs).toBe(0);
  });
});

describe('pairByCode', () => {
  it.each([
    { name: 'nothing on either side', before: [], after: [], pairs: [] },
    { name: 'codes on one side only', before: [['AAAAAA', 1]], after: [['BBBBBB', 2]], pairs: [] },
    { name: 'one match, one missing answer after', before: [['AAAAAA', 1], ['CCCCCC', 3]], after: [['AAAAAA', 2], ['CCCCCC', null]], pairs: [p(1, 2), p(3, null)] },
  ] as { name: string; before: [string, number | null][]; after: [string, number | null][]; pairs: PairedValues[] }[])('$name', ({ before, after, pairs }) => {
    expect(pairByCode(new Map(before), new Map(after))).toEqual(pairs);
  });
});
