/**
 * An organisation against its sector: for each common share or mean, its own figure, the
 * collective's, where it stands among the members (quartiles and its rank, when enough members
 * have enough answers) and both lines over time. The members' figures are read from their
 * partial sums, like every other figure (src/server/features/results).
 */
import type { Db } from '../../../db/connect.ts';
import type { Locale } from '../../../contracts/common.ts';
import type { Comparison, ComparisonIndicator, ComparisonTrend } from '../../../contracts/comparison.ts';
import { compareWithMembers, MINIMUM_MEMBERS } from '../../../domain/distribution.ts';
import { Invalid, NotFound } from '../../../domain/errors.ts';
import { figureFromPartial } from '../../../domain/indicator-value.ts';
import { emptyPartial, type Partial as PartialSums } from '../../../domain/partials.ts';
import { sortPeriodsNewestFirst } from '../../../domain/periods.ts';
import { activeMemberIds, findCollective } from '../collectives/repository.ts';
import { indicatorsOf } from '../frameworks/repository.ts';
import { commonVersionsFor, presentIndicator } from '../frameworks/service.ts';
import { getOrganisation } from '../organisations/service.ts';
import { includeCrosswalks } from '../results/crosswalk-partials.ts';
import type { ResultsSource } from '../results/partials-repository.ts';
import * as results from '../results/repository.ts';
import { choosePeriod, compute, trend, type Source } from '../results/service.ts';

type Comparable = 'share' | 'mean';
const comparable = (type: string): type is Comparable => type === 'share' || type === 'mean';

/**
 * The people of the organisation only (outsiders learn nothing: 404), and a collective the
 * organisation is an active member of, with the version of its common framework in use.
 */
async function comparisonScope(db: Db, userId: string, organisationId: string, collectiveId: string) {
  await getOrganisation(db, userId, organisationId);
  const entry = (await commonVersionsFor(db, organisationId)).find((c) => c.collective.collectiveId === collectiveId);
  const collective = entry ? await findCollective(db, collectiveId) : null;
  if (!entry || !collective) {
    throw new NotFound('collective_not_found', 'Votre organisation n’est pas membre active de ce collectif.', 'Your organisation is not an active member of this collective.');
  }
  return { entry, collective, members: await activeMemberIds(db, collectiveId) };
}

/**
 * One partial per indicator code and member: direct answers from the partial sums (or every
 * answer, with SOCLE_RESULTS_SOURCE=answers) and crosswalked ones, as the collective's figure has.
 */
async function memberPartials(db: Db, source: ResultsSource, version: { id: string; frameworkId: string }, indicators: Awaited<ReturnType<typeof indicatorsOf>>, members: string[], period: string) {
  const direct = await results.dimensionPartials(db, source, { versionIds: [version.id], frameworkIds: [version.frameworkId], organisationIds: members, period }, '');
  const { partials } = await includeCrosswalks(db, [version], indicators, members, period, direct);
  const byCode = new Map<string, Map<string, PartialSums>>();
  for (const p of partials) {
    const ofCode = byCode.get(p.code) ?? new Map<string, PartialSums>();
    ofCode.set(p.organisationId, p);
    byCode.set(p.code, ofCode);
  }
  return byCode;
}

