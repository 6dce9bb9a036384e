/**
 * Checking one respondent's answers against the questionnaire: pure, shared by the JSON API
 * and the HTML form. Nothing is stored unless every answer is valid.
 */
import { evaluateCondition, type Condition, type KnownAnswer } from './conditions.ts';

export type QuestionType = 'single' | 'multiple' | 'scale' | 'number' | 'text' | 'date' | 'ranking' | 'grid' | 'faces';

export interface QuestionRule {
  id: string;
  /** The name conditions use; questions without one cannot be read by a condition. */
  key?: string;
  type: QuestionType;
  required: boolean;
  options: readonly { value: string }[];
  /** The rows of a grid, each answered on the options' scale. */
  items?: readonly { value: string }[];
  min: number | null;
  max: number | null;
  /** Shown only when this holds; a hidden question is neither required nor stored. */
  showIf?: Condition | null;
}

export interface CleanAnswer {
  questionId: string;
  options: string[] | null;
  num: number | null;
  text: string | null;
}

export interface AnswerError {
  questionId: string;
  code: 'required' | 'unknown_option' | 'not_a_number' | 'out_of_range' | 'too_long' | 'wrong_type' | 'unknown_question' | 'not_a_date' | 'duplicate_rank';
  fr: string;
  en: string;
}

export type AnswerCheck = { ok: true; answers: CleanAnswer[] } | { ok: false; errors: AnswerError[] };

export const MAX_TEXT_LENGTH = 5000;
export const SCALE_DEFAULT = { min: 1, max: 5 } as const;
/** Numbers without bounds of their own stay within this, so that sums of squares cannot overflow. */
export const NUMBER_LIMIT = 1e9;

/** "3,5" and " 3.5 " are the same number to a French respondent. */
export function parseLocaleNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s|\u202f|\u00a0/g, '').replace(',', '.');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Dates are kept from 1900 to 2100: anything else is a typing slip. */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/**
 * "2026-03-31", "31/03/2026" and "31/3/2026" are the same day; returns YYYY-MM-DD, or null
 * for anything that is not a real calendar day (31/02, 2026-13-01).
 */
