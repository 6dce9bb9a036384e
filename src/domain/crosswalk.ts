/**
 * Crosswalks: an organisation that already measures something its own way maps its question
 * onto an indicator of a collective's common framework with a conversion rule. Its raw answers
 * are converted one distinct value at a time and become a partial sum like any other, so the
 * collective figure includes them without anyone re-collecting.
 *
 * Pure: no I/O. The SQL side groups raw answers by distinct value (`ValueCount`) and this
 * module converts each group, so the cost does not grow with the number of answers.
 */
import { emptyPartial, type Partial } from './partials.ts';
import type { ComputationType } from './indicator-value.ts';
import { SCALE_DEFAULT, type QuestionType } from './answers.ts';

/**
 * Numeric source (scale or number) onto a whole-number target scale.
 *
 * `cuts` are ascending upper bounds, and **a value equal to a cut belongs to the lower
 * class**: with `cuts = [2, 4, 6, 8]` and `targetMin = 1`, a value v gives 1 when v ≤ 2,
 * 2 when 2 < v ≤ 4, 3 when 4 < v ≤ 6, 4 when 6 < v ≤ 8 and 5 when v > 8. The classes are
 * open at both ends: a value below the first cut (or above the last) still falls in the
 * lowest (highest) class. There are `cuts.length + 1` target values, from `targetMin` up.
 */
export interface CutPointsRule {
  type: 'cut_points';
  cuts: number[];
  targetMin: number;
}

/**
 * What a source option becomes: an option of the common indicator's set (a hit), `OUTSIDE`
 * (the answer is counted in the denominator but is not in the set, e.g. "non" when the set is
 * "agree"), or `null` / absent (the answer is not counted at all).
 */
export const OUTSIDE = '-';

/** Choice source onto the common indicator's option set. */
export interface OptionMapRule {
  type: 'option_map';
  map: Record<string, string | null>;
}

/**
 * Unit conversion: target = source × factor ÷ divisor + offset, rounded to `decimals` when
 * given. A divisor lets "minutes → hours" be exactly ÷ 60 rather than × 0.016666….
 */
export interface LinearRule {
  type: 'linear';
  factor: number;
  divisor: number;
  offset: number;
  decimals: number | null;
}

export type CrosswalkRule = CutPointsRule | OptionMapRule | LinearRule;
export type CrosswalkRuleType = CrosswalkRule['type'];
export const crosswalkRuleTypes = ['cut_points', 'option_map', 'linear'] as const;

/** The question being mapped, as much of it as the rule needs. */
export interface SourceQuestion {
  type: QuestionType;
  options: readonly { value: string }[];
  min: number | null;
  max: number | null;
}

/** The common indicator's computation. */
export type TargetComputation = { type: 'share'; options: readonly string[] } | { type: Exclude<ComputationType, 'share'> };

/** One stored answer: chosen options, or a number. Text answers never convert. */
export interface AnswerValue {
  options: readonly string[] | null;
  num: number | null;
}

/** Answers grouped by distinct value. */
export interface ValueCount extends AnswerValue {
  count: number;
}

export interface CrosswalkError {
  /** Path of the field at fault, relative to the request body (`rule.cuts`, `rule.map.oui`, `questionId`, …). */
  field: string;
  code: string;
  fr: string;
  en: string;
}

const MAX_CUTS = 20;
const MAX_DECIMALS = 6;

const isNumeric = (t: SourceQuestion['type']) => t === 'scale' || t === 'faces' || t === 'number';
const isChoice = (t: SourceQuestion['type']) => t === 'single' || t === 'multiple';

/** The source range a numeric question accepts, when it has one. */
function sourceRange(q: SourceQuestion): { min: number | null; max: number | null } {
  if (q.type === 'scale' || q.type === 'faces') return { min: q.min ?? SCALE_DEFAULT.min, max: q.max ?? SCALE_DEFAULT.max };
  return { min: q.min, max: q.max };
}

/**
 * Every reason the rule cannot map this question onto this indicator. An empty list means it
 * can be saved.
 */
