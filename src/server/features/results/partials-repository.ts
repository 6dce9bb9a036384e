import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';

/**
 * Keeps `indicator_partials` (src/db/schema/results.ts) equal to what grouping every answer
 * would give. A response's contribution is computed from its stored answers and added (sign 1)
 * or taken away (sign -1) in the caller's transaction: after a response is stored, before it
 * is deleted, and around an edit of its answers. Nothing is lost or counted twice as long as
 * every change to `responses` and `answers` goes through here; the integration test
 * `incremental-partials.test.ts` compares the table with `rebuildPartials` after a random mix.
 *
 * Rows are written in primary-key order so that two transactions touching the same rows lock
 * them in the same order.
 */

/** Which cells to compute: every dimension, or one (see src/db/schema/results.ts). */
export type DimensionFilter = { all: true } | { dimension: string };

/** The rows a set of responses adds, grouped, for `sign` ±1. */
function contributionRows(responseFilter: SQL, sign: 1 | -1, dimensions: DimensionFilter = { all: true }, questionFilter: SQL = sql`true`) {
  const wanted = (d: string) => 'all' in dimensions || dimensions.dimension === d;
  const breakdown = 'all' in dimensions ? null : dimensions.dimension !== '' && dimensions.dimension !== 'commune' ? dimensions.dimension : null;
  // Only what the sums need goes on: a response's answers are repeated once per cell.
  const kept = sql`a.framework_id, a.period, a.code, a.organisation_id, a.definition, a.num, a.has_options, a.hit`;
  const parts: SQL[] = [];
  if (wanted('')) parts.push(sql`select ${kept}, '' as dimension, '' as cell from a`);
  if (wanted('commune')) parts.push(sql`select ${kept}, 'commune' as dimension, a.commune_code as cell from a where a.commune_code is not null`);
  if ('all' in dimensions || breakdown !== null) {
    parts.push(sql`select ${kept}, b.dimension, b.cell from a join breakdowns b on b.response_id = a.response_id`);
  }
  return sql`
    with a as (
      select r.id as response_id, r.organisation_id, r.period, r.commune_code,
        q.indicator_framework_id as framework_id, q.indicator_code as code, q.indicator_definition as definition,
        a.num, a.options is not null as has_options,
        -- A share's options are part of its definition key (src/domain/definitions.ts).
        coalesce(a.options && string_to_array(nullif(split_part(split_part(q.indicator_definition, ':', 2), '|', 1), ''), ','), false) as hit
      from responses r
      join answers a on a.response_id = r.id
      join questions q on q.id = a.question_id
      where ${responseFilter} and ${questionFilter}
        and q.indicator_framework_id is not null and q.indicator_code is not null and q.indicator_definition is not null
    ),
    breakdowns as (
      select a.response_id, q.indicator_framework_id::text || ':' || q.indicator_code as dimension, a.options[1] as cell
      from responses r
      join answers a on a.response_id = r.id
      join questions q on q.id = a.question_id
      where ${responseFilter} and q.type = 'single' and cardinality(a.options) = 1
        and q.indicator_framework_id is not null and q.indicator_code is not null and q.indicator_definition is not null
        ${breakdown === null ? sql`` : sql`and q.indicator_framework_id::text || ':' || q.indicator_code = ${breakdown}`}
    ),
    cells as (${sql.join(parts, sql` union all `)})
    select framework_id, period, dimension, code as indicator_code, organisation_id, definition, cell,
      (${sign} * count(num))::int as n_num,
      (${sign} * count(*) filter (where has_options))::int as n_options,
      (${sign} * count(*))::int as n_all,
      (${sign} * count(*) filter (where hit))::int as hits,
      (${sign} * coalesce(sum(num), 0))::float8 as sum,
      (${sign} * coalesce(sum(num * num), 0))::float8 as sum_squares
    from cells
    group by framework_id, period, dimension, code, organisation_id, definition, cell
    order by framework_id, period, dimension, code, organisation_id, definition, cell`;
}

/** Where figures are read from: the kept partial sums, or every answer grouped afresh (the check). */
export type ResultsSource = 'partials' | 'answers';

export interface PartialsQuery {
  organisationIds: readonly string[];
  /** One period, or every period when absent. */
  period?: string;
  frameworkIds?: readonly string[];
  codes?: readonly string[];
  dimension: string;
  /**
   * Dimension 'commune' only: the cells (commune codes) starting with one of these, i.e. the
   * communes of a territory's départements (src/domain/territories.ts communePrefixes).
   */
  communePrefixes?: readonly string[];
}

/**
 * A relation shaped like `indicator_partials` for the query, to read in a FROM clause: the kept
 * table, or the same rows grouped from the answers (what the table must always equal).
 */
export function partialsRelation(source: ResultsSource, q: PartialsQuery): SQL {
  const orgs = idArray(q.organisationIds);
  if (source === 'partials') {
    return sql`(select * from indicator_partials p
      where p.organisation_id = any(${orgs}) and p.dimension = ${q.dimension}
        ${q.period === undefined ? sql`` : sql`and p.period = ${q.period}`}
        ${q.frameworkIds === undefined ? sql`` : sql`and p.framework_id = any(${idArray(q.frameworkIds)})`}
        ${q.codes === undefined ? sql`` : sql`and p.indicator_code = any(${textArray(q.codes)})`}
        ${q.communePrefixes === undefined ? sql`` : sql`and p.cell like any(${likeAny(q.communePrefixes)})`})`;
  }
  const responseFilter = sql`r.organisation_id = any(${orgs}) ${q.period === undefined ? sql`` : sql`and r.period = ${q.period}`}
    ${q.communePrefixes === undefined ? sql`` : sql`and r.commune_code like any(${likeAny(q.communePrefixes)})`}`;
  const questionFilter = sql`true
    ${q.frameworkIds === undefined ? sql`` : sql`and q.indicator_framework_id = any(${idArray(q.frameworkIds)})`}
    ${q.codes === undefined ? sql`` : sql`and q.indicator_code = any(${textArray(q.codes)})`}`;
  return sql`(${contributionRows(responseFilter, 1, { dimension: q.dimension }, questionFilter)})`;
}

function idArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** Indicator codes are letters, digits, dots, dashes and underscores: safe in an array literal. */
function textArray(values: readonly string[]) {
  return sql`${`{${values.join(',')}}`}::text[]`;
}

/** `like` patterns for codes starting with each prefix (département codes: digits, A and B only). */
export function likeAny(prefixes: readonly string[]) {
  if (prefixes.some((x) => !/^[0-9AB]+$/.test(x))) throw new RangeError('a commune prefix is digits, A or B');
  return sql`${`{${prefixes.map((x) => `${x}%`).join(',')}}`}::text[]`;
}

const COLUMNS = sql`framework_id, period, dimension, indicator_code, organisation_id, definition, cell, n_num, n_options, n_all, hits, sum, sum_squares`;

async function apply(tx: Db, responseFilter: SQL, sign: 1 | -1) {
  await tx.execute(sql`
    insert into indicator_partials (${COLUMNS})
    ${contributionRows(responseFilter, sign)}
    on conflict on constraint indicator_partials_pk do update set
      n_num = indicator_partials.n_num + excluded.n_num,
      n_options = indicator_partials.n_options + excluded.n_options,
      n_all = indicator_partials.n_all + excluded.n_all,
      hits = indicator_partials.hits + excluded.hits,
      sum = indicator_partials.sum + excluded.sum,
      sum_squares = indicator_partials.sum_squares + excluded.sum_squares`);
  if (sign === -1) {
    // Rows left with no answer are removed, so the table holds exactly what a rebuild gives.
    await tx.execute(sql`
      delete from indicator_partials p
      using (select distinct organisation_id, period from responses r where ${responseFilter}) t
      where p.organisation_id = t.organisation_id and p.period = t.period and p.n_all = 0`);
  }
}


/** Adds (1) or takes away (-1) these responses' answers; call inside the response's transaction. */
export async function applyResponses(tx: Db, responseIds: readonly string[], sign: 1 | -1): Promise<void> {
  if (responseIds.length === 0) return;
  // Partial rows belong to one organisation: a transaction changing an organisation's rows first
  // takes that organisation's lock (until it ends). A correction takes rows away and then adds
  // others, which key order alone cannot keep from crossing another writer's locks.
  await tx.execute(sql`
    select pg_advisory_xact_lock(hashtextextended('socle.partials:' || t.organisation_id::text, 0))
    from (select distinct organisation_id from responses where id = any(${idArray(responseIds)}) order by organisation_id) t`);
  await apply(tx, sql`r.id = any(${idArray(responseIds)})`, sign);
}

/**
 * Fixes where new responses count (their campaign's site, else their organisation's commune)
 * and adds their answers to the partial sums: the last step of storing responses.
 */
export async function settleNewResponses(tx: Db, responseIds: readonly string[]): Promise<void> {
  if (responseIds.length === 0) return;
  await tx.execute(sql`
    update responses r set commune_code = coalesce(s.commune_code, o.commune_code)
    from campaigns c
    join organisations o on o.id = c.organisation_id
    left join sites s on s.id = c.site_id
    where c.id = r.campaign_id and r.id = any(${idArray(responseIds)})`);
  await applyResponses(tx, responseIds, 1);
}

/** Responses grouped per statement of a rebuild: their rows to group fit in `work_mem` below. */
const REBUILD_BATCH_RESPONSES = 50_000;

/**
 * Throws the table away and computes it again from every answer (migrations, checks, benchmarks).
 * A response with s single-choice answers yields about (2 + s) rows per answer to group: at a
 * million responses, grouping them all in one statement sorts hundreds of millions of rows on
 * disk. Organisations are taken a few at a time instead (about 50,000 responses), and each
 * statement groups its rows in memory (hash aggregate).
 */
export async function rebuildPartials(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from indicator_partials`);
    await tx.execute(sql`set local work_mem = '128MB'`);
    const counts: unknown = await tx.execute(sql`select organisation_id, count(*)::int as n from responses group by organisation_id order by organisation_id`);
    let batch: string[] = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.execute(sql`insert into indicator_partials (${COLUMNS}) ${contributionRows(sql`r.organisation_id = any(${idArray(batch)})`, 1)}`);
      batch = [];
      size = 0;
    };
    for (const row of (counts as { rows: { organisation_id: unknown; n: unknown }[] }).rows) {
      batch.push(String(row.organisation_id));
      size += Number(row.n);
      if (size >= REBUILD_BATCH_RESPONSES) await flush();
    }
    await flush();
  });
}

/** Every row of the table in a stable order (tests compare it with a rebuild). */
export async function allPartials(db: Db): Promise<Record<string, unknown>[]> {
  const result = await db.execute(sql`select ${COLUMNS} from indicator_partials where n_all <> 0 order by framework_id, period, dimension, indicator_code, organisation_id, definition, cell`);
  return (result as { rows: Record<string, unknown>[] }).rows;
}
