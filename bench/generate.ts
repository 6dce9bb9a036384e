/**
 * The benchmark's data: a fixed common framework of 20 indicators, the questionnaire tied to
 * it, the organisations' places and sizes, answers drawn from a seeded PRNG, and the bulk
 * loader that writes N responses × 20 answers straight into `responses` / `answers` with a few
 * set-based statements (`insert … select … from unnest(…)`), bypassing the API on purpose.
 *
 * Same seed, same data: every random choice comes from `mulberry32(seed)`, and the rows' ids
 * are made from the seed and the row's number.
 */
import { createRequire } from 'node:module';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/db/connect.ts';

/** Small, fast, good enough for test data; deterministic for a given 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

interface Choice {
  value: string;
  labelFr: string;
}

export interface ChoiceSpec {
  code: string;
  labelFr: string;
  kind: 'single' | 'multiple';
  options: Choice[];
  /** The options that count for the share indicator. */
  shareOf: string[];
  polarity?: 'lower_is_better';
  required?: boolean;
  /** Who the respondent is (sex, age…): answered by nearly everyone, and the dashboard's breakdowns. */
  profile?: boolean;
}
export interface NumberSpec {
  code: string;
  labelFr: string;
  kind: 'scale' | 'number';
  min: number;
  max: number;
}
export type Spec = ChoiceSpec | NumberSpec;

export const isChoice = (s: Spec): s is ChoiceSpec => s.kind === 'single' || s.kind === 'multiple';

const yesNo: Choice[] = [
  { value: 'oui', labelFr: 'Oui' },
  { value: 'non', labelFr: 'Non' },
];

/**
 * The common framework: one question per indicator, position = index in this list. Four
 * single-choice profile questions (the breakdowns), three other single-choice shares, three
 * multiple-choice shares, six means of scales (1–5, 1–10) and four means of numbers. Every
 * single-choice indicator is a dimension of the partial sums (docs/database.md), so seven here.
 */
