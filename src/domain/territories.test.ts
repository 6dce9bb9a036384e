import { describe, expect, it } from 'vitest';
import type { Partial } from './partials.ts';
import {
  areaPartial,
  buildCommuneIndex,
  communeInTerritory,
  communePrefixes,
  DEPARTEMENTS,
  departementCodeOf,
  parseTerritory,
  REGIONS,
  regionCodeOf,
  rollUp,
  searchKey,
  territoryName,
  territoryWithin,
  type CommuneSource,
} from './territories.ts';

describe('the reference', () => {
  it('has the 101 départements and 18 régions, overseas included, Corsica split', () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(REGIONS).toHaveLength(18);
    const codes = DEPARTEMENTS.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['2A', '2B', '971', '972', '973', '974', '976']));
    expect(codes).not.toContain('20');
    expect(codes).not.toContain('975');
    // Every département sits in a région of the list.
    const regions = new Set(REGIONS.map((r) => r.code));
    expect(DEPARTEMENTS.every((d) => regions.has(d.region))).toBe(true);
  });
});

describe('a commune code → département → région', () => {
  it.each([
    ['69123', '69', '84'],
    ['75056', '75', '11'],
    ['2A004', '2A', '94'],
    ['2B033', '2B', '94'],
    ['97105', '971', '01'],
    ['97411', '974', '04'],
    ['97611', '976', '06'],
    ['01001', '01', '84'],
    // Shaped like a code, but no département: Saint-Pierre-et-Miquelon, Corsica before 1976.
    ['97502', null, null],
    ['20004', null, null],
    // Not shaped like a code.
    ['6912', null, null],
    ['2C004', null, null],
    ['ABCDE', null, null],
  ])('%s → %s, %s', (commune, departement, region) => {
    expect(departementCodeOf(commune)).toBe(departement);
    expect(regionCodeOf(commune)).toBe(region);
  });
});

describe('territories', () => {
  it.each([
    ['departement:69', { level: 'departement', code: '69' }],
    ['region:84', { level: 'region', code: '84' }],
    ['departement:2A', { level: 'departement', code: '2A' }],
    ['departement:971', { level: 'departement', code: '971' }],
    ['departement:20', null],
    ['region:69', null],
    ['commune:69123', null],
    ['departement:', null],
  ])('parses %s', (text, expected) => {
    expect(parseTerritory(text)).toEqual(expected);
  });

  it('names them', () => {
    expect(territoryName({ level: 'departement', code: '69' })).toBe('Rhône');
    expect(territoryName({ level: 'region', code: '84' })).toBe('Auvergne-Rhône-Alpes');
  });

  it('gives the commune codes inside as département prefixes', () => {
    expect(communePrefixes({ level: 'departement', code: '971' })).toEqual(['971']);
    expect(communePrefixes({ level: 'region', code: '94' }).sort()).toEqual(['2A', '2B']);
    expect(communePrefixes({ level: 'region', code: '84' })).toHaveLength(12);
  });

  it.each([
    ['69123', 'departement:69', true],
    ['69123', 'region:84', true],
    ['01001', 'region:84', true],
    ['01001', 'departement:69', false],
    ['97105', 'region:01', true],
    ['97105', 'departement:97', false],
    ['97502', 'region:84', false],
  ])('%s in %s: %s', (commune, territory, inside) => {
    expect(communeInTerritory(commune, parseTerritory(territory) ?? { level: 'departement', code: '97' })).toBe(inside);
  });

  it.each([
    ['departement:69', 'region:84', true],
    ['departement:69', 'departement:69', true],
    ['region:84', 'region:84', true],
    ['region:84', 'departement:69', false],
    ['departement:75', 'region:84', false],
  ])('%s within %s: %s', (inner, outer, within) => {
    expect(territoryWithin(parseTerritory(inner)!, parseTerritory(outer)!)).toBe(within);
  });
});

