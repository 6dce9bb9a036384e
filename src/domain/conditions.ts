/**
 * Conditional questions: a question is shown only when an earlier answer says so. Conditions
 * are plain data, evaluated here on the server, so that the respondent page needs no script.
 */
export type ConditionOp = 'equals' | 'notEquals' | 'includes' | 'gt' | 'gte' | 'lt' | 'lte' | 'answered' | 'notAnswered';

export type Condition =
  | { question: string; op: ConditionOp; value?: string | number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** What a condition can read of an earlier answer: its options, its number, its text. */
export interface KnownAnswer {
  options: readonly string[] | null;
  num: number | null;
  text: string | null;
}

export const CONDITION_OPS: readonly ConditionOp[] = ['equals', 'notEquals', 'includes', 'gt', 'gte', 'lt', 'lte', 'answered', 'notAnswered'];
const MAX_DEPTH = 6;

function compare(answer: KnownAnswer, op: 'gt' | 'gte' | 'lt' | 'lte', value: string | number | undefined): boolean {
  const target = typeof value === 'number' ? value : Number(value);
  // Dates compare as text (YYYY-MM-DD sorts as it reads).
  if (answer.num === null && answer.text !== null && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const c = answer.text.localeCompare(value);
    return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
  }
  const n = answer.num ?? (answer.options?.length === 1 ? Number(answer.options[0]) : NaN);
  if (!Number.isFinite(n) || !Number.isFinite(target)) return false;
  return op === 'gt' ? n > target : op === 'gte' ? n >= target : op === 'lt' ? n < target : n <= target;
}

function same(answer: KnownAnswer, value: string | number | undefined): boolean {
  if (value === undefined) return false;
  if (answer.num !== null) return answer.num === Number(value);
  if (answer.options) return answer.options.length === 1 && answer.options[0] === String(value);
  return answer.text === String(value);
}

/**
 * True when the condition holds. A condition on a question with no answer (skipped, or itself
 * hidden) is false, except `notAnswered`; so a chain of conditions hides what follows.
 */
export function evaluateCondition(condition: Condition, answers: ReadonlyMap<string, KnownAnswer>): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  if ('not' in condition) return !evaluateCondition(condition.not, answers);
  const answer = answers.get(condition.question);
  if (condition.op === 'answered') return answer !== undefined;
  if (condition.op === 'notAnswered') return answer === undefined;
  if (!answer) return false;
  switch (condition.op) {
    case 'equals':
      return same(answer, condition.value);
    case 'notEquals':
      return !same(answer, condition.value);
    case 'includes':
      return answer.options?.includes(String(condition.value)) ?? false;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compare(answer, condition.op, condition.value);
  }
}

/** The keys of the questions a condition reads. */
export function conditionKeys(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionKeys);
  if ('any' in condition) return condition.any.flatMap(conditionKeys);
  if ('not' in condition) return conditionKeys(condition.not);
  return [condition.question];
}

export interface ConditionProblem {
  code: 'unknown_question' | 'later_question' | 'missing_value' | 'unknown_option' | 'too_deep' | 'empty_group';
  fr: string;
  en: string;
}

/**
 * Checks a condition against the questions before it (`earlier`: key → allowed option values,
 * or null for a question without choices). `later` holds the keys of the question itself and
 * those after it, to say plainly why they cannot be used.
 */
export function checkCondition(condition: Condition, earlier: ReadonlyMap<string, readonly string[] | null>, later: ReadonlySet<string>, depth = 0): ConditionProblem[] {
  if (depth > MAX_DEPTH) return [{ code: 'too_deep', fr: 'Condition trop imbriquée.', en: 'Condition nested too deeply.' }];
  if ('all' in condition || 'any' in condition) {
    const list = 'all' in condition ? condition.all : condition.any;
    if (list.length === 0) return [{ code: 'empty_group', fr: 'Groupe de conditions vide.', en: 'Empty group of conditions.' }];
    return list.flatMap((c) => checkCondition(c, earlier, later, depth + 1));
  }
  if ('not' in condition) return checkCondition(condition.not, earlier, later, depth + 1);
  const key = condition.question;
  if (!earlier.has(key)) {
    return later.has(key)
      ? [{ code: 'later_question', fr: `La condition porte sur « ${key} », qui vient après : une condition ne lit que les questions d’avant.`, en: `The condition reads “${key}”, which comes later: a condition only reads earlier questions.` }]
      : [{ code: 'unknown_question', fr: `La condition porte sur « ${key} », qui n’existe pas.`, en: `The condition reads “${key}”, which does not exist.` }];
  }
  if (condition.op === 'answered' || condition.op === 'notAnswered') return [];
  if (condition.value === undefined || condition.value === '') return [{ code: 'missing_value', fr: 'Indiquez la valeur à comparer.', en: 'Give the value to compare with.' }];
  const options = earlier.get(key);
  if (options && (condition.op === 'equals' || condition.op === 'notEquals' || condition.op === 'includes') && !options.includes(String(condition.value))) {
    return [{ code: 'unknown_option', fr: `« ${condition.value} » n’est pas un choix de « ${key} ».`, en: `“${condition.value}” is not a choice of “${key}”.` }];
  }
  return [];
}

const OP_TEXT: Record<ConditionOp, { fr: string; en: string }> = {
  equals: { fr: 'est', en: 'is' },
  notEquals: { fr: 'n’est pas', en: 'is not' },
  includes: { fr: 'comprend', en: 'includes' },
  gt: { fr: 'est supérieur à', en: 'is more than' },
  gte: { fr: 'est au moins', en: 'is at least' },
  lt: { fr: 'est inférieur à', en: 'is less than' },
  lte: { fr: 'est au plus', en: 'is at most' },
  answered: { fr: 'a une réponse', en: 'is answered' },
  notAnswered: { fr: 'n’a pas de réponse', en: 'is not answered' },
};

/**
 * A condition in words, for the paper version and the questionnaire editor. `name` turns a
 * question key into what the reader sees (its number, its label); `value` an option value into
 * its label.
 */
export function describeCondition(condition: Condition, lang: 'fr' | 'en', name: (key: string) => string, value: (key: string, v: string | number) => string = (_k, v) => String(v)): string {
  const and = lang === 'fr' ? ' et ' : ' and ';
  const or = lang === 'fr' ? ' ou ' : ' or ';
  const inner = (c: Condition): string => {
    const s = describeCondition(c, lang, name, value);
    return 'all' in c || 'any' in c ? `(${s})` : s;
  };
  if ('all' in condition) return condition.all.map(inner).join(and);
  if ('any' in condition) return condition.any.map(inner).join(or);
  if ('not' in condition) return `${lang === 'fr' ? 'non' : 'not'} ${inner(condition.not)}`;
  const op = OP_TEXT[condition.op][lang];
  const subject = name(condition.question);
  if (condition.value === undefined || condition.op === 'answered' || condition.op === 'notAnswered') return `${subject} ${op}`;
  const shown = value(condition.question, condition.value);
  return `${subject} ${op} ${lang === 'fr' ? `« ${shown} »` : `“${shown}”`}`;
}
