/**
 * Reporting periods: a year ("2026"), a half ("2026-S1"), a quarter ("2026-T2") or a month
 * ("2026-03"). Text order puts "2026-T1" after "2026-12"; this orders them by when they end.
 */
export interface PeriodSpan {
  year: number;
  /** First and last month, 1–12. */
  from: number;
  to: number;
}

export function parsePeriod(period: string): PeriodSpan | null {
  const m = /^(\d{4})(?:-(S[12]|T[1-4]|0[1-9]|1[0-2]))?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2];
  if (part === undefined) return { year, from: 1, to: 12 };
  if (part.startsWith('S')) {
    const h = Number(part.slice(1));
    return { year, from: h === 1 ? 1 : 7, to: h === 1 ? 6 : 12 };
  }
  if (part.startsWith('T')) {
    const q = Number(part.slice(1));
    return { year, from: 3 * q - 2, to: 3 * q };
  }
  const month = Number(part);
  return { year, from: month, to: month };
}

/** Newest first: the period that ends last; at the same end, the longer one first. */
export function sortPeriodsNewestFirst(periods: readonly string[]): string[] {
  const key = (p: string) => {
    const s = parsePeriod(p);
    return s ? { end: s.year * 12 + s.to, span: s.to - s.from } : { end: -Infinity, span: 0 };
  };
  return [...periods].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return kb.end - ka.end || kb.span - ka.span || a.localeCompare(b);
  });
}
