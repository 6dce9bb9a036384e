import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import type { StoredOption } from '../../../db/schema/collection.ts';
import type { Partial } from '../../../domain/partials.ts';

type Raw = Record<string, unknown>;

function rowsOf(result: unknown): Raw[] {
  return (result as { rows: Raw[] }).rows;
}

function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export interface BreakdownQuestion {
  frameworkId: string;
  code: string;
  options: StoredOption[];
}

/**
 * The single-choice questions these organisations tied to indicators of these frameworks, most
 * recent questionnaire first: their options name a breakdown's cells.
 */
export async function breakdownQuestions(db: Db, organisationIds: readonly string[], frameworkIds: readonly string[]): Promise<BreakdownQuestion[]> {
  if (organisationIds.length === 0 || frameworkIds.length === 0) return [];
  // A collective's members usually share the same questions: each list of options comes once,
  // where it first appears (a later copy adds no option), not once per organisation.
  const result = await db.execute(sql`
    select framework_id, code, options from (
      -- jsonb's text is canonical, and compares far faster than jsonb in a sort.
      select distinct on (q.indicator_framework_id, q.indicator_code, q.options::text collate "C")
        q.indicator_framework_id as framework_id, q.indicator_code as code, q.options, qn.created_at, qn.id as questionnaire_id, q.position
      from questions q
      join questionnaires qn on qn.id = q.questionnaire_id
      where q.type = 'single'
        and qn.organisation_id = any(${uuidArray(organisationIds)})
        and q.indicator_framework_id = any(${uuidArray(frameworkIds)})
        and q.indicator_code is not null and q.indicator_definition is not null
      order by q.indicator_framework_id, q.indicator_code, q.options::text collate "C", qn.created_at desc, qn.id, q.position
    ) x
    order by created_at desc, questionnaire_id, position`);
  return rowsOf(result).map((r) => ({
    frameworkId: String(r.framework_id),
    code: String(r.code),
    // node-postgres parses jsonb; keep a string-safe path for drivers that do not.
    options: (typeof r.options === 'string' ? JSON.parse(r.options) : r.options) as StoredOption[],
  }));
}

export interface PairRow extends Partial {
  organisationId: string;
  rowCell: string;
  columnCell: string;
}

/**
 * Partial sums of one indicator per organisation × pair of options of two breakdowns, for one
 * period. Pairs are not kept in `indicator_partials` (one table would need every pair of
 * breakdowns), so they are grouped from the answers, by the rules the partial sums follow
 * (src/server/features/results/partials-repository.ts): only answers collected under the
 * indicator's definition in the version shown, n counting numbers for a mean, options for a
 * share and every answer for a count; a breakdown's cell is the option the same respondent chose
 * at a single-choice question tied to the breakdown's indicator.
 */
export async function pairPartials(
  db: Db,
  scope: { versionIds: readonly string[]; organisationIds: readonly string[]; period: string; frameworkId: string; code: string },
  rowDimension: string,
  columnDimension: string,
): Promise<PairRow[]> {
  if (scope.versionIds.length === 0 || scope.organisationIds.length === 0) return [];
  const orgs = uuidArray(scope.organisationIds);
  const result = await db.execute(sql`
    with ind as (
      select fv.framework_id, i.code, i.definition_key, i.computation->>'type' as type
      from indicators i
      join framework_versions fv on fv.id = i.version_id
      where i.version_id = any(${uuidArray(scope.versionIds)})
        and fv.framework_id = ${scope.frameworkId} and i.code = ${scope.code}
        and i.computation->>'type' <> 'sum'
    ),
    a as (
      select r.id as response_id, r.organisation_id, ind.type, a.options, a.num,
        string_to_array(nullif(split_part(split_part(q.indicator_definition, ':', 2), '|', 1), ''), ',') as share_options
      from responses r
      join answers a on a.response_id = r.id
      join questions q on q.id = a.question_id
      join ind on ind.framework_id = q.indicator_framework_id and ind.code = q.indicator_code
        -- Answers pool only under the definition they were collected for (series breaks).
        and ind.definition_key = q.indicator_definition
      where r.organisation_id = any(${orgs}) and r.period = ${scope.period}
    ),
    b as (
      select a.response_id, q.indicator_framework_id::text || ':' || q.indicator_code as dimension, a.options[1] as cell
      from responses r
      join answers a on a.response_id = r.id
      join questions q on q.id = a.question_id
      where r.organisation_id = any(${orgs}) and r.period = ${scope.period}
        and q.type = 'single' and cardinality(a.options) = 1
        and q.indicator_framework_id is not null and q.indicator_code is not null and q.indicator_definition is not null
        and q.indicator_framework_id::text || ':' || q.indicator_code in (${rowDimension}, ${columnDimension})
    )
    select a.organisation_id, b1.cell as row_cell, b2.cell as column_cell,
      (case min(a.type) when 'mean' then count(a.num) when 'share' then count(a.options) else count(*) end)::int as n,
      (count(*) filter (where a.options && a.share_options))::int as hits,
      coalesce(sum(a.num), 0)::float8 as sum,
      coalesce(sum(a.num * a.num), 0)::float8 as sum_squares
    from a
    join b b1 on b1.response_id = a.response_id and b1.dimension = ${rowDimension}
    join b b2 on b2.response_id = a.response_id and b2.dimension = ${columnDimension}
    group by a.organisation_id, b1.cell, b2.cell
    order by a.organisation_id, b1.cell, b2.cell`);
  return rowsOf(result).map((r) => ({
    organisationId: String(r.organisation_id),
    rowCell: String(r.row_cell),
    columnCell: String(r.column_cell),
    n: Number(r.n ?? 0),
    hits: Number(r.hits ?? 0),
    sum: Number(r.sum ?? 0),
    sumSquares: Number(r.sum_squares ?? 0),
    organisations: Number(r.n ?? 0) > 0 ? 1 : 0,
  }));
}
