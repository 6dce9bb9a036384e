import type { Db } from '../../../db/connect.ts';
import type { BreakdownDimension, CellFigure } from '../../../contracts/breakdowns.ts';
import type { Locale } from '../../../contracts/common.ts';
import type { Computation } from '../../../contracts/frameworks.ts';
import { answersOf, protectCrossTab, protectOneWay, tooSmall, type Answers, type CrossTabInput, type CrossTabProtection } from '../../../domain/disclosure.ts';
import { Invalid, NotFound } from '../../../domain/errors.ts';
import { figureFromPartial } from '../../../domain/indicator-value.ts';
import { emptyPartial, mergePartials, type Partial } from '../../../domain/partials.ts';
import { sortPeriodsNewestFirst } from '../../../domain/periods.ts';
import { activeMemberIds } from '../collectives/repository.ts';
import { collectiveAccess } from '../collectives/service.ts';
import { indicatorsOf, latestAdoptedVersions } from '../frameworks/repository.ts';
import { commonVersionsFor, presentIndicator } from '../frameworks/service.ts';
import { getOrganisation } from '../organisations/service.ts';
import { includeCrosswalks } from '../results/crosswalk-partials.ts';
import type { ResultsSource } from '../results/partials-repository.ts';
import * as results from '../results/repository.ts';
import { choosePeriod } from '../results/service.ts';
import * as repo from './repository.ts';

/**
 * Breakdowns and cross-tabs of the results (docs/statistics.md). The figures are those of the
 * results, read from the same partial sums (or from every answer with SOCLE_RESULTS_SOURCE=answers),
 * split by the option each respondent chose at a single-choice indicator's question. A
 * collective's are protected by `domain/disclosure.ts`; an organisation sees its own as they are.
 */

interface Scope {
  kind: 'organisation' | 'collective';
  id: string;
  name: string;
  /** Sorted, so that every request lists members in the same order (the protection depends on it). */
  organisationIds: string[];
  /** The version shown of each framework, as in the results. */
  versions: { id: string; frameworkId: string; scope: 'common' | 'specific' }[];
  /** k for hidden cells; null for an organisation's own figures. */
  threshold: number | null;
  /** What a breakdown is asked for with. */
  byOf: (frameworkId: string, code: string) => string;
}

async function organisationScope(db: Db, userId: string, organisationId: string): Promise<Scope> {
  const org = await getOrganisation(db, userId, organisationId);
  const common = await commonVersionsFor(db, organisationId);
  const [specific] = await latestAdoptedVersions(db, [org.specificFrameworkId]);
  return {
    kind: 'organisation',
    id: org.id,
    name: org.name,
    organisationIds: [org.id],
    versions: [
      ...common.flatMap((c) => (c.inUse ? [{ id: c.inUse.id, frameworkId: c.collective.frameworkId, scope: 'common' as const }] : [])),
      ...(specific ? [{ id: specific.id, frameworkId: org.specificFrameworkId, scope: 'specific' as const }] : []),
    ],
    threshold: null,
    byOf: (frameworkId, code) => `${frameworkId}:${code}`,
  };
}

async function collectiveScope(db: Db, userId: string, collectiveId: string): Promise<Scope> {
  const { collective } = await collectiveAccess(db, userId, collectiveId);
  const members = (await activeMemberIds(db, collectiveId)).sort();
  const [latest] = await latestAdoptedVersions(db, [collective.commonFrameworkId]);
  return {
    kind: 'collective',
    id: collective.id,
    name: collective.name,
    organisationIds: members,
    versions: latest ? [{ id: latest.id, frameworkId: collective.commonFrameworkId, scope: 'common' }] : [],
    threshold: collective.suppressionThreshold,
    byOf: (_frameworkId, code) => code,
  };
}

const NOT_ANSWERED = { option: null, labelFr: 'Non renseigné', labelEn: 'Not answered' };

const pick = (locale: Locale, fr: string, en: string) => (locale === 'en' && en ? en : fr);

type ShownIndicator = ReturnType<typeof presentIndicator> & { scope: 'common' | 'specific'; type: Exclude<Computation['type'], 'sum'> };

