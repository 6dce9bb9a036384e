import { describe, expect, it } from 'vitest';
import { languageCode, toKey, toValue } from './names.ts';

describe('toKey', () => {
  it.each<[string, string[], string]>([
    ['age', [], 'age'],
    ['Q1_Age', [], 'q1_age'],
    ['Âge du répondant', [], 'age_du_repondant'],
    ['1ere_visite', [], 'q_1ere_visite'],
    ['_private', [], 'q__private'],
    ['a-b.c', [], 'a_b_c'],
    ['age', ['age'], 'age_2'],
    ['age', ['age', 'age_2'], 'age_3'],
    ['x'.repeat(50), [], 'x'.repeat(40)],
    ['x'.repeat(50), ['x'.repeat(40)], `${'x'.repeat(38)}_2`],
    ['', [], 'q7'],
    ['été', [], 'ete'],
    ['مرحبا', [], 'q7'],
  ])('%s (taken %j) → %s', (name, taken, expected) => {
    const key = toKey(name, new Set(taken), 'q7');
    expect(key).toBe(expected);
    expect(key).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
  });
});

describe('toValue', () => {
  it.each<[string, string[], string]>([
    ['yes', [], 'yes'],
    ['Yes', [], 'yes'],
    ['1', [], '1'],
    ['très bien', [], 'tres_bien'],
    ['yes', ['yes'], 'yes_2'],
    ['', [], 'choix_3'],
    ['!!!', [], 'choix_3'],
    ['a'.repeat(70), [], 'a'.repeat(60)],
  ])('%s (taken %j) → %s', (name, taken, expected) => {
    const value = toValue(name, new Set(taken), 'choix_3');
    expect(value).toBe(expected);
    expect(value).toMatch(/^[a-z0-9_]{1,60}$/);
  });
});

describe('languageCode', () => {
  it.each<[string, string | null]>([
    ['French (fr)', 'fr'],
    ['Français (fr)', 'fr'],
    ['English (en)', 'en'],
    ['Arabic (ar)', 'ar'],
    ['Portuguese (pt-BR)', 'pt'],
    ['Ma langue (xyz)', 'xyz'],
    ['French', 'fr'],
    ['Francais', 'fr'],
    ['english', 'en'],
    ['Anglais', 'en'],
    ['Español', 'es'],
    ['Haitian Creole', 'ht'],
    ['العربية', 'ar'],
    ['fr', 'fr'],
    ['EN', 'en'],
    ['pt_BR', 'pt'],
    ['Klingon', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    expect(languageCode(text)).toBe(expected);
  });
});
