/**
 * From a table (headers and rows) and a mapping of columns to questions, to the raw answers
 * `checkAnswers` takes, line by line, with every error tied to its line and column.
 */
import { checkAnswers, type CleanAnswer, type QuestionRule } from '../answers.ts';
import {
  cellText,
  isBlank,
  looksLikeDate,
  normaliseLabel,
  optionMatcher,
  parseFrenchDate,
  parseFrenchNumber,
  splitChoices,
  type Cell,
  type ChoiceOption,
} from './values.ts';

export interface TableRow {
  /** The line (CSV) or row (XLSX) number as the person sees it; the header is line 1. */
  line: number;
  cells: Cell[];
}

export interface ImportTable {
  headers: string[];
  rows: TableRow[];
}

/** A question as the import sees it. `type` is a string: new question types pass through. */
export interface ImportQuestion {
  id: string;
  key?: string | null;
  position: number;
  type: string;
  labelFr: string;
  labelEn: string;
  required: boolean;
  options: readonly ChoiceOption[];
  items?: readonly ChoiceOption[] | null;
  min: number | null;
  max: number | null;
}

export interface LineError {
  line: number;
  /** The column's header, or '' for an error about the whole line. */
  column: string;
  value: string;
  code: string;
  fr: string;
  en: string;
}

/** Per column: the question id (or activity field) it feeds, or null to ignore it. */
export type Mapping = (string | null)[];

/** Suggests, for each column, the question whose key, number, French or English label it names. */
export function suggestMapping(headers: readonly string[], questions: readonly ImportQuestion[]): Mapping {
  const names = new Map<string, string>();
  const add = (name: string | null | undefined, id: string) => {
    const k = name ? normaliseLabel(name) : '';
    if (k !== '' && !names.has(k)) names.set(k, id);
  };
  for (const q of questions) add(q.key, q.id);
  for (const q of questions) add(q.labelFr, q.id);
  for (const q of questions) add(q.labelEn, q.id);
  for (const q of questions) add(`q${q.position + 1}`, q.id);
  const used = new Set<string>();
  return headers.map((h) => {
    const id = names.get(normaliseLabel(h));
    if (!id || used.has(id)) return null;
    used.add(id);
    return id;
  });
}

export const ACTIVITY_FIELDS = ['indicator', 'period', 'value'] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

const ACTIVITY_NAMES: Record<ActivityField, string[]> = {
  indicator: ['indicateur', 'indicator', 'code', 'code indicateur', 'indicator code', 'code de l indicateur'],
  period: ['periode', 'period', 'annee', 'year', 'mois', 'month', 'trimestre', 'quarter'],
  value: ['valeur', 'value', 'chiffre', 'figure', 'nombre', 'number', 'total', 'montant'],
};

export function suggestActivityMapping(headers: readonly string[]): Mapping {
  const used = new Set<string>();
  return headers.map((h) => {
    const k = normaliseLabel(h);
    const field = ACTIVITY_FIELDS.find((f) => !used.has(f) && ACTIVITY_NAMES[f].includes(k));
    if (!field) return null;
    used.add(field);
    return field;
  });
}

/** Problems with a mapping itself (before any line is read). */
export function mappingProblems(mapping: Mapping, columns: number, targets: readonly { id: string; required: boolean; fr: string; en: string }[]): { fr: string; en: string }[] {
  const problems: { fr: string; en: string }[] = [];
  if (mapping.length !== columns) {
    problems.push({ fr: `Le rapprochement doit couvrir les ${columns} colonnes.`, en: `The mapping must cover the ${columns} columns.` });
    return problems;
  }
  const known = new Set(targets.map((t) => t.id));
  const seen = new Set<string>();
  for (const [i, target] of mapping.entries()) {
    if (target === null) continue;
    if (!known.has(target)) problems.push({ fr: `Colonne ${i + 1} : destination inconnue.`, en: `Column ${i + 1}: unknown target.` });
    else if (seen.has(target)) {
      const t = targets.find((x) => x.id === target)!;
      problems.push({ fr: `« ${t.fr} » est choisie pour deux colonnes.`, en: `“${t.en}” is chosen for two columns.` });
    }
    seen.add(target);
  }
  for (const t of targets) {
    if (t.required && !seen.has(t.id)) problems.push({ fr: `Aucune colonne pour « ${t.fr} », qui est obligatoire.`, en: `No column for “${t.en}”, which is required.` });
  }
  return problems;
}

