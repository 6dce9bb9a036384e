import { describe, expect, it } from 'vitest';
import { relevantToCondition, type KnownQuestion, type Resolution } from './conditions.ts';
import { parseBounds, parseExpression } from './expressions.ts';
import type { XlsFormCondition } from './types.ts';
import { evaluateCondition, type KnownAnswer } from '../conditions.ts';

const known: Record<string, KnownQuestion> = {
  sexe: { key: 'sexe', kind: 'choice', values: new Map([['F', 'f'], ['H', 'h'], ['Autre genre', 'autre_genre']]) },
  aides: { key: 'aides', kind: 'multiChoice', values: new Map([['logement', 'logement'], ['emploi', 'emploi']]) },
  age: { key: 'age', kind: 'numeric' },
  nom: { key: 'nom', kind: 'text' },
  arrivee: { key: 'arrivee', kind: 'date' },
  Q_1: { key: 'q_1', kind: 'numeric' },
};
const resolve = (name: string): Resolution => known[name] ?? (name === 'plus_tard' ? 'later' : name === 'calcul' ? 'dropped' : 'unknown');

describe('relevantToCondition: carried over', () => {
  it.each<[string, XlsFormCondition]>([
    ["${sexe} = 'F'", { question: 'sexe', op: 'equals', value: 'f' }],
    ['${sexe}="F"', { question: 'sexe', op: 'equals', value: 'f' }],
    ["${sexe} != 'H'", { any: [{ question: 'sexe', op: 'notEquals', value: 'h' }, { question: 'sexe', op: 'notAnswered' }] }],
    ["${sexe} = 'Autre genre'", { question: 'sexe', op: 'equals', value: 'autre_genre' }],
    ['${sexe} = ‘F’', { question: 'sexe', op: 'equals', value: 'f' }],
    ['${age} > 3', { question: 'age', op: 'gt', value: 3 }],
    ['${age} >= 18', { question: 'age', op: 'gte', value: 18 }],
    ['${age} < 2.5', { question: 'age', op: 'lt', value: 2.5 }],
    ['${age} <= -1', { question: 'age', op: 'lte', value: -1 }],
    ["${age} = '12'", { question: 'age', op: 'equals', value: 12 }],
    ['18 <= ${age}', { question: 'age', op: 'gte', value: 18 }],
    ['3 > ${age}', { question: 'age', op: 'lt', value: 3 }],
    ['${Q_1} > 0', { question: 'q_1', op: 'gt', value: 0 }],
    ["selected(${aides}, 'emploi')", { question: 'aides', op: 'includes', value: 'emploi' }],
    ["selected( ${sexe} , 'F' )", { question: 'sexe', op: 'equals', value: 'f' }],
    ["${aides} = 'logement'", { question: 'aides', op: 'includes', value: 'logement' }],
    ["${aides} != 'logement'", { not: { question: 'aides', op: 'includes', value: 'logement' } }],
    ["${nom} != ''", { question: 'nom', op: 'answered' }],
    ["${nom} = ''", { question: 'nom', op: 'notAnswered' }],
    ["${sexe} != ''", { question: 'sexe', op: 'answered' }],
    ["${nom} = 'Dupont'", { question: 'nom', op: 'equals', value: 'Dupont' }],
    ['count-selected(${aides}) > 0', { question: 'aides', op: 'answered' }],
    ['count-selected(${aides}) >= 1', { question: 'aides', op: 'answered' }],
    ['count-selected(${aides}) = 0', { question: 'aides', op: 'notAnswered' }],
    ['string-length(${nom}) > 0', { question: 'nom', op: 'answered' }],
    ["${arrivee} >= '2024-01-01'", { question: 'arrivee', op: 'gte', value: '2024-01-01' }],
    ["not(selected(${aides}, 'emploi'))", { not: { question: 'aides', op: 'includes', value: 'emploi' } }],
    [
      "${sexe} = 'F' and ${age} >= 18",
      { all: [{ question: 'sexe', op: 'equals', value: 'f' }, { question: 'age', op: 'gte', value: 18 }] },
    ],
    [
      "${sexe} = 'F' or ${sexe} = 'H' or ${age} > 1",
      { any: [{ question: 'sexe', op: 'equals', value: 'f' }, { question: 'sexe', op: 'equals', value: 'h' }, { question: 'age', op: 'gt', value: 1 }] },
    ],
    [
      "(${sexe} = 'F' or ${age} < 3) and not(${nom} = '')",
      {
        all: [
          { any: [{ question: 'sexe', op: 'equals', value: 'f' }, { question: 'age', op: 'lt', value: 3 }] },
          { not: { question: 'nom', op: 'notAnswered' } },
        ],
      },
    ],
    // "and" binds tighter than "or", as in XPath.
    [
      '${age} > 1 or ${age} < 5 and ${age} != 3',
      { any: [{ question: 'age', op: 'gt', value: 1 }, { all: [{ question: 'age', op: 'lt', value: 5 }, { any: [{ question: 'age', op: 'notEquals', value: 3 }, { question: 'age', op: 'notAnswered' }] }] }] },
    ],
  ])('%s', (source, expected) => {
    expect(relevantToCondition(source, resolve)).toEqual({ ok: true, condition: expected });
  });
});

