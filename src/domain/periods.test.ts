import { describe, expect, it } from 'vitest';
import { parsePeriod, sortPeriodsNewestFirst } from './periods.ts';

describe('parsePeriod', () => {
  it.each([
    ['2026', { year: 2026, from: 1, to: 12 }],
    ['2026-S1', { year: 2026, from: 1, to: 6 }],
    ['2026-S2', { year: 2026, from: 7, to: 12 }],
    ['2026-T1', { year: 2026, from: 1, to: 3 }],
    ['2026-T4', { year: 2026, from: 10, to: 12 }],
    ['2026-03', { year: 2026, from: 3, to: 3 }],
    ['2026-13', null],
    ['2026-T5', null],
    ['26', null],
    ['', null],
  ])('%j → %j', (p, expected) => {
    expect(parsePeriod(p)).toEqual(expected);
  });
});

describe('sortPeriodsNewestFirst', () => {
  it.each([
    [[], []],
    [['2025'], ['2025']],
    [['2025', '2026'], ['2026', '2025']],
    [['2026-T1', '2026-12'], ['2026-12', '2026-T1']],
    [['2026-12', '2026', '2026-S2', '2026-T4'], ['2026', '2026-S2', '2026-T4', '2026-12']],
    [['2025-S2', '2026-01'], ['2026-01', '2025-S2']],
    [['n’importe', '2024'], ['2024', 'n’importe']],
  ])('%j → %j', (input, expected) => {
    expect(sortPeriodsNewestFirst(input)).toEqual(expected);
  });
});
