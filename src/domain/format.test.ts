import { describe, it, expect } from 'vitest';
import { formatFigure } from './format.ts';
import type { ComputationType } from './indicator-value.ts';

const NNBSP = '\u202F';

describe('formatFigure', () => {
  it.each<[number | null, ComputationType, 'fr' | 'en', string, string]>([
    // share
    [0.42, 'share', 'fr', '', `42${NNBSP}%`],
    [0.42, 'share', 'en', '', '42%'],
    [0, 'share', 'fr', '', `0${NNBSP}%`],
    [1, 'share', 'en', '', '100%'],
    [0.425, 'share', 'en', '', '43%'],
    [0.4249, 'share', 'en', '', '42%'],
    [81 / 263, 'share', 'fr', '', `31${NNBSP}%`],
    [0.42, 'share', 'en', 'people', '42%'],
    [-0.001, 'share', 'en', '', '0%'],
    // mean
    [3.4, 'mean', 'fr', '', '3,4'],
    [3.4, 'mean', 'en', '', '3.4'],
    [3, 'mean', 'en', '', '3.0'],
    [3.45, 'mean', 'en', '', '3.5'],
    [0.1 + 0.2, 'mean', 'fr', '', '0,3'],
    [1234.56, 'mean', 'fr', 'h', `1${NNBSP}234,6 h`],
    [1234.56, 'mean', 'en', 'h', '1,234.6 h'],
    [-0.04, 'mean', 'en', '', '0.0'],
    [-2.25, 'mean', 'en', '', '-2.3'],
    // count / sum
    [1234, 'count', 'fr', '', `1${NNBSP}234`],
    [1234, 'count', 'en', '', '1,234'],
    [0, 'count', 'en', '', '0'],
    [1_234_567, 'sum', 'fr', '€', `1${NNBSP}234${NNBSP}567 €`],
    [1_234_567, 'sum', 'en', 'EUR', '1,234,567 EUR'],
    [999.5, 'sum', 'en', '', '1,000'],
    [12, 'count', 'fr', 'personnes', '12 personnes'],
    // missing
    [null, 'share', 'fr', '', '—'],
    [null, 'mean', 'en', 'h', '—'],
    [null, 'sum', 'fr', '€', '—'],
    [Number.NaN, 'mean', 'en', '', '—'],
  ])('%s as %s (%s, unit "%s") → %s', (value, type, locale, unit, expected) => {
    expect(formatFigure(value, type, locale, unit)).toBe(expected);
  });

  it('defaults to no unit', () => {
    expect(formatFigure(12, 'count', 'en')).toBe('12');
  });

  it('never uses a plain or U+00A0 space inside French numbers', () => {
    const out = formatFigure(0.5, 'share', 'fr') + formatFigure(98765, 'sum', 'fr');
    expect(out).not.toMatch(/[ \u00A0]/);
  });
});