describe('relevantToCondition: reported', () => {
  it.each<[string, string]>([
    ["${plus_tard} = 'x'", 'posée plus loin'],
    ['${calcul} > 2', 'pas été reprise'],
    ["${inconnue} = 'x'", 'n’existe pas'],
    ["${sexe} = 'Z'", 'n’est pas un choix'],
    ["${sexe} > 'F'", 'seules = et !='],
    ["${nom} > 'a'", 'seules = et !='],
    ["${age} > 'beaucoup'", 'comparé à un texte'],
    ["${arrivee} > 'hier'", 'date'],
    ["selected(${age}, '1')", 'pas une question à choix'],
    ["selected(${sexe})", 'selected()'],
    ['count-selected(${aides}) > 2', 'compte'],
    ["${sexe} > ''", 'texte vide'],
    ["today() > '2024-01-01'", 'seules des comparaisons'],
    ["position(..) = 1", 'pas d’une forme'],
    ["${age} + 1 > 3", 'pas d’une forme'],
    ["${sexe} = 'F' and", 'pas d’une forme'],
    ["(${sexe} = 'F'", 'pas d’une forme'],
    ["${sexe} = 'F", 'pas d’une forme'],
    ['${age}', 'seules des comparaisons'],
    ['${age} = ${Q_1}', 'seules des comparaisons'],
    ["jr:choice-name(${sexe}, '${sexe}') = 'F'", 'seules des comparaisons'],
    ['', 'pas d’une forme'],
    ["${sexe = 'F'", 'pas d’une forme'],
    [Array.from({ length: 21 }, (_, i) => `\${age} = ${i}`).join(' or '), 'trop imbriquée ou trop longue'],
    ['not(not(not(not(not(not(not(${age} = 1)))))))', 'trop imbriquée ou trop longue'],
    [`\${nom} = '${'x'.repeat(101)}'`, 'trop imbriquée ou trop longue'],
  ])('%s', (source, fragment) => {
    const result = relevantToCondition(source, resolve);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fr).toContain(fragment);
      expect(result.en.length).toBeGreaterThan(10);
    }
  });
});

describe('parseExpression', () => {
  it('reads negative numbers only where a number may start', () => {
    expect(parseExpression('${a} > -2')).toEqual({ kind: 'cmp', op: '>', left: { kind: 'ref', name: 'a' }, right: { kind: 'num', value: -2 } });
  });
  it('refuses text after a complete expression', () => {
    expect(() => parseExpression("${a} = 'x' 'y'")).toThrow();
  });
});

describe('parseBounds', () => {
  it.each<[string, boolean, ReturnType<typeof parseBounds>]>([
    ['. >= 0 and . <= 120', true, { min: 0, max: 120, exact: true }],
    ['.>=0 and .<=120', true, { min: 0, max: 120, exact: true }],
    ['(. >= 1) and (. <= 5)', true, { min: 1, max: 5, exact: true }],
    ['. > 0', true, { min: 1, exact: true }],
    ['. < 100', true, { max: 99, exact: true }],
    ['. > 0', false, { min: 0, exact: false }],
    ['0 <= .', false, { min: 0, exact: true }],
    ['. <= 10.5', false, { max: 10.5, exact: true }],
    ['. >= 18 and . >= 21', true, { min: 21, exact: true }],
    ['. != 0', true, null],
    ['. >= 0 or . <= 10', true, null],
    ['. >= ${autre}', true, null],
    ["regex(., '^[0-9]+$')", true, null],
    ['', true, null],
  ])('%s (integer: %s)', (source, integer, expected) => {
    expect(parseBounds(source, integer)).toEqual(expected);
  });
});

describe('converted conditions behave as in ODK when the question read is unanswered', () => {
  const none = new Map<string, KnownAnswer>();
  const answered = (k: string, a: KnownAnswer) => new Map([[k, a]]);
  it.each<[string, ReadonlyMap<string, KnownAnswer>, boolean]>([
    // "" != 'H' is true in ODK: the question shows.
    ["${sexe} != 'H'", none, true],
    ["${sexe} != 'H'", answered('sexe', { options: ['h'], num: null, text: null }), false],
    ["${sexe} != 'H'", answered('sexe', { options: ['f'], num: null, text: null }), true],
    ["${sexe} = 'H'", none, false],
    ['${age} != 3', none, true],
    ['${age} > 18', none, false],
    ["not(selected(${aides}, 'emploi'))", none, true],
  ])('%s', (source, answers, shown) => {
    const converted = relevantToCondition(source, resolve);
    if (!converted.ok) throw new Error(converted.en);
    expect(evaluateCondition(converted.condition, answers)).toBe(shown);
  });
});
