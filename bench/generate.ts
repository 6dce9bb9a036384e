/**
 * The benchmark's data: a fixed common framework of 15 indicators (8 shares, 7 means), the
 * questionnaire tied to it, answers drawn from a seeded PRNG, and the bulk loader that writes
 * N responses × 15 answers straight into `responses` / `answers` with a few set-based
 * statements (`insert … select … from unnest(…)`), bypassing the API on purpose.
 *
 * Same seed, same data: every random choice comes from `mulberry32(seed)`, and the rows' ids
 * are md5 hashes of the seed and the row's number.
 */
import { sql } from 'drizzle-orm';
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

/** The common framework: one question per indicator, position = index in this list. */
export const SPECS: readonly Spec[] = [
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
    code: 'EMPLOI',
    labelFr: 'Votre situation aujourd’hui',
    kind: 'single',
    options: [
      { value: 'emploi', labelFr: 'En emploi' },
      { value: 'formation', labelFr: 'En formation' },
      { value: 'recherche', labelFr: 'En recherche' },
      { value: 'autre', labelFr: 'Autre' },
    ],
    shareOf: ['emploi', 'formation'],
  },
  {
    code: 'NUITS',
    labelFr: 'Nuits en logement stable le mois dernier',
    kind: 'number',
    min: 0,
    max: 31,
  },
  {
    code: 'LIEN',
    labelFr: 'Avez-vous noué de nouveaux liens ?',
    kind: 'single',
    options: yesNo,
    shareOf: ['oui'],
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
    code: 'NUMERIQUE',
    labelFr: 'Êtes-vous à l’aise avec le numérique ?',
    kind: 'single',
    options: yesNo,
    shareOf: ['oui'],
  },
  {
    code: 'SATISF',
    labelFr: 'Satisfaction envers l’accompagnement, de 1 à 5',
    kind: 'scale',
    min: 1,
    max: 5,
  },
];

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
    const value = jsonAnswer(spec, drawCode(rng, spec, rng(), 0.08));
    if (value !== undefined) answers[questionIds[k]!] = value;
  });
  return answers;
}

/** The same response as the HTML form sends it: `client_id` and `q_<questionId>` fields. */
export function formBody(
  clientId: string,
  answers: Record<string, string | number | string[]>,
): string {
  const form = new URLSearchParams({ client_id: clientId });
  for (const [questionId, value] of Object.entries(answers)) {
    for (const v of Array.isArray(value) ? value : [value])
      form.append(`q_${questionId}`, String(v));
  }
  return form.toString();
}

export interface BulkPlan {
  count: number;
  /** 1-based organisation index of each response (weights differ between organisations). */
  organisation: Int32Array;
  /** codes[k][i]: answer of response i to question k (see drawCode). */
  codes: Int32Array[];
}

/**
 * N responses spread unevenly over the organisations, each with 15 answers. Each organisation
 * has its own bias and skip rate per question, so figures differ from one to the next.
 */
export function planResponses(seed: number, count: number, organisations: number): BulkPlan {
  const rng = mulberry32(seed);
  const weights = Array.from({ length: organisations }, () => 0.3 + rng());
  const total = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  const cumulative = weights.map((w) => (running += w / total));
  const bias = Array.from({ length: organisations }, () => SPECS.map(() => rng()));
  const skip = Array.from({ length: organisations }, () => SPECS.map(() => 0.02 + 0.12 * rng()));
  const organisation = new Int32Array(count);
  const codes = SPECS.map(() => new Int32Array(count));
  for (let i = 0; i < count; i++) {
    const u = rng();
    let o = cumulative.findIndex((c) => u < c);
    if (o < 0) o = organisations - 1;
    organisation[i] = o + 1;
    SPECS.forEach((spec, k) => {
      codes[k]![i] = drawCode(rng, spec, bias[o]![k]!, skip[o]![k]!);
    });
  }
  return { count, organisation, codes };
}

/** One array as a PostgreSQL array literal bound as a single text parameter. */
function intArray(values: Int32Array) {
  return sql`${`{${values.join(',')}}`}::int[]`;
}
function textArray(values: readonly string[]) {
  return sql`${`{${values.map((v) => `"${v}"`).join(',')}}`}`;
}

export interface BulkTargets {
  /** Indexed like the plan's organisations (0-based here, 1-based in the plan). */
  organisationIds: string[];
  campaignIds: string[];
  /** questionIds[o][k]: organisation o's question at position k. */
  questionIds: string[][];
  period: string;
}

/**
 * Writes the plan in chunks: per chunk, one statement for the responses and one per question
 * for the answers, each `insert … select` over `unnest` of int arrays. Response ids and
 * client ids are md5(seed:row) as uuid: unique, and the same on every run. Pass a transaction
 * to make it all-or-nothing (see loadResponses).
 */
export async function bulkLoad(
  db: Pick<Db, 'execute'>,
  seed: number,
  plan: BulkPlan,
  targets: BulkTargets,
  chunk = 50_000,
): Promise<{ responses: number; answers: number }> {
  const prefix = `bench-${seed}`;
  let answersWritten = 0;
  for (let start = 0; start < plan.count; start += chunk) {
    const end = Math.min(plan.count, start + chunk);
    const orgs = intArray(plan.organisation.subarray(start, end));
    await db.execute(sql`
      insert into responses (id, campaign_id, questionnaire_id, organisation_id, period, client_id, channel, submitted_at)
      select md5(${prefix}::text || ':r:' || (t.g + ${start}::int))::uuid,
             (${textArray(targets.campaignIds)}::uuid[])[t.oi],
             (select c.questionnaire_id from campaigns c where c.id = (${textArray(targets.campaignIds)}::uuid[])[t.oi]),
             (${textArray(targets.organisationIds)}::uuid[])[t.oi],
             ${targets.period}::text,
             md5(${prefix}::text || ':c:' || (t.g + ${start}::int))::uuid,
             'web',
             timestamptz '2026-01-05 09:00:00+00' + ((t.g + ${start}::int) % 400000) * interval '1 minute'
      from unnest(${orgs}) with ordinality as t(oi, g)`);
    for (const [k, spec] of SPECS.entries()) {
      const codes = plan.codes[k]!.subarray(start, end);
      const questions = textArray(targets.questionIds.map((qs) => qs[k]!));
      const options = isChoice(spec) ? textArray(spec.options.map((o) => o.value)) : null;
      const value =
        spec.kind === 'single'
          ? sql`array[(${options}::text[])[t.v + 1]], null::float8`
          : spec.kind === 'multiple'
            ? sql`array(select u.o from unnest(${options}::text[]) with ordinality as u(o, j) where (t.v >> (u.j::int - 1)) & 1 = 1), null::float8`
            : sql`null::text[], t.v::float8`;
      const result = await db.execute(sql`
        insert into answers (response_id, question_id, options, num, text)
        select md5(${prefix}::text || ':r:' || (t.g + ${start}::int))::uuid, (${questions}::uuid[])[t.oi], ${value}, null
        from unnest(${orgs}, ${intArray(codes)}) with ordinality as t(oi, v, g)
        where t.v >= 0`);
      answersWritten += affected(result);
    }
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
): Promise<{ responses: number; answers: number; fkChecksSkipped: boolean }> {
  const check: unknown = await db.execute(sql`select current_setting('is_superuser') as su`);
  const superuser = (check as { rows: { su?: unknown }[] }).rows[0]?.su === 'on';
  return db.transaction(async (tx) => {
    if (superuser) await tx.execute(sql`set local session_replication_role = replica`);
    return { ...(await bulkLoad(tx, seed, plan, targets)), fkChecksSkipped: superuser };
  });
}