export const SPECS: readonly Spec[] = [
  {
    code: 'SEXE',
    labelFr: 'Vous êtes',
    kind: 'single',
    options: [
      { value: 'femme', labelFr: 'Une femme' },
      { value: 'homme', labelFr: 'Un homme' },
      { value: 'autre', labelFr: 'Autre / ne se prononce pas' },
    ],
    shareOf: ['femme'],
    profile: true,
  },
  {
    code: 'AGE',
    labelFr: 'Votre âge',
    kind: 'single',
    options: [
      { value: 'moins_25', labelFr: 'Moins de 25 ans' },
      { value: '25_39', labelFr: '25 à 39 ans' },
      { value: '40_54', labelFr: '40 à 54 ans' },
      { value: '55_64', labelFr: '55 à 64 ans' },
      { value: '65_plus', labelFr: '65 ans et plus' },
    ],
    shareOf: ['moins_25'],
    profile: true,
  },
  {
    code: 'PUBLIC',
    labelFr: 'Votre situation à l’arrivée',
    kind: 'single',
    options: [
      { value: 'rsa', labelFr: 'Allocataire du RSA' },
      { value: 'demandeur', labelFr: 'Demandeur d’emploi' },
      { value: 'handicap', labelFr: 'En situation de handicap' },
      { value: 'autre', labelFr: 'Autre' },
    ],
    shareOf: ['rsa'],
    profile: true,
  },
  {
    code: 'ANCIEN',
    labelFr: 'Depuis quand êtes-vous accompagné·e ?',
    kind: 'single',
    options: [
      { value: 'moins_6_mois', labelFr: 'Moins de 6 mois' },
      { value: '6_24_mois', labelFr: '6 mois à 2 ans' },
      { value: 'plus_2_ans', labelFr: 'Plus de 2 ans' },
    ],
    shareOf: ['plus_2_ans'],
    profile: true,
  },
  {
    code: 'CONF',
    labelFr: 'Avez-vous davantage confiance en vous ?',
    kind: 'single',
    options: yesNo,
    shareOf: ['oui'],
    required: true,
  },
  { code: 'BIEN', labelFr: 'Votre bien-être, de 1 à 5', kind: 'scale', min: 1, max: 5 },
  {
    code: 'DROITS',
    labelFr: 'Quelles démarches avez-vous faites ?',
    kind: 'multiple',
    options: [
      { value: 'caf', labelFr: 'CAF' },
      { value: 'cpam', labelFr: 'CPAM' },
      { value: 'france_travail', labelFr: 'France Travail' },
      { value: 'aucune', labelFr: 'Aucune' },
    ],
    shareOf: ['caf', 'cpam', 'france_travail'],
  },
  {
    code: 'ISOL',
    labelFr: 'Vous sentez-vous isolé·e ?',
    kind: 'single',
    options: yesNo,
    shareOf: ['oui'],
    polarity: 'lower_is_better',
  },
  { code: 'SANTE', labelFr: 'Votre santé, de 1 à 5', kind: 'scale', min: 1, max: 5 },
  {
    code: 'NUITS',
    labelFr: 'Nuits en logement stable le mois dernier',
    kind: 'number',
    min: 0,
    max: 31,
  },
  { code: 'CONFI', labelFr: 'Confiance dans l’avenir, de 1 à 10', kind: 'scale', min: 1, max: 10 },
  {
    code: 'LOISIRS',
    labelFr: 'Quelles activités pratiquez-vous ?',
    kind: 'multiple',
    options: [
      { value: 'sport', labelFr: 'Sport' },
      { value: 'culture', labelFr: 'Culture' },
      { value: 'benevolat', labelFr: 'Bénévolat' },
      { value: 'aucune', labelFr: 'Aucune' },
    ],
    shareOf: ['sport', 'culture', 'benevolat'],
  },
  { code: 'REVENU', labelFr: 'Revenu mensuel du foyer (euros)', kind: 'number', min: 0, max: 5000 },
  {
    code: 'LOGEMENT',
    labelFr: 'Votre logement',
    kind: 'single',
    options: [
      { value: 'stable', labelFr: 'Stable' },
      { value: 'precaire', labelFr: 'Précaire' },
      { value: 'rue', labelFr: 'Sans logement' },
    ],
    shareOf: ['stable'],
  },
  { code: 'AUTONOMIE', labelFr: 'Votre autonomie, de 1 à 5', kind: 'scale', min: 1, max: 5 },
  {
    code: 'FREINS',
    labelFr: 'Qu’est-ce qui vous freine ?',
    kind: 'multiple',
    options: [
      { value: 'mobilite', labelFr: 'La mobilité' },
      { value: 'garde', labelFr: 'La garde d’enfants' },
      { value: 'langue', labelFr: 'La langue' },
      { value: 'aucun', labelFr: 'Rien de cela' },
    ],
    shareOf: ['mobilite', 'garde', 'langue'],
    polarity: 'lower_is_better',
  },
  {
    code: 'SATISF',
    labelFr: 'Satisfaction envers l’accompagnement, de 1 à 5',
    kind: 'scale',
    min: 1,
    max: 5,
  },
  { code: 'AVENIR', labelFr: 'Votre avenir vous semble-t-il meilleur, de 1 à 10', kind: 'scale', min: 1, max: 10 },
  { code: 'HEURES', labelFr: 'Heures d’accompagnement ce mois-ci', kind: 'number', min: 0, max: 200 },
  { code: 'ENFANTS', labelFr: 'Enfants à charge', kind: 'number', min: 0, max: 8 },
];

/** The indicator every response answers (a required yes/no): its `n` counts the responses. */
export const REQUIRED_CODE = 'CONF';
/** The profile indicators, the dimensions a dashboard breaks figures down by. */
export const PROFILE_CODES = SPECS.filter((s) => isChoice(s) && s.profile).map((s) => s.code);

/** Bodies for POST /api/frameworks/:id/indicators. */
export function indicatorBodies() {
  return SPECS.map((s) => ({
    code: s.code,
    labelFr: `Indicateur ${s.code}`,
    labelEn: `Indicator ${s.code}`,
    kind: 'outcome',
    stakeholderGroup: 'people_supported',
    unit: isChoice(s) ? '%' : '',
    polarity: isChoice(s) && s.polarity ? s.polarity : 'higher_is_better',
    computation: isChoice(s) ? { type: 'share', options: s.shareOf } : { type: 'mean' },
  }));
}

/** The questions of POST /api/organisations/:id/questionnaires, each tied to its indicator. */
export function questionBodies(frameworkId: string) {
  return SPECS.map((s) => ({
    type: s.kind,
    labelFr: s.labelFr,
    required: isChoice(s) && s.required === true,
    ...(isChoice(s) ? { options: s.options } : { min: s.min, max: s.max }),
    indicator: { frameworkId, code: s.code },
  }));
}