/** The indicators of the versions shown, in the results' order, activity figures left out. */
async function shownIndicators(db: Db, scope: Scope): Promise<{ indicators: ShownIndicator[]; rows: Awaited<ReturnType<typeof indicatorsOf>> }> {
  const rows = await indicatorsOf(db, scope.versions.map((v) => v.id));
  const versionOf = new Map(scope.versions.map((v) => [v.id, v]));
  const order = (id: string) => scope.versions.findIndex((v) => v.id === id);
  const indicators = [...rows]
    .sort((a, b) => order(a.versionId) - order(b.versionId))
    .flatMap((row) => {
      const version = versionOf.get(row.versionId)!;
      const ind = presentIndicator(version.frameworkId, row);
      const type = ind.computation.type;
      return type === 'sum' ? [] : [{ ...ind, scope: version.scope, type }];
    });
  return { indicators, rows };
}

/**
 * The breakdowns on offer: indicators of the versions shown that a single-choice question of
 * one of the organisations is tied to, with the options those questions give (the most recent
 * questionnaire's order and labels first).
 */
async function dimensions(db: Db, scope: Scope, locale: Locale): Promise<BreakdownDimension[]> {
  const { indicators } = await shownIndicators(db, scope);
  const questions = await repo.breakdownQuestions(db, scope.organisationIds, [...new Set(scope.versions.map((v) => v.frameworkId))]);
  return indicators.flatMap((ind) => {
    const options = new Map<string, { labelFr: string; labelEn: string }>();
    for (const q of questions) {
      if (q.frameworkId !== ind.frameworkId || q.code !== ind.code) continue;
      for (const o of q.options) if (!options.has(o.value)) options.set(o.value, { labelFr: o.labelFr, labelEn: o.labelEn });
    }
    if (options.size === 0) return [];
    return [
      {
        by: scope.byOf(ind.frameworkId, ind.code),
        frameworkId: ind.frameworkId,
        code: ind.code,
        label: pick(locale, ind.labelFr, ind.labelEn),
        labelFr: ind.labelFr,
        labelEn: ind.labelEn,
        options: [...options.entries()].map(([option, l]) => ({ option, label: pick(locale, l.labelFr, l.labelEn), labelFr: l.labelFr, labelEn: l.labelEn || l.labelFr })),
      },
    ];
  });
}

function resolveBy(available: BreakdownDimension[], by: string, field: string): BreakdownDimension {
  const found = available.find((d) => d.by === by);
  if (!found) {
    throw new Invalid(
      'unknown_breakdown',
      `« ${by} » n’est pas une ventilation possible : il faut un indicateur relié à une question à choix unique.`,
      `"${by}" is not an available breakdown: it takes an indicator tied to a single-choice question.`,
      [{ field, message: 'unknown breakdown' }],
    );
  }
  return found;
}

/** Partial sums of one group of answers, per organisation. */
type PerOrg = Map<string, Partial>;

function addTo(target: PerOrg, organisationId: string, p: Partial) {
  // Added in place (the map's partials are its own): a new partial per row is a lot of garbage
  // at a thousand members times the cells.
  const into = target.get(organisationId);
  if (!into) target.set(organisationId, { n: p.n, hits: p.hits, sum: p.sum, sumSquares: p.sumSquares, organisations: p.organisations });
  else {
    into.n += p.n;
    into.hits += p.hits;
    into.sum += p.sum;
    into.sumSquares += p.sumSquares;
    into.organisations += p.organisations;
  }
}

function minus(a: PerOrg, parts: readonly PerOrg[]): PerOrg {
  const out: PerOrg = new Map();
  for (const [org, p] of a) {
    const taken = parts.map((x) => x.get(org) ?? emptyPartial());
    out.set(org, {
      n: p.n - taken.reduce((s, x) => s + x.n, 0),
      hits: p.hits - taken.reduce((s, x) => s + x.hits, 0),
      sum: p.sum - taken.reduce((s, x) => s + x.sum, 0),
      sumSquares: p.sumSquares - taken.reduce((s, x) => s + x.sumSquares, 0),
      organisations: 1,
    });
  }
  return out;
}

function answersIn(group: PerOrg, organisationIds: readonly string[]): Answers {
  const byMember = organisationIds.map((id) => group.get(id)?.n ?? 0);
  return answersOf(
    byMember.reduce((s, x) => s + x, 0),
    byMember,
  );
}

