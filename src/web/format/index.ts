/**
 * Number, date and period presentation for the web app. Indicator figures go through the
 * domain's `formatFigure`, the same helper the reports use, so a figure reads the same
 * everywhere.
 */
import { formatFigure } from '../../domain/format.ts';
import type { Computation, Locale } from '../api/types.ts';

export { formatFigure };

type ComputationType = Computation['type'];

const NARROW_NBSP = '\u202F';
const normalise = (s: string, locale: Locale) =>
  locale === 'fr' ? s.replace(/[\u00A0\u202F ]/g, NARROW_NBSP) : s;

/** A whole number with grouping: "1 234" / "1,234". */
export function formatInteger(value: number, locale: Locale): string {
  return normalise(
    new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value),
    locale,
  );
}

/** A rate between 0 and 1 as a percentage: "42 %" / "42%". */
export function formatRate(value: number, locale: Locale): string {
  return formatFigure(value, 'share', locale);
}

/** A 95% interval in the indicator's own presentation: "38 % – 46 %". */
export function formatInterval(
  ci: { low: number; high: number },
  type: ComputationType,
  locale: Locale,
  unit = '',
): string {
  return `${formatFigure(ci.low, type, locale, unit)} – ${formatFigure(ci.high, type, locale, unit)}`;
}

/** A date (ISO string) as "12 mars 2026" / "12 Mar 2026". */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
}

/** A date and time: "12 mars 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A reporting period in words: "2026", "1er semestre 2026" / "H1 2026", "2e trimestre 2026" /
 * "Q2 2026", "mars 2026" / "March 2026". Unknown shapes are shown as they are.
 */
export function formatPeriod(period: string, locale: Locale): string {
  const match = /^(\d{4})(?:-(S[12]|T[1-4]|0[1-9]|1[0-2]))?$/.exec(period);
  if (!match) return period;
  const year = match[1] ?? '';
  const part = match[2];
  if (!part) return year;
  if (part.startsWith('S')) {
    const n = part.slice(1);
    return locale === 'fr' ? `${n === '1' ? '1er' : '2e'} semestre ${year}` : `H${n} ${year}`;
  }
  if (part.startsWith('T')) {
    const n = part.slice(1);
    return locale === 'fr' ? `${n === '1' ? '1er' : `${n}e`} trimestre ${year}` : `Q${n} ${year}`;
  }
  const date = new Date(Date.UTC(Number(year), Number(part) - 1, 1));
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Sorts periods newest first ("2026" before "2025"; within a year, finer periods after the year). */
export function sortPeriodsDesc(periods: readonly string[]): string[] {
  return [...new Set(periods)].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}
