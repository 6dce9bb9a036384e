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
  /** Within a territory: only answers collected in its communes. */
  communePrefixes?: readonly string[],
): Promise<WithCrosswalks> {
  const rows = period ? await repo.crosswalkValueCounts(db, [...new Set(versions.map((v) => v.frameworkId))], organisationIds, period, { communePrefixes }) : [];
  const converted = convertCrosswalks(versions, indicators, rows);
  // Direct partials are already one per indicator × organisation: nothing to merge.
  if (converted.length === 0) return { partials: [...direct], crosswalkOrganisations: () => 0 };

  const byOrganisation = new Map<string, repo.PartialRow[]>();
  const add = (p: repo.PartialRow) => {
    const key = `${p.frameworkId}|${p.code}|${p.organisationId}`;
    const list = byOrganisation.get(key);
    if (list) list.push(p);
    else byOrganisation.set(key, [p]);
  };
  direct.forEach(add);
  const viaCrosswalk = new Map<string, Set<string>>();
  for (const c of converted) {
    add({ ...c.partial, frameworkId: c.frameworkId, code: c.code, organisationId: c.organisationId });
    const indicatorKey = `${c.frameworkId}|${c.code}`;
    viaCrosswalk.set(indicatorKey, (viaCrosswalk.get(indicatorKey) ?? new Set()).add(c.organisationId));
  }

  const partials = [...byOrganisation.values()].map((parts) =>
    parts.length === 1 ? parts[0]! : { ...mergeSameOrganisation(parts), frameworkId: parts[0]!.frameworkId, code: parts[0]!.code, organisationId: parts[0]!.organisationId },
  );
  return { partials, crosswalkOrganisations: (key) => viaCrosswalk.get(key)?.size ?? 0 };
}

/**
 * Converted answers of crosswalked questions per commune where they were collected (null when
 * the response has no commune), for maps and territories: summed over communes, they are what
 * `includeCrosswalks` adds.
 */
export async function crosswalkCommunePartials(
  db: Db,
  versions: readonly { id: string; frameworkId: string }[],
  indicators: readonly IndicatorOfVersion[],
  organisationIds: readonly string[],
  period: string,
  communePrefixes?: readonly string[],
): Promise<(repo.PartialRow & { cell: string | null })[]> {
  const rows = await repo.crosswalkValueCounts(db, [...new Set(versions.map((v) => v.frameworkId))], organisationIds, period, { communePrefixes, byCommune: true });
  return convertCrosswalks(versions, indicators, rows).map((c) => ({ ...c.partial, frameworkId: c.frameworkId, code: c.code, organisationId: c.organisationId, cell: c.cell }));
}

/** Each crosswalk's answers of one organisation (and commune) converted into one partial. */
function convertCrosswalks(versions: readonly { id: string; frameworkId: string }[], indicators: readonly IndicatorOfVersion[], rows: readonly repo.CrosswalkValueRow[]) {
  const frameworkOf = new Map(versions.map((v) => [v.id, v.frameworkId]));
  const indicatorOf = new Map(indicators.map((i) => [`${frameworkOf.get(i.versionId)}|${i.code}`, i]));
  const groups = new Map<string, { row: repo.CrosswalkValueRow; counts: ValueCount[] }>();
  for (const row of rows) {
    const key = `${row.crosswalkId}|${row.organisationId}|${row.cell ?? ''}`;
    const group = groups.get(key) ?? { row, counts: [] };
    group.counts.push({ options: row.options, num: row.num, count: row.count });
    groups.set(key, group);
  }
  const out: { frameworkId: string; code: string; organisationId: string; cell: string | null; partial: repo.PartialRow }[] = [];
  for (const { row, counts } of groups.values()) {
    const indicator = indicatorOf.get(`${row.frameworkId}|${row.code}`);
    // The indicator left the version shown, or its definition changed since the rule was
    // written (a series break): the rule no longer applies.
    if (!indicator || indicator.definitionKey !== row.definition) continue;
    const partial = crosswalkPartial(row.rule, indicator.computation, counts);
    if (partial.n === 0) continue;
    out.push({ frameworkId: row.frameworkId, code: row.code, organisationId: row.organisationId, cell: row.cell ?? null, partial: { ...partial, frameworkId: row.frameworkId, code: row.code, organisationId: row.organisationId } });
  }
  return out;
}
