import { describe, expect, it } from 'vitest';
import {
  classOf,
  convertAnswer,
  crosswalkPartial,
  cutPointsTable,
  mergeSameOrganisation,
  OUTSIDE,
  validateCrosswalk,
  type AnswerValue,
  type CrosswalkRule,
  type CutPointsRule,
  type LinearRule,
  type OptionMapRule,
  type SourceQuestion,
  type TargetComputation,
  type ValueCount,
} from './crosswalk.ts';
import type { Partial } from './partials.ts';

const cuts = (c: number[], targetMin = 1): CutPointsRule => ({ type: 'cut_points', cuts: c, targetMin });
const map = (m: Record<string, string | null>): OptionMapRule => ({ type: 'option_map', map: m });
const linear = (factor: number, divisor = 1, offset = 0, decimals: number | null = null): LinearRule => ({ type: 'linear', factor, divisor, offset, decimals });

const scale010: SourceQuestion = { type: 'scale', options: [], min: 0, max: 10 };
const number: SourceQuestion = { type: 'number', options: [], min: null, max: null };
const minutes: SourceQuestion = { type: 'number', options: [], min: 0, max: 600 };
const yesNo: SourceQuestion = { type: 'single', options: [{ value: 'oui' }, { value: 'non' }, { value: 'nsp' }], min: null, max: null };
const multi: SourceQuestion = { type: 'multiple', options: [{ value: 'caf' }, { value: 'cpam' }, { value: 'aucune' }], min: null, max: null };
const text: SourceQuestion = { type: 'text', options: [], min: null, max: null };

const mean: TargetComputation = { type: 'mean' };
const count: TargetComputation = { type: 'count' };
const sum: TargetComputation = { type: 'sum' };
const agree: TargetComputation = { type: 'share', options: ['agree', 'strongly_agree'] };

const num = (n: number | null): AnswerValue => ({ options: null, num: n });
const opts = (...o: string[]): AnswerValue => ({ options: o, num: null });

