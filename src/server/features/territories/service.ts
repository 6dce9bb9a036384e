import type { Db } from '../../../db/connect.ts';
import type { Locale } from '../../../contracts/common.ts';
import { period as periodSchema } from '../../../contracts/common.ts';
import type { CollectiveMap, Commune, Coverage, TerritoryLevelName } from '../../../contracts/territories.ts';
import { Invalid, NotFound } from '../../../domain/errors.ts';
import { figureFromPartial } from '../../../domain/indicator-value.ts';
import { sortPeriodsNewestFirst } from '../../../domain/periods.ts';
import {
  areaPartial,
  communeInTerritory,
  departementCodeOf,
  DEPARTEMENTS,
  findDepartement,
  findRegion,
  regionCodeOf,
  REGIONS,
  territoryName,
  type ByOrganisation,
  type RollUp,
} from '../../../domain/territories.ts';
import { activeMemberIds } from '../collectives/repository.ts';
import { collectiveAccess } from '../collectives/service.ts';
import { indicatorsOf, latestAdoptedVersions } from '../frameworks/repository.ts';
import { requireOrgRole } from '../organisations/access.ts';
import type { ResultsSource } from '../results/partials-repository.ts';
import { periodsWithData } from '../results/repository.ts';
import { areaId, areaRollUps, areasOf, suppressAreas, ROOT, UNPLACED } from '../results/territory-partials.ts';
import { communeIndex } from './communes.ts';
import * as repo from './repository.ts';

// ---------------------------------------------------------------------------------------------
// Communes

/** A commune for the API; a code no longer in the reference keeps its département by its code. */
export function describeCommune(code: string): Commune {
  const found = communeIndex().get(code);
  const departement = found?.departement ?? departementCodeOf(code) ?? '';
  const region = found?.region ?? regionCodeOf(code) ?? '';
  return {
    code,
    name: found?.name ?? code,
    departement,
    departementName: findDepartement(departement)?.name ?? '',
    region,
    regionName: findRegion(region)?.name ?? '',
    postalCodes: found?.postalCodes ?? [],
  };
}

/** The commune of this INSEE code, or a clear error (an arrondissement names its commune). */
export function requireCommune(code: string, field: string): Commune {
  const found = communeIndex().get(code);
  if (found) return describeCommune(found.code);
  const parent = communeIndex().parentOf(code);
  if (parent) {
    throw new Invalid('commune_arrondissement', `${code} est un arrondissement de ${parent.name} : indiquez la commune, ${parent.code}.`, `${code} is an arrondissement of ${parent.name}: give the commune, ${parent.code}.`, [
      { field, message: `arrondissement of ${parent.code}`, code: 'commune_arrondissement' },
    ]);
  }
  throw new Invalid('commune_unknown', `Aucune commune actuelle n’a le code INSEE ${code}.`, `No current commune has the INSEE code ${code}.`, [{ field, message: 'unknown commune', code: 'commune_unknown' }]);
}

export function searchCommunes(query: { q: string; limit: number }): Commune[] {
  return communeIndex()
    .search(query.q, query.limit)
    .map((c) => describeCommune(c.code));
}

export function getCommune(code: string): Commune {
  if (!communeIndex().get(code)) throw new NotFound('commune_not_found', 'Commune introuvable.', 'Commune not found.');
  return describeCommune(code.toUpperCase());
}

export function reference() {
  return { regions: REGIONS.map((r) => ({ ...r })), departements: DEPARTEMENTS.map((d) => ({ ...d })) };
}

// ---------------------------------------------------------------------------------------------
// Sites

type SiteRow = Awaited<ReturnType<typeof repo.listSites>>[number];

function presentSite(row: SiteRow) {
  return { id: row.id, organisationId: row.organisationId, name: row.name, commune: describeCommune(row.communeCode), campaigns: Number(row.campaigns), createdAt: row.createdAt.toISOString() };
}

function siteNotFound() {
  return new NotFound('site_not_found', 'Lieu introuvable dans cette organisation.', 'Site not found in this organisation.');
}

export async function listSites(db: Db, userId: string, organisationId: string) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  return (await repo.listSites(db, organisationId)).map(presentSite);
}

export async function createSite(db: Db, userId: string, organisationId: string, input: { name: string; communeCode: string }) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  const commune = requireCommune(input.communeCode.toUpperCase(), 'body.communeCode');
  const id = await repo.insertSite(db, organisationId, { name: input.name, communeCode: commune.code });
  return presentSite((await repo.findSite(db, organisationId, id))!);
}