describe('the commune index', () => {
  const rows: CommuneSource[] = [
    { code: '69123', nom: 'Lyon', type: 'commune-actuelle', codesPostaux: ['69001', '69002', '69003'], population: 519_127 },
    { code: '69381', nom: 'Lyon 1er Arrondissement', type: 'arrondissement-municipal', commune: '69123' },
    { code: '93066', nom: 'Saint-Denis', type: 'commune-actuelle', codesPostaux: ['93200', '93210'], population: 113_000 },
    { code: '97411', nom: 'Saint-Denis', type: 'commune-actuelle', codesPostaux: ['97400'], population: 153_000 },
    { code: '11339', nom: 'Saint-Denis', type: 'commune-actuelle', codesPostaux: ['11310'], population: 500 },
    { code: '2A004', nom: 'Ajaccio', type: 'commune-actuelle', codesPostaux: ['20000'], population: 73_000 },
    { code: '01015', nom: 'Arbignieu', type: 'commune-deleguee' },
    { code: '97502', nom: 'Saint-Pierre', type: 'commune-actuelle', codesPostaux: ['97500'] },
    { code: '38185', nom: 'Grenoble', type: 'commune-actuelle', codesPostaux: ['38000', '38100'], population: 158_000 },
    { code: '69266', nom: 'Villeurbanne', type: 'commune-actuelle', codesPostaux: ['69100'], population: 150_000 },
  ];
  const index = buildCommuneIndex(rows);

  it('keeps the current communes of the départements only', () => {
    expect(index.size).toBe(7);
    expect(index.get('01015')).toBeNull();
    expect(index.get('97502')).toBeNull();
    expect(index.get('69381')).toBeNull();
    expect(index.get('2a004')?.name).toBe('Ajaccio');
    expect(index.get('69123')).toEqual({ code: '69123', name: 'Lyon', departement: '69', region: '84', postalCodes: ['69001', '69002', '69003'] });
  });

  it('points an arrondissement to its commune', () => {
    expect(index.parentOf('69381')?.code).toBe('69123');
    expect(index.parentOf('69123')).toBeNull();
  });

  it.each([
    ['lyon', ['69123']],
    ['LYON', ['69123']],
    ['st denis', ['97411', '93066', '11339']],
    ['saint-denis', ['97411', '93066', '11339']],
    ['denis', ['97411', '93066', '11339']],
    ['ville', ['69266']],
    ['69123', ['69123']],
    ['69100', ['69266']],
    ['69', ['69123', '69266']],
    ['2A', ['2A004']],
    ['20000', ['2A004']],
    ['', []],
    ['zzz', []],
  ])('finds %s', (q, codes) => {
    expect(index.search(q).map((c) => c.code)).toEqual(codes);
  });

  it('stops at the limit', () => {
    expect(index.search('saint', 2)).toHaveLength(2);
  });

  it('compares names without accents or punctuation', () => {
    expect(searchKey('Saint-Étienne')).toBe('saint etienne');
    expect(searchKey("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(searchKey('Ste-Foy')).toBe('sainte foy');
  });
});

describe('rolling partial sums up', () => {
  const p = (n: number, hits: number): Partial => ({ n, hits, sum: hits, sumSquares: hits, organisations: 1 });

  it('adds communes into départements, régions and the nation, per organisation', () => {
    const r = rollUp([
      { communeCode: '69123', organisationId: 'a', partial: p(10, 4) },
      { communeCode: '69266', organisationId: 'a', partial: p(5, 1) },
      { communeCode: '38185', organisationId: 'b', partial: p(3, 3) },
      { communeCode: '75056', organisationId: 'b', partial: p(7, 0) },
    ]);
    expect(areaPartial(r.departements.get('69')).partial).toEqual({ n: 15, hits: 5, sum: 5, sumSquares: 5, organisations: 1 });
    expect(areaPartial(r.regions.get('84'))).toEqual({ partial: { n: 18, hits: 8, sum: 8, sumSquares: 8, organisations: 2 }, largest: 15 });
    expect(areaPartial(r.regions.get('11')).partial.n).toBe(7);
    expect(areaPartial(r.nation).partial).toEqual({ n: 25, hits: 8, sum: 8, sumSquares: 8, organisations: 2 });
    expect(r.unplaced.size).toBe(0);
  });

  it('keeps what is in the whole but in no département as unplaced', () => {
    const r = rollUp(
      [
        { communeCode: '69123', organisationId: 'a', partial: p(10, 4) },
        { communeCode: '97502', organisationId: 'a', partial: p(2, 1) },
      ],
      new Map([
        ['a', p(15, 6)],
        ['b', p(4, 2)],
      ]),
    );
    expect(areaPartial(r.nation).partial).toMatchObject({ n: 19, hits: 8, organisations: 2 });
    // a: 15 − 10 placed (the 97502 answers are not in a département); b: all 4.
    expect(r.unplaced.get('a')).toMatchObject({ n: 5, hits: 2 });
    expect(r.unplaced.get('b')).toMatchObject({ n: 4, hits: 2 });
    const regions = [...r.regions.values()].map((x) => areaPartial(x).partial.n).reduce((a, b) => a + b, 0);
    expect(regions + areaPartial(r.unplaced).partial.n).toBe(areaPartial(r.nation).partial.n);
  });

  it('without a whole, puts codes outside the départements in unplaced', () => {
    const r = rollUp([{ communeCode: '97502', organisationId: 'a', partial: p(2, 1) }]);
    expect(areaPartial(r.unplaced).partial.n).toBe(2);
    expect(areaPartial(r.nation).partial.n).toBe(2);
  });
});