interface Departement {
  code: string;
  chefLieu: string;
  zone: string;
}

/**
 * The INSEE codes of the chefs-lieux of the first 100 départements (metropolitan ones, then
 * overseas) from @etalab/decoupage-administratif: where the organisations sit.
 */
export function chefLieuCommunes(count = 100): string[] {
  const require = createRequire(import.meta.url);
  const all = require('@etalab/decoupage-administratif/data/departements.json') as Departement[];
  const rank = (d: Departement) => (d.zone === 'metro' ? 0 : d.zone === 'drom' ? 1 : 2);
  const picked = [...all].sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code)).slice(0, count);
  if (picked.length < count) throw new Error(`only ${picked.length} départements in the reference data`);
  return picked.map((d) => d.chefLieu);
}

/** Each organisation's commune (spread over the départements) and the people it serves. */
export interface OrganisationPlan {
  communeCode: string;
  populationServed: number;
}

export function planOrganisations(seed: number, count: number, communes: readonly string[]): OrganisationPlan[] {
  const rng = mulberry32(seed ^ 0x0c0ffee);
  return Array.from({ length: count }, (_unused, i) => ({
    // Every département gets organisations (round robin), then a random shuffle of which.
    communeCode: communes[(i + Math.floor(rng() * 7)) % communes.length]!,
    populationServed: 200 + Math.floor(rng() * rng() * 20_000),
  }));
}

/**
 * One answer, coded as an integer so that it fits an int[] column: -1 = not answered;
 * single = option index; multiple = bit mask of chosen options (never 0); scale/number = value.
 * `bias` (0..1) shifts the distribution so that organisations differ.
 */
export function drawCode(rng: Rng, spec: Spec, bias: number, skip: number): number {
  if (!(isChoice(spec) && spec.required) && rng() < skip) return -1;
  switch (spec.kind) {
    case 'single': {
      // The first option is more likely when bias is high.
      if (rng() < 0.25 + 0.5 * bias) return 0;
      return 1 + Math.floor(rng() * (spec.options.length - 1));
    }
    case 'multiple': {
      let mask = 0;
      const last = spec.options.length - 1; // "aucune": exclusive
      for (let j = 0; j < last; j++) if (rng() < 0.15 + 0.5 * bias) mask |= 1 << j;
      return mask === 0 ? 1 << last : mask;
    }
    case 'scale': {
      const span = spec.max - spec.min;
      const centre = spec.min + span * (0.3 + 0.5 * bias);
      const v = Math.round(centre + (rng() + rng() + rng() - 1.5) * span * 0.5);
      return Math.min(spec.max, Math.max(spec.min, v));
    }
    case 'number': {
      const span = spec.max - spec.min;
      const v = Math.round(spec.min + span * (0.2 + 0.6 * bias) * (rng() + rng()) * 0.9);
      return Math.min(spec.max, Math.max(spec.min, v));
    }
  }
}

/** The same code as a JSON answer (undefined = not answered). */
export function jsonAnswer(spec: Spec, code: number): string | number | string[] | undefined {
  if (code < 0) return undefined;
  switch (spec.kind) {
    case 'single':
      return spec.options[code]!.value;
    case 'multiple':
      return spec.options.filter((_o, j) => (code >> j) & 1).map((o) => o.value);
    case 'scale':
    case 'number':
      return code;
  }
}

/** Draws a whole response for the load test: JSON answers keyed by question id. */
export function drawResponse(
  rng: Rng,
  questionIds: readonly string[],
): Record<string, string | number | string[]> {
  const answers: Record<string, string | number | string[]> = {};
  SPECS.forEach((spec, k) => {
    const value = jsonAnswer(spec, drawCode(rng, spec, rng(), isChoice(spec) && spec.profile ? 0.01 : 0.06));
    if (value !== undefined) answers[questionIds[k]!] = value;
  });
  return answers;
}

export interface BulkPlan {
  count: number;
  /** 0-based organisation index of each response (weights differ between organisations). */
  organisation: Int32Array;
  /** 0-based period index of each response; responses are in period order, as they arrive. */
  period: Int32Array;
  /** codes[k][i]: answer of response i to question k (see drawCode). */
  codes: Int32Array[];
  /** Responses per period index. */
  perPeriod: number[];
}

