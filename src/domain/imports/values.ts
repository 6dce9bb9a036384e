/**
 * French cell values as people type them: "3,5", "1 234,50", "05/03/2026", "Très satisfait",
 * "caf; cpam". Pure functions, shared by CSV and XLSX imports.
 */
export type Cell = string | number | null;

/** Lower case, no accents, punctuation as spaces: "Âge (ans)" and "age ans" are the same. */
export function normaliseLabel(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

export function isBlank(cell: Cell): boolean {
  return cellText(cell) === '';
}

/**
 * A number written the French way or the English way: "3,5", "3.5", "1 234,5" (spaces,
 * non-breaking spaces as thousands), "1.234,5", "1,234.5". Null when it is not a number.
 */
export function parseFrenchNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (cell === null) return null;
  let s = cell.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // The later mark is the decimal one; the other separates thousands.
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    if (s.indexOf(',') !== comma) return null;
    s = s.replace(',', '.');
  }
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar date as 'YYYY-MM-DD', from dd/mm/yyyy (also with - or .), d/m/yyyy or
 * yyyy-mm-dd (a time after it is ignored). Null for anything else, and for dates that do not
 * exist (31/02/2026).
 */
export function parseFrenchDate(cell: Cell): string | null {
  if (cell === null || typeof cell === 'number') return null;
  const s = cell.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return null;
}

/** Looks like a date someone meant to write (so that 31/02/2026 is reported, not passed on). */
export function looksLikeDate(cell: Cell): boolean {
  return typeof cell === 'string' && /^\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})/.test(cell);
}

export interface ChoiceOption {
  value: string;
  labelFr: string;
  labelEn: string;
}

/** Finds options by their value or their French or English label, without case or accents. */
export function optionMatcher(options: readonly ChoiceOption[]): (text: string) => string | null {
  const byExact = new Map<string, string>();
  const byNormal = new Map<string, string>();
  for (const o of options) byExact.set(o.value, o.value);
  for (const o of options) {
    for (const name of [o.value, o.labelFr, o.labelEn]) {
      const key = normaliseLabel(name);
      if (key !== '' && !byNormal.has(key)) byNormal.set(key, o.value);
    }
  }
  return (text: string) => {
    const t = text.trim();
    return byExact.get(t) ?? byNormal.get(normaliseLabel(t)) ?? null;
  };
}

/**
 * The options of a multiple-choice cell: "caf; cpam", "caf|cpam", "CAF, CPAM". A whole cell
 * that names one option (a label with a comma in it) is that option. Parts that match no
 * option are kept as written, so that the check can say which one is wrong.
 */
export function splitChoices(text: string, match: (t: string) => string | null): string[] {
  const whole = text.trim();
  if (whole === '') return [];
  const one = match(whole);
  if (one !== null) return [one];
  const out: string[] = [];
  for (const part of whole.split(/[;|]/)) {
    const p = part.trim();
    if (p === '') continue;
    const found = match(p);
    if (found !== null) {
      out.push(found);
      continue;
    }
    for (const sub of p.split(',')) {
      const s = sub.trim();
      if (s !== '') out.push(match(s) ?? s);
    }
  }
  return out;
}
