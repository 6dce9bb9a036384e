import type { Db } from '../../../db/connect.ts';
import { Invalid } from '../../../domain/errors.ts';
import { figureFromPartial } from '../../../domain/indicator-value.ts';
import { emptyPartial, mergePartials } from '../../../domain/partials.ts';
import { suppressForOthers } from '../../../domain/suppression.ts';
import { sortPeriodsNewestFirst } from '../../../domain/periods.ts';
import { period as periodSchema, type Locale } from '../../../contracts/common.ts';
import type { IndicatorResult } from '../../../contracts/results.ts';
import { activeCollectivesOf, activeMemberIds } from '../collectives/repository.ts';
import { collectiveAccess } from '../collectives/service.ts';
import { indicatorsOf, latestAdoptedVersions } from '../frameworks/repository.ts';
import { presentIndicator } from '../frameworks/service.ts';
import { getOrganisation } from '../organisations/service.ts';
import * as repo from './repository.ts';
import { includeCrosswalks } from './crosswalk-partials.ts';

interface Source {
  frameworkId: string;
  scope: 'common' | 'specific';
}

function choosePeriod(requested: string | undefined, periods: string[]): string | null {
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
async function compute(db: Db, sources: Source[], organisationIds: string[], period: string | null, locale: Locale, threshold: number | null): Promise<IndicatorResult[]> {
  const versions = await latestAdoptedVersions(db, sources.map((s) => s.frameworkId));
  const rows = await indicatorsOf(db, versions.map((v) => v.id));
  const frameworkOfVersion = new Map(versions.map((v) => [v.id, v.frameworkId]));
  const partials = period
    ? [
        ...(await repo.answerPartials(db, versions.map((v) => v.id), organisationIds, period)),
        ...(await repo.activityPartials(db, versions.map((v) => v.id), organisationIds, period)),
      ]
    : [];
  // Answers to crosswalked questions join in, one partial per organisation (crosswalk-partials.ts).
  const withCrosswalks = await includeCrosswalks(db, versions, rows, organisationIds, period, partials);
  const byKey = new Map<string, typeof partials>();
  for (const p of withCrosswalks.partials) {
    const key = `${p.frameworkId}|${p.code}`;
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
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
        crosswalkOrganisations: withCrosswalks.crosswalkOrganisations(`${frameworkId}|${row.code}`),
      };
    })
    .sort((a, b) => order(a.frameworkId) - order(b.frameworkId));
}

/** An organisation sees its own figures unsuppressed: the data are its own. */
export async function organisationResults(db: Db, userId: string, organisationId: string, query: { period?: string; lang?: Locale }) {
  const org = await getOrganisation(db, userId, organisationId);
  const collectives = await activeCollectivesOf(db, organisationId);
  const sources: Source[] = [
    ...collectives.map((c) => ({ frameworkId: c.frameworkId, scope: 'common' as const })),
    { frameworkId: org.specificFrameworkId, scope: 'specific' as const },
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
    indicators: await compute(db, sources, [organisationId], period, query.lang ?? 'fr', null),
  };
}

/** A collective's figures pool its active members; small cells are never shown. */
export async function collectiveResults(db: Db, userId: string, collectiveId: string, query: { period?: string; lang?: Locale }) {
  const { collective } = await collectiveAccess(db, userId, collectiveId);
  const members = await activeMemberIds(db, collectiveId);
  const periods = sortPeriodsNewestFirst(await repo.periodsWithData(db, members));
  const period = choosePeriod(query.period, periods);
  return {
    scope: 'collective' as const,
    id: collective.id,
    name: collective.name,
    period,
    periods,
    suppressionThreshold: collective.suppressionThreshold,
    indicators: await compute(db, [{ frameworkId: collective.commonFrameworkId, scope: 'common' }], members, period, query.lang ?? 'fr', collective.suppressionThreshold),
  };
}
