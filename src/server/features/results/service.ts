import type { Db } from '../../../db/connect.ts';
import { Invalid } from '../../../domain/errors.ts';
import { figureFromPartial } from '../../../domain/indicator-value.ts';
import { emptyPartial, mergePartials } from '../../../domain/partials.ts';
import { suppressForOthers } from '../../../domain/suppression.ts';
import { representativity, sectorMean, sectorShare } from '../../../domain/estimators.ts';
import { sortPeriodsNewestFirst } from '../../../domain/periods.ts';
import { period as periodSchema, type Locale } from '../../../contracts/common.ts';
import type { IndicatorResult } from '../../../contracts/results.ts';
import { activeMemberIds } from '../collectives/repository.ts';
import { collectiveAccess } from '../collectives/service.ts';
import { findFramework, indicatorsOf, latestAdoptedVersions, versionsOf } from '../frameworks/repository.ts';
import { commonVersionsFor, presentIndicator } from '../frameworks/service.ts';
import { NotFound } from '../../../domain/errors.ts';
import { numberSeries, parseDefinitionKey } from '../../../domain/definitions.ts';
import { getOrganisation } from '../organisations/service.ts';
import * as repo from './repository.ts';
import type { ResultsSource } from './partials-repository.ts';
import { includeCrosswalks } from './crosswalk-partials.ts';
import { crosswalkPartial, mergeSameOrganisation, type CrosswalkRule, type TargetComputation, type ValueCount } from '../../../domain/crosswalk.ts';
import type { Partial as PartialSums } from '../../../domain/partials.ts';
import { territoryName } from '../../../domain/territories.ts';
import { hideAsOnTheMap, territoryView } from './territory-partials.ts';

export interface Source {
  frameworkId: string;
  scope: 'common' | 'specific';
  name: string;
  /** The version whose indicators are shown; null when none is adopted yet. */
  versionId: string | null;
  versionNumber: number | null;
  /** For an organisation's common framework: whether it adopted that version itself. */
  chosen: boolean;
}

export function choosePeriod(requested: string | undefined, periods: string[]): string | null {
  if (requested === undefined) return periods[0] ?? null;
  if (!periodSchema.safeParse(requested).success) {
    throw new Invalid('invalid_period', 'Période invalide (par exemple 2026, 2026-S1, 2026-T2 ou 2026-03).', 'Invalid period (e.g. 2026, 2026-S1, 2026-T2 or 2026-03).', [
      { field: 'querystring.period', message: 'invalid period' },
    ]);
  }
  return requested;
}

/**
 * Two steps: SQL returns partial sums per indicator and organisation; the domain merges them,
 * computes values and intervals and, where asked, suppresses small cells.
 */