/** Smallest index whose cumulative weight exceeds u. */
function pick(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * N responses spread over the periods (growing from one to the next) and unevenly over the
 * organisations, each with 20 answers (a few skipped). Each organisation has its own bias and
 * skip rate per question, so figures differ from one to the next. Responses come in period
 * order, as they would arrive over the years.
 */
export function planResponses(seed: number, count: number, organisations: number, periods: number): BulkPlan {
  const rng = mulberry32(seed);
  const weights = Array.from({ length: organisations }, () => 0.2 + rng() * rng() * 3);
  const total = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  const cumulative = Float64Array.from(weights, (w) => (running += w / total));
  cumulative[organisations - 1] = 1;
  const bias = Array.from({ length: organisations }, () => SPECS.map(() => rng()));
  const skip = Array.from({ length: organisations }, () =>
    SPECS.map((s) => (isChoice(s) && s.profile ? 0.005 + 0.02 * rng() : 0.02 + 0.1 * rng())),
  );
  // Each period has more responses than the one before (0.8, 1, 1.2 for three).
  const shares = Array.from({ length: periods }, (_u, p) => 1 + (periods === 1 ? 0 : (0.4 * p) / (periods - 1) - 0.2));
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  const perPeriod = shares.map((s) => Math.floor((count * s) / shareTotal));
  perPeriod[periods - 1]! += count - perPeriod.reduce((a, b) => a + b, 0);

  const organisation = new Int32Array(count);
  const period = new Int32Array(count);
  const codes = SPECS.map(() => new Int32Array(count));
  let i = 0;
  for (let p = 0; p < periods; p++) {
    for (let j = 0; j < perPeriod[p]!; j++, i++) {
      const o = pick(cumulative, rng());
      organisation[i] = o;
      period[i] = p;
      for (let k = 0; k < SPECS.length; k++) codes[k]![i] = drawCode(rng, SPECS[k]!, bias[o]![k]!, skip[o]![k]!);
    }
  }
  return { count, organisation, period, codes, perPeriod };
}

/** One array as a PostgreSQL array literal bound as a single text parameter. */
function intArray(values: ArrayLike<number>) {
  return sql`${`{${Array.prototype.join.call(values, ',')}}`}::int[]`;
}
function textArray(values: readonly (string | null)[]) {
  return sql`${`{${values.map((v) => (v === null ? 'NULL' : `"${v}"`)).join(',')}}`}::text[]`;
}

export interface BulkTargets {
  /** Indexed like the plan's organisations. */
  organisationIds: string[];
  /** Each organisation's commune: responses.commune_code, as the app fixes it when storing. */
  communeCodes: string[];
  questionnaireIds: string[];
  /** campaignIds[o][p]: organisation o's campaign of period p. */
  campaignIds: string[][];
  /** questionIds[o][k]: organisation o's question at position k. */
  questionIds: string[][];
  periods: string[];
}

/**
 * A uuid made of the seed and a row number: deterministic, unique, and increasing with the row,
 * so that index pages fill in order as they do when responses arrive over time.
 */
function rowUuid(seedHex: string, kind: string, row: SQL) {
  return sql`(${`${seedHex}-${kind}`}::text || '-' || lpad(to_hex(${row}), 12, '0'))::uuid`;
}

/**
 * Writes the plan in chunks: per chunk, one statement for the responses and one for all their
 * answers (response by response, question by question, as the app writes them), each
 * `insert … select` over `unnest` of int arrays. Pass a transaction to make it all-or-nothing
 * (see loadResponses).
 */
export async function bulkLoad(
  db: Pick<Db, 'execute'>,
  seed: number,
  plan: BulkPlan,
  targets: BulkTargets,
  onChunk: (done: number) => void = () => undefined,
  chunk = 25_000,
): Promise<{ responses: number; answers: number }> {
  const seedHex = (seed >>> 0).toString(16).padStart(8, '0');
  const periodCount = targets.periods.length;
  // Flattened lookups, indexed from 1 in SQL: campaign (o * periods + p + 1), question (o * 20 + k + 1).
  const campaigns = sql`${textArray(targets.campaignIds.flat())}::uuid[]`;
  const questions = sql`${textArray(targets.questionIds.flat())}::uuid[]`;
  const spec = {
    kind: textArray(SPECS.map((s) => s.kind)),
    // options[k + 1][j]: padded with nulls to the longest list.
    options: (() => {
      const width = Math.max(...SPECS.map((s) => (isChoice(s) ? s.options.length : 0)));
      const rows = SPECS.map((s) => {
        const values = isChoice(s) ? s.options.map((o) => o.value) : [];
        return `{${Array.from({ length: width }, (_u, j) => (values[j] === undefined ? 'NULL' : `"${values[j]}"`)).join(',')}}`;
      });
      return sql`${`{${rows.join(',')}}`}::text[]`;
    })(),
  };
  let answersWritten = 0;
  for (let start = 0; start < plan.count; start += chunk) {
    const end = Math.min(plan.count, start + chunk);
    const orgs = plan.organisation.subarray(start, end);
    const pers = plan.period.subarray(start, end);
    const responseId = rowUuid(seedHex, '0000-4000-8000', sql`t.g - 1 + ${start}::int`);
    await db.execute(sql`
      insert into responses (id, campaign_id, questionnaire_id, organisation_id, period, client_id, channel, submitted_at, commune_code)
      select ${responseId},
             (${campaigns})[t.o * ${periodCount}::int + t.p + 1],
             (${textArray(targets.questionnaireIds)}::uuid[])[t.o + 1],
             (${textArray(targets.organisationIds)}::uuid[])[t.o + 1],
             (${textArray(targets.periods)})[t.p + 1],
             ${rowUuid(seedHex, '0000-4000-9000', sql`t.g - 1 + ${start}::int`)},
             'web',
             make_timestamptz(((${textArray(targets.periods)})[t.p + 1])::int, 1, 5, 9, 0, 0, 'UTC') + ((t.g + ${start}::int) % 500000) * interval '1 minute',
             (${textArray(targets.communeCodes)})[t.o + 1]
      from unnest(${intArray(orgs)}, ${intArray(pers)}) with ordinality as t(o, p, g)`);
    // All answers of the chunk, k-major in the arrays; the select orders them response by response.
    const size = end - start;
    const codes = new Int32Array(size * SPECS.length);
    for (let k = 0; k < SPECS.length; k++) codes.set(plan.codes[k]!.subarray(start, end), k * size);
    const result = await db.execute(sql`
      insert into answers (response_id, question_id, options, num, text)
      select ${responseId},
             (${questions})[t.o * ${SPECS.length}::int + x.k],
             case (${spec.kind})[x.k]
               when 'single' then array[(${spec.options})[x.k][x.v + 1]]
               when 'multiple' then array(select (${spec.options})[x.k][j] from generate_series(1, 8) j where (x.v >> (j - 1)) & 1 = 1 order by j)
             end,
             case when (${spec.kind})[x.k] in ('scale', 'number') then x.v::float8 end,
             null
      from unnest(${intArray(orgs)}) with ordinality as t(o, g)
      cross join lateral (
        select k, (${intArray(codes)})[(k - 1) * ${size}::int + t.g::int] as v
        from generate_series(1, ${SPECS.length}::int) k
      ) x
      where x.v >= 0
      order by t.g, x.k`);
    answersWritten += affected(result);
    onChunk(end);
  }
  return { responses: plan.count, answers: answersWritten };
}

/** Rows written, as node-postgres (rowCount) and PGlite (affectedRows) report it. */
function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}

/**
 * The whole load in one transaction. As a superuser (the default `postgres` role, and always
 * with PGlite) foreign-key triggers are skipped for that transaction
 * (`session_replication_role = replica`): the rows refer to ids just read back from the API,
 * and the checks would double the load time. Returns whether they were skipped.
 */
export async function loadResponses(
  db: Db,
  seed: number,
  plan: BulkPlan,
  targets: BulkTargets,
  onChunk?: (done: number) => void,
): Promise<{ responses: number; answers: number; fkChecksSkipped: boolean }> {
  const check: unknown = await db.execute(sql`select current_setting('is_superuser') as su`);
  const superuser = (check as { rows: { su?: unknown }[] }).rows[0]?.su === 'on';
  return db.transaction(async (tx) => {
    if (superuser) await tx.execute(sql`set local session_replication_role = replica`);
    return { ...(await bulkLoad(tx, seed, plan, targets, onChunk)), fkChecksSkipped: superuser };
  });
}