export function parseLocaleDate(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function isEmpty(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.every((v) => typeof v === 'string' && v.trim() === '');
  if (typeof raw === 'object') return Object.values(raw).every((v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === ''));
  return false;
}

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

function err(questionId: string, code: AnswerError['code'], fr: string, en: string): AnswerError {
  return { questionId, code, fr, en };
}

function checkOne(q: QuestionRule, raw: unknown): CleanAnswer | AnswerError {
  const allowed = new Set(q.options.map((o) => o.value));
  switch (q.type) {
    case 'single': {
      const value: unknown = Array.isArray(raw) && raw.length === 1 ? (raw as unknown[])[0] : raw;
      if (typeof value !== 'string') return err(q.id, 'wrong_type', 'Choisissez une réponse.', 'Choose one answer.');
      if (!allowed.has(value)) return err(q.id, 'unknown_option', 'Cette réponse ne fait pas partie des choix.', 'This answer is not one of the choices.');
      return { questionId: q.id, options: [value], num: null, text: null };
    }
    case 'multiple': {
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => !(typeof v === 'string' && v === ''));
      if (!values.every((v): v is string => typeof v === 'string')) return err(q.id, 'wrong_type', 'Choisissez une ou plusieurs réponses.', 'Choose one or more answers.');
      if (!values.every((v) => allowed.has(v))) return err(q.id, 'unknown_option', 'Une réponse ne fait pas partie des choix.', 'An answer is not one of the choices.');
      return { questionId: q.id, options: [...new Set(values)], num: null, text: null };
    }
    case 'scale':
    case 'faces':
    case 'number': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseLocaleNumber(raw) : null;
      if (value === null || !Number.isFinite(value)) return err(q.id, 'not_a_number', 'Indiquez un nombre.', 'Enter a number.');
      const bounded = q.type !== 'number';
      const min = q.min ?? (bounded ? SCALE_DEFAULT.min : -NUMBER_LIMIT);
      const max = q.max ?? (bounded ? SCALE_DEFAULT.max : NUMBER_LIMIT);
      if (bounded && !Number.isInteger(value)) return err(q.id, 'out_of_range', `Choisissez une valeur entière de ${min} à ${max}.`, `Choose a whole value from ${min} to ${max}.`);
      if (value < min || value > max) {
        const lowOpen = min === -NUMBER_LIMIT;
        const highOpen = max === NUMBER_LIMIT;
        const range = lowOpen === highOpen ? `de ${min} à ${max}` : highOpen ? `d’au moins ${min}` : `d’au plus ${max}`;
        const rangeEn = lowOpen === highOpen ? `from ${min} to ${max}` : highOpen ? `of at least ${min}` : `of at most ${max}`;
        return err(q.id, 'out_of_range', `Indiquez une valeur ${range}.`, `Enter a value ${rangeEn}.`);
      }
      return { questionId: q.id, options: null, num: value, text: null };
    }
    case 'text': {
      if (typeof raw !== 'string') return err(q.id, 'wrong_type', 'Écrivez un texte.', 'Write some text.');
      const text = raw.trim();
      if (text.length > MAX_TEXT_LENGTH) return err(q.id, 'too_long', `Texte trop long (${MAX_TEXT_LENGTH} caractères au plus).`, `Text too long (at most ${MAX_TEXT_LENGTH} characters).`);
      return { questionId: q.id, options: null, num: null, text };
    }
    case 'date': {
      if (typeof raw !== 'string') return err(q.id, 'wrong_type', 'Indiquez une date.', 'Enter a date.');
      const date = parseLocaleDate(raw);
      if (!date) return err(q.id, 'not_a_date', 'Indiquez une date réelle, sous la forme jj/mm/aaaa.', 'Enter a real date, as dd/mm/yyyy.');
      if (date < DATE_RANGE.min || date > DATE_RANGE.max) return err(q.id, 'out_of_range', 'Indiquez une date entre 1900 et 2100.', 'Enter a date between 1900 and 2100.');
      return { questionId: q.id, options: null, num: null, text: date };
    }
    case 'ranking':
      return checkRanking(q, raw, allowed);
    case 'grid':
      return checkGrid(q, raw, allowed);
  }
}

/**
 * A ranking arrives as the option values in order (JSON API), or as each option's rank (the
 * HTML form: one select per option). Stored in order, preferred first.
 */
function checkRanking(q: QuestionRule, raw: unknown, allowed: ReadonlySet<string>): CleanAnswer | AnswerError {
  let order: string[];
  if (Array.isArray(raw)) {
    if (!raw.every((v): v is string => typeof v === 'string')) return err(q.id, 'wrong_type', 'Classez les choix.', 'Rank the choices.');
    order = raw.filter((v) => v !== '');
  } else if (isRecord(raw)) {
    const ranked: [string, number][] = [];
    for (const [value, rank] of Object.entries(raw)) {
      if (rank === undefined || rank === null || rank === '') continue;
      const n = typeof rank === 'number' ? rank : typeof rank === 'string' ? Number(rank) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > allowed.size) return err(q.id, 'wrong_type', `Donnez à chaque choix un rang de 1 à ${allowed.size}.`, `Give each choice a rank from 1 to ${allowed.size}.`);
      ranked.push([value, n]);
    }
    if (new Set(ranked.map(([, n]) => n)).size !== ranked.length) return err(q.id, 'duplicate_rank', 'Deux choix ont le même rang : donnez un rang différent à chacun.', 'Two choices have the same rank: give each a different one.');
    order = ranked.sort((a, b) => a[1] - b[1]).map(([v]) => v);
  } else return err(q.id, 'wrong_type', 'Classez les choix.', 'Rank the choices.');
  if (!order.every((v) => allowed.has(v))) return err(q.id, 'unknown_option', 'Un choix classé ne fait pas partie de la liste.', 'A ranked choice is not in the list.');
  if (new Set(order).size !== order.length) return err(q.id, 'duplicate_rank', 'Un choix est classé deux fois.', 'A choice is ranked twice.');
  if (q.required && order.length < allowed.size) return err(q.id, 'required', 'Classez tous les choix.', 'Rank all the choices.');
  return { questionId: q.id, options: order, num: null, text: null };
}