/**
 * A new commune applies to answers collected from now on: those already kept stay where they were
 * collected (a response's commune is fixed when it is stored).
 */
export async function updateSite(db: Db, userId: string, organisationId: string, siteId: string, input: { name?: string; communeCode?: string }) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  if (!(await repo.findSite(db, organisationId, siteId))) throw siteNotFound();
  const communeCode = input.communeCode === undefined ? undefined : requireCommune(input.communeCode.toUpperCase(), 'body.communeCode').code;
  await repo.updateSite(db, organisationId, siteId, { ...(input.name !== undefined ? { name: input.name } : {}), ...(communeCode ? { communeCode } : {}) });
  return presentSite((await repo.findSite(db, organisationId, siteId))!);
}

export async function deleteSite(db: Db, userId: string, organisationId: string, siteId: string) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  if (!(await repo.deleteSite(db, organisationId, siteId))) throw siteNotFound();
}

/** A campaign can be held at one of its organisation's sites only. */
export async function checkCampaignSite(db: Db, organisationId: string, siteId: string | null | undefined) {
  if (!siteId) return;
  if (!(await repo.siteBelongsTo(db, organisationId, siteId))) {
    throw new Invalid('site_not_found', 'Ce lieu n’est pas un lieu de cette organisation.', 'This site is not one of this organisation’s sites.', [{ field: 'body.siteId', message: 'unknown site' }]);
  }
}

// ---------------------------------------------------------------------------------------------
// A collective's map

const MAPPABLE = new Set(['share', 'mean', 'count']);

function choosePeriod(requested: string | undefined, periods: string[]): string | null {
  if (requested === undefined) return periods[0] ?? null;
  if (!periodSchema.safeParse(requested).success) {
    throw new Invalid('invalid_period', 'Période invalide (par exemple 2026, 2026-S1, 2026-T2 ou 2026-03).', 'Invalid period (e.g. 2026, 2026-S1, 2026-T2 or 2026-03).', [{ field: 'querystring.period', message: 'invalid period' }]);
  }
  return requested;
}

/**
 * One common indicator by département or région, for the collective's members only. Figures come
 * from the commune partial sums, rolled up, with the hierarchy's suppression: an area hidden here
 * is hidden in `?territory=` results too, and none can be recomputed from the totals shown.
 */
