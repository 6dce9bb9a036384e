import { describe, expect, it } from 'vitest';
import type { BreakdownDimension } from '../../api/types.ts';
import { barLength, breakdownChoices, hiddenReason } from './breakdown.ts';

const dim = (frameworkId: string, code: string, by: string): BreakdownDimension => ({
  by,
  frameworkId,
  code,
  label: code,
  labelFr: code,
  labelEn: '',
  options: [],
});

describe('breakdownChoices', () => {
  it('pairs the organisation’s and the collective’s breakdown of one indicator, and keeps the others alone', () => {
    const choices = breakdownChoices(
      [dim('fw', 'SEXE', 'fw:SEXE'), dim('own', 'SITE', 'own:SITE')],
      [dim('fw', 'SEXE', 'SEXE'), dim('fw', 'AGE', 'AGE')],
    );
    expect(choices.map((c) => [c.key, c.orgBy, c.collectiveBy])).toEqual([
      ['fw:SEXE', 'fw:SEXE', 'SEXE'],
      ['own:SITE', 'own:SITE', null],
      ['fw:AGE', null, 'AGE'],
    ]);
  });

  it('offers nothing before the lists arrive', () => {
    expect(breakdownChoices(undefined, undefined)).toEqual([]);
  });
});

describe('hiddenReason', () => {
  it.each([
    [{ n: 3, suppressed: true }, 5, 'small'],
    [{ n: 12, suppressed: true }, 5, 'protects'],
    [{ n: 12, suppressed: false }, 5, null],
    [{ n: 2, suppressed: true }, null, 'protects'],
  ] as const)('%o with k=%s → %s', (cell, k, reason) => {
    expect(hiddenReason(cell, k)).toBe(reason);
  });
});

describe('barLength', () => {
  const cells = [
    { value: 2, suppressed: false },
    { value: 4, suppressed: false },
    { value: null, suppressed: true },
  ];
  it.each([
    ['a share is its own length', { value: 0.42, suppressed: false }, 'share', 0.42],
    ['a mean against the largest shown', cells[0]!, 'mean', 0.5],
    ['the largest is full length', cells[1]!, 'count', 1],
    ['a hidden cell draws nothing', cells[2]!, 'mean', 0],
  ] as const)('%s', (_name, cell, type, length) => {
    expect(barLength(cell, type, cells)).toBeCloseTo(length, 10);
  });
});