/** A grid: one answer per row, each from the same options. Stored as `row=value`, in row order. */
function checkGrid(q: QuestionRule, raw: unknown, allowed: ReadonlySet<string>): CleanAnswer | AnswerError {
  if (!isRecord(raw)) return err(q.id, 'wrong_type', 'Répondez ligne par ligne.', 'Answer row by row.');
  const items = q.items ?? [];
  const rows = new Set(items.map((i) => i.value));
  for (const key of Object.keys(raw)) if (!rows.has(key)) return err(q.id, 'unknown_option', 'Une ligne ne fait pas partie du tableau.', 'A row is not part of the grid.');
  const out: string[] = [];
  for (const item of items) {
    const v = raw[item.value];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || !allowed.has(v)) return err(q.id, 'unknown_option', 'Une réponse ne fait pas partie des choix.', 'An answer is not one of the choices.');
    out.push(`${item.value}=${v}`);
  }
  if (q.required && out.length < items.length) return err(q.id, 'required', 'Répondez à chaque ligne.', 'Answer every row.');
  return { questionId: q.id, options: out, num: null, text: null };
}

/** What a condition sees of a checked answer. */
export function knownAnswer(a: CleanAnswer): KnownAnswer {
  return { options: a.options, num: a.num, text: a.text };
}

/**
 * The questions shown to this respondent, in order, given what they answered: a question
 * whose condition fails is hidden, and so is any that reads only hidden answers.
 */
export function visibleQuestionIds(questions: readonly QuestionRule[], raw: Readonly<Record<string, unknown>>): Set<string> {
  return resolve(questions, raw).visible;
}

/**
 * `raw` maps question ids to what was sent. Unknown question ids are errors (a client bug
 * should not be silently dropped); empty optional answers are simply absent.
 */
export function checkAnswers(questions: readonly QuestionRule[], raw: Readonly<Record<string, unknown>>): AnswerCheck {
  const { answers, errors } = resolve(questions, raw);
  const known = new Set(questions.map((q) => q.id));
  const unknown = Object.keys(raw)
    .filter((key) => !known.has(key))
    .map((key) => err(key, 'unknown_question', 'Question inconnue.', 'Unknown question.'));
  const all = [...unknown, ...errors];
  return all.length > 0 ? { ok: false, errors: all } : { ok: true, answers };
}

function resolve(questions: readonly QuestionRule[], raw: Readonly<Record<string, unknown>>) {
  const errors: AnswerError[] = [];
  const answers: CleanAnswer[] = [];
  const visible = new Set<string>();
  const byKey = new Map<string, KnownAnswer>();
  for (const q of questions) {
    // Answers to a hidden question (given before an earlier answer changed) are dropped.
    if (q.showIf && !evaluateCondition(q.showIf, byKey)) continue;
    visible.add(q.id);
    const value = raw[q.id];
    if (isEmpty(value)) {
      if (q.required) errors.push(err(q.id, 'required', 'Cette question est obligatoire.', 'This question is required.'));
      continue;
    }
    const checked = checkOne(q, value);
    if ('code' in checked) errors.push(checked);
    else if (!(checked.options && checked.options.length === 0)) {
      answers.push(checked);
      if (q.key) byKey.set(q.key, knownAnswer(checked));
    } else if (q.required) errors.push(err(q.id, 'required', 'Cette question est obligatoire.', 'This question is required.'));
  }
  return { answers, errors, visible };
}
