import { describe, expect, it } from 'vitest';
import { checkCondition, conditionKeys, describeCondition, evaluateCondition, type Condition, type KnownAnswer } from './conditions.ts';

const answers = new Map<string, KnownAnswer>([
  ['sex', { options: ['f'], num: null, text: null }],
  ['age', { options: null, num: 34, text: null }],
  ['needs', { options: ['food', 'housing'], num: null, text: null }],
  ['born', { options: null, num: null, text: '1990-05-01' }],
  ['mood', { options: ['3'], num: null, text: null }],
]);

describe('evaluateCondition', () => {
  const cases: [string, Condition, boolean][] = [
    ['equals a choice', { question: 'sex', op: 'equals', value: 'f' }, true],
    ['equals another choice', { question: 'sex', op: 'equals', value: 'm' }, false],
    ['not equals', { question: 'sex', op: 'notEquals', value: 'm' }, true],
    ['equals a number given as text', { question: 'age', op: 'equals', value: '34' }, true],
    ['multiple choice includes', { question: 'needs', op: 'includes', value: 'housing' }, true],
    ['multiple choice does not include', { question: 'needs', op: 'includes', value: 'health' }, false],
    ['equals on a multiple choice with two answers', { question: 'needs', op: 'equals', value: 'food' }, false],
    ['at least', { question: 'age', op: 'gte', value: 34 }, true],
    ['more than', { question: 'age', op: 'gt', value: 34 }, false],
    ['less than', { question: 'age', op: 'lt', value: 18 }, false],
    ['at most', { question: 'age', op: 'lte', value: 34 }, true],
    ['a choice read as a number', { question: 'mood', op: 'lte', value: 3 }, true],
    ['a date before another', { question: 'born', op: 'lt', value: '2000-01-01' }, true],
    ['a date after another', { question: 'born', op: 'gt', value: '2000-01-01' }, false],
    ['answered', { question: 'age', op: 'answered' }, true],
    ['not answered, when answered', { question: 'age', op: 'notAnswered' }, false],
    ['a question with no answer is not equal to anything', { question: 'missing', op: 'notEquals', value: 'x' }, false],
    ['a question with no answer is not answered', { question: 'missing', op: 'notAnswered' }, true],
    ['a comparison with a word', { question: 'age', op: 'gt', value: 'douze' }, false],
    ['all', { all: [{ question: 'sex', op: 'equals', value: 'f' }, { question: 'age', op: 'gte', value: 18 }] }, true],
    ['all with one false', { all: [{ question: 'sex', op: 'equals', value: 'f' }, { question: 'age', op: 'lt', value: 18 }] }, false],
    ['any', { any: [{ question: 'sex', op: 'equals', value: 'm' }, { question: 'age', op: 'gte', value: 18 }] }, true],
    ['not', { not: { question: 'sex', op: 'equals', value: 'f' } }, false],
  ];
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });
});

describe('checkCondition', () => {
  const earlier = new Map<string, readonly string[] | null>([
    ['sex', ['f', 'm']],
    ['age', null],
  ]);
  const later = new Set(['self', 'after']);
  const cases: [string, Condition, string[]][] = [
    ['a valid choice', { question: 'sex', op: 'equals', value: 'f' }, []],
    ['a choice that does not exist', { question: 'sex', op: 'equals', value: 'x' }, ['unknown_option']],
    ['a number comparison', { question: 'age', op: 'gte', value: 18 }, []],
    ['no value', { question: 'age', op: 'gte' }, ['missing_value']],
    ['answered needs no value', { question: 'age', op: 'answered' }, []],
    ['a later question', { question: 'after', op: 'answered' }, ['later_question']],
    ['itself', { question: 'self', op: 'answered' }, ['later_question']],
    ['an unknown question', { question: 'ghost', op: 'answered' }, ['unknown_question']],
    ['an empty group', { all: [] }, ['empty_group']],
    ['problems inside groups', { any: [{ question: 'ghost', op: 'answered' }, { not: { question: 'sex', op: 'equals', value: 'x' } }] }, ['unknown_question', 'unknown_option']],
  ];
  it.each(cases)('%s', (_name, condition, codes) => {
    expect(checkCondition(condition, earlier, later).map((p) => p.code)).toEqual(codes);
  });
  it('refuses conditions nested too deeply', () => {
    let c: Condition = { question: 'age', op: 'answered' };
    for (let i = 0; i < 10; i++) c = { not: c };
    expect(checkCondition(c, earlier, later).map((p) => p.code)).toEqual(['too_deep']);
  });
});

describe('describeCondition and conditionKeys', () => {
  const c: Condition = { all: [{ question: 'sex', op: 'equals', value: 'f' }, { any: [{ question: 'age', op: 'gte', value: 18 }, { question: 'needs', op: 'answered' }] }] };
  it('says the condition in words', () => {
    const name = (k: string) => `Q(${k})`;
    expect(describeCondition(c, 'fr', name, (_k, v) => (v === 'f' ? 'Femme' : String(v)))).toBe('Q(sex) est « Femme » et (Q(age) est au moins « 18 » ou Q(needs) a une réponse)');
    expect(describeCondition({ not: { question: 'sex', op: 'equals', value: 'f' } }, 'en', name)).toBe('not Q(sex) is “f”');
  });
  it('lists the questions read', () => {
    expect(conditionKeys(c)).toEqual(['sex', 'age', 'needs']);
  });
});
