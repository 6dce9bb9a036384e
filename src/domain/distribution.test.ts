import { describe, expect, it } from 'vitest';
import { compareWithMembers, quantile, quartiles, rankAmong, type MemberFigure } from './distribution.ts';

describe('quantile (type 7, linear interpolation)', () => {
  it.each([
    { values: [1, 2, 3, 4], p: 0.25, expected: 1.75 },
    { values: [1, 2, 3, 4], p: 0.5, expected: 2.5 },
    { values: [1, 2, 3, 4], p: 0.75, expected: 3.25 },
    { values: [1, 2, 3, 4], p: 0, expected: 1 },
    { values: [1, 2, 3, 4], p: 1, expected: 4 },
    { values: [10], p: 0.25, expected: 10 },
    { values: [10, 20], p: 0.5, expected: 15 },
  ])('$values at $p → $expected', ({ values, p, expected }) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 12);
  });

  it('refuses no values and a p outside 0–1', () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('quartiles', () => {
  it.each([
    { name: 'no members', values: [], expected: null },
    { name: 'one member', values: [0.7], expected: { q1: 0.7, median: 0.7, q3: 0.7 } },
    { name: 'odd count: order statistics', values: [5, 1, 4, 2, 3], expected: { q1: 2, median: 3, q3: 4 } },
    { name: 'even count: interpolated', values: [0.9, 0.2, 0.5, 0.7, 0.4, 0.5], expected: { q1: 0.425, median: 0.5, q3: 0.65 } },
    { name: 'three values, unsorted', values: [3, 1, 2], expected: { q1: 1.5, median: 2, q3: 2.5 } },
    { name: 'all tied', values: [5, 5, 5, 5], expected: { q1: 5, median: 5, q3: 5 } },
    { name: 'missing values left out', values: [null, 4, 2, null], expected: { q1: 2.5, median: 3, q3: 3.5 } },
    { name: 'only missing values', values: [null, null], expected: null },
    { name: 'not-a-number left out', values: [Number.NaN, 1, 3], expected: { q1: 1.5, median: 2, q3: 2.5 } },
  ])('$name', ({ values, expected }) => {
    const q = quartiles(values);
    if (expected === null) return expect(q).toBeNull();
    expect(q!.q1).toBeCloseTo(expected.q1, 12);
    expect(q!.median).toBeCloseTo(expected.median, 12);
    expect(q!.q3).toBeCloseTo(expected.q3, 12);
  });
});

describe('rankAmong', () => {
  const values = [0.9, 0.7, 0.5, 0.5, 0.4, 0.2];
  it.each([
    { own: 0.9, polarity: 'higher_is_better', expected: { rank: 1, of: 6, tied: false } },
    { own: 0.5, polarity: 'higher_is_better', expected: { rank: 3, of: 6, tied: true } },
    { own: 0.2, polarity: 'higher_is_better', expected: { rank: 6, of: 6, tied: false } },
    { own: 0.9, polarity: 'lower_is_better', expected: { rank: 6, of: 6, tied: false } },
    { own: 0.5, polarity: 'lower_is_better', expected: { rank: 3, of: 6, tied: true } },
    { own: 0.2, polarity: 'lower_is_better', expected: { rank: 1, of: 6, tied: false } },
    { own: 0.5, polarity: 'neutral', expected: null },
  ] as const)('$own, $polarity → $expected', ({ own, polarity, expected }) => {
    expect(rankAmong(own, values, polarity)).toEqual(expected);
  });

  it('ranks a lone value first', () => {
    expect(rankAmong(3, [3], 'lower_is_better')).toEqual({ rank: 1, of: 1, tied: false });
  });

  it('ties values equal but for floating-point noise', () => {
    expect(rankAmong(0.3, [0.1 + 0.2, 0.3, 0.1], 'higher_is_better')).toEqual({ rank: 1, of: 3, tied: true });
    expect(rankAmong(3 / 6, [5 / 10, 4 / 8, 0.6], 'higher_is_better')).toEqual({ rank: 2, of: 3, tied: true });
  });

  it('everyone tied shares the first rank', () => {
    expect(rankAmong(2, [2, 2, 2, 2, 2], 'higher_is_better')).toEqual({ rank: 1, of: 5, tied: true });
  });
});

describe('compareWithMembers', () => {
  const member = (organisationId: string, value: number | null, n: number): MemberFigure => ({ organisationId, value, n });
  // Six members with 5 or more answers, hand-computed: sorted 0.2 0.4 0.5 0.5 0.7 0.9.
  const six = [member('a', 0.9, 10), member('b', 0.7, 8), member('c', 0.5, 6), member('d', 0.5, 20), member('e', 0.4, 5), member('f', 0.2, 7)];

  it('shows the quartiles and the organisation’s own rank', () => {
    const out = compareWithMembers(six, 'b', 'higher_is_better', 5);
    expect(out).toMatchObject({ shown: true, median: 0.5, members: 6, rank: { rank: 2, of: 6, tied: false }, rankWithheld: null });
    if (!out.shown) throw new Error('shown expected');
    expect(out.q1).toBeCloseTo(0.425, 12);
    expect(out.q3).toBeCloseTo(0.65, 12);
    expect(compareWithMembers(six, 'b', 'lower_is_better', 5)).toMatchObject({ rank: { rank: 5, of: 6, tied: false } });
    expect(compareWithMembers(six, 'c', 'lower_is_better', 5)).toMatchObject({ rank: { rank: 3, of: 6, tied: true } });
  });

  it('never gives out a member’s value, the lowest or the highest', () => {
    const out = compareWithMembers(six, 'a', 'higher_is_better', 5);
    expect(Object.keys(out).sort()).toEqual(['median', 'members', 'q1', 'q3', 'rank', 'rankWithheld', 'shown']);
    expect(JSON.stringify(out)).not.toMatch(/0\.9|0\.2\b/);
  });

  it.each([
    { name: 'no members', members: [], expected: 0 },
    { name: 'one member', members: [member('a', 0.5, 50)], expected: 1 },
    { name: 'four members with enough answers', members: six.slice(0, 4), expected: 4 },
    { name: 'six members, two of them under the threshold', members: [...six.slice(0, 4), member('e', 0.4, 4), member('f', 0.2, 1)], expected: 4 },
    { name: 'members without answers', members: [...six.slice(0, 4), member('e', null, 0), member('f', null, 0)], expected: 4 },
  ])('hides the distribution with fewer than 5 members compared: $name', ({ members, expected }) => {
    expect(compareWithMembers(members, 'a', 'higher_is_better', 5)).toEqual({ shown: false, reason: 'too_few_members', membersWithEnoughAnswers: expected, minimumMembers: 5, threshold: 5 });
  });

  it('follows the collective’s threshold: more answers needed, fewer members compared', () => {
    expect(compareWithMembers(six, 'a', 'higher_is_better', 7)).toMatchObject({ shown: false, membersWithEnoughAnswers: 4, threshold: 7 });
    expect(compareWithMembers(six, 'a', 'higher_is_better', 1)).toMatchObject({ shown: true, members: 6 });
  });

  it('leaves out a member under the threshold and ranks among the others', () => {
    const members = [...six, member('g', 1, 2)];
    expect(compareWithMembers(members, 'a', 'higher_is_better', 5)).toMatchObject({ shown: true, members: 6, rank: { rank: 1, of: 6 } });
  });

  it('shows the distribution but no rank to an organisation with too few answers of its own', () => {
    const members = [...six, member('me', 0.95, 3)];
    expect(compareWithMembers(members, 'me', 'higher_is_better', 5)).toMatchObject({ shown: true, members: 6, rank: null, rankWithheld: 'own_too_few_answers' });
    expect(compareWithMembers(six, 'nobody', 'higher_is_better', 5)).toMatchObject({ shown: true, rank: null, rankWithheld: 'own_too_few_answers' });
  });

  it('gives no rank on a neutral indicator', () => {
    expect(compareWithMembers(six, 'a', 'neutral', 5)).toMatchObject({ shown: true, rank: null, rankWithheld: 'no_direction' });
  });

  it('accepts another minimum of members', () => {
    expect(compareWithMembers(six.slice(0, 3), 'a', 'higher_is_better', 5, 3)).toMatchObject({ shown: true, members: 3, median: 0.7 });
  });

  it('refuses a threshold or minimum that is not a positive integer', () => {
    expect(() => compareWithMembers(six, 'a', 'higher_is_better', 0)).toThrow(RangeError);
    expect(() => compareWithMembers(six, 'a', 'higher_is_better', 2.5)).toThrow(RangeError);
    expect(() => compareWithMembers(six, 'a', 'higher_is_better', 5, 0)).toThrow(RangeError);
  });
});
