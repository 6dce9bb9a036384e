import { describe, expect, it } from 'vitest';
import { movePage, pageContent, rawAnswer, rawAnswers, sectionsToShow, type FieldValue, type FlowQuestion } from './form-flow.ts';

const yesNo = [{ value: 'oui' }, { value: 'non' }];
const fq = (id: string, section: number, extra: Partial<FlowQuestion> = {}): FlowQuestion => ({ id, key: id, section, type: 'single', required: false, options: yesNo, min: null, max: null, ...extra });

// Page 0: children? and, on the same page, how many (only if yes).
// Page 1: about the children (only if yes). Page 2: for everyone.
const questions = [
  fq('children', 0, { required: true }),
  fq('how_many', 0, { type: 'number', options: [], showIf: { question: 'children', op: 'equals', value: 'oui' } }),
  fq('school', 1, { showIf: { question: 'children', op: 'equals', value: 'oui' } }),
  fq('care', 1, { type: 'text', options: [], showIf: { question: 'children', op: 'equals', value: 'oui' } }),
  fq('mood', 2, { type: 'scale', options: [], min: 1, max: 5 }),
];
const yes: Record<string, FieldValue> = { children: ['oui'] };
const no: Record<string, FieldValue> = { children: ['non'] };

describe('pageContent', () => {
  it('shows a question that depends on its own page, with its condition', () => {
    const page = pageContent(questions, 0, {});
    expect(page.shown.map((q) => q.id)).toEqual(['children', 'how_many']);
    expect([...page.conditional]).toEqual(['how_many']);
  });
  it('shows or leaves out questions that depend on earlier pages', () => {
    expect(pageContent(questions, 1, yes).shown.map((q) => q.id)).toEqual(['school', 'care']);
    expect(pageContent(questions, 1, no).shown).toEqual([]);
    expect(pageContent(questions, 1, {}).shown).toEqual([]);
    expect(pageContent(questions, 1, yes).conditional.size).toBe(0);
  });
});

describe('sectionsToShow and movePage', () => {
  it.each([
    ['yes: every page', yes, [0, 1, 2]],
    ['no: the children page is skipped', no, [0, 2]],
  ] as const)('%s', (_name, values, pages) => {
    expect(sectionsToShow(questions, 3, values)).toEqual(pages);
  });
  it('moves forward and back over skipped pages', () => {
    expect(movePage(questions, 3, 0, no, 1)).toBe(2);
    expect(movePage(questions, 3, 2, no, -1)).toBe(0);
    expect(movePage(questions, 3, 0, yes, 1)).toBe(1);
    expect(movePage(questions, 3, 2, yes, 1)).toBeNull();
    expect(movePage(questions, 3, 0, yes, -1)).toBeNull();
  });
  it('treats a questionnaire without sections as one page', () => {
    const flat = [fq('a', 0), fq('b', 0)];
    expect(sectionsToShow(flat, 0, {})).toEqual([0]);
    expect(movePage(flat, 0, 0, {}, 1)).toBeNull();
  });
});

describe('rawAnswer', () => {
  it.each([
    ['single takes the first value', fq('x', 0), ['oui'], 'oui'],
    ['multiple keeps the list', fq('x', 0, { type: 'multiple' }), ['a', 'b'], ['a', 'b']],
    ['a number is text to parse', fq('x', 0, { type: 'number' }), ['3,5'], '3,5'],
    ['a ranking keeps its ranks', fq('x', 0, { type: 'ranking' }), { a: '2', b: '1' }, { a: '2', b: '1' }],
    ['a grid sent as a plain list is empty', fq('x', 0, { type: 'grid' }), ['1'], {}],
    ['nothing sent', fq('x', 0), undefined, undefined],
  ] as const)('%s', (_name, q, value, expected) => {
    expect(rawAnswer(q, value as FieldValue | undefined)).toEqual(expected);
  });
  it('leaves out unsent questions', () => {
    expect(rawAnswers(questions, { children: ['oui'] })).toEqual({ children: 'oui' });
  });
});
