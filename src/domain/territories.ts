/**
 * French territories by INSEE code: commune → département → région → nation.
 *
 * The 101 départements and 18 régions come from `@etalab/decoupage-administratif` (the State's
 * reference, imported as data: small, read once at load). Overseas collectivities that are not
 * départements (Saint-Pierre-et-Miquelon, Saint-Martin, Polynesia…) are left out: they have no
 * outline on the maps and no région.
 *
 * A commune's département is read from its code (the first two characters, three overseas), so
 * rolling figures up needs no commune list. Names and search need the list of the 35,000
 * communes: `buildCommuneIndex` keeps it compact, from rows the server reads once.
 */
import departementRows from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import regionRows from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import { emptyPartial, type Partial } from './partials.ts';

export type TerritoryLevel = 'departement' | 'region';

/** A département or a région by its INSEE code. */
export interface Territory {
  level: TerritoryLevel;
  code: string;
}

export interface Departement {
  code: string;
  name: string;
  region: string;
}

export interface Region {
  code: string;
  name: string;
}

/** Metropolitan France and the five overseas départements-régions (971 to 974, 976). */
const inFrance = (zone: string) => zone === 'metro' || zone === 'drom';

export const REGIONS: readonly Region[] = regionRows.filter((r) => inFrance(r.zone)).map((r) => ({ code: r.code, name: r.nom }));
export const DEPARTEMENTS: readonly Departement[] = departementRows
  .filter((d) => inFrance(d.zone))
  .map((d) => ({ code: d.code, name: d.nom, region: d.region }));

const departementByCode = new Map(DEPARTEMENTS.map((d) => [d.code, d]));
const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));

export function findDepartement(code: string): Departement | null {
  return departementByCode.get(code) ?? null;
}

export function findRegion(code: string): Region | null {
  return regionByCode.get(code) ?? null;
}

export function departementsOfRegion(regionCode: string): Departement[] {
  return DEPARTEMENTS.filter((d) => d.region === regionCode);
}

/** Five characters: digits, or 2A/2B and three digits for Corsica (overseas codes start 97). */
export const COMMUNE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;

/**
 * The département a commune code belongs to, from the code alone; null when the code is not
 * shaped like a commune code or names no département (e.g. 975xx, or 20xxx from before Corsica
 * was split in 1976).
 */
export function departementCodeOf(communeCode: string): string | null {
  if (!COMMUNE_CODE.test(communeCode)) return null;
  const code = communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
  return departementByCode.has(code) ? code : null;
}

export function regionCodeOf(communeCode: string): string | null {
  const d = departementCodeOf(communeCode);
  return d === null ? null : departementByCode.get(d)!.region;
}

export function territoryName(t: Territory): string | null {
  return (t.level === 'departement' ? findDepartement(t.code) : findRegion(t.code))?.name ?? null;
}

/** `departement:69` or `region:84` → the territory, if it exists. */
export function parseTerritory(text: string): Territory | null {
  const m = /^(departement|region):([0-9AB]{2,3})$/.exec(text.trim());
  if (!m) return null;
  const t = { level: m[1] as TerritoryLevel, code: m[2]! };
  return territoryName(t) === null ? null : t;
}

export function formatTerritory(t: Territory): string {
  return `${t.level}:${t.code}`;
}

/**
 * The département codes of a territory: a commune lies inside when its code starts with one of
 * them (no metropolitan code is the start of an overseas one, '97' being none).
 */
export function communePrefixes(t: Territory): string[] {
  return t.level === 'departement' ? [t.code] : departementsOfRegion(t.code).map((d) => d.code);
}

export function communeInTerritory(communeCode: string, t: Territory): boolean {
  const d = departementCodeOf(communeCode);
  if (d === null) return false;
  return t.level === 'departement' ? d === t.code : departementByCode.get(d)!.region === t.code;
}

/** Whether `inner` lies within `outer` (a territory lies within itself). */
export function territoryWithin(inner: Territory, outer: Territory): boolean {
  if (outer.level === 'departement') return inner.level === 'departement' && inner.code === outer.code;
  if (inner.level === 'region') return inner.code === outer.code;
  return findDepartement(inner.code)?.region === outer.code;
}

// ---------------------------------------------------------------------------------------------
// Communes: names and search

/** A row of `@etalab/decoupage-administratif/data/communes.json`. */
export interface CommuneSource {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  /** For an arrondissement municipal: the commune it belongs to. */
  commune?: string;
  codesPostaux?: string[];
  population?: number;
}

export interface Commune {
  code: string;
  name: string;
  departement: string;
  region: string;
  postalCodes: string[];
}

export interface CommuneIndex {
  size: number;
  get(code: string): Commune | null;
  /** For a Paris, Lyon or Marseille arrondissement: the commune to use instead. */
  parentOf(code: string): Commune | null;
  /** By name (accents and case ignored, prefix first) or by INSEE or postal code; at most `limit`. */
  search(query: string, limit?: number): Commune[];
}

/** Lower case, no accents, hyphens and apostrophes as spaces, "st" as "saint". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’.,/]/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A compact index of the current communes of the 101 départements: parallel arrays rather than
 * 35,000 objects (a few megabytes, built once). Delegated and associated communes (merged into
 * another) are left out; arrondissements municipaux only point to their commune.
 */