export function validateCrosswalk(rule: CrosswalkRule, source: SourceQuestion, target: TargetComputation): CrosswalkError[] {
  const errors: CrosswalkError[] = [];
  const err = (field: string, code: string, fr: string, en: string) => errors.push({ field, code, fr, en });

  if (source.type === 'text') {
    err('questionId', 'text_source', 'Une question à réponse libre ne peut pas être convertie.', 'A free-text question cannot be converted.');
    return errors;
  }
  if (source.type === 'date' || source.type === 'ranking' || source.type === 'grid') {
    err('questionId', 'unconvertible_source', 'Une date, un classement ou un tableau ne peut pas être converti vers un indicateur.', 'A date, a ranking or a grid cannot be converted onto an indicator.');
    return errors;
  }
  if (target.type === 'sum') {
    err('indicatorCode', 'activity_indicator', 'Cet indicateur se saisit en chiffres d’activité, pas par des réponses.', 'This indicator is entered as an activity figure, not from answers.');
    return errors;
  }

  switch (rule.type) {
    case 'cut_points': {
      if (!isNumeric(source.type)) err('rule.type', 'rule_source_mismatch', 'Des seuils demandent une question échelle ou nombre.', 'Cut points need a scale or number question.');
      if (target.type === 'share') err('rule.type', 'rule_target_mismatch', 'Des seuils donnent un nombre : l’indicateur commun doit être une moyenne ou un comptage.', 'Cut points give a number: the common indicator must be a mean or a count.');
      if (!Number.isInteger(rule.targetMin)) err('rule.targetMin', 'bad_target', 'La première valeur cible doit être un nombre entier.', 'The first target value must be a whole number.');
      if (rule.cuts.length === 0) err('rule.cuts', 'empty_cuts', 'Indiquez au moins un seuil.', 'Give at least one cut point.');
      else if (rule.cuts.length > MAX_CUTS) err('rule.cuts', 'too_many_cuts', `${MAX_CUTS} seuils au plus.`, `${MAX_CUTS} cut points at most.`);
      else if (rule.cuts.some((c) => !Number.isFinite(c))) err('rule.cuts', 'not_a_number', 'Chaque seuil doit être un nombre.', 'Every cut point must be a number.');
      else if (rule.cuts.some((c, i) => i > 0 && c <= rule.cuts[i - 1]!)) {
        err('rule.cuts', 'cuts_not_ascending', 'Les seuils doivent aller en croissant strictement.', 'Cut points must be strictly ascending.');
      } else if (isNumeric(source.type)) {
        const { min, max } = sourceRange(source);
        // A cut at or above the maximum (or below the minimum) leaves a class no answer can reach.
        const outside = rule.cuts.findIndex((c) => (min !== null && c < min) || (max !== null && c >= max));
        if (outside >= 0) {
          err(`rule.cuts.${outside}`, 'cut_out_of_range', `Le seuil ${rule.cuts[outside]} est hors de l’échelle de la question (${min ?? '…'} à ${max ?? '…'}).`, `Cut point ${rule.cuts[outside]} is outside the question’s range (${min ?? '…'} to ${max ?? '…'}).`);
        }
      }
      break;
    }
    case 'option_map': {
      if (!isChoice(source.type)) err('rule.type', 'rule_source_mismatch', 'Une correspondance de choix demande une question à choix.', 'An option map needs a choice question.');
      if (target.type === 'mean') err('rule.type', 'rule_target_mismatch', 'Une correspondance de choix donne des choix : l’indicateur commun doit être une part ou un comptage.', 'An option map gives choices: the common indicator must be a share or a count.');
      const sourceValues = new Set(source.options.map((o) => o.value));
      const allowed = new Set<string>([OUTSIDE, ...(target.type === 'share' ? target.options : [])]);
      const entries = Object.entries(rule.map);
      if (!entries.some(([, to]) => to !== null && to !== undefined)) {
        err('rule.map', 'empty_map', 'Faites correspondre au moins un choix de votre question.', 'Map at least one choice of your question.');
      }
      for (const [from, to] of entries) {
        if (isChoice(source.type) && !sourceValues.has(from)) {
          err(`rule.map.${from}`, 'unknown_source_option', `« ${from} » n’est pas un choix de votre question.`, `“${from}” is not a choice of your question.`);
        } else if (to !== null && to !== undefined && !allowed.has(to)) {
          const set = target.type === 'share' ? target.options.join(', ') : '';
          err(`rule.map.${from}`, 'unknown_target_option', `« ${to} » n’est pas dans l’ensemble de l’indicateur commun${set ? ` (${set})` : ''}.`, `“${to}” is not in the common indicator’s set${set ? ` (${set})` : ''}.`);
        }
      }
      break;
    }
    case 'linear': {
      if (!isNumeric(source.type)) err('rule.type', 'rule_source_mismatch', 'Une conversion d’unité demande une question échelle ou nombre.', 'A unit conversion needs a scale or number question.');
      if (target.type === 'share') err('rule.type', 'rule_target_mismatch', 'Une conversion d’unité donne un nombre : l’indicateur commun doit être une moyenne ou un comptage.', 'A unit conversion gives a number: the common indicator must be a mean or a count.');
      if (!Number.isFinite(rule.factor) || rule.factor === 0) err('rule.factor', 'zero_factor', 'Le facteur doit être un nombre différent de 0.', 'The factor must be a number other than 0.');
      if (!Number.isFinite(rule.divisor) || rule.divisor === 0) err('rule.divisor', 'zero_divisor', 'Le diviseur doit être un nombre différent de 0.', 'The divisor must be a number other than 0.');
      if (!Number.isFinite(rule.offset)) err('rule.offset', 'not_a_number', 'Le décalage doit être un nombre.', 'The offset must be a number.');
      if (rule.decimals !== null && (!Number.isInteger(rule.decimals) || rule.decimals < 0 || rule.decimals > MAX_DECIMALS)) {
        err('rule.decimals', 'bad_decimals', `Arrondi : de 0 à ${MAX_DECIMALS} décimales.`, `Rounding: 0 to ${MAX_DECIMALS} decimals.`);
      }
      break;
    }
  }
  return errors;
}

