import type { ComputationType } from './indicator-value.ts';

const NARROW_NBSP = '\u202F';
const EMPTY = '—';

// ICU versions disagree on whether French uses U+00A0 or U+202F (Node puts
// U+00A0 before %, U+202F in groups); normalise so web and reports match.
function normaliseSpaces(s: string, locale: 'fr' | 'en'): string {
  return locale === 'fr' ? s.replace(/[\u00A0\u202F ]/g, NARROW_NBSP) : s;
}

function options(type: ComputationType): Intl.NumberFormatOptions {
  // signDisplay 'negative' avoids printing "-0" when a tiny negative rounds to zero.
  switch (type) {
    case 'share':
      return { style: 'percent', maximumFractionDigits: 0, signDisplay: 'negative' };
    case 'mean':
      return { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' };
    case 'count':
    case 'sum':
      return { maximumFractionDigits: 0, useGrouping: true, signDisplay: 'negative' };
  }
}

/** Shared number presentation for web and reports; null (or non-finite) renders as an em dash. */
export function formatFigure(
  value: number | null,
  type: ComputationType,
  locale: 'fr' | 'en',
  unit = '',
): string {
  if (value === null || !Number.isFinite(value)) return EMPTY;
  const number = normaliseSpaces(
    new Intl.NumberFormat(locale, options(type)).format(value),
    locale,
  );
  return type !== 'share' && unit !== '' ? `${number} ${unit}` : number;
}