export interface PreparedQuestion {
  question: ImportQuestion;
  toRaw: (cell: Cell) => { raw: unknown } | { error: { code: string; fr: string; en: string } };
}

/** Makes, once per question, the function that turns a cell into the raw answer. */
export function prepareQuestion(q: ImportQuestion): PreparedQuestion {
  const match = optionMatcher(q.options);
  const itemMatch = optionMatcher(q.items ?? []);
  const toRaw: PreparedQuestion['toRaw'] = (cell) => {
    if (isBlank(cell)) return { raw: undefined };
    const text = cellText(cell);
    switch (q.type) {
      case 'single':
        return { raw: match(text) ?? text };
      case 'multiple':
      case 'ranking':
        return { raw: splitChoices(text, match) };
      case 'grid': {
        const out: Record<string, string> = {};
        for (const pair of text.split(/[;|]/)) {
          const [item, value] = pair.split('=').map((s) => s.trim());
          if (!item || value === undefined) return { error: { code: 'wrong_type', fr: 'Écrivez ligne=réponse, séparés par des points-virgules.', en: 'Write row=answer, separated by semicolons.' } };
          out[itemMatch(item) ?? item] = match(value) ?? value;
        }
        return { raw: out };
      }
      case 'scale':
      case 'number':
      case 'faces': {
        const n = parseFrenchNumber(cell);
        return { raw: n ?? text };
      }
      case 'date': {
        const d = parseFrenchDate(cell);
        if (d !== null) return { raw: d };
        return {
          error: looksLikeDate(cell)
            ? { code: 'not_a_date', fr: 'Cette date n’existe pas.', en: 'This date does not exist.' }
            : { code: 'not_a_date', fr: 'Indiquez une date (jj/mm/aaaa).', en: 'Enter a date (dd/mm/yyyy).' },
        };
      }
      default:
        return { raw: text };
    }
  };
  return { question: q, toRaw };
}

export type LineResult = { ok: true; line: number; answers: CleanAnswer[] } | { ok: false; errors: LineError[] };

/**
 * One line → clean answers, or its errors. `columns[i]` is the prepared question of column i
 * (null when ignored). `rules` are the questionnaire's rules for `checkAnswers`.
 */
