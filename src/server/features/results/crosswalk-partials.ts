import type { Db } from '../../../db/connect.ts';
import { crosswalkPartial, mergeSameOrganisation, type ValueCount } from '../../../domain/crosswalk.ts';
import type { Computation } from '../../../contracts/frameworks.ts';
import * as repo from './repository.ts';

interface IndicatorOfVersion {
  versionId: string;
  code: string;
  computation: Computation;
  definitionKey: string;
}

export interface WithCrosswalks {
  /** One partial per indicator × organisation: direct answers and crosswalked ones together. */
  partials: repo.PartialRow[];
  /** Organisations whose data reaches the indicator through a crosswalk, by `frameworkId|code`. */
  crosswalkOrganisations: (key: string) => number;
}

/**
 * Adds the converted answers of crosswalked questions to the direct partials.
 *
 * An organisation that answers the common question directly *and* has a crosswalk onto the
 * same indicator contributes both: they are different questions, so (unlike one question
 * answered twice) different answers, usually from different people or campaigns. Its partials
 * are merged into one so that it still counts once in `organisations` and its n, not the n of
 * each source, is what small-cell suppression looks at.
 */
export async function includeCrosswalks(
  db: Db,
  versions: readonly { id: string; frameworkId: string }[],
  indicators: readonly IndicatorOfVersion[],
  organisationIds: readonly string[],
  period: string | null,
  direct: readonly repo.PartialRow[],
): Promise<WithCrosswalks> {
  const frameworkOf = new Map(versions.map((v) => [v.id, v.frameworkId]));
  const indicatorOf = new Map(indicators.map((i) => [`${frameworkOf.get(i.versionId)}|${i.code}`, i]));
  const rows = period ? await repo.crosswalkValueCounts(db, [...new Set(versions.map((v) => v.frameworkId))], organisationIds, period) : [];

  const groups = new Map<string, { row: repo.CrosswalkValueRow; counts: ValueCount[] }>();
  for (const row of rows) {
    const key = `${row.crosswalkId}|${row.organisationId}`;
    const group = groups.get(key) ?? { row, counts: [] };
    group.counts.push({ options: row.options, num: row.num, count: row.count });
    groups.set(key, group);
  }

  const byOrganisation = new Map<string, repo.PartialRow[]>();
  const add = (p: repo.PartialRow) => {
    const key = `${p.frameworkId}|${p.code}|${p.organisationId}`;
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), p]);
  };
  direct.forEach(add);
  const viaCrosswalk = new Map<string, Set<string>>();
  for (const { row, counts } of groups.values()) {
    const indicatorKey = `${row.frameworkId}|${row.code}`;
    const indicator = indicatorOf.get(indicatorKey);
    // The indicator left the version shown, or its definition changed since the rule was
    // written (a series break): the rule no longer applies.
    if (!indicator || indicator.definitionKey !== row.definition) continue;
    const partial = crosswalkPartial(row.rule, indicator.computation, counts);
    if (partial.n === 0) continue;
    add({ ...partial, frameworkId: row.frameworkId, code: row.code, organisationId: row.organisationId });
    viaCrosswalk.set(indicatorKey, (viaCrosswalk.get(indicatorKey) ?? new Set()).add(row.organisationId));
  }

  const partials = [...byOrganisation.values()].map((parts) =>
    parts.length === 1 ? parts[0]! : { ...mergeSameOrganisation(parts), frameworkId: parts[0]!.frameworkId, code: parts[0]!.code, organisationId: parts[0]!.organisationId },
  );
  return { partials, crosswalkOrganisations: (key) => viaCrosswalk.get(key)?.size ?? 0 };
}