export async function compute(db: Db, source: ResultsSource, sources: Source[], organisationIds: string[], period: string | null, locale: Locale, threshold: number | null, populations: Map<string, number | null> | null = null, territory: repo.TerritoryFilter | null = null): Promise<IndicatorResult[]> {
  const inside = territory ?? undefined;
  const versions = sources.flatMap((s) => (s.versionId ? [{ id: s.versionId, frameworkId: s.frameworkId }] : []));
  const versionIds = versions.map((v) => v.id);
  const frameworkIds = versions.map((v) => v.frameworkId);
  const frameworkOfVersion = new Map(versions.map((v) => [v.id, v.frameworkId]));
  const [rows, answered, reported, excluded] = await Promise.all([
    indicatorsOf(db, versionIds),
    period ? repo.answerPartials(db, source, versionIds, frameworkIds, organisationIds, period, inside) : [],
    period ? repo.activityPartials(db, versionIds, inside ? inside.organisationsInside : organisationIds, period) : [],
    period ? repo.otherDefinitionCounts(db, source, versionIds, frameworkIds, organisationIds, period, inside) : new Map<string, number>(),
  ]);
  const partials = [...answered, ...reported];
  // Answers to crosswalked questions join in, one partial per organisation (crosswalk-partials.ts).
  const withCrosswalks = await includeCrosswalks(db, versions, rows, organisationIds, period, partials, inside?.communePrefixes);
  const byKey = new Map<string, typeof partials>();
  for (const p of withCrosswalks.partials) {
    const key = `${p.frameworkId}|${p.code}`;
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const scopeOf = new Map(sources.map((s) => [s.frameworkId, s.scope]));
  const order = (id: string) => sources.findIndex((s) => s.frameworkId === id);
  return rows
    .map((row) => {
      const frameworkId = frameworkOfVersion.get(row.versionId)!;
      const ind = presentIndicator(frameworkId, row);
      const parts = byKey.get(`${frameworkId}|${row.code}`) ?? [emptyPartial()];
      const merged = mergePartials(parts);
      const figure = figureFromPartial(ind.computation.type, merged);
      const largest = Math.max(...parts.map((p) => p.n));
      // Activity figures are what organisations report about their work, not answers from
      // people: they are not suppressed (docs/decisions/004).
      const protect = threshold !== null && ind.computation.type !== 'sum';
      const shown = protect ? suppressForOthers(figure, largest, threshold) : { ...figure, suppressed: false };
      return {
        frameworkId,
        scope: scopeOf.get(frameworkId)!,
        code: ind.code,
        label: locale === 'en' && ind.labelEn ? ind.labelEn : ind.labelFr,
        labelFr: ind.labelFr,
        labelEn: ind.labelEn,
        kind: ind.kind,
        stakeholderGroup: ind.stakeholderGroup,
        unit: ind.unit,
        polarity: ind.polarity,
        computation: ind.computation,
        value: shown.value,
        n: shown.n,
        ci: shown.ci,
        suppressed: shown.suppressed,
        organisations: merged.organisations,
        otherDefinitionN: excluded.get(`${frameworkId}|${row.code}`) ?? 0,
        crosswalkOrganisations: withCrosswalks.crosswalkOrganisations(`${frameworkId}|${row.code}`),
        sector: populations && !shown.suppressed ? sectorFigures(ind.computation.type, parts, populations) : null,
      };
    })
    .sort((a, b) => order(a.frameworkId) - order(b.frameworkId));
}

/**
 * A collective's figure two ways, from the same per-member partial sums: pooled, and weighted by
 * the people each member serves (members without answers are counted, not weighed).
 */
function sectorFigures(type: string, parts: readonly (PartialSums & { organisationId?: string })[], populations: Map<string, number | null>): IndicatorResult['sector'] {
  if (type !== 'share' && type !== 'mean') return null;
  const perMember = new Map<string, PartialSums>();
  for (const id of populations.keys()) perMember.set(id, emptyPartial());
  for (const p of parts) {
    if (!p.organisationId) continue;
    // Added in place: a new partial per part is a lot of garbage at a thousand members.
    const total = perMember.get(p.organisationId) ?? emptyPartial();
    total.n += p.n;
    total.hits += p.hits;
    total.sum += p.sum;
    total.sumSquares += p.sumSquares;
    total.organisations += p.organisations;
    perMember.set(p.organisationId, total);
  }
  const members = [...perMember.entries()].map(([id, p]) => ({ p, population: populations.get(id) ?? null }));
  const estimate =
    type === 'share'
      ? sectorShare(members.map(({ p, population }) => ({ n: p.n, successes: p.hits, population })))
      : sectorMean(members.map(({ p, population }) => ({ n: p.n, sum: p.sum, sumSquares: p.sumSquares, population })));
  const ci = estimate.pooled.interval;
  const stated = members.flatMap(({ population }) => (population === null ? [] : [population]));
  const served = stated.length === 0 ? null : stated.reduce((a, b) => a + b, 0);
  const flag = representativity({
    answers: estimate.pooled.n,
    ...(type === 'share' ? { margin: ci ? (ci.high - ci.low) / 2 : null } : {}),
    membersWithoutAnswers: estimate.strataWithoutAnswers,
  });
  return {
    pooled: { value: estimate.pooled.value, ci: estimate.pooled.interval },
    weighted: estimate.weighted ? { value: estimate.weighted.value, ci: estimate.weighted.interval } : null,
    membersWithoutAnswers: estimate.strataWithoutAnswers,
    populationWithoutAnswers: estimate.populationWithoutAnswers,
    populationServed: served,
    responseRate: served === null ? null : Math.min(1, estimate.pooled.n / served),
    representative: flag.representative,
    reasons: flag.reasons,
    rule: flag.rule,
  };
}

function presentSource(s: Source) {
  return { frameworkId: s.frameworkId, scope: s.scope, name: s.name, versionNumber: s.versionNumber, chosen: s.chosen };
}

/** An organisation sees its own figures unsuppressed: the data are its own. */
export async function organisationResults(db: Db, userId: string, organisationId: string, query: { period?: string; lang?: Locale }, source: ResultsSource = 'partials') {
  const org = await getOrganisation(db, userId, organisationId);
  const common = await commonVersionsFor(db, organisationId);
  const [specific] = await latestAdoptedVersions(db, [org.specificFrameworkId]);
  const sources: Source[] = [
    ...common.map((c) => ({
      frameworkId: c.collective.frameworkId,
      scope: 'common' as const,
      name: c.collective.name,
      versionId: c.inUse?.id ?? null,
      versionNumber: c.inUse?.number ?? null,
      chosen: c.own !== null,
    })),
    { frameworkId: org.specificFrameworkId, scope: 'specific' as const, name: org.name, versionId: specific?.id ?? null, versionNumber: specific?.number ?? null, chosen: true },
  ];
  const periods = sortPeriodsNewestFirst(await repo.periodsWithData(db, [organisationId]));
  const period = choosePeriod(query.period, periods);
  return {
    scope: 'organisation' as const,
    id: org.id,
    name: org.name,
    period,
    periods,
    suppressionThreshold: null,
    territory: null,
    frameworks: sources.map(presentSource),
    indicators: await compute(db, source, sources, [organisationId], period, query.lang ?? 'fr', null),
  };
}

/**
 * A collective's figures pool its active members; small cells are never shown. A territorial
 * collective counts only answers collected in its territory; `territory` reads one département
 * or région within it, hidden wherever the map hides it (territory-partials.ts).
 */
export async function collectiveResults(db: Db, userId: string, collectiveId: string, query: { period?: string; lang?: Locale; territory?: string }, source: ResultsSource = 'partials') {
  const { collective } = await collectiveAccess(db, userId, collectiveId);
  const members = await activeMemberIds(db, collectiveId);
  const [latest] = await latestAdoptedVersions(db, [collective.commonFrameworkId]);
  const common: Source = { frameworkId: collective.commonFrameworkId, scope: 'common', name: collective.name, versionId: latest?.id ?? null, versionNumber: latest?.number ?? null, chosen: true };
  const periods = sortPeriodsNewestFirst(await repo.periodsWithData(db, members));
  const period = choosePeriod(query.period, periods);
  const view = await territoryView(db, collective, members, query.territory);
  let indicators = await compute(db, source, [common], members, period, query.lang ?? 'fr', collective.suppressionThreshold, await repo.populationsServed(db, members), view.filter);
  if (view.area && period && latest && (!view.universe || view.area.level !== view.universe.level || view.area.code !== view.universe.code)) {
    const scope = { versions: [{ id: latest.id, frameworkId: collective.commonFrameworkId }], indicators: await indicatorsOf(db, [latest.id]), organisationIds: members, period, universe: view.universe };
    indicators = await hideAsOnTheMap(db, source, scope, view.area, indicators, collective.suppressionThreshold);
  }
  return {
    scope: 'collective' as const,
    id: collective.id,
    name: collective.name,
    period,
    periods,
    suppressionThreshold: collective.suppressionThreshold,
    territory: view.area ? { ...view.area, name: territoryName(view.area)! } : null,
    frameworks: [presentSource(common)],
    indicators,
  };
}

/**
 * One indicator over every period. Answers collected under different definitions are never
 * pooled: each definition is its own series, numbered in the order versions adopted them, and
 * the points say which series they belong to so that charts can show the break.
 */
export async function trend(db: Db, source: ResultsSource, frameworkId: string, code: string, organisationIds: string[], locale: Locale, threshold: number | null, versionInUse?: string, territory?: repo.TerritoryFilter) {
  const versions = (await versionsOf(db, frameworkId)).slice().reverse();
  const history = await indicatorsOf(db, versions.map((v) => v.id));
  const adoptedIds = new Set(versions.filter((v) => v.status === 'adopted' || v.status === 'retired').map((v) => v.id));
  const ofCode = history.filter((i) => i.code === code);
  // The definition shown as current: that of the version in use (an organisation's choice), else the latest adopted.
  const shown = ofCode.find((i) => i.versionId === versionInUse) ?? [...ofCode].reverse().find((i) => adoptedIds.has(i.versionId)) ?? ofCode.at(-1);
  if (!shown) throw new NotFound('indicator_not_found', 'Indicateur introuvable.', 'Indicator not found.');
  const rows = await repo.trendRows(db, source, frameworkId, code, organisationIds, territory);
  const adoptedKeys = ofCode.filter((i) => adoptedIds.has(i.versionId)).map((i) => i.definitionKey);
  const series = numberSeries(adoptedKeys, [...ofCode.map((i) => i.definitionKey), ...rows.map((r) => r.definition)]);
  const firstVersion = new Map<string, number>();
  for (const i of ofCode) {
    const v = versions.find((x) => x.id === i.versionId)!;
    if (adoptedIds.has(v.id) && !firstVersion.has(i.definitionKey)) firstVersion.set(i.definitionKey, v.number);
  }
  // One partial per period, definition and organisation: direct answers, then crosswalked ones.
  const groups = new Map<string, Map<string, PartialSums[]>>();
  const add = (period: string, definition: string, organisationId: string, p: PartialSums) => {
    const key = `${period}|${definition}`;
    const byOrg = groups.get(key) ?? new Map<string, PartialSums[]>();
    byOrg.set(organisationId, [...(byOrg.get(organisationId) ?? []), p]);
    groups.set(key, byOrg);
  };
  for (const r of rows) {
    const type = parseDefinitionKey(r.definition).type;
    add(r.period, r.definition, r.organisationId, { n: type === 'mean' || type === 'sum' ? r.nNum : type === 'share' ? r.nOptions : r.nAll, hits: r.hits, sum: r.sum, sumSquares: r.sumSquares, organisations: 1 });
  }
  const crosswalked = new Map<string, { rule: CrosswalkRule; counts: ValueCount[]; period: string; definition: string; organisationId: string }>();
  for (const c of await repo.crosswalkTrendCounts(db, frameworkId, code, organisationIds, territory?.communePrefixes)) {
    const key = `${c.period}|${c.definition}|${c.organisationId}|${JSON.stringify(c.rule)}`;
    const entry = crosswalked.get(key) ?? { rule: c.rule, counts: [], period: c.period, definition: c.definition, organisationId: c.organisationId };
    entry.counts.push({ options: c.options, num: c.num, count: c.count });
    crosswalked.set(key, entry);
  }
  for (const c of crosswalked.values()) {
    const def = parseDefinitionKey(c.definition);
    const target = (def.type === 'share' ? { type: 'share', options: def.options } : { type: def.type }) as TargetComputation;
    const partial = crosswalkPartial(c.rule, target, c.counts);
    if (partial.n > 0) add(c.period, c.definition, c.organisationId, { ...partial, organisations: 1 });
  }
  const points = [...groups.entries()].map(([key, byOrg]) => {
    const [period, definition] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
    const type = parseDefinitionKey(definition).type as 'share' | 'mean' | 'count' | 'sum';
    const partials = [...byOrg.values()].map((parts) => ({ ...mergeSameOrganisation(parts), organisations: 1 }));
    const figure = figureFromPartial(type, mergePartials(partials));
    const largest = Math.max(...partials.map((p) => p.n));
    const protect = threshold !== null && type !== 'sum';
    const cell = protect ? suppressForOthers(figure, largest, threshold) : { ...figure, suppressed: false };
    return { period, series: series.get(definition)!, value: cell.value, n: cell.n, ci: cell.ci, suppressed: cell.suppressed };
  });
  const order = sortPeriodsNewestFirst([...new Set(points.map((p) => p.period))]).reverse();
  points.sort((a, b) => order.indexOf(a.period) - order.indexOf(b.period) || a.series - b.series);
  const ind = presentIndicator(frameworkId, shown);
  return {
    frameworkId,
    code,
    label: locale === 'en' && ind.labelEn ? ind.labelEn : ind.labelFr,
    unit: ind.unit,
    computation: ind.computation,
    currentSeries: series.get(shown.definitionKey) ?? 1,
    series: [...series.entries()].map(([definitionKey, number]) => {
      const parsed = parseDefinitionKey(definitionKey);
      return { number, definitionKey, type: parsed.type, options: parsed.options, disaggregations: parsed.disaggregations, fromVersion: firstVersion.get(definitionKey) ?? null };
    }),
    periods: order,
    points,
  };
}

export async function organisationTrend(db: Db, userId: string, organisationId: string, query: { frameworkId: string; code: string; lang?: Locale }, source: ResultsSource = 'partials') {
  const org = await getOrganisation(db, userId, organisationId);
  const common = await commonVersionsFor(db, organisationId);
  const allowed = [org.specificFrameworkId, ...common.map((c) => c.collective.frameworkId)];
  if (!allowed.includes(query.frameworkId) || !(await findFramework(db, query.frameworkId))) {
    throw new NotFound('framework_not_found', 'Référentiel introuvable pour cette organisation.', 'Framework not found for this organisation.');
  }
  const inUse = common.find((c) => c.collective.frameworkId === query.frameworkId)?.inUse?.id;
  return trend(db, source, query.frameworkId, query.code, [organisationId], query.lang ?? 'fr', null, inUse);
}

export async function collectiveTrend(db: Db, userId: string, collectiveId: string, query: { code: string; lang?: Locale }, source: ResultsSource = 'partials') {
  const { collective } = await collectiveAccess(db, userId, collectiveId);
  const members = await activeMemberIds(db, collectiveId);
  // A territorial collective's series counts only answers collected in its territory.
  const view = await territoryView(db, collective, members);
  return trend(db, source, collective.commonFrameworkId, query.code, members, query.lang ?? 'fr', collective.suppressionThreshold, undefined, view.filter ?? undefined);
}
