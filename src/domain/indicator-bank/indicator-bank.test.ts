import { describe, expect, it } from 'vitest';
import { INDICATOR_BANK, normalizeForSearch, searchBank, unitInEnglish } from './index.ts';
import { bankSectors, childProtectionDimensions, type BankEntry } from './types.ts';

const bank = INDICATOR_BANK;
const optionValue = /^[a-z0-9_]+$/;
const idPattern = /^(pe|cp|aw|di|co|cc)-\d{3}$/;
const prefixes = {
  poverty_exclusion: 'pe',
  child_protection: 'cp',
  ageing_well: 'aw',
  digital_inclusion: 'di',
  cooperation: 'co',
  cross_cutting: 'cc',
} as const;

describe('indicator bank content', () => {
  it('has at least 150 entries', () => {
    expect(bank.length).toBeGreaterThanOrEqual(150);
  });

  it('has unique, well-formed ids whose prefix names the sector', () => {
    const ids = bank.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of bank) {
      expect(e.id, e.id).toMatch(idPattern);
      expect(e.id.slice(0, 2), e.id).toBe(prefixes[e.sector]);
    }
  });

  it.each(bankSectors)('has at least 15 entries in %s', (sector) => {
    expect(bank.filter((e) => e.sector === sector).length).toBeGreaterThanOrEqual(15);
  });

  it.each(childProtectionDimensions)(
    'covers the child-protection dimension %s at least twice',
    (dim) => {
      expect(
        bank.filter((e) => e.sector === 'child_protection' && e.childProtectionDimension === dim)
          .length,
      ).toBeGreaterThanOrEqual(2);
    },
  );

  it('gives a dimension only to child-protection entries', () => {
    const stray = bank.filter(
      (e) => e.sector !== 'child_protection' && e.childProtectionDimension !== undefined,
    );
    expect(stray.map((e) => e.id)).toEqual([]);
  });

  it('uses every kind', () => {
    for (const kind of ['output', 'outcome', 'impact'] as const) {
      expect(
        bank.some((e) => e.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it.each(bank.map((e) => [e.id, e] as const))(
    '%s has non-empty labels in both languages',
    (_id, e) => {
      expect(e.labelFr.trim()).not.toBe('');
      expect(e.labelEn.trim()).not.toBe('');
      expect(e.unit.trim()).not.toBe('');
      expect(e.questions.length).toBeGreaterThanOrEqual(1);
      for (const q of e.questions) {
        expect(q.labelFr.trim()).not.toBe('');
        expect(q.labelEn.trim()).not.toBe('');
        for (const o of q.options ?? []) {
          expect(o.labelFr.trim()).not.toBe('');
          expect(o.labelEn.trim()).not.toBe('');
        }
      }
    },
  );

  it.each(bank.map((e) => [e.id, e] as const))('%s has well-formed question options', (_id, e) => {
    for (const q of e.questions) {
      if (q.type === 'single' || q.type === 'multiple') {
        expect(q.options?.length ?? 0).toBeGreaterThanOrEqual(2);
      }
      const values = (q.options ?? []).map((o) => o.value);
      for (const v of values) expect(v).toMatch(optionValue);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it.each(bank.map((e) => [e.id, e] as const))(
    '%s has a first question that fits its computation',
    (_id, e) => {
      const first = e.questions[0]!;
      switch (e.computation.type) {
        case 'share': {
          expect(['single', 'multiple']).toContain(first.type);
          const values = new Set((first.options ?? []).map((o) => o.value));
          expect(e.computation.options.length).toBeGreaterThanOrEqual(1);
          for (const v of e.computation.options) {
            expect(v).toMatch(optionValue);
            expect(values.has(v), `${e.id}: ${v}`).toBe(true);
          }
          // A share of everything would always be 100%.
          expect(e.computation.options.length).toBeLessThan(values.size);
          break;
        }
        case 'mean':
          expect(['scale', 'number']).toContain(first.type);
          break;
        case 'sum':
          expect(first.type).toBe('number');
          break;
        case 'count':
          break;
      }
    },
  );

  it.each(bank.map((e) => [e.id, e] as const))('%s has sensible scale bounds', (_id, e) => {
    for (const q of e.questions) {
      if (q.type !== 'scale') continue;
      expect(Number.isInteger(q.min)).toBe(true);
      expect(Number.isInteger(q.max)).toBe(true);
      expect(q.max! - q.min!).toBeGreaterThan(0);
      expect(q.max! - q.min!).toBeLessThanOrEqual(10);
    }
  });

  it.each([...new Set(bank.map((e) => e.unit))].map((unit) => [unit]))(
    'has an English form of the unit %j',
    (unit) => {
      const en = unitInEnglish(unit);
      expect(en, unit).toBeDefined();
      expect(en!.trim(), unit).not.toBe('');
    },
  );

  it('gives the English form of a unit, or nothing when it is unknown', () => {
    expect(unitInEnglish('réunions')).toBe('meetings');
    expect(unitInEnglish(' personnes ')).toBe('people');
    expect(unitInEnglish('% des répondants')).toBe('% of respondents');
    expect(unitInEnglish('')).toBe('');
    expect(unitInEnglish('paniers solidaires')).toBeUndefined();
    // Not a property of every object.
    expect(unitInEnglish('constructor')).toBeUndefined();
  });

  it('gives an SDG only as an integer from 1 to 17', () => {
    for (const e of bank) {
      if (e.sdg === undefined) continue;
      expect(Number.isInteger(e.sdg), e.id).toBe(true);
      expect(e.sdg, e.id).toBeGreaterThanOrEqual(1);
      expect(e.sdg, e.id).toBeLessThanOrEqual(17);
    }
  });
});

describe('normalizeForSearch', () => {
  it.each([
    ['Numérique', 'numerique'],
    ['  ÉLÈVE   âgé ', 'eleve age'],
    ['l’école', "l'ecole"],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });
});

describe('searchBank', () => {
  const ids = (entries: readonly BankEntry[]) => entries.map((e) => e.id);

  it('returns everything when the query is empty', () => {
    expect(searchBank(bank, {})).toHaveLength(bank.length);
    expect(searchBank(bank)).toHaveLength(bank.length);
    expect(searchBank(bank, { text: '   ' })).toHaveLength(bank.length);
  });

  it.each(['logement', 'Logement', 'LOGEMENT', 'housing', 'numerique', 'Numérique', 'digital'])(
    'finds entries for %j',
    (text) => {
      expect(searchBank(bank, { text }).length).toBeGreaterThan(0);
    },
  );

  it('ignores accents and case in both directions', () => {
    expect(ids(searchBank(bank, { text: 'numerique' }))).toEqual(
      ids(searchBank(bank, { text: 'NUMÉRIQUE' })),
    );
    expect(ids(searchBank(bank, { text: 'logement' }))).toEqual(
      ids(searchBank(bank, { text: 'Logement' })),
    );
  });

  it('finds a known entry by French label, English label and question wording', () => {
    expect(ids(searchBank(bank, { text: 'logement stable' }))).toContain('pe-007');
    expect(ids(searchBank(bank, { text: 'stable housing' }))).toContain('pe-007');
    expect(ids(searchBank(bank, { text: 'ou dormez-vous' }))).toContain('pe-007');
  });

  it('requires every word of the text', () => {
    const both = searchBank(bank, { text: 'logement securite' });
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(searchBank(bank, { text: 'logement' }).length);
  });

  it('finds nothing for a word that is nowhere', () => {
    expect(searchBank(bank, { text: 'zzzqqq' })).toEqual([]);
  });

  it.each(bankSectors)('filters by sector %s', (sector) => {
    const found = searchBank(bank, { sector });
    expect(found.length).toBe(bank.filter((e) => e.sector === sector).length);
    expect(found.every((e) => e.sector === sector)).toBe(true);
  });

  it.each(['output', 'outcome', 'impact'] as const)('filters by kind %s', (kind) => {
    const found = searchBank(bank, { kind });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.kind === kind)).toBe(true);
    expect(found.length).toBe(bank.filter((e) => e.kind === kind).length);
  });

  it.each(['people_supported', 'staff', 'volunteers', 'partners', 'funders', 'territory'] as const)(
    'filters by stakeholder group %s',
    (stakeholderGroup) => {
      const found = searchBank(bank, { stakeholderGroup });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((e) => e.stakeholderGroup === stakeholderGroup)).toBe(true);
    },
  );

  it.each(childProtectionDimensions)('filters by child-protection dimension %s', (dim) => {
    const found = searchBank(bank, { childProtectionDimension: dim });
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(
      found.every((e) => e.sector === 'child_protection' && e.childProtectionDimension === dim),
    ).toBe(true);
    expect(found.length).toBe(bank.filter((e) => e.childProtectionDimension === dim).length);
  });

  it('combines text and filters', () => {
    const found = searchBank(bank, {
      text: 'logement',
      sector: 'poverty_exclusion',
      kind: 'outcome',
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.sector === 'poverty_exclusion' && e.kind === 'outcome')).toBe(true);
    expect(searchBank(bank, { text: 'logement', sector: 'cooperation' })).toEqual([]);
  });

  it('does not change the bank it searches', () => {
    const before = ids(bank);
    searchBank(bank, { text: 'logement', sector: 'ageing_well' });
    expect(ids(bank)).toEqual(before);
  });
});
