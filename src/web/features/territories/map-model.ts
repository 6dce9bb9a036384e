/**
 * What the maps draw, shaped by pure functions: each area's colour class, the legend, and the
 * coverage colours. The chart component only paints what comes out of here.
 */
import type { CollectiveMap, Coverage } from '../../../contracts/territories.ts';

type Area = CollectiveMap['areas'][number];

/** Light to dark: a sequential scale that reads the same in greyscale. */
export const PALETTE = ['#dcefea', '#a8d5c9', '#6cb3a4', '#2f8a7b', '#0f5e53'] as const;
export const NO_DATA = '#e6e9ed';
export const SUPPRESSED = '#b8bec5';
/** Départements where no member acts: warm, apart from the scale. */
export const UNCOVERED = '#f7c99b';

export type AreaStatus = 'value' | 'suppressed' | 'nodata';

export interface ColourClass {
  from: number;
  to: number;
  color: string;
}

export interface ShapedArea {
  code: string;
  name: string;
  status: AreaStatus;
  color: string;
  value: number | null;
  n: number;
}

/** Equal-width classes between the smallest and the largest value shown (one class when they are equal). */
export function colourClasses(values: readonly number[], count = PALETTE.length): ColourClass[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max - min < 1e-12) return [{ from: min, to: max, color: PALETTE[PALETTE.length - 1]! }];
  const width = (max - min) / count;
  return Array.from({ length: count }, (_, i) => ({ from: min + i * width, to: i === count - 1 ? max : min + (i + 1) * width, color: PALETTE[i]! }));
}

export function classOf(value: number, classes: readonly ColourClass[]): number {
  const i = classes.findIndex((c) => value <= c.to + 1e-12);
  return i === -1 ? classes.length - 1 : i;
}

export function statusOf(a: Pick<Area, 'suppressed' | 'value' | 'n'>): AreaStatus {
  if (a.suppressed) return 'suppressed';
  return a.value === null || a.n === 0 ? 'nodata' : 'value';
}

/** Each area with its status and colour, and the classes the legend shows. */
export function shapeMap(areas: readonly Area[]): { areas: ShapedArea[]; classes: ColourClass[] } {
  const classes = colourClasses(areas.filter((a) => statusOf(a) === 'value').map((a) => a.value!));
  return {
    classes,
    areas: areas.map((a) => {
      const status = statusOf(a);
      const color = status === 'suppressed' ? SUPPRESSED : status === 'nodata' ? NO_DATA : classes[classOf(a.value!, classes)]!.color;
      return { code: a.code, name: a.name, status, color, value: a.value, n: a.n };
    }),
  };
}

/** Coverage classes: none, one, two, three or more members. */
export function coverageColour(members: number): string {
  if (members <= 0) return UNCOVERED;
  if (members === 1) return PALETTE[1];
  if (members === 2) return PALETTE[2];
  return PALETTE[4];
}

export function coverageCounts(c: Pick<Coverage, 'departements'>) {
  const covered = c.departements.filter((d) => d.organisations.length > 0).length;
  return { covered, total: c.departements.length, uncovered: c.departements.length - covered };
}

/** Départements where no member acts, grouped by région (in the order of the list). */
export function uncoveredByRegion(c: Pick<Coverage, 'departements'>): { region: string; regionName: string; departements: { code: string; name: string }[] }[] {
  const groups = new Map<string, { region: string; regionName: string; departements: { code: string; name: string }[] }>();
  for (const d of c.departements) {
    if (d.organisations.length > 0) continue;
    const g = groups.get(d.region) ?? { region: d.region, regionName: d.regionName, departements: [] };
    g.departements.push({ code: d.code, name: d.name });
    groups.set(d.region, g);
  }
  return [...groups.values()].sort((a, b) => a.regionName.localeCompare(b.regionName, 'fr'));
}