function figure(type: ShownIndicator['type'], group: PerOrg, hidden: boolean): CellFigure {
  const f = figureFromPartial(type, mergePartials([...group.values()]));
  return hidden ? { value: null, n: f.n, ci: null, suppressed: true } : { value: f.value, n: f.n, ci: f.ci, suppressed: false };
}

interface Period {
  period: string | null;
  periods: string[];
}

async function periodOf(db: Db, scope: Scope, requested: string | undefined): Promise<Period> {
  const periods = sortPeriodsNewestFirst(await results.periodsWithData(db, scope.organisationIds));
  return { period: choosePeriod(requested, periods), periods };
}

/** Each indicator's figure per organisation, as the results compute it (crosswalked answers in). */
async function totals(db: Db, source: ResultsSource, scope: Scope, period: string | null): Promise<{ indicators: ShownIndicator[]; totals: Map<string, PerOrg> }> {
  const { indicators, rows } = await shownIndicators(db, scope);
  const out = new Map<string, PerOrg>();
  if (period) {
    const versionIds = scope.versions.map((v) => v.id);
    const frameworkIds = scope.versions.map((v) => v.frameworkId);
    const direct = await results.answerPartials(db, source, versionIds, frameworkIds, scope.organisationIds, period);
    const { partials } = await includeCrosswalks(db, scope.versions, rows, scope.organisationIds, period, direct);
    for (const p of partials) {
      const key = `${p.frameworkId}|${p.code}`;
      const perOrg: PerOrg = out.get(key) ?? new Map<string, Partial>();
      addTo(perOrg, p.organisationId, p);
      out.set(key, perOrg);
    }
  }
  return { indicators, totals: out };
}

/** The cells of one dimension per indicator (`frameworkId|code`) → option → organisation. */
async function cellsBy(db: Db, source: ResultsSource, scope: Scope, period: string | null, dimension: BreakdownDimension, codes?: string[]): Promise<Map<string, Map<string, PerOrg>>> {
  const out = new Map<string, Map<string, PerOrg>>();
  if (!period) return out;
  const rows = await results.dimensionPartials(
    db,
    source,
    { versionIds: scope.versions.map((v) => v.id), frameworkIds: scope.versions.map((v) => v.frameworkId), organisationIds: scope.organisationIds, period, ...(codes ? { codes } : {}) },
    `${dimension.frameworkId}:${dimension.code}`,
  );
  for (const r of rows) {
    const key = `${r.frameworkId}|${r.code}`;
    const byCell = out.get(key) ?? new Map<string, PerOrg>();
    const perOrg: PerOrg = byCell.get(r.cell) ?? new Map<string, Partial>();
    addTo(perOrg, r.organisationId, r);
    byCell.set(r.cell, perOrg);
    out.set(key, byCell);
  }
  return out;
}

/**
 * The options of a breakdown as cells, in the same order in every request (the protection's
 * choices depend on it): the questions' options, then any other value answered, then "not
 * answered".
 */
function cellList(dimension: BreakdownDimension, present: Iterable<string>, locale: Locale) {
  const known = new Set(dimension.options.map((o) => o.option));
  const extra = [...new Set(present)].filter((v) => !known.has(v)).sort();
  return [
    ...dimension.options,
    ...extra.map((option) => ({ option, label: option, labelFr: option, labelEn: option })),
    { ...NOT_ANSWERED, label: pick(locale, NOT_ANSWERED.labelFr, NOT_ANSWERED.labelEn) },
  ];
}

/** The groups of a breakdown for one indicator, per organisation: each option, then the rest of the total. */
function oneWayGroups(options: ReturnType<typeof cellList>, byCell: Map<string, PerOrg> | undefined, total: PerOrg): PerOrg[] {
  const groups = options.filter((o) => o.option !== null).map((o) => byCell?.get(o.option) ?? new Map<string, Partial>());
  return [...groups, minus(total, groups)];
}

function indicatorHeader(ind: ShownIndicator, locale: Locale) {
  return { frameworkId: ind.frameworkId, scope: ind.scope, code: ind.code, label: pick(locale, ind.labelFr, ind.labelEn), labelFr: ind.labelFr, labelEn: ind.labelEn, unit: ind.unit, computation: ind.computation };
}