/** Float noise (0.1 × 3 = 0.30000000000000004) is not a measured difference. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // Half away from zero, as people round; the epsilon absorbs 1.005 × 100 = 100.49999….
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}

/** The target class of a number under cut points (a value on a cut belongs to the lower class). */
export function classOf(rule: CutPointsRule, value: number): number {
  let below = 0;
  while (below < rule.cuts.length && value > rule.cuts[below]!) below += 1;
  return rule.targetMin + below;
}

/**
 * One answer as it would have been given to the common question, or null when it is not
 * counted (skipped, not a number, no mapped option, text).
 */
export function convertAnswer(rule: CrosswalkRule, answer: AnswerValue): AnswerValue | null {
  switch (rule.type) {
    case 'cut_points':
      if (answer.num === null || !Number.isFinite(answer.num)) return null;
      return { options: null, num: classOf(rule, answer.num) };
    case 'linear': {
      if (answer.num === null || !Number.isFinite(answer.num)) return null;
      const raw = clean((answer.num * rule.factor) / rule.divisor + rule.offset);
      return { options: null, num: rule.decimals === null ? raw : roundTo(raw, rule.decimals) };
    }
    case 'option_map': {
      if (answer.options === null) return null;
      const out: string[] = [];
      for (const o of answer.options) {
        const to = Object.hasOwn(rule.map, o) ? rule.map[o] : null;
        if (to !== null && to !== undefined && !out.includes(to)) out.push(to);
      }
      return out.length === 0 ? null : { options: out, num: null };
    }
  }
}

/**
 * The partial sums the converted answers give for the target computation: the same as if the
 * same people had answered the common question (see the equivalence test). `organisations` is
 * 1 when anything was counted, so callers pass one organisation's value counts at a time.
 */
export function crosswalkPartial(rule: CrosswalkRule, target: TargetComputation, valueCounts: readonly ValueCount[]): Partial {
  const p = emptyPartial();
  const hitSet = target.type === 'share' ? new Set(target.options) : null;
  for (const vc of valueCounts) {
    if (vc.count <= 0) continue;
    const converted = convertAnswer(rule, vc);
    if (converted === null) continue;
    switch (target.type) {
      case 'share':
        if (converted.options === null) continue;
        p.n += vc.count;
        if (converted.options.some((o) => hitSet!.has(o))) p.hits += vc.count;
        break;
      case 'mean':
        if (converted.num === null) continue;
        p.n += vc.count;
        p.sum += converted.num * vc.count;
        p.sumSquares += converted.num * converted.num * vc.count;
        break;
      case 'count':
        p.n += vc.count;
        if (converted.num !== null) {
          p.sum += converted.num * vc.count;
          p.sumSquares += converted.num * converted.num * vc.count;
        }
        break;
      case 'sum':
        // Activity figures are reported, not answered: nothing converts into them.
        break;
    }
  }
  p.organisations = p.n > 0 ? 1 : 0;
  return p;
}

/**
 * Several partials of one organisation (its direct answers and its crosswalks) as one: the
 * sums add up, the organisation counts once.
 */
export function mergeSameOrganisation(parts: readonly Partial[]): Partial {
  const total = emptyPartial();
  for (const p of parts) {
    total.n += p.n;
    total.hits += p.hits;
    total.sum += p.sum;
    total.sumSquares += p.sumSquares;
  }
  total.organisations = total.n > 0 ? 1 : 0;
  return total;
}

/** Source → target for each value a numeric question can take (for a preview table). */
export function cutPointsTable(rule: CutPointsRule, values: readonly number[]): { source: number; target: number }[] {
  return values.map((v) => ({ source: v, target: classOf(rule, v) }));
}
