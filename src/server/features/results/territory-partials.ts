/**
 * A collective's figures by territory: commune partial sums (answers and crosswalked answers, per
 * organisation) rolled up to départements, régions and the nation in the domain, and the areas
 * to hide so that no hidden one can be recomputed (src/domain/territory-suppression.ts).
 *
 * The map, the coverage and the collective's results read through here, so a figure is the same
 * (and hidden alike) wherever it is shown.
 */
import type { Db } from '../../../db/connect.ts';
import { Invalid } from '../../../domain/errors.ts';
import { emptyPartial, type Partial } from '../../../domain/partials.ts';
import {
  communeInTerritory,
  communePrefixes,
  DEPARTEMENTS,
  parseTerritory,
  REGIONS,
  rollUp,
  territoryName,
  territoryWithin,
  type ByOrganisation,
  type CommunePartial,
  type RollUp,
  type Territory,
  type TerritoryLevel,
} from '../../../domain/territories.ts';
import { suppressHierarchy, type AreaCell, type HierarchySuppression } from '../../../domain/territory-suppression.ts';
import type { Computation } from '../../../contracts/frameworks.ts';
import type { IndicatorResult } from '../../../contracts/results.ts';
import { crosswalkCommunePartials } from './crosswalk-partials.ts';
import type { ResultsSource } from './partials-repository.ts';
import * as repo from './repository.ts';

export const ROOT = 'FR';
export const UNPLACED = 'unplaced';
export const areaId = (t: Territory) => `${t.level}:${t.code}`;

interface IndicatorOfVersion {
  versionId: string;
  code: string;
  computation: Computation;
  definitionKey: string;
}

export interface AreaScope {
  versions: readonly { id: string; frameworkId: string }[];
  indicators: readonly IndicatorOfVersion[];
  organisationIds: readonly string[];
  period: string;
  /** A territorial collective's territory: answers outside it do not count at all. */
  universe: Territory | null;
  /** Only these indicator codes (all when absent). */
  codes?: readonly string[];
}

/**
 * Per indicator (`frameworkId|code`), its partial sums rolled up from the communes. For a
 * national collective, each organisation's whole (every answer, commune or not) is read too, so
 * that the nation is exactly the collective's figure and what lies in no département is kept
 * apart (`unplaced`).
 */
export async function areaRollUps(db: Db, source: ResultsSource, scope: AreaScope): Promise<Map<string, RollUp>> {
  const versionIds = scope.versions.map((v) => v.id);
  const frameworkIds = scope.versions.map((v) => v.frameworkId);
  const prefixes = scope.universe ? communePrefixes(scope.universe) : undefined;
  const [communes, crosswalked, direct] = await Promise.all([
    repo.dimensionPartials(db, source, { versionIds, frameworkIds, organisationIds: scope.organisationIds, period: scope.period, codes: scope.codes, communePrefixes: prefixes }, 'commune'),
    crosswalkCommunePartials(db, scope.versions, scope.indicators, scope.organisationIds, scope.period, prefixes),
    // Only the indicators asked for (a map reads one of twenty).
    scope.universe ? Promise.resolve([]) : repo.dimensionPartials(db, source, { versionIds, frameworkIds, organisationIds: scope.organisationIds, period: scope.period, codes: scope.codes }, ''),
  ]);
  const wanted = (code: string) => !scope.codes || scope.codes.includes(code);
  const located = new Map<string, CommunePartial[]>();
  const whole = new Map<string, ByOrganisation>();
  const addWhole = (key: string, organisationId: string, p: Partial) => {
    const byOrg = whole.get(key) ?? new Map<string, Partial>();
    const into = byOrg.get(organisationId) ?? emptyPartial();
    byOrg.set(organisationId, { n: into.n + p.n, hits: into.hits + p.hits, sum: into.sum + p.sum, sumSquares: into.sumSquares + p.sumSquares, organisations: 1 });
    whole.set(key, byOrg);
  };
  for (const row of [...communes, ...crosswalked]) {
    if (!wanted(row.code)) continue;
    const key = `${row.frameworkId}|${row.code}`;
    if (!row.cell) continue;
    const list = located.get(key);
    const entry = { communeCode: row.cell, organisationId: row.organisationId, partial: row };
    if (list) list.push(entry);
    else located.set(key, [entry]);
  }
  if (!scope.universe) {
    for (const row of direct) if (wanted(row.code)) addWhole(`${row.frameworkId}|${row.code}`, row.organisationId, row);
    // Crosswalked answers count in the whole wherever they were collected (as in the results).
    for (const row of crosswalked) if (wanted(row.code)) addWhole(`${row.frameworkId}|${row.code}`, row.organisationId, row);
  }
  const keys = new Set([...located.keys(), ...whole.keys()]);
  return new Map([...keys].map((key) => [key, rollUp(located.get(key) ?? [], scope.universe ? undefined : (whole.get(key) ?? new Map()))]));
}