async function breakdown(db: Db, source: ResultsSource, scope: Scope, query: { by: string; period?: string; lang?: Locale }) {
  const locale = query.lang ?? 'fr';
  const by = resolveBy(await dimensions(db, scope, locale), query.by, 'querystring.by');
  const { period, periods } = await periodOf(db, scope, query.period);
  const [{ indicators, totals: perIndicator }, cells] = await Promise.all([totals(db, source, scope, period), cellsBy(db, source, scope, period, by)]);
  const k = scope.threshold;
  return {
    scope: scope.kind,
    id: scope.id,
    name: scope.name,
    period,
    periods,
    suppressionThreshold: k,
    by,
    indicators: indicators.map((ind) => {
      const key = `${ind.frameworkId}|${ind.code}`;
      const total = perIndicator.get(key) ?? new Map<string, Partial>();
      const byCell = cells.get(key);
      const options = cellList(by, byCell?.keys() ?? [], locale);
      const groups = oneWayGroups(options, byCell, total);
      const protection = k === null ? null : protectOneWay(groups.map((g) => answersIn(g, scope.organisationIds)), answersIn(total, scope.organisationIds), k);
      return {
        ...indicatorHeader(ind, locale),
        total: figure(ind.type, total, protection?.total ?? false),
        cells: options.map((o, i) => ({ ...o, ...figure(ind.type, groups[i]!, protection?.cells[i] ?? false) })),
      };
    }),
  };
}

async function crossTab(db: Db, source: ResultsSource, scope: Scope, frameworkId: string, query: { code: string; by: string; by2: string; period?: string; lang?: Locale }) {
  const locale = query.lang ?? 'fr';
  const available = await dimensions(db, scope, locale);
  const rowsBy = resolveBy(available, query.by, 'querystring.by');
  const columnsBy = resolveBy(available, query.by2, 'querystring.by2');
  if (rowsBy.by === columnsBy.by) {
    throw new Invalid('same_breakdown', 'Choisissez deux ventilations différentes.', 'Choose two different breakdowns.', [{ field: 'querystring.by2', message: 'same as by' }]);
  }
  const { period, periods } = await periodOf(db, scope, query.period);
  const { indicators, totals: perIndicator } = await totals(db, source, scope, period);
  const ind = indicators.find((i) => i.frameworkId === frameworkId && i.code === query.code);
  if (!ind) throw new NotFound('indicator_not_found', 'Indicateur introuvable, ou chiffre d’activité (qui ne se ventile pas).', 'Indicator not found, or an activity figure (which is not broken down).');
  const key = `${ind.frameworkId}|${ind.code}`;
  const total = perIndicator.get(key) ?? new Map<string, Partial>();
  const [rowCells, columnCells, pairs] = await Promise.all([
    cellsBy(db, source, scope, period, rowsBy, [ind.code]),
    cellsBy(db, source, scope, period, columnsBy, [ind.code]),
    period
      ? repo.pairPartials(
          db,
          { versionIds: scope.versions.map((v) => v.id), organisationIds: scope.organisationIds, period, frameworkId: ind.frameworkId, code: ind.code },
          `${rowsBy.frameworkId}:${rowsBy.code}`,
          `${columnsBy.frameworkId}:${columnsBy.code}`,
        )
      : [],
  ]);
  const rowOptions = cellList(rowsBy, rowCells.get(key)?.keys() ?? [], locale);
  const columnOptions = cellList(columnsBy, columnCells.get(key)?.keys() ?? [], locale);
  const rowTotals = oneWayGroups(rowOptions, rowCells.get(key), total);
  const columnTotals = oneWayGroups(columnOptions, columnCells.get(key), total);

  // Inner cells: pairs of options answered, then each margin's rest (its "not answered" column or row).
  const R = rowOptions.length - 1;
  const C = columnOptions.length - 1;
  const rowIndex = new Map(rowOptions.slice(0, R).map((o, i) => [o.option!, i]));
  const columnIndex = new Map(columnOptions.slice(0, C).map((o, i) => [o.option!, i]));
  const inner: PerOrg[][] = Array.from({ length: R }, () => Array.from({ length: C }, () => new Map<string, Partial>()));
  for (const p of pairs) {
    const r = rowIndex.get(p.rowCell);
    const c = columnIndex.get(p.columnCell);
    // A pair outside the breakdowns' cells can only come from partial sums out of step with the answers.
    if (r !== undefined && c !== undefined) addTo(inner[r]![c]!, p.organisationId, p);
  }
  inner.forEach((line, r) => line.push(minus(rowTotals[r]!, line)));
  const lastRow = columnTotals.slice(0, C).map((col, c) => minus(col, inner.map((line) => line[c]!)));
  lastRow.push(minus(rowTotals[R]!, lastRow));
  inner.push(lastRow);

  const k = scope.threshold;
  const orgs = scope.organisationIds;
  const input: CrossTabInput = { cells: inner.map((line) => line.map((g) => answersIn(g, orgs))), rowTotals: rowTotals.map((g) => answersIn(g, orgs)), columnTotals: columnTotals.map((g) => answersIn(g, orgs)), total: answersIn(total, orgs) };
  // by × by2 and by2 × by are one table: protected the same way round, they hide the same cells
  // (the complementary cells chosen depend on which way round the table is read).
  const flip = rowsBy.by > columnsBy.by;
  const protection = k === null ? null : flip ? transposed(protectCrossTab(transpose(input), k)) : protectCrossTab(input, k);
  const hidden = (r: number, c: number) => protection?.hidden[r]![c] ?? false;
  const withheld = protection?.withheld ?? false;
  return {
    scope: scope.kind,
    id: scope.id,
    name: scope.name,
    period,
    periods,
    suppressionThreshold: k,
    indicator: indicatorHeader(ind, locale),
    rowsBy,
    columnsBy,
    columns: columnOptions,
    rows: rowOptions.map((o, r) => ({
      ...o,
      cells: withheld ? [] : inner[r]!.map((g, c) => figure(ind.type, g, hidden(r, c))),
      total: figure(ind.type, rowTotals[r]!, hidden(r, C + 1)),
    })),
    columnTotals: columnTotals.map((g, c) => figure(ind.type, g, hidden(R + 1, c))),
    total: figure(ind.type, total, k !== null && tooSmall(answersIn(total, orgs), k)),
    withheld,
  };
}

