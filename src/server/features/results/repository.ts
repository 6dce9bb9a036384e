import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import type { Partial } from '../../../domain/partials.ts';
import type { CrosswalkRule } from '../../../domain/crosswalk.ts';
import { likeAny, partialsRelation, type ResultsSource } from './partials-repository.ts';

export interface PartialRow extends Partial {
  frameworkId: string;
  code: string;
  organisationId: string;
}

type Raw = Record<string, unknown>;

/** PGlite gives numbers, node-postgres strings for count and sum: one shape here. */
function toPartialRow(r: Raw): PartialRow {
  return {
    frameworkId: String(r.framework_id),
    code: String(r.code),
    organisationId: String(r.organisation_id),
    n: Number(r.n ?? 0),
    hits: Number(r.hits ?? 0),
    sum: Number(r.sum ?? 0),
    sumSquares: Number(r.sum_squares ?? 0),
    organisations: Number(r.n ?? 0) > 0 ? 1 : 0,
  };
}

function rowsOf(result: unknown): Raw[] {
  return (result as { rows: Raw[] }).rows;
}

function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * Figures read within a territory: answers collected in its communes (the commune dimension,
 * cells starting with its départements' codes), and activity figures of the organisations based
 * there (they are reported per organisation, not per commune).
 */
export interface TerritoryFilter {
  communePrefixes: readonly string[];
  organisationsInside: readonly string[];
}

/** A partial row of one cell of a dimension ('' for the whole). */
export interface CellPartialRow extends PartialRow {
  cell: string;
}

/**
 * Mergeable partial sums per indicator × organisation (× cell of `dimension`) for one period,
 * for the indicators of the given (adopted) versions. Only answers collected under the shown
 * definition count, and only those of the kind it reads (numbers for a mean, options for a
 * share), so every indicator is computed in one pass over the partial sums.
 */
export async function dimensionPartials(
  db: Db,
  source: ResultsSource,
  scope: { versionIds: readonly string[]; frameworkIds: readonly string[]; organisationIds: readonly string[]; period: string; codes?: readonly string[]; communePrefixes?: readonly string[] },
  dimension: string,
): Promise<CellPartialRow[]> {
  if (scope.versionIds.length === 0 || scope.organisationIds.length === 0) return [];
  const p = partialsRelation(source, { organisationIds: scope.organisationIds, period: scope.period, frameworkIds: scope.frameworkIds, codes: scope.codes, dimension, communePrefixes: scope.communePrefixes });
  // One row of the relation per indicator, organisation and cell (its key, with the period,
  // dimension and definition fixed here). A large collective has tens of thousands of them (a
  // hundred thousand for a breakdown): they come back as one row per indicator holding one JSON
  // array per column, since PGlite hands rows over one at a time, several times slower, and
  // node-postgres parses each row's fields one by one too.
  const result = await db.execute(sql`
    select fv.framework_id, i.code,
      json_build_array(array_agg(p.organisation_id), array_agg(p.cell),
        array_agg(case i.computation->>'type' when 'mean' then p.n_num when 'share' then p.n_options else p.n_all end),
        array_agg(p.hits), array_agg(p.sum), array_agg(p.sum_squares))::text as parts
    from indicators i
    -- The versions named on both sides: otherwise PGlite's planner may start from every
    -- organisation's framework version and try each against every partial row.
    join framework_versions fv on fv.id = i.version_id and fv.id = any(${uuidArray(scope.versionIds)})
    join ${p} p on p.framework_id = fv.framework_id and p.indicator_code = i.code
      -- Answers pool only under the definition they were collected for (series breaks).
      and p.definition = i.definition_key
    where i.version_id = any(${uuidArray(scope.versionIds)})
      and i.computation->>'type' <> 'sum'
    group by fv.framework_id, i.id, i.code`);
  const out: CellPartialRow[] = [];
  for (const r of rowsOf(result)) {
    const frameworkId = String(r.framework_id);
    const code = String(r.code);
    const [organisationIds, cells, ns, hits, sums, squares] = JSON.parse(String(r.parts)) as [string[], (string | null)[], number[], number[], number[], number[]];
    for (let j = 0; j < organisationIds.length; j++) {
      const n = ns[j]!;
      const cell = cells[j];
      out.push({ frameworkId, code, organisationId: organisationIds[j]!, n, hits: hits[j]!, sum: sums[j]!, sumSquares: squares[j]!, organisations: n > 0 ? 1 : 0, cell: typeof cell === 'string' ? cell : '' });
    }
  }
  return out;
}

/**
 * The whole of each indicator per organisation for one period; within a territory, the sum of
 * its communes' cells.
 */
export async function answerPartials(db: Db, source: ResultsSource, versionIds: readonly string[], frameworkIds: readonly string[], organisationIds: readonly string[], period: string, territory?: TerritoryFilter): Promise<PartialRow[]> {
  if (!territory) return dimensionPartials(db, source, { versionIds, frameworkIds, organisationIds, period }, '');
  const cells = await dimensionPartials(db, source, { versionIds, frameworkIds, organisationIds, period, communePrefixes: territory.communePrefixes }, 'commune');
  const merged = new Map<string, PartialRow>();
  for (const { cell: _cell, ...row } of cells) {
    const key = `${row.frameworkId}|${row.code}|${row.organisationId}`;
    const into = merged.get(key);
    if (!into) merged.set(key, { ...row });
    else {
      into.n += row.n;
      into.hits += row.hits;
      into.sum += row.sum;
      into.sumSquares += row.sumSquares;
      into.organisations = into.n > 0 ? 1 : 0;
    }
  }
  return [...merged.values()];
}

/**
 * Answers and figures of the period collected under another definition of an indicator than
 * the one shown: they are left out of its figure, and counted here so the page can say so.
 */
export async function otherDefinitionCounts(db: Db, source: ResultsSource, versionIds: readonly string[], frameworkIds: readonly string[], organisationIds: readonly string[], period: string, territory?: TerritoryFilter): Promise<Map<string, number>> {
  if (versionIds.length === 0 || organisationIds.length === 0) return new Map();
  const p = partialsRelation(source, territory ? { organisationIds, period, frameworkIds, dimension: 'commune', communePrefixes: territory.communePrefixes } : { organisationIds, period, frameworkIds, dimension: '' });
  const reporting = territory ? territory.organisationsInside : organisationIds;
  const result = await db.execute(sql`
    select framework_id, code, sum(n)::int as n from (
      -- Written from the partial rows' side so that each indicator's rows are found by its code
      -- (joined from the version's side, the planner scanned every code's rows once per indicator).
      select p.framework_id, p.indicator_code as code, sum(p.n_all) as n
      from ${p} p
      join framework_versions fv on fv.framework_id = p.framework_id and fv.id = any(${uuidArray(versionIds)})
      join indicators i on i.version_id = fv.id and i.code = p.indicator_code
      where p.definition is distinct from i.definition_key
      group by p.framework_id, p.indicator_code
      union all
      select f.framework_id, f.indicator_code, count(*)
      from activity_figures f
      join framework_versions fv on fv.framework_id = f.framework_id
      join indicators i on i.version_id = fv.id and i.code = f.indicator_code and f.definition <> i.definition_key
      where i.version_id = any(${uuidArray(versionIds)})
        and f.organisation_id = any(${uuidArray(reporting)})
        and f.period = ${period}
      group by f.framework_id, f.indicator_code
    ) x group by framework_id, code`);
  return new Map(rowsOf(result).map((r) => [`${String(r.framework_id)}|${String(r.code)}`, Number(r.n)]));
}

export interface TrendRow {
  period: string;
  definition: string;
  organisationId: string;
  /** Answers with a number, answers with options, all answers (or figures). */
  nNum: number;
  nOptions: number;
  nAll: number;
  hits: number;
  sum: number;
  sumSquares: number;
}

/** One indicator over every period, grouped by the definition each answer was collected under. */
export async function trendRows(db: Db, source: ResultsSource, frameworkId: string, code: string, organisationIds: readonly string[], territory?: TerritoryFilter): Promise<TrendRow[]> {
  if (organisationIds.length === 0) return [];
  const p = partialsRelation(
    source,
    territory
      ? { organisationIds, frameworkIds: [frameworkId], codes: [code], dimension: 'commune', communePrefixes: territory.communePrefixes }
      : { organisationIds, frameworkIds: [frameworkId], codes: [code], dimension: '' },
  );
  const reporting = territory ? territory.organisationsInside : organisationIds;
  const result = await db.execute(sql`
    select p.period, p.definition, p.organisation_id,
      sum(p.n_num)::int as n_num, sum(p.n_options)::int as n_options, sum(p.n_all)::int as n_all,
      sum(p.hits)::int as hits, sum(p.sum)::float8 as sum, sum(p.sum_squares)::float8 as sum_squares
    from ${p} p
    group by p.period, p.definition, p.organisation_id
    union all
    select f.period, f.definition, f.organisation_id, count(*)::int, 0, count(*)::int, 0,
      sum(f.value)::float8, sum(f.value * f.value)::float8
    from activity_figures f
    where f.framework_id = ${frameworkId} and f.indicator_code = ${code}
      and f.organisation_id = any(${uuidArray(reporting)})
    group by f.period, f.definition, f.organisation_id`);
  return rowsOf(result).map((r) => ({
    period: String(r.period),
    definition: String(r.definition),
    organisationId: String(r.organisation_id),
    nNum: Number(r.n_num),
    nOptions: Number(r.n_options),
    nAll: Number(r.n_all),
    hits: Number(r.hits),
    sum: Number(r.sum),
    sumSquares: Number(r.sum_squares),
  }));
}

/** Activity figures of the indicators whose adopted definition is a sum. */
export async function activityPartials(db: Db, versionIds: readonly string[], organisationIds: readonly string[], period: string): Promise<PartialRow[]> {
  if (versionIds.length === 0 || organisationIds.length === 0) return [];
  const result = await db.execute(sql`
    select f.framework_id, f.indicator_code as code, f.organisation_id,
      count(*)::int as n, 0 as hits,
      sum(f.value)::float8 as sum, sum(f.value * f.value)::float8 as sum_squares
    from activity_figures f
    join framework_versions fv on fv.framework_id = f.framework_id
    join indicators i on i.version_id = fv.id and i.code = f.indicator_code and f.definition = i.definition_key
    where i.version_id = any(${uuidArray(versionIds)})
      and i.computation->>'type' = 'sum'
      and f.organisation_id = any(${uuidArray(organisationIds)})
      and f.period = ${period}
    group by f.framework_id, f.indicator_code, f.organisation_id`);
  return rowsOf(result).map(toPartialRow);
}

/** Periods with any data for these organisations, newest first. */
export async function periodsWithData(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  // A response's period is its campaign's, so campaigns name every period with answers
  // without a pass over the responses.
  const result = await db.execute(sql`
    select period from (
      select distinct period from campaigns where organisation_id = any(${uuidArray(organisationIds)})
      union
      select distinct period from activity_figures where organisation_id = any(${uuidArray(organisationIds)})
    ) p order by period desc`);
  return rowsOf(result).map((r) => String(r.period));
}

export interface CrosswalkValueRow {
  crosswalkId: string;
  frameworkId: string;
  code: string;
  /** Definition key of the indicator the rule was written for. */
  definition: string;
  organisationId: string;
  rule: CrosswalkRule;
  options: string[] | null;
  num: number | null;
  count: number;
  /** The commune of the answers, when asked for (`byCommune`). */
  cell?: string | null;
}

/**
 * Raw answers to crosswalked questions, grouped per crosswalk × organisation × distinct value
 * for one period: the domain converts each group (`domain/crosswalk.ts`). Only a crosswalk's
 * own organisation's responses are read.
 */
/** Crosswalked answers of one common indicator over every period (for trends). */
export async function crosswalkTrendCounts(db: Db, frameworkId: string, code: string, organisationIds: readonly string[], communePrefixes?: readonly string[]) {
  if (organisationIds.length === 0) return [];
  const result = await db.execute(sql`
    select r.period, c.indicator_definition as definition, r.organisation_id, c.rule, a.options, a.num, count(*)::int as count
    from crosswalks c
    join answers a on a.question_id = c.question_id
    join responses r on r.id = a.response_id and r.organisation_id = c.organisation_id
    where c.framework_id = ${frameworkId} and c.indicator_code = ${code}
      and c.organisation_id = any(${uuidArray(organisationIds)})
      ${communePrefixes === undefined ? sql`` : sql`and r.commune_code like any(${likeAny(communePrefixes)})`}
    group by r.period, c.id, c.indicator_definition, r.organisation_id, c.rule, a.options, a.num`);
  return rowsOf(result).map((r) => ({
    period: String(r.period),
    definition: String(r.definition),
    organisationId: String(r.organisation_id),
    rule: (typeof r.rule === 'string' ? JSON.parse(r.rule) : r.rule) as CrosswalkRule,
    options: Array.isArray(r.options) ? (r.options as unknown[]).map(String) : null,
    num: r.num === null || r.num === undefined ? null : Number(r.num),
    count: Number(r.count ?? 0),
  }));
}

export async function crosswalkValueCounts(
  db: Db,
  frameworkIds: readonly string[],
  organisationIds: readonly string[],
  period: string,
  where: { communePrefixes?: readonly string[]; byCommune?: boolean } = {},
): Promise<CrosswalkValueRow[]> {
  if (frameworkIds.length === 0 || organisationIds.length === 0) return [];
  const cell = where.byCommune ? sql`r.commune_code` : sql`null::text`;
  const result = await db.execute(sql`
    select c.id as crosswalk_id, c.framework_id, c.indicator_code as code, c.indicator_definition as definition, r.organisation_id, c.rule,
      a.options, a.num, ${cell} as cell, count(*)::int as count
    from crosswalks c
    join answers a on a.question_id = c.question_id
    join responses r on r.id = a.response_id and r.organisation_id = c.organisation_id
    where c.framework_id = any(${uuidArray(frameworkIds)})
      and c.organisation_id = any(${uuidArray(organisationIds)})
      and r.period = ${period}
      ${where.communePrefixes === undefined ? sql`` : sql`and r.commune_code like any(${likeAny(where.communePrefixes)})`}
    group by c.id, c.framework_id, c.indicator_code, c.indicator_definition, r.organisation_id, c.rule, a.options, a.num, ${cell}`);
  return rowsOf(result).map((r) => ({
    crosswalkId: String(r.crosswalk_id),
    frameworkId: String(r.framework_id),
    code: String(r.code),
    definition: String(r.definition),
    organisationId: String(r.organisation_id),
    // node-postgres parses jsonb; keep a string-safe path for drivers that do not.
    rule: (typeof r.rule === 'string' ? JSON.parse(r.rule) : r.rule) as CrosswalkRule,
    options: Array.isArray(r.options) ? (r.options as unknown[]).map(String) : null,
    num: r.num === null || r.num === undefined ? null : Number(r.num),
    count: Number(r.count ?? 0),
    cell: typeof r.cell === 'string' ? r.cell : null,
  }));
}

/** The people each organisation says it serves (null when it has not said). */
export async function populationsServed(db: Db, organisationIds: readonly string[]): Promise<Map<string, number | null>> {
  if (organisationIds.length === 0) return new Map();
  const rows = rowsOf(await db.execute(sql`select id, population_served from organisations where id = any(${uuidArray(organisationIds)})`));
  return new Map(rows.map((r) => [String(r.id), r.population_served === null || r.population_served === undefined ? null : Number(r.population_served)]));
}

/** Each organisation's own commune (INSEE code), when it gave one. */
export async function organisationCommunes(db: Db, organisationIds: readonly string[]): Promise<Map<string, string | null>> {
  if (organisationIds.length === 0) return new Map();
  const rows = rowsOf(await db.execute(sql`select id, commune_code from organisations where id = any(${uuidArray(organisationIds)})`));
  return new Map(rows.map((r) => [String(r.id), typeof r.commune_code === 'string' ? r.commune_code : null]));
}
