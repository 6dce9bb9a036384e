import { ExpressionError, flip, parseExpression, type CompareOp, type Expr } from './expressions.ts';
import type { XlsFormCondition, XlsFormConditionOp } from './types.ts';

/** What a condition may know of a question the form asked before. */
export interface KnownQuestion {
  key: string;
  /** choice: values come from choices; numeric: compared as numbers; text and date: as strings. */
  kind: 'choice' | 'multiChoice' | 'numeric' | 'text' | 'date';
  /** XLSForm choice name → option value, for choice questions. */
  values?: Map<string, string>;
}

/** Why a name cannot be used: asked later, not carried over, a row of a grid, or not in the form. */
export type Resolution = KnownQuestion | 'later' | 'dropped' | 'inGrid' | 'unknown';

export type ConditionResult = { ok: true; condition: XlsFormCondition } | { ok: false; fr: string; en: string };

class Unsupported extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const opNames: Record<CompareOp, XlsFormConditionOp> = { '=': 'equals', '!=': 'notEquals', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };

/** Turns a `relevant` expression into a condition on earlier questions, or says why it cannot. */
export function relevantToCondition(source: string, resolve: (name: string) => Resolution): ConditionResult {
  let expr: Expr;
  try {
    expr = parseExpression(source);
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    return {
      ok: false,
      fr: `la condition « ${source} » n’est pas d’une forme que Socle sait reprendre`,
      en: `the condition "${source}" is not of a form Socle can carry over`,
    };
  }
  try {
    const condition = convert(expr, resolve);
    if (!conditionFits(condition)) throw new Unsupported('elle est trop imbriquée ou trop longue', 'it is nested too deeply or too long');
    return { ok: true, condition };
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return { ok: false, fr: `la condition « ${source} » n’est pas reprise : ${e.fr}`, en: `the condition "${source}" is not carried over: ${e.en}` };
  }
}

function question(name: string, resolve: (name: string) => Resolution): KnownQuestion {
  const found = resolve(name);
  if (found === 'later') throw new Unsupported(`elle porte sur « ${name} », posée plus loin`, `it refers to "${name}", asked later`);
  if (found === 'dropped') throw new Unsupported(`elle porte sur « ${name} », qui n’a pas été reprise`, `it refers to "${name}", which was not carried over`);
  if (found === 'inGrid') throw new Unsupported(`elle porte sur « ${name} », devenue une ligne d’une grille`, `it refers to "${name}", now a row of a grid`);
  if (found === 'unknown') throw new Unsupported(`elle porte sur « ${name} », qui n’existe pas dans le formulaire`, `it refers to "${name}", which is not in the form`);
  return found;
}

function choiceValue(q: KnownQuestion, name: string, literal: string): string {
  const value = q.values?.get(literal);
  if (value === undefined) throw new Unsupported(`« ${literal} » n’est pas un choix de « ${name} »`, `"${literal}" is not a choice of "${name}"`);
  return value;
}

function literalOf(e: Expr): string | number | null {
  if (e.kind === 'str') return e.value;
  if (e.kind === 'num') return e.value;
  return null;
}

/** A reference, possibly wrapped in count-selected() or string-length(). */
function refOf(e: Expr): { name: string; wrap: 'none' | 'count' | 'length' } | null {
  if (e.kind === 'ref') return { name: e.name, wrap: 'none' };
  const arg = e.kind === 'call' && e.args.length === 1 ? e.args[0] : undefined;
  if (e.kind === 'call' && (e.name === 'count-selected' || e.name === 'string-length') && arg?.kind === 'ref') {
    return { name: arg.name, wrap: e.name === 'count-selected' ? 'count' : 'length' };
  }
  return null;
}

function convert(e: Expr, resolve: (name: string) => Resolution): XlsFormCondition {
  switch (e.kind) {
    case 'and':
      return { all: e.parts.map((p) => convert(p, resolve)) };
    case 'or':
      return { any: e.parts.map((p) => convert(p, resolve)) };
    case 'not':
      return { not: convert(e.expr, resolve) };
    case 'call': {
      if (e.name !== 'selected' || e.args.length !== 2) throw new Unsupported(`la fonction ${e.name}() n’est pas reprise`, `the function ${e.name}() is not carried over`);
      const [ref, lit] = e.args;
      const literal = lit ? literalOf(lit) : null;
      if (ref?.kind !== 'ref' || literal === null) throw new Unsupported('selected() attend une question et un choix', 'selected() needs a question and a choice');
      const q = question(ref.name, resolve);
      if (q.kind === 'multiChoice') return { question: q.key, op: 'includes', value: choiceValue(q, ref.name, String(literal)) };
      if (q.kind === 'choice') return { question: q.key, op: 'equals', value: choiceValue(q, ref.name, String(literal)) };
      throw new Unsupported(`« ${ref.name} » n’est pas une question à choix`, `"${ref.name}" is not a choice question`);
    }
    case 'cmp':
      return comparison(e.op, e.left, e.right, resolve);
    case 'num':
    case 'ref':
    case 'self':
    case 'str':
      throw new Unsupported('seules des comparaisons entre une question et une valeur sont reprises', 'only comparisons of a question with a value are carried over');
  }
}