function transpose(t: CrossTabInput): CrossTabInput {
  return { cells: t.columnTotals.map((_, c) => t.cells.map((line) => line[c]!)), rowTotals: t.columnTotals, columnTotals: t.rowTotals, total: t.total };
}

function transposed(p: CrossTabProtection): CrossTabProtection {
  return { ...p, hidden: p.hidden[0]!.map((_, c) => p.hidden.map((line) => line[c]!)) };
}

export async function collectiveBreakdowns(db: Db, userId: string, collectiveId: string, query: { lang?: Locale }) {
  return { breakdowns: await dimensions(db, await collectiveScope(db, userId, collectiveId), query.lang ?? 'fr') };
}

export async function organisationBreakdowns(db: Db, userId: string, organisationId: string, query: { lang?: Locale }) {
  return { breakdowns: await dimensions(db, await organisationScope(db, userId, organisationId), query.lang ?? 'fr') };
}

/** A collective's figures broken down; cells protected with the collective's threshold. */
export async function collectiveBreakdown(db: Db, userId: string, collectiveId: string, query: { by: string; period?: string; lang?: Locale }, source: ResultsSource = 'partials') {
  return breakdown(db, source, await collectiveScope(db, userId, collectiveId), query);
}

/** An organisation's own figures broken down, nothing hidden: the data are its own. */
export async function organisationBreakdown(db: Db, userId: string, organisationId: string, query: { by: string; period?: string; lang?: Locale }, source: ResultsSource = 'partials') {
  return breakdown(db, source, await organisationScope(db, userId, organisationId), query);
}

export async function collectiveCrossTab(db: Db, userId: string, collectiveId: string, query: { code: string; by: string; by2: string; period?: string; lang?: Locale }, source: ResultsSource = 'partials') {
  const scope = await collectiveScope(db, userId, collectiveId);
  return crossTab(db, source, scope, scope.versions[0]?.frameworkId ?? '', query);
}

export async function organisationCrossTab(db: Db, userId: string, organisationId: string, query: { frameworkId: string; code: string; by: string; by2: string; period?: string; lang?: Locale }, source: ResultsSource = 'partials') {
  return crossTab(db, source, await organisationScope(db, userId, organisationId), query.frameworkId, query);
}