const answersOf = (byOrganisation: ByOrganisation | undefined) => new Map([...(byOrganisation ?? new Map<string, Partial>())].map(([o, p]) => [o, p.n]));

/** The hierarchy as suppression sees it: the nation, its régions and their départements, and the unplaced answers. */
export function areaCells(r: RollUp): AreaCell[] {
  return [
    { id: ROOT, parent: null, contributions: answersOf(r.nation) },
    ...REGIONS.map((x) => ({ id: `region:${x.code}`, parent: ROOT, contributions: answersOf(r.regions.get(x.code)) })),
    ...DEPARTEMENTS.map((x) => ({ id: `departement:${x.code}`, parent: `region:${x.region}`, contributions: answersOf(r.departements.get(x.code)) })),
    { id: UNPLACED, parent: ROOT, contributions: answersOf(r.unplaced) },
  ];
}

export function suppressAreas(r: RollUp, threshold: number): HierarchySuppression {
  return suppressHierarchy(areaCells(r), threshold);
}

/** The areas of a level, within a territory when given. */
export function areasOf(level: TerritoryLevel, within: Territory | null): Territory[] {
  const all: Territory[] = level === 'departement' ? DEPARTEMENTS.map((d) => ({ level, code: d.code })) : REGIONS.map((r) => ({ level, code: r.code }));
  if (!within) return all;
  // A département's collective still has a région on the région map: its own.
  if (level === 'region' && within.level === 'departement') return all.filter((r) => DEPARTEMENTS.find((d) => d.code === within.code)?.region === r.code);
  return all.filter((t) => territoryWithin(t, within));
}

export interface TerritoryView {
  /** The collective's own territory (null: national). */
  universe: Territory | null;
  /** The territory the figures are read for (the universe unless one was asked for). */
  area: Territory | null;
  filter: repo.TerritoryFilter | null;
}

/**
 * Where a collective's figures are read: its own territory, or one asked for (`departement:69`,
 * `region:84`) within it. Activity figures count for the members based there.
 */
export async function territoryView(db: Db, collective: { territoryLevel: TerritoryLevel | null; territoryCode: string | null }, members: readonly string[], requested?: string): Promise<TerritoryView> {
  const universe = collective.territoryLevel && collective.territoryCode ? { level: collective.territoryLevel, code: collective.territoryCode } : null;
  let area = universe;
  if (requested !== undefined) {
    const asked = parseTerritory(requested);
    if (!asked) {
      throw new Invalid('territory_unknown', 'Territoire inconnu : écrivez departement:<code> ou region:<code> (par exemple departement:69).', 'Unknown territory: write departement:<code> or region:<code> (e.g. departement:69).', [
        { field: 'querystring.territory', message: 'unknown territory' },
      ]);
    }
    if (universe && !territoryWithin(asked, universe)) {
      throw new Invalid('territory_outside', `Ce territoire est hors de celui du collectif (${territoryName(universe)}).`, `This territory lies outside the collective's own (${territoryName(universe)}).`, [
        { field: 'querystring.territory', message: 'outside the collective territory' },
      ]);
    }
    area = asked;
  }
  if (!area) return { universe, area: null, filter: null };
  const inside = area;
  const communes = await repo.organisationCommunes(db, members);
  return {
    universe,
    area,
    filter: { communePrefixes: communePrefixes(area), organisationsInside: members.filter((id) => communes.get(id) && communeInTerritory(communes.get(id)!, inside)) },
  };
}

/**
 * A territory's figures inside a national (or larger) collective: an area hidden on the map is
 * hidden here too, or one could be read here and recompute a small neighbour there.
 */
export async function hideAsOnTheMap(db: Db, source: ResultsSource, scope: AreaScope, area: Territory, indicators: IndicatorResult[], threshold: number): Promise<IndicatorResult[]> {
  const rollUps = await areaRollUps(db, source, scope);
  return indicators.map((ind) => {
    if (ind.computation.type === 'sum' || ind.suppressed) return ind;
    const r = rollUps.get(`${ind.frameworkId}|${ind.code}`);
    if (!r || !suppressAreas(r, threshold).hidden.has(areaId(area))) return ind;
    return { ...ind, value: null, ci: null, suppressed: true, sector: null };
  });
}
