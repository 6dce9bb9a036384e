import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import type { Partial } from '../../../domain/partials.ts';
import type { CrosswalkRule } from '../../../domain/crosswalk.ts';

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
 * Mergeable partial sums per indicator × organisation for one period, from the answers to
 * questions tied to indicators of the given (adopted) versions. The share's option set is read
 * from the indicator row, so every indicator is computed in the same single pass.
 */
export async function answerPartials(db: Db, versionIds: readonly string[], organisationIds: readonly string[], period: string): Promise<PartialRow[]> {
  if (versionIds.length === 0 || organisationIds.length === 0) return [];
  const result = await db.execute(sql`
    select fv.framework_id, i.code, r.organisation_id,
      -- Only answers of the kind the adopted definition reads are counted (a questionnaire ties
      -- an indicator to one question at most, so answers are people).
      (case i.computation->>'type' when 'mean' then count(a.num) when 'share' then count(a.options) else count(*) end)::int as n,
      (count(*) filter (where a.options && i.share_options))::int as hits,
      coalesce(sum(a.num), 0)::float8 as sum,
      coalesce(sum(a.num * a.num), 0)::float8 as sum_squares
    from indicators i
    join framework_versions fv on fv.id = i.version_id
    join questions q on q.indicator_framework_id = fv.framework_id and q.indicator_code = i.code
      -- Answers pool only under the definition they were collected for (series breaks).
      and q.indicator_definition = i.definition_key
    join answers a on a.question_id = q.id
    join responses r on r.id = a.response_id
    where i.version_id = any(${uuidArray(versionIds)})
      and r.organisation_id = any(${uuidArray(organisationIds)})
      and r.period = ${period}
      and i.computation->>'type' <> 'sum'
    group by fv.framework_id, i.id, i.code, r.organisation_id`);
  return rowsOf(result).map(toPartialRow);
}

/**
 * Answers and figures of the period collected under another definition of an indicator than
 * the one shown: they are left out of its figure, and counted here so the page can say so.
 */
export async function otherDefinitionCounts(db: Db, versionIds: readonly string[], organisationIds: readonly string[], period: string): Promise<Map<string, number>> {
  if (versionIds.length === 0 || organisationIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select framework_id, code, sum(n)::int as n from (
      select fv.framework_id, i.code, count(*) as n
      from indicators i
      join framework_versions fv on fv.id = i.version_id
      join questions q on q.indicator_framework_id = fv.framework_id and q.indicator_code = i.code
        and q.indicator_definition is distinct from i.definition_key
      join answers a on a.question_id = q.id
      join responses r on r.id = a.response_id
      where i.version_id = any(${uuidArray(versionIds)})
        and r.organisation_id = any(${uuidArray(organisationIds)})
        and r.period = ${period}
      group by fv.framework_id, i.code
      union all
      select f.framework_id, f.indicator_code, count(*)
      from activity_figures f
      join framework_versions fv on fv.framework_id = f.framework_id
      join indicators i on i.version_id = fv.id and i.code = f.indicator_code and f.definition <> i.definition_key
      where i.version_id = any(${uuidArray(versionIds)})
        and f.organisation_id = any(${uuidArray(organisationIds)})
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

/**
 * One indicator over every period, grouped by the definition each answer was collected under.
 * A share's options are read from the definition key itself (see src/domain/definitions.ts).
 */
export async function trendRows(db: Db, frameworkId: string, code: string, organisationIds: readonly string[]): Promise<TrendRow[]> {
  if (organisationIds.length === 0) return [];
  const result = await db.execute(sql`
    select r.period, q.indicator_definition as definition, r.organisation_id,
      count(a.num)::int as n_num, count(a.options)::int as n_options, count(*)::int as n_all,
      (count(*) filter (where a.options && string_to_array(nullif(split_part(split_part(q.indicator_definition, ':', 2), '|', 1), ''), ',')))::int as hits,
      coalesce(sum(a.num), 0)::float8 as sum, coalesce(sum(a.num * a.num), 0)::float8 as sum_squares
    from questions q
    join answers a on a.question_id = q.id
    join responses r on r.id = a.response_id
    where q.indicator_framework_id = ${frameworkId} and q.indicator_code = ${code}
      and q.indicator_definition is not null
      and r.organisation_id = any(${uuidArray(organisationIds)})
    group by r.period, q.indicator_definition, r.organisation_id
    union all
    select f.period, f.definition, f.organisation_id, count(*)::int, 0, count(*)::int, 0,
      sum(f.value)::float8, sum(f.value * f.value)::float8
    from activity_figures f
    where f.framework_id = ${frameworkId} and f.indicator_code = ${code}
      and f.organisation_id = any(${uuidArray(organisationIds)})
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
  const result = await db.execute(sql`
    select period from (
      select distinct period from responses where organisation_id = any(${uuidArray(organisationIds)})
      union
      select distinct period from activity_figures where organisation_id = any(${uuidArray(organisationIds)})
      union
      select distinct period from campaigns where organisation_id = any(${uuidArray(organisationIds)})
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
}

/**
 * Raw answers to crosswalked questions, grouped per crosswalk × organisation × distinct value
 * for one period: the domain converts each group (`domain/crosswalk.ts`). Only a crosswalk's
 * own organisation's responses are read.
 */
/** Crosswalked answers of one common indicator over every period (for trends). */
export async function crosswalkTrendCounts(db: Db, frameworkId: string, code: string, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  const result = await db.execute(sql`
    select r.period, c.indicator_definition as definition, r.organisation_id, c.rule, a.options, a.num, count(*)::int as count
    from crosswalks c
    join answers a on a.question_id = c.question_id
    join responses r on r.id = a.response_id and r.organisation_id = c.organisation_id
    where c.framework_id = ${frameworkId} and c.indicator_code = ${code}
      and c.organisation_id = any(${uuidArray(organisationIds)})
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

export async function crosswalkValueCounts(db: Db, frameworkIds: readonly string[], organisationIds: readonly string[], period: string): Promise<CrosswalkValueRow[]> {
  if (frameworkIds.length === 0 || organisationIds.length === 0) return [];
  const result = await db.execute(sql`
    select c.id as crosswalk_id, c.framework_id, c.indicator_code as code, c.indicator_definition as definition, r.organisation_id, c.rule,
      a.options, a.num, count(*)::int as count
    from crosswalks c
    join answers a on a.question_id = c.question_id
    join responses r on r.id = a.response_id and r.organisation_id = c.organisation_id
    where c.framework_id = any(${uuidArray(frameworkIds)})
      and c.organisation_id = any(${uuidArray(organisationIds)})
      and r.period = ${period}
    group by c.id, c.framework_id, c.indicator_code, c.indicator_definition, r.organisation_id, c.rule, a.options, a.num`);
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
  }));
}

/** The people each organisation says it serves (null when it has not said). */
export async function populationsServed(db: Db, organisationIds: readonly string[]): Promise<Map<string, number | null>> {
  if (organisationIds.length === 0) return new Map();
  const rows = rowsOf(await db.execute(sql`select id, population_served from organisations where id = any(${uuidArray(organisationIds)})`));
  return new Map(rows.map((r) => [String(r.id), r.population_served === null || r.population_served === undefined ? null : Number(r.population_served)]));
}
