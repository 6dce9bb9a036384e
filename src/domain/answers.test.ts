import { describe, expect, it } from 'vitest';
import { checkAnswers, parseLocaleDate, parseLocaleNumber, visibleQuestionIds, type QuestionRule } from './answers.ts';

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

describe('parseLocaleDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['31/03/2026', '2026-03-31'],
    ['1/3/2026', '2026-03-01'],
    ['01.03.2026', '2026-03-01'],
    [' 2026-3-1 ', '2026-03-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2026', null],
    ['31/02/2026', null],
    ['2026-13-01', null],
    ['00/01/2026', null],
    ['03/31/2026', null],
    ['2026/03/31', null],
    ['', null],
    ['hier', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseLocaleDate(raw)).toBe(expected);
  });
});

describe('checkAnswers with dates, rankings, grids and faces', () => {
  const opts = [{ value: 'a' }, { value: 'b' }, { value: 'c' }];
  const rank = q('r', 'ranking', { options: opts });
  const grid = q('g', 'grid', { options: [{ value: '1' }, { value: '2' }, { value: '3' }], items: [{ value: 'sleep' }, { value: 'food' }] });
  const cases: [string, QuestionRule, unknown, { ok: true; stored: unknown } | { ok: false; code: string }][] = [
    ['date in French form', q('d', 'date'), '05/11/2026', { ok: true, stored: { text: '2026-11-05' } }],
    ['date ISO', q('d', 'date'), '2026-11-05', { ok: true, stored: { text: '2026-11-05' } }],
    ['impossible date', q('d', 'date'), '30/02/2026', { ok: false, code: 'not_a_date' }],
    ['date too far', q('d', 'date'), '01/01/2300', { ok: false, code: 'out_of_range' }],
    ['date as a number', q('d', 'date'), 20261105, { ok: false, code: 'wrong_type' }],
    ['ranking in order', rank, ['c', 'a', 'b'], { ok: true, stored: { options: ['c', 'a', 'b'] } }],
    ['ranking by rank (form)', rank, { a: '2', b: '3', c: '1' }, { ok: true, stored: { options: ['c', 'a', 'b'] } }],
    ['partial ranking', rank, { a: '', b: '1', c: '' }, { ok: true, stored: { options: ['b'] } }],
    ['two choices with one rank', rank, { a: '1', b: '1', c: '2' }, { ok: false, code: 'duplicate_rank' }],
    ['a choice twice', rank, ['a', 'a'], { ok: false, code: 'duplicate_rank' }],
    ['rank beyond the list', rank, { a: '4' }, { ok: false, code: 'wrong_type' }],
    ['unknown ranked choice', rank, ['z'], { ok: false, code: 'unknown_option' }],
    ['required ranking must be whole', { ...rank, required: true }, ['a', 'b'], { ok: false, code: 'required' }],
    ['grid', grid, { sleep: '3', food: '1' }, { ok: true, stored: { options: ['sleep=3', 'food=1'] } }],
    ['grid kept in row order', grid, { food: '2', sleep: '1' }, { ok: true, stored: { options: ['sleep=1', 'food=2'] } }],
    ['grid with one row left', grid, { sleep: '2', food: '' }, { ok: true, stored: { options: ['sleep=2'] } }],
    ['required grid with a row left', { ...grid, required: true }, { sleep: '2' }, { ok: false, code: 'required' }],
    ['grid unknown row', grid, { dream: '2' }, { ok: false, code: 'unknown_option' }],
    ['grid unknown value', grid, { sleep: '9' }, { ok: false, code: 'unknown_option' }],
    ['grid sent as a list', grid, ['1', '2'], { ok: false, code: 'wrong_type' }],
    ['faces', q('f', 'faces', { min: 1, max: 5 }), '4', { ok: true, stored: { num: 4 } }],
    ['faces out of range', q('f', 'faces', { min: 1, max: 3 }), 4, { ok: false, code: 'out_of_range' }],
    ['faces between two', q('f', 'faces', { min: 1, max: 5 }), 2.5, { ok: false, code: 'out_of_range' }],
  ];
  it.each(cases)('%s', (_name, question, raw, expected) => {
    const result = checkAnswers([question], { [question.id]: raw });
    if (expected.ok) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.answers[0]).toMatchObject(expected.stored as object);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual([expected.code]);
    }
  });
});

describe('checkAnswers with conditions', () => {
  const smoker = q('s', 'single', { key: 'smoker', required: true, options: [{ value: 'yes' }, { value: 'no' }] });
  const howMany = q('n', 'number', { key: 'how_many', required: true, showIf: { question: 'smoker', op: 'equals', value: 'yes' } });
  const quit = q('t', 'text', { key: 'quit', showIf: { question: 'how_many', op: 'gte', value: 10 } });
  const qs = [smoker, howMany, quit];

  it('requires a shown question', () => {
    const r = checkAnswers(qs, { s: 'yes' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.questionId, e.code])).toEqual([['n', 'required']]);
  });
  it('neither requires nor stores a hidden question', () => {
    expect(checkAnswers(qs, { s: 'no', n: '20', t: 'x' })).toEqual({ ok: true, answers: [{ questionId: 's', options: ['no'], num: null, text: null }] });
  });
  it('hides what follows a hidden question (a chain)', () => {
    expect(visibleQuestionIds(qs, { s: 'no', n: '20' })).toEqual(new Set(['s']));
    expect(visibleQuestionIds(qs, { s: 'yes', n: '20' })).toEqual(new Set(['s', 'n', 't']));
    expect(visibleQuestionIds(qs, { s: 'yes', n: '5' })).toEqual(new Set(['s', 'n']));
  });
  it('reads only valid answers: an invalid number shows nothing that depends on it', () => {
    expect(visibleQuestionIds(qs, { s: 'yes', n: 'douze' })).toEqual(new Set(['s', 'n']));
  });
});