export async function organisationComparison(
  db: Db,
  userId: string,
  organisationId: string,
  query: { collectiveId: string; period?: string; lang?: Locale },
  source: ResultsSource = 'partials',
): Promise<Comparison> {
  const { entry, collective, members } = await comparisonScope(db, userId, organisationId, query.collectiveId);
  const locale = query.lang ?? 'fr';
  const threshold = collective.suppressionThreshold;
  const frameworkId = entry.collective.frameworkId;
  const version = entry.inUse;
  const periods = sortPeriodsNewestFirst(await results.periodsWithData(db, members));
  // By default the organisation's own latest period: the one it has something to compare in.
  const own = sortPeriodsNewestFirst(await results.periodsWithData(db, [organisationId]));
  const period = choosePeriod(query.period, own.length > 0 ? own : periods);
  const head = {
    organisationId,
    collective: { id: collective.id, name: collective.name, suppressionThreshold: threshold },
    minimumMembers: MINIMUM_MEMBERS,
    framework: { frameworkId, versionNumber: version?.number ?? null, chosen: entry.own !== null },
    period,
    periods,
  };
  if (!version) return { ...head, indicators: [] };

  const common: Source = { frameworkId, scope: 'common', name: collective.name, versionId: version.id, versionNumber: version.number, chosen: entry.own !== null };
  const indicators = (await indicatorsOf(db, [version.id])).filter((i) => comparable(i.computation.type));
  if (indicators.length === 0) return { ...head, indicators: [] };
  // The sector's figure under the definition the organisation uses, so that both compare.
  const sector = await compute(db, source, [common], members, period, locale, threshold, await results.populationsServed(db, members));
  const partials = period ? await memberPartials(db, source, { id: version.id, frameworkId }, indicators, members, period) : new Map<string, Map<string, PartialSums>>();

  return {
    ...head,
    indicators: indicators.map((row): ComparisonIndicator => {
      const ind = presentIndicator(frameworkId, row);
      const type = ind.computation.type as Comparable;
      const ofCode = partials.get(row.code) ?? new Map<string, PartialSums>();
      const figureOf = (id: string) => figureFromPartial(type, ofCode.get(id) ?? emptyPartial());
      const mine = figureOf(organisationId);
      const distribution = compareWithMembers(
        members.map((id) => ({ organisationId: id, ...figureOf(id) })),
        organisationId,
        ind.polarity,
        threshold,
      );
      const pooled = sector.find((s) => s.code === row.code)!;
      return {
        frameworkId,
        code: ind.code,
        label: locale === 'en' && ind.labelEn ? ind.labelEn : ind.labelFr,
        labelFr: ind.labelFr,
        labelEn: ind.labelEn,
        unit: ind.unit,
        polarity: ind.polarity,
        computation: ind.computation,
        organisation: { value: mine.value, n: mine.n, ci: mine.ci },
        sector: { value: pooled.value, n: pooled.n, ci: pooled.ci, suppressed: pooled.suppressed, organisations: pooled.organisations, estimates: pooled.sector },
        distribution: distribution.shown
          ? { shown: true, q1: distribution.q1, median: distribution.median, q3: distribution.q3, members: distribution.members }
          : distribution,
        rank: distribution.shown ? distribution.rank : null,
        rankWithheld: distribution.shown ? distribution.rankWithheld : 'distribution_hidden',
      };
    }),
  };
}

/**
 * One indicator over every period, for the organisation and for the sector. trend() numbers
 * the series of each side from the answers it reads; the organisation's are renumbered by
 * definition after the sector's (whose answers include its own), so that one number is one
 * definition on both lines.
 */
export async function comparisonTrend(
  db: Db,
  userId: string,
  organisationId: string,
  query: { collectiveId: string; code: string; lang?: Locale },
  source: ResultsSource = 'partials',
): Promise<ComparisonTrend> {
  const { entry, collective, members } = await comparisonScope(db, userId, organisationId, query.collectiveId);
  const frameworkId = entry.collective.frameworkId;
  const locale = query.lang ?? 'fr';
  const inUse = entry.inUse?.id;
  const mine = await trend(db, source, frameworkId, query.code, [organisationId], locale, null, inUse);
  if (!comparable(mine.computation.type)) {
    throw new Invalid('not_comparable', 'Seuls les pourcentages et les moyennes se comparent au secteur.', 'Only shares and means are compared with the sector.', [
      { field: 'querystring.code', message: mine.computation.type },
    ]);
  }
  const sector = await trend(db, source, frameworkId, query.code, members, locale, collective.suppressionThreshold, inUse);
  const series = [...sector.series];
  const numberOf = new Map(series.map((s) => [s.definitionKey, s.number]));
  for (const s of mine.series) {
    if (numberOf.has(s.definitionKey)) continue;
    numberOf.set(s.definitionKey, series.length + 1);
    series.push({ ...s, number: series.length + 1 });
  }
  const renumber = new Map(mine.series.map((s) => [s.number, numberOf.get(s.definitionKey)!]));
  return {
    collectiveId: collective.id,
    frameworkId,
    code: sector.code,
    label: sector.label,
    unit: sector.unit,
    computation: sector.computation,
    currentSeries: sector.currentSeries,
    series,
    periods: sortPeriodsNewestFirst([...new Set([...mine.periods, ...sector.periods])]).reverse(),
    organisation: mine.points.map((p) => ({ ...p, series: renumber.get(p.series) ?? p.series })),
    sector: sector.points,
  };
}
