import { describe, expect, it } from 'vitest';
import { checkAnswers, parseLocaleNumber, type QuestionRule } from './answers.ts';

const q = (id: string, type: QuestionRule['type'], extra: Partial<QuestionRule> = {}): QuestionRule => ({
  id,
  type,
  required: false,
  options: type === 'single' || type === 'multiple' ? [{ value: 'a' }, { value: 'b' }] : [],
  min: null,
  max: null,
  ...extra,
});

describe('parseLocaleNumber', () => {
  it.each([
    ['3', 3],
    ['3,5', 3.5],
    [' 3.5 ', 3.5],
    ['-2', -2],
    ['1 234', 1234],
    ['1\u202f234,5', 1234.5],
    ['.5', 0.5],
    ['', null],
    ['abc', null],
    ['3,5,1', null],
    ['1e5', null],
    ['Infinity', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseLocaleNumber(raw)).toBe(expected);
  });
});

describe('checkAnswers', () => {
  const questions = [q('s', 'single', { required: true }), q('m', 'multiple'), q('sc', 'scale'), q('n', 'number', { min: 0, max: 10 }), q('t', 'text')];

  it('accepts no answers when nothing is required', () => {
    expect(checkAnswers([q('x', 'text')], {})).toEqual({ ok: true, answers: [] });
  });

  it('accepts a complete, valid set and normalises each kind', () => {
    const r = checkAnswers(questions, { s: 'a', m: ['a', 'b', 'a'], sc: 4, n: '2,5', t: '  bonjour  ' });
    expect(r).toEqual({
      ok: true,
      answers: [
        { questionId: 's', options: ['a'], num: null, text: null },
        { questionId: 'm', options: ['a', 'b'], num: null, text: null },
        { questionId: 'sc', options: null, num: 4, text: null },
        { questionId: 'n', options: null, num: 2.5, text: null },
        { questionId: 't', options: null, num: null, text: 'bonjour' },
      ],
    });
  });

  it.each([
    ['required missing', { m: ['a'] }, 's', 'required'],
    ['required blank', { s: '   ' }, 's', 'required'],
    ['unknown option', { s: 'z' }, 's', 'unknown_option'],
    ['unknown option in a multiple', { s: 'a', m: ['a', 'z'] }, 'm', 'unknown_option'],
    ['number as a choice', { s: 3 }, 's', 'wrong_type'],
    ['scale above 5', { s: 'a', sc: 6 }, 'sc', 'out_of_range'],
    ['scale below 1', { s: 'a', sc: 0 }, 'sc', 'out_of_range'],
    ['scale not whole', { s: 'a', sc: 2.5 }, 'sc', 'out_of_range'],
    ['number above max', { s: 'a', n: 11 }, 'n', 'out_of_range'],
    ['number as words', { s: 'a', n: 'dix' }, 'n', 'not_a_number'],
    ['text as number', { s: 'a', t: 5 }, 't', 'wrong_type'],
    ['text too long', { s: 'a', t: 'x'.repeat(5001) }, 't', 'too_long'],
    ['unknown question', { s: 'a', zz: 'a' }, 'zz', 'unknown_question'],
  ])('refuses %s', (_label, raw, questionId, code) => {
    const r = checkAnswers(questions, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual(expect.objectContaining({ questionId, code }));
  });

  it('reports every error at once, not only the first', () => {
    const r = checkAnswers(questions, { sc: 9, n: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.questionId).sort()).toEqual(['n', 's', 'sc']);
  });

  it('treats a one-element list as a single choice (form posts) and an empty multiple as no answer', () => {
    expect(checkAnswers([q('s', 'single')], { s: ['b'] })).toEqual({ ok: true, answers: [{ questionId: 's', options: ['b'], num: null, text: null }] });
    expect(checkAnswers([q('m', 'multiple')], { m: [] })).toEqual({ ok: true, answers: [] });
    expect(checkAnswers([q('m', 'multiple', { required: true })], { m: [''] }).ok).toBe(false);
  });

  it('uses a scale’s own bounds when it has them', () => {
    expect(checkAnswers([q('sc', 'scale', { min: 0, max: 10 })], { sc: 10 }).ok).toBe(true);
    expect(checkAnswers([q('sc', 'scale', { min: 0, max: 10 })], { sc: 11 }).ok).toBe(false);
  });
});