export function buildCommuneIndex(rows: Iterable<CommuneSource>): CommuneIndex {
  const codes: string[] = [];
  const names: string[] = [];
  const keys: string[] = [];
  const postal: string[] = [];
  const populations: number[] = [];
  const position = new Map<string, number>();
  const arrondissements = new Map<string, string>();
  for (const row of rows) {
    if (row.type === 'arrondissement-municipal' && row.commune) arrondissements.set(row.code, row.commune);
    if (row.type !== 'commune-actuelle' || departementCodeOf(row.code) === null) continue;
    position.set(row.code, codes.length);
    codes.push(row.code);
    names.push(row.nom);
    keys.push(searchKey(row.nom));
    postal.push((row.codesPostaux ?? []).join(' '));
    populations.push(row.population ?? 0);
  }
  const at = (i: number): Commune => {
    const departement = departementCodeOf(codes[i]!)!;
    return { code: codes[i]!, name: names[i]!, departement, region: departementByCode.get(departement)!.region, postalCodes: postal[i] ? postal[i].split(' ') : [] };
  };
  const get = (code: string) => {
    const i = position.get(code.toUpperCase());
    return i === undefined ? null : at(i);
  };
  return {
    size: codes.length,
    get,
    parentOf: (code) => {
      const parent = arrondissements.get(code);
      return parent ? get(parent) : null;
    },
    search(query, limit = 20) {
      const q = query.trim();
      if (q === '') return [];
      const ranked: { i: number; rank: number }[] = [];
      if (/^(?:\d|2[AB])[0-9AB]*$/i.test(q)) {
        // A code: the INSEE code itself, a postal code, then codes starting with it.
        const upper = q.toUpperCase();
        for (let i = 0; i < codes.length; i++) {
          const own = postal[i]!.split(' ');
          const rank = codes[i] === upper ? 0 : own.includes(upper) ? 1 : codes[i]!.startsWith(upper) ? 2 : own.some((p) => p.startsWith(upper)) ? 3 : -1;
          if (rank >= 0) ranked.push({ i, rank });
        }
      } else {
        const k = searchKey(q);
        if (k === '') return [];
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          const rank = key === k ? 0 : key.startsWith(k) ? 1 : ` ${key}`.includes(` ${k}`) ? 2 : key.includes(k) ? 3 : -1;
          if (rank >= 0) ranked.push({ i, rank });
        }
      }
      // Within a rank, larger communes first: "Saint-Denis" is first the one of 110,000 people.
      ranked.sort((a, b) => a.rank - b.rank || populations[b.i]! - populations[a.i]! || codes[a.i]!.localeCompare(codes[b.i]!));
      return ranked.slice(0, limit).map((r) => at(r.i));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rolling figures up

/** One organisation's partial sums for the answers collected in one commune. */
export interface CommunePartial {
  communeCode: string;
  organisationId: string;
  partial: Partial;
}

/** Partial sums of an area, one per organisation (so that the largest contributor is known). */
export type ByOrganisation = Map<string, Partial>;

export interface RollUp {
  departements: Map<string, ByOrganisation>;
  regions: Map<string, ByOrganisation>;
  /** Every answer: the given whole, else the communes' sum. */
  nation: ByOrganisation;
  /** Answers counted in the whole but in no département: no commune, or a code outside them. */
  unplaced: ByOrganisation;
}

function addTo(map: ByOrganisation, organisationId: string, p: Partial) {
  const into = map.get(organisationId) ?? emptyPartial();
  into.n += p.n;
  into.hits += p.hits;
  into.sum += p.sum;
  into.sumSquares += p.sumSquares;
  into.organisations = into.n > 0 ? 1 : 0;
  map.set(organisationId, into);
}

/**
 * Commune partial sums up to départements, régions and the nation. `whole` is each
 * organisation's partial over every answer (communes or not): what it holds beyond the
 * départements' sum is the `unplaced` part, so that nation = régions + unplaced holds exactly.
 */
export function rollUp(communes: readonly CommunePartial[], whole?: ReadonlyMap<string, Partial>): RollUp {
  const departements = new Map<string, ByOrganisation>();
  const regions = new Map<string, ByOrganisation>();
  const placed: ByOrganisation = new Map();
  const unplaced: ByOrganisation = new Map();
  for (const c of communes) {
    const d = departementCodeOf(c.communeCode);
    if (d === null) {
      if (!whole) addTo(unplaced, c.organisationId, c.partial);
      continue;
    }
    const r = departementByCode.get(d)!.region;
    if (!departements.has(d)) departements.set(d, new Map());
    if (!regions.has(r)) regions.set(r, new Map());
    addTo(departements.get(d)!, c.organisationId, c.partial);
    addTo(regions.get(r)!, c.organisationId, c.partial);
    addTo(placed, c.organisationId, c.partial);
  }
  let nation: ByOrganisation;
  if (whole) {
    nation = new Map();
    for (const [org, p] of placed) if (!whole.has(org)) addTo(nation, org, p);
    for (const [org, p] of whole) {
      addTo(nation, org, p);
      const inside = placed.get(org) ?? emptyPartial();
      const rest = { n: p.n - inside.n, hits: p.hits - inside.hits, sum: p.sum - inside.sum, sumSquares: p.sumSquares - inside.sumSquares, organisations: 0 };
      if (rest.n > 0) addTo(unplaced, org, rest);
    }
  } else {
    nation = new Map();
    for (const [org, p] of placed) addTo(nation, org, p);
    for (const [org, p] of unplaced) addTo(nation, org, p);
  }
  return { departements, regions, nation, unplaced };
}

/** The area's pooled partial (organisations counted once each) and its largest contributor's n. */
export function areaPartial(byOrganisation: ByOrganisation | undefined): { partial: Partial; largest: number } {
  const total = emptyPartial();
  let largest = 0;
  for (const p of byOrganisation?.values() ?? []) {
    total.n += p.n;
    total.hits += p.hits;
    total.sum += p.sum;
    total.sumSquares += p.sumSquares;
    if (p.n > 0) total.organisations += 1;
    largest = Math.max(largest, p.n);
  }
  return { partial: total, largest };
}
