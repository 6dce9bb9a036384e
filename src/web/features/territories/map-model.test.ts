import { describe, expect, it } from 'vitest';
import { classOf, colourClasses, coverageColour, coverageCounts, NO_DATA, PALETTE, shapeMap, SUPPRESSED, UNCOVERED, uncoveredByRegion } from './map-model.ts';

const area = (code: string, value: number | null, n: number, suppressed = false) => ({ code, name: `Dép. ${code}`, region: '84', value, n, ci: null, suppressed, organisations: n > 0 ? 1 : 0 });

describe('colour classes', () => {
  it.each([
    [[], 0],
    [[0.5], 1],
    [[0.5, 0.5], 1],
    [[0.2, 0.4, 0.6, 0.8, 1], 5],
  ])('%j → %i classes', (values, count) => {
    expect(colourClasses(values)).toHaveLength(count);
  });

  it('puts the smallest value in the lightest class and the largest in the darkest', () => {
    const classes = colourClasses([0.1, 0.35, 0.6]);
    expect(classes[0]).toMatchObject({ from: 0.1, color: PALETTE[0] });
    expect(classes[4]).toMatchObject({ to: 0.6, color: PALETTE[4] });
    expect(classOf(0.1, classes)).toBe(0);
    expect(classOf(0.35, classes)).toBe(2);
    expect(classOf(0.6, classes)).toBe(4);
  });
});

describe('shapeMap', () => {
  it('tells hidden areas from areas without answers, and colours the others', () => {
    const { areas, classes } = shapeMap([area('69', null, 17, true), area('38', null, 3, true), area('31', null, 0), area('35', 0.5, 10), area('29', 1, 6)]);
    expect(areas.map((a) => [a.code, a.status, a.color])).toEqual([
      ['69', 'suppressed', SUPPRESSED],
      ['38', 'suppressed', SUPPRESSED],
      ['31', 'nodata', NO_DATA],
      ['35', 'value', PALETTE[0]],
      ['29', 'value', PALETTE[4]],
    ]);
    // Hidden values do not stretch the scale.
    expect(classes[0]!.from).toBe(0.5);
    expect(new Set([SUPPRESSED, NO_DATA, ...PALETTE]).size).toBe(PALETTE.length + 2);
  });
});

describe('coverage', () => {
  const departements = [
    { code: '69', name: 'Rhône', region: '84', regionName: 'Auvergne-Rhône-Alpes', organisations: [{ organisationId: 'a', name: 'A', seat: null, sites: [] }] },
    { code: '01', name: 'Ain', region: '84', regionName: 'Auvergne-Rhône-Alpes', organisations: [] },
    { code: '29', name: 'Finistère', region: '53', regionName: 'Bretagne', organisations: [] },
  ];

  it('counts the départements with and without members', () => {
    expect(coverageCounts({ departements })).toEqual({ covered: 1, total: 3, uncovered: 2 });
  });

  it('groups the départements without members by région', () => {
    expect(uncoveredByRegion({ departements })).toEqual([
      { region: '84', regionName: 'Auvergne-Rhône-Alpes', departements: [{ code: '01', name: 'Ain' }] },
      { region: '53', regionName: 'Bretagne', departements: [{ code: '29', name: 'Finistère' }] },
    ]);
  });

  it.each([
    [0, UNCOVERED],
    [1, PALETTE[1]],
    [2, PALETTE[2]],
    [7, PALETTE[4]],
  ])('%i members → %s', (members, colour) => {
    expect(coverageColour(members)).toBe(colour);
  });
});