function comparison(op: CompareOp, left: Expr, right: Expr, resolve: (name: string) => Resolution): XlsFormCondition {
  let ref = refOf(left);
  let literal = literalOf(right);
  if (!ref || literal === null) {
    ref = refOf(right);
    literal = literalOf(left);
    op = flip(op);
  }
  if (!ref || literal === null) throw new Unsupported('seules des comparaisons entre une question et une valeur sont reprises', 'only comparisons of a question with a value are carried over');
  const q = question(ref.name, resolve);
  if (ref.wrap !== 'none') {
    // "Has at least one choice / some text" and its opposite.
    const n = typeof literal === 'number' ? literal : Number(literal);
    if ((op === '>' && n === 0) || (op === '>=' && n === 1) || (op === '!=' && n === 0)) return { question: q.key, op: 'answered' };
    if ((op === '=' && n === 0) || (op === '<' && n === 1) || (op === '<=' && n === 0)) return { question: q.key, op: 'notAnswered' };
    throw new Unsupported('un compte autre que « au moins un » n’est pas repris', 'a count other than "at least one" is not carried over');
  }
  if (literal === '') {
    if (op === '=') return { question: q.key, op: 'notAnswered' };
    if (op === '!=') return { question: q.key, op: 'answered' };
    throw new Unsupported('une comparaison avec un texte vide n’a pas de sens', 'a comparison with empty text makes no sense');
  }
  const name = opNames[op];
  // In ODK, an unanswered question is "" and "" != 'x' holds: the question shows. Socle's
  // notEquals needs an answer, so "not answered" is added to keep the form's behaviour.
  const differs = (c: XlsFormCondition): XlsFormCondition => (op === '!=' ? { any: [c, { question: q.key, op: 'notAnswered' }] } : c);
  switch (q.kind) {
    case 'choice':
    case 'multiChoice':
      if (op !== '=' && op !== '!=') throw new Unsupported(`« ${ref.name} » est une question à choix : seules = et != sont reprises`, `"${ref.name}" is a choice question: only = and != are carried over`);
      if (q.kind === 'multiChoice') {
        const value = choiceValue(q, ref.name, String(literal));
        return op === '=' ? { question: q.key, op: 'includes', value } : { not: { question: q.key, op: 'includes', value } };
      }
      return differs({ question: q.key, op: name, value: choiceValue(q, ref.name, String(literal)) });
    case 'numeric': {
      const n = typeof literal === 'number' ? literal : Number(literal.trim());
      if (literal === '' || !Number.isFinite(n)) throw new Unsupported(`« ${ref.name} » est un nombre, comparé à un texte`, `"${ref.name}" is a number, compared with text`);
      return differs({ question: q.key, op: name, value: n });
    }
    case 'date':
      if (typeof literal !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(literal)) throw new Unsupported(`« ${ref.name} » est une date, comparée à autre chose qu’une date AAAA-MM-JJ`, `"${ref.name}" is a date, compared with something other than a YYYY-MM-DD date`);
      return differs({ question: q.key, op: name, value: literal });
    case 'text':
      if (op !== '=' && op !== '!=') throw new Unsupported(`« ${ref.name} » est un texte : seules = et != sont reprises`, `"${ref.name}" is text: only = and != are carried over`);
      return differs({ question: q.key, op: name, value: String(literal) });
  }
}

/** Within what a Socle condition allows: 6 levels, 1 to 20 parts per group, values of 100 characters. */
export function conditionFits(c: XlsFormCondition, depth = 0): boolean {
  if (depth > 6) return false;
  if ('all' in c || 'any' in c) {
    const list = 'all' in c ? c.all : c.any;
    return list.length >= 1 && list.length <= 20 && list.every((x) => conditionFits(x, depth + 1));
  }
  if ('not' in c) return conditionFits(c.not, depth + 1);
  return typeof c.value !== 'string' || c.value.length <= 100;
}