export async function collectiveMap(
  db: Db,
  userId: string,
  collectiveId: string,
  query: { code?: string; level: TerritoryLevelName; period?: string; lang?: Locale },
  source: ResultsSource = 'partials',
): Promise<CollectiveMap> {
  const { collective } = await collectiveAccess(db, userId, collectiveId);
  const members = await activeMemberIds(db, collectiveId);
  const [latest] = await latestAdoptedVersions(db, [collective.commonFrameworkId]);
  const indicators = latest ? await indicatorsOf(db, [latest.id]) : [];
  const label = (i: (typeof indicators)[number]) => (query.lang === 'en' && i.labelEn ? i.labelEn : i.labelFr);
  const mappable = indicators.filter((i) => MAPPABLE.has(i.computation.type));
  const chosen = query.code === undefined ? mappable[0] : indicators.find((i) => i.code === query.code);
  if (query.code !== undefined && !chosen) throw new NotFound('indicator_not_found', 'Indicateur introuvable dans le référentiel commun adopté.', 'Indicator not found in the adopted common framework.');
  if (chosen && !MAPPABLE.has(chosen.computation.type)) {
    throw new Invalid('indicator_not_mappable', 'Les chiffres d’activité sont déclarés par organisation, pas par commune : ils ne se cartographient pas.', 'Activity figures are reported per organisation, not per commune: they are not mapped.', [
      { field: 'querystring.code', message: 'activity figure' },
    ]);
  }
  const periods = sortPeriodsNewestFirst(await periodsWithData(db, members));
  const period = choosePeriod(query.period, periods);
  const universe = collective.territoryLevel && collective.territoryCode ? { level: collective.territoryLevel, code: collective.territoryCode } : null;
  const k = collective.suppressionThreshold;

  let rollUp: RollUp = { departements: new Map(), regions: new Map(), nation: new Map(), unplaced: new Map() };
  if (chosen && latest && period) {
    const scope = { versions: [{ id: latest.id, frameworkId: collective.commonFrameworkId }], indicators, organisationIds: members, period, universe, codes: [chosen.code] };
    rollUp = (await areaRollUps(db, source, scope)).get(`${collective.commonFrameworkId}|${chosen.code}`) ?? rollUp;
  }
  const hidden = suppressAreas(rollUp, k).hidden;
  const type = (chosen?.computation.type ?? 'count');
  const figure = (id: string, byOrganisation: ByOrganisation | undefined) => {
    const { partial } = areaPartial(byOrganisation);
    const f = figureFromPartial(type, partial);
    const suppressed = hidden.has(id);
    return { value: suppressed ? null : f.value, n: f.n, ci: suppressed ? null : f.ci, suppressed, organisations: partial.organisations };
  };
  return {
    collectiveId,
    indicators: mappable.map((i) => ({ code: i.code, label: label(i), computation: i.computation })),
    indicator: chosen ? { code: chosen.code, label: label(chosen), unit: chosen.unit, computation: chosen.computation } : null,
    level: query.level,
    period,
    periods,
    suppressionThreshold: k,
    territory: universe ? { ...universe, name: territoryName(universe)! } : null,
    total: { ...figure(ROOT, rollUp.nation), name: universe ? territoryName(universe)! : query.lang === 'en' ? 'France' : 'France entière' },
    unplaced: figure(UNPLACED, rollUp.unplaced),
    areas: areasOf(query.level, universe).map((t) => ({
      code: t.code,
      name: territoryName(t)!,
      region: t.level === 'departement' ? findDepartement(t.code)!.region : null,
      ...figure(areaId(t), t.level === 'departement' ? rollUp.departements.get(t.code) : rollUp.regions.get(t.code)),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Where members act

/**
 * Per département, the active members acting there: through their own commune or a site. The
 * départements where none acts are those with no organisation listed.
 */
export async function collectiveCoverage(db: Db, userId: string, collectiveId: string): Promise<Coverage> {
  const { collective } = await collectiveAccess(db, userId, collectiveId);
  const universe = collective.territoryLevel && collective.territoryCode ? { level: collective.territoryLevel, code: collective.territoryCode } : null;
  const members = await repo.activeMembersWithCommune(db, collectiveId);
  const sites = await repo.sitesOf(db, members.map((m) => m.organisationId));
  const place = (code: string) => ({ communeCode: code, communeName: communeIndex().get(code)?.name ?? null });

  type Entry = Coverage['departements'][number]['organisations'][number];
  const byDepartement = new Map<string, Map<string, Entry>>();
  const entry = (departement: string, m: (typeof members)[number]) => {
    const orgs = byDepartement.get(departement) ?? new Map<string, Entry>();
    byDepartement.set(departement, orgs);
    const e = orgs.get(m.organisationId) ?? { organisationId: m.organisationId, name: m.name, seat: null, sites: [] };
    orgs.set(m.organisationId, e);
    return e;
  };
  const unlocated: Coverage['unlocated'] = [];
  const outside: Coverage['outside'] = [];
  for (const m of members) {
    const own = sites.filter((s) => s.organisationId === m.organisationId);
    const codes = [...(m.communeCode ? [m.communeCode] : []), ...own.map((s) => s.communeCode)];
    if (codes.every((c) => departementCodeOf(c) === null)) {
      unlocated.push({ organisationId: m.organisationId, name: m.name });
      continue;
    }
    if (universe && !codes.some((c) => communeInTerritory(c, universe))) outside.push({ organisationId: m.organisationId, name: m.name });
    const seat = m.communeCode ? departementCodeOf(m.communeCode) : null;
    if (m.communeCode && seat) entry(seat, m).seat = place(m.communeCode);
    for (const s of own) {
      const d = departementCodeOf(s.communeCode);
      if (d) entry(d, m).sites.push({ id: s.id, name: s.name, ...place(s.communeCode) });
    }
  }
  const departements = areasOf('departement', universe).map((t) => {
    const d = findDepartement(t.code)!;
    return { code: d.code, name: d.name, region: d.region, regionName: findRegion(d.region)!.name, organisations: [...(byDepartement.get(d.code)?.values() ?? [])] };
  });
  const regions = areasOf('region', universe).map((t) => {
    const inRegion = departements.filter((d) => d.region === t.code);
    return {
      code: t.code,
      name: territoryName(t)!,
      organisations: new Set(inRegion.flatMap((d) => d.organisations.map((o) => o.organisationId))).size,
      departements: inRegion.length,
      covered: inRegion.filter((d) => d.organisations.length > 0).length,
    };
  });
  return { collectiveId, territory: universe ? { ...universe, name: territoryName(universe)! } : null, departements, regions, unlocated, outside };
}