export function checkLine(row: TableRow, headers: readonly string[], columns: readonly (PreparedQuestion | null)[], rules: readonly QuestionRule[]): LineResult {
  const raw: Record<string, unknown> = {};
  const errors: LineError[] = [];
  const columnOf = new Map<string, number>();
  for (const [i, p] of columns.entries()) {
    if (!p) continue;
    columnOf.set(p.question.id, i);
    const cell = row.cells[i] ?? null;
    const out = p.toRaw(cell);
    if ('error' in out) errors.push({ line: row.line, column: headers[i] ?? '', value: cellText(cell), ...out.error });
    else if (out.raw !== undefined) raw[p.question.id] = out.raw;
  }
  const checked = checkAnswers(rules, raw);
  if (!checked.ok) {
    for (const e of checked.errors) {
      const i = columnOf.get(e.questionId);
      // A question with its own error already (a bad date) is not reported twice.
      if (i !== undefined && errors.some((x) => x.column === (headers[i] ?? ''))) continue;
      errors.push({ line: row.line, column: i === undefined ? questionName(rules, e.questionId) : (headers[i] ?? ''), value: i === undefined ? '' : cellText(row.cells[i] ?? null), code: e.code, fr: e.fr, en: e.en });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, line: row.line, answers: checked.ok ? checked.answers : [] };
}

function questionName(rules: readonly QuestionRule[], id: string): string {
  const q: (QuestionRule & { labelFr?: string }) | undefined = rules.find((r) => r.id === id);
  return q?.labelFr ?? '';
}

export interface ActivityIndicator {
  frameworkId: string;
  code: string;
  definitionKey: string;
  /** Only indicators computed as a sum take entered figures. */
  entered: boolean;
}

export interface ActivityLine {
  line: number;
  frameworkId: string;
  indicatorCode: string;
  period: string;
  value: number;
  definition: string;
}

const PERIOD = /^\d{4}(?:-(?:S[12]|T[1-4]|0[1-9]|1[0-2]))?$/;

/** "2026", "2026-s1", "2026-T2", "2026-03", "03/2026" → the period as Socle writes it. */
export function normalisePeriod(cell: Cell): string | null {
  const s = cellText(cell).toUpperCase().replace(/\s+/g, '');
  const monthFirst = /^(\d{1,2})\/(\d{4})$/.exec(s);
  const p = monthFirst ? `${monthFirst[2]}-${monthFirst[1]!.padStart(2, '0')}` : s;
  return PERIOD.test(p) ? p : null;
}

/**
 * Checks activity lines: indicator code (case-insensitive) among the organisation's sum
 * indicators, a period, a number. The same indicator and period twice in a file is an error.
 */
export function checkActivityLines(
  table: ImportTable,
  mapping: Mapping,
  indicators: readonly ActivityIndicator[],
  onProgress?: (processed: number) => void,
): { lines: ActivityLine[]; errors: LineError[] } {
  const col = (f: ActivityField) => mapping.indexOf(f);
  const [ci, cp, cv] = [col('indicator'), col('period'), col('value')];
  const byCode = new Map<string, ActivityIndicator[]>();
  for (const ind of indicators) {
    const k = ind.code.trim().toUpperCase();
    byCode.set(k, [...(byCode.get(k) ?? []), ind]);
  }
  const lines: ActivityLine[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  const header = (i: number) => table.headers[i] ?? '';
  for (const [n, row] of table.rows.entries()) {
    if (onProgress && n % 1000 === 0) onProgress(n);
    const before = errors.length;
    const codeText = cellText(row.cells[ci] ?? null);
    const candidates = byCode.get(codeText.toUpperCase()) ?? [];
    let indicator: ActivityIndicator | null = null;
    if (codeText === '') errors.push({ line: row.line, column: header(ci), value: '', code: 'required', fr: 'Code d’indicateur manquant.', en: 'Missing indicator code.' });
    else if (candidates.length === 0) errors.push({ line: row.line, column: header(ci), value: codeText, code: 'unknown_indicator', fr: 'Indicateur inconnu pour cette organisation.', en: 'Unknown indicator for this organisation.' });
    else if (candidates.length > 1) errors.push({ line: row.line, column: header(ci), value: codeText, code: 'ambiguous_indicator', fr: 'Deux référentiels ont un indicateur avec ce code.', en: 'Two frameworks have an indicator with this code.' });
    else if (!candidates[0]!.entered) errors.push({ line: row.line, column: header(ci), value: codeText, code: 'not_an_activity_indicator', fr: 'Cet indicateur se calcule à partir des questionnaires, pas d’un chiffre saisi.', en: 'This indicator is computed from questionnaires, not entered as a figure.' });
    else indicator = candidates[0]!;
    const periodCell = row.cells[cp] ?? null;
    const period = normalisePeriod(periodCell);
    if (period === null) errors.push({ line: row.line, column: header(cp), value: cellText(periodCell), code: 'bad_period', fr: 'Période attendue : 2026, 2026-S1, 2026-T2 ou 2026-03.', en: 'Expected period: 2026, 2026-S1, 2026-T2 or 2026-03.' });
    const valueCell = row.cells[cv] ?? null;
    const value = parseFrenchNumber(valueCell);
    if (value === null) errors.push({ line: row.line, column: header(cv), value: cellText(valueCell), code: 'not_a_number', fr: 'Indiquez un nombre.', en: 'Enter a number.' });
    else if (Math.abs(value) > 1e12) errors.push({ line: row.line, column: header(cv), value: cellText(valueCell), code: 'out_of_range', fr: 'Nombre trop grand.', en: 'Number too large.' });
    if (errors.length > before || !indicator || period === null || value === null) continue;
    const key = `${indicator.frameworkId}|${indicator.code}|${period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: row.line, column: header(ci), value: codeText, code: 'duplicate_line', fr: `Même indicateur et même période qu’à la ligne ${first}.`, en: `Same indicator and period as line ${first}.` });
      continue;
    }
    seen.set(key, row.line);
    lines.push({ line: row.line, frameworkId: indicator.frameworkId, indicatorCode: indicator.code, period, value, definition: indicator.definitionKey });
  }
  onProgress?.(table.rows.length);
  return { lines, errors };
}

/** The first row with anything in it becomes the headers; blank headers get a column letter. */
export function tableFromRecords(records: readonly TableRow[]): ImportTable {
  const [head, ...rows] = records;
  if (!head) return { headers: [], rows: [] };
  let width = head.cells.length;
  for (const r of rows) if (r.cells.length > width) width = r.cells.length;
  const headers = Array.from({ length: width }, (_, i) => {
    const h = cellText(head.cells[i] ?? null);
    return h === '' ? `Colonne ${i + 1}` : h;
  });
  return { headers, rows: rows.map((r) => ({ line: r.line, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null) })) };
}