describe('classOf / cut points', () => {
  const r = cuts([2, 4, 6, 8]);
  it.each<[number, number]>([
    [0, 1],
    [1, 1],
    [2, 1], // on a cut: lower class
    [2.0001, 2],
    [3, 2],
    [4, 2],
    [5, 3],
    [6, 3],
    [7, 4],
    [8, 4],
    [8.5, 5],
    [10, 5],
    [-3, 1], // below the scale: lowest class
    [42, 5], // above the scale: highest class
  ])('0–10 onto 1–5 with cuts [2,4,6,8]: %s → %s', (value, expected) => {
    expect(classOf(r, value)).toBe(expected);
  });

  it('starts at targetMin', () => {
    expect(classOf(cuts([5], 0), 5)).toBe(0);
    expect(classOf(cuts([5], 0), 6)).toBe(1);
  });

  it('draws the whole preview table', () => {
    expect(cutPointsTable(r, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).map((x) => x.target)).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('convertAnswer', () => {
  it.each<{ name: string; rule: CrosswalkRule; answer: AnswerValue; expected: AnswerValue | null }>([
    { name: 'cut points: a number', rule: cuts([2, 4, 6, 8]), answer: num(7), expected: num(4) },
    { name: 'cut points: on the boundary', rule: cuts([2, 4, 6, 8]), answer: num(4), expected: num(2) },
    { name: 'cut points: skipped answer', rule: cuts([2, 4, 6, 8]), answer: num(null), expected: null },
    { name: 'cut points: a choice answer', rule: cuts([2, 4, 6, 8]), answer: opts('oui'), expected: null },
    { name: 'cut points: NaN', rule: cuts([2, 4, 6, 8]), answer: num(Number.NaN), expected: null },
    { name: 'option map: mapped into the set', rule: map({ oui: 'agree', non: OUTSIDE }), answer: opts('oui'), expected: opts('agree') },
    { name: 'option map: counted outside the set', rule: map({ oui: 'agree', non: OUTSIDE }), answer: opts('non'), expected: opts(OUTSIDE) },
    { name: 'option map: unmapped (absent) is not counted', rule: map({ oui: 'agree', non: OUTSIDE }), answer: opts('nsp'), expected: null },
    { name: 'option map: unmapped (null) is not counted', rule: map({ oui: 'agree', nsp: null }), answer: opts('nsp'), expected: null },
    { name: 'option map: several choices, one unmapped', rule: map({ caf: 'agree', cpam: 'agree', aucune: null }), answer: opts('caf', 'cpam', 'aucune'), expected: opts('agree') },
    { name: 'option map: empty choice list', rule: map({ oui: 'agree' }), answer: opts(), expected: null },
    { name: 'option map: skipped', rule: map({ oui: 'agree' }), answer: { options: null, num: null }, expected: null },
    { name: 'option map: inherited object keys are not options', rule: map({ oui: 'agree' }), answer: opts('constructor', 'toString'), expected: null },
    { name: 'linear: minutes → hours', rule: linear(1, 60), answer: num(90), expected: num(1.5) },
    { name: 'linear: float noise is cleaned', rule: linear(0.1), answer: num(3), expected: num(0.3) },
    { name: 'linear: offset (°C → °F)', rule: linear(9, 5, 32), answer: num(100), expected: num(212) },
    { name: 'linear: hours → days, rounded to 2 decimals', rule: linear(1, 24, 0, 2), answer: num(10), expected: num(0.42) },
    { name: 'linear: rounding half away from zero', rule: linear(1, 1, 0, 2), answer: num(1.005), expected: num(1.01) },
    { name: 'linear: negative rounding', rule: linear(1, 1, 0, 0), answer: num(-2.5), expected: num(-3) },
    { name: 'linear: skipped', rule: linear(1, 60), answer: num(null), expected: null },
  ])('$name', ({ rule, answer, expected }) => {
    expect(convertAnswer(rule, answer)).toEqual(expected);
  });
});

describe('validateCrosswalk', () => {
  const codes = (rule: CrosswalkRule, source: SourceQuestion, target: TargetComputation) => validateCrosswalk(rule, source, target).map((e) => `${e.field}:${e.code}`);

  it.each<{ name: string; rule: CrosswalkRule; source: SourceQuestion; target: TargetComputation; expected: string[] }>([
    { name: 'valid cut points', rule: cuts([2, 4, 6, 8]), source: scale010, target: mean, expected: [] },
    { name: 'valid cut points on an unbounded number', rule: cuts([10, 20]), source: number, target: count, expected: [] },
    { name: 'cut points on a choice question', rule: cuts([2]), source: yesNo, target: mean, expected: ['rule.type:rule_source_mismatch'] },
    { name: 'cut points onto a share', rule: cuts([2]), source: scale010, target: agree, expected: ['rule.type:rule_target_mismatch'] },
    { name: 'no cut points', rule: cuts([]), source: scale010, target: mean, expected: ['rule.cuts:empty_cuts'] },
    { name: 'non-ascending cut points', rule: cuts([2, 6, 4]), source: scale010, target: mean, expected: ['rule.cuts:cuts_not_ascending'] },
    { name: 'repeated cut point', rule: cuts([2, 2]), source: scale010, target: mean, expected: ['rule.cuts:cuts_not_ascending'] },
    { name: 'cut point at the maximum', rule: cuts([2, 10]), source: scale010, target: mean, expected: ['rule.cuts.1:cut_out_of_range'] },
    { name: 'cut point below the minimum', rule: cuts([-1, 5]), source: scale010, target: mean, expected: ['rule.cuts.0:cut_out_of_range'] },
    { name: 'cut point outside the default 1–5 scale', rule: cuts([6]), source: { type: 'scale', options: [], min: null, max: null }, target: mean, expected: ['rule.cuts.0:cut_out_of_range'] },
    { name: 'fractional targetMin', rule: cuts([5], 0.5), source: scale010, target: mean, expected: ['rule.targetMin:bad_target'] },
    { name: 'too many cut points', rule: cuts(Array.from({ length: 21 }, (_, i) => i)), source: number, target: mean, expected: ['rule.cuts:too_many_cuts'] },
    { name: 'valid option map', rule: map({ oui: 'agree', non: OUTSIDE, nsp: null }), source: yesNo, target: agree, expected: [] },
    { name: 'option map onto a count', rule: map({ oui: OUTSIDE }), source: yesNo, target: count, expected: [] },
    { name: 'option map to an option outside the common set', rule: map({ oui: 'agree', non: 'disagree' }), source: yesNo, target: agree, expected: ['rule.map.non:unknown_target_option'] },
    { name: 'option map from an option the question does not have', rule: map({ oui: 'agree', peut_etre: OUTSIDE }), source: yesNo, target: agree, expected: ['rule.map.peut_etre:unknown_source_option'] },
    { name: 'empty option map', rule: map({}), source: yesNo, target: agree, expected: ['rule.map:empty_map'] },
    { name: 'option map where nothing is counted', rule: map({ oui: null, non: null }), source: yesNo, target: agree, expected: ['rule.map:empty_map'] },
    { name: 'option map on a number question', rule: map({ oui: 'agree' }), source: number, target: agree, expected: ['rule.type:rule_source_mismatch'] },
    { name: 'option map onto a mean', rule: map({ oui: OUTSIDE }), source: yesNo, target: mean, expected: ['rule.type:rule_target_mismatch'] },
    { name: 'valid linear', rule: linear(1, 60, 0, 2), source: minutes, target: mean, expected: [] },
    { name: 'linear factor 0', rule: linear(0), source: minutes, target: mean, expected: ['rule.factor:zero_factor'] },
    { name: 'linear divisor 0', rule: linear(1, 0), source: minutes, target: mean, expected: ['rule.divisor:zero_divisor'] },
    { name: 'linear bad decimals', rule: linear(1, 1, 0, 9), source: minutes, target: mean, expected: ['rule.decimals:bad_decimals'] },
    { name: 'linear on a multiple-choice question', rule: linear(2), source: multi, target: mean, expected: ['rule.type:rule_source_mismatch'] },
    { name: 'a text question', rule: linear(2), source: text, target: mean, expected: ['questionId:text_source'] },
    { name: 'an activity indicator', rule: linear(2), source: minutes, target: sum, expected: ['indicatorCode:activity_indicator'] },
  ])('$name', ({ rule, source, target, expected }) => {
    expect(codes(rule, source, target)).toEqual(expected);
  });

  it('words every error in French and English', () => {
    const [e] = validateCrosswalk(map({ oui: 'agree', non: 'disagree' }), yesNo, agree);
    expect(e!.fr).toContain('disagree');
    expect(e!.fr).toContain('agree, strongly_agree');
    expect(e!.en).toContain('common indicator');
  });
});

/**
 * What the SQL of the results repository gives for answers to the common question itself:
 * the oracle the crosswalk must match.
 */
function directPartial(target: TargetComputation, answers: readonly AnswerValue[]): Partial {
  const p: Partial = { n: 0, hits: 0, sum: 0, sumSquares: 0, organisations: 0 };
  for (const a of answers) {
    if (target.type === 'mean') p.n += a.num === null ? 0 : 1;
    else if (target.type === 'share') p.n += a.options === null ? 0 : 1;
    else p.n += 1;
    if (target.type === 'share' && a.options?.some((o) => target.options.includes(o))) p.hits += 1;
    if (a.num !== null) {
      p.sum += a.num;
      p.sumSquares += a.num * a.num;
    }
  }
  p.organisations = p.n > 0 ? 1 : 0;
  return p;
}

/** Raw answers grouped by distinct value, as the SQL does. */
function group(answers: readonly AnswerValue[]): ValueCount[] {
  const m = new Map<string, ValueCount>();
  for (const a of answers) {
    const key = JSON.stringify(a);
    const vc = m.get(key) ?? { ...a, count: 0 };
    vc.count += 1;
    m.set(key, vc);
  }
  return [...m.values()];
}

describe('crosswalkPartial', () => {
  const zero: Partial = { n: 0, hits: 0, sum: 0, sumSquares: 0, organisations: 0 };

  it.each<{ name: string; rule: CrosswalkRule; target: TargetComputation; counts: ValueCount[]; expected: Partial }>([
    { name: 'no answers', rule: cuts([2, 4, 6, 8]), target: mean, counts: [], expected: zero },
    { name: 'only skipped answers', rule: cuts([2, 4, 6, 8]), target: mean, counts: [{ options: null, num: null, count: 4 }], expected: zero },
    { name: 'one answer', rule: cuts([2, 4, 6, 8]), target: mean, counts: [{ options: null, num: 9, count: 1 }], expected: { n: 1, hits: 0, sum: 5, sumSquares: 25, organisations: 1 } },
    {
      name: 'answers on the cut boundaries',
      rule: cuts([2, 4, 6, 8]),
      target: mean,
      counts: [
        { options: null, num: 2, count: 3 },
        { options: null, num: 8, count: 1 },
      ],
      expected: { n: 4, hits: 0, sum: 3 + 4, sumSquares: 3 + 16, organisations: 1 },
    },
    {
      name: 'yes/no onto the agree set, "nsp" not counted',
      rule: map({ oui: 'agree', non: OUTSIDE }),
      target: agree,
      counts: [
        { options: ['oui'], num: null, count: 6 },
        { options: ['non'], num: null, count: 2 },
        { options: ['nsp'], num: null, count: 5 },
      ],
      expected: { n: 8, hits: 6, sum: 0, sumSquares: 0, organisations: 1 },
    },
    {
      name: 'nothing mapped',
      rule: map({ oui: 'agree' }),
      target: agree,
      counts: [{ options: ['non'], num: null, count: 3 }],
      expected: zero,
    },
    {
      name: 'a count target counts converted answers',
      rule: linear(1, 60),
      target: count,
      counts: [
        { options: null, num: 30, count: 2 },
        { options: null, num: null, count: 1 },
      ],
      expected: { n: 2, hits: 0, sum: 1, sumSquares: 0.5, organisations: 1 },
    },
    { name: 'a zero or negative count is ignored', rule: cuts([5], 0), target: mean, counts: [{ options: null, num: 9, count: 0 }], expected: zero },
    { name: 'an activity target takes nothing', rule: linear(2), target: sum, counts: [{ options: null, num: 9, count: 3 }], expected: zero },
  ])('$name', ({ rule, target, counts, expected }) => {
    expect(crosswalkPartial(rule, target, counts)).toEqual(expected);
  });

  describe('equals what the common question would have given', () => {
    const scores = [0, 1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 10, 10].map(num).concat([num(null)]);
    const yesNoAnswers = ['oui', 'oui', 'non', 'nsp', 'oui', 'non', 'oui'].map((o) => opts(o)).concat([{ options: null, num: null }]);
    const minutesAnswers = [15, 30, 45, 60, 90, 90, 120].map(num);
    const cases: { name: string; rule: CrosswalkRule; target: TargetComputation; answers: AnswerValue[] }[] = [
      { name: '0–10 onto 1–5 (mean)', rule: cuts([2, 4, 6, 8]), target: mean, answers: scores },
      { name: '0–10 onto 1–5 (count)', rule: cuts([2, 4, 6, 8]), target: count, answers: scores },
      { name: 'yes/no onto agree (share)', rule: map({ oui: 'agree', non: OUTSIDE }), target: agree, answers: yesNoAnswers },
      { name: 'multiple choice onto agree (share)', rule: map({ caf: 'agree', cpam: 'strongly_agree', aucune: OUTSIDE }), target: agree, answers: [opts('caf', 'cpam'), opts('aucune'), opts('cpam'), opts()] },
      { name: 'minutes onto hours (mean)', rule: linear(1, 60, 0, 2), target: mean, answers: minutesAnswers },
    ];
    it.each(cases)('$name', ({ rule, target, answers }) => {
      const converted = answers.map((a) => convertAnswer(rule, a)).filter((a): a is AnswerValue => a !== null);
      const viaCrosswalk = crosswalkPartial(rule, target, group(answers));
      const collectedDirectly = directPartial(target, converted);
      expect(viaCrosswalk.n).toBe(collectedDirectly.n);
      expect(viaCrosswalk.hits).toBe(collectedDirectly.hits);
      expect(viaCrosswalk.sum).toBeCloseTo(collectedDirectly.sum, 9);
      expect(viaCrosswalk.sumSquares).toBeCloseTo(collectedDirectly.sumSquares, 9);
      expect(viaCrosswalk.organisations).toBe(collectedDirectly.organisations);
      expect(viaCrosswalk.n).toBeGreaterThan(0);
    });

    it('gives the hand-computed mean for 0–10 onto 1–5', () => {
      // 0,1,2,2 → 1 ×4; 3,4 → 2 ×2; 5,5,6 → 3 ×3; 7,8,8 → 4 ×3; 9,10,10,10 → 5 ×4.
      const p = crosswalkPartial(cuts([2, 4, 6, 8]), mean, group(scores));
      expect(p.n).toBe(16);
      expect(p.sum).toBe(4 + 4 + 9 + 12 + 20);
    });
  });
});

describe('mergeSameOrganisation', () => {
  it('adds the sums and counts the organisation once', () => {
    const direct: Partial = { n: 3, hits: 2, sum: 9, sumSquares: 29, organisations: 1 };
    const crosswalk: Partial = { n: 2, hits: 1, sum: 4, sumSquares: 8, organisations: 1 };
    expect(mergeSameOrganisation([direct, crosswalk])).toEqual({ n: 5, hits: 3, sum: 13, sumSquares: 37, organisations: 1 });
  });
  it('is an empty partial with no organisation when nothing was counted', () => {
    expect(mergeSameOrganisation([])).toEqual({ n: 0, hits: 0, sum: 0, sumSquares: 0, organisations: 0 });
  });
});
