/**
 * Checking one respondent's answers against the questionnaire: pure, shared by the JSON API
 * and the HTML form. Nothing is stored unless every answer is valid.
 */
export type QuestionType = 'single' | 'multiple' | 'scale' | 'number' | 'text';

export interface QuestionRule {
  id: string;
  type: QuestionType;
  required: boolean;
  options: readonly { value: string }[];
  min: number | null;
  max: number | null;
}

export interface CleanAnswer {
  questionId: string;
  options: string[] | null;
  num: number | null;
  text: string | null;
}

export interface AnswerError {
  questionId: string;
  code: 'required' | 'unknown_option' | 'not_a_number' | 'out_of_range' | 'too_long' | 'wrong_type' | 'unknown_question';
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

function isEmpty(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.every((v) => typeof v === 'string' && v.trim() === '');
  return false;
}

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
    case 'number': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseLocaleNumber(raw) : null;
      if (value === null || !Number.isFinite(value)) return err(q.id, 'not_a_number', 'Indiquez un nombre.', 'Enter a number.');
      const min = q.min ?? (q.type === 'scale' ? SCALE_DEFAULT.min : -NUMBER_LIMIT);
      const max = q.max ?? (q.type === 'scale' ? SCALE_DEFAULT.max : NUMBER_LIMIT);
      if (q.type === 'scale' && !Number.isInteger(value)) return err(q.id, 'out_of_range', `Choisissez une valeur entière de ${min} à ${max}.`, `Choose a whole value from ${min} to ${max}.`);
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
  }
}

/**
 * `raw` maps question ids to what was sent. Unknown question ids are errors (a client bug
 * should not be silently dropped); empty optional answers are simply absent.
 */
export function checkAnswers(questions: readonly QuestionRule[], raw: Readonly<Record<string, unknown>>): AnswerCheck {
  const errors: AnswerError[] = [];
  const answers: CleanAnswer[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) errors.push(err(key, 'unknown_question', 'Question inconnue.', 'Unknown question.'));
  }
  for (const q of questions) {
    const value = raw[q.id];
    if (isEmpty(value)) {
      if (q.required) errors.push(err(q.id, 'required', 'Cette question est obligatoire.', 'This question is required.'));
      continue;
    }
    const checked = checkOne(q, value);
    if ('code' in checked) errors.push(checked);
    else if (!(checked.options && checked.options.length === 0)) answers.push(checked);
    else if (q.required) errors.push(err(q.id, 'required', 'Cette question est obligatoire.', 'This question is required.'));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}
