/**
 * `npm run bench`: on PostgreSQL (1,000,000 responses) then PGlite (100,000), builds a large
 * collective, starts two real servers on 127.0.0.1 over the same database (figures from the
 * kept partial sums, and the naive baseline grouping the answers), and measures the collective
 * dashboard on both, checks their figures are identical, then measures responses accepted per
 * second while the dashboard is read and how fast a new answer shows in the figures.
 * See bench/README.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { connect, runMigrations, type Database, type DatabaseKind } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { rebuildPartials } from '../src/server/features/results/partials-repository.ts';
import { compareLoads, dashboardRequests, loadDashboard, timeDashboard, type DashboardRequest, type DashboardTiming } from './dashboard.ts';
import {
  chefLieuCommunes,
  drawResponse,
  loadResponses,
  mulberry32,
  planOrganisations,
  planResponses,
  PROFILE_CODES,
  REQUIRED_CODE,
  SPECS,
} from './generate.ts';
import { percentile, runLoad, type LoadResult, type Outcome } from './load.ts';
import { measurePageWeight, PAGE_BUDGET_BYTES } from './page-weight.ts';
import { setUpCollective, type Collective, type Person } from './setup.ts';

function numberSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a number from ${min} to ${max} (got ${raw})`);
  return value;
}
const intSetting = (name: string, fallback: number, min: number, max: number) =>
  Math.round(numberSetting(name, fallback, min, max));

const pgResponses = intSetting('BENCH_RESPONSES', 1_000_000, 100, 5_000_000);
const settings = {
  responses: {
    postgresql: pgResponses,
    pglite: intSetting('BENCH_PGLITE_RESPONSES', Math.min(100_000, pgResponses), 100, 5_000_000),
  },
  organisations: intSetting('BENCH_ORGANISATIONS', 1000, 1, 10_000),
  rounds: intSetting('BENCH_ROUNDS', 50, 1, 10_000),
  warmups: intSetting('BENCH_WARMUPS', 5, 0, 100),
  dashboardSeconds: numberSetting('BENCH_DASHBOARD_SECONDS', 60, 1, 3600),
  naiveRounds: intSetting('BENCH_NAIVE_ROUNDS', 10, 1, 1000),
  naiveSeconds: numberSetting('BENCH_NAIVE_SECONDS', 240, 1, 7200),
  seconds: numberSetting('BENCH_SECONDS', 10, 0.5, 600),
  writers: intSetting('BENCH_WRITERS', 4, 1, 64),
  readers: intSetting('BENCH_READERS', 2, 1, 64),
  freshness: intSetting('BENCH_FRESHNESS', 5, 1, 100),
  /** Readers loading the dashboard while the freshness answers are sent: someone with it open. */
  freshnessReaders: intSetting('BENCH_FRESHNESS_READERS', 1, 0, 64),
  seed: intSetting('BENCH_SEED', 20261125, 0, 2 ** 31),
  databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  /** Leaves the databases (PostgreSQL database, PGlite folder) in place at the end, to look at query plans. */
  keepDatabase: process.env.BENCH_KEEP_DATABASE === '1',
  databases: (process.env.BENCH_DATABASES || 'postgresql,pglite').split(',').map((s) => s.trim()),
};

const PERIODS = ['2024', '2025', '2026'];
const PERIOD = '2026';
const DEPARTEMENTS = 100;
/** Safety cap on requests per load run, whatever BENCH_SECONDS says. */
const MAX_REQUESTS = 1_000_000;
/** Goals of the issue, on PostgreSQL at 1,000,000 responses. */
const GOAL_P95_MS = 250;
const GOAL_RATIO = 20;
const GOAL_FRESH_MS = 1000;

const started = performance.now();
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const int = (n: number) => n.toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function progress(message: string) {
  process.stderr.write(`[${seconds(performance.now() - started).padStart(8)}] ${message}\n`);
}

function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join(' | ');
  return [line(header), ...rows.map(line)].map((l) => l.trimEnd()).join('\n');
}

/** Clean-ups still to run (the temporary data folder, the PostgreSQL database), also on Ctrl-C. */
const cleanups = new Set<() => Promise<void>>();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: cleaning up…\n`);
    void Promise.allSettled([...cleanups].map((c) => c())).finally(() => process.exit(130));
  });
}

interface Target {
  /** The database the kept server (and the loader) use. */
  database: Database;
  /** The naive server's: its own pool on PostgreSQL, the same instance on PGlite. */
  naiveDatabase: Database;
  where: string;
  dispose: () => Promise<void>;
}

async function openPglite(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'socle-bench-'));
  const remove = async () => rmSync(dir, { recursive: true, force: true });
  cleanups.add(remove);
  const database = await connect({ kind: 'pglite', dataDir: dir });
  return {
    database,
    naiveDatabase: database,
    where: dir,
    dispose: async () => {
      await database.close().catch(() => undefined);
      if (settings.keepDatabase) process.stderr.write(`kept the database: ${dir}\n`);
      else await remove();
      cleanups.delete(remove);
    },
  };
}

/** A fresh database on the server, dropped at the end; the reason when the server cannot be reached. */
async function openPostgres(serverUrl: string): Promise<Target | string> {
  const adminClient = () =>
    new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  const admin = adminClient();
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    return error instanceof Error ? error.message || error.name : String(error);
  }
  const name = `socle_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const drop = async () => {
    const c = adminClient();
    await c.connect();
    try {
      await c.query(`drop database if exists ${name} with (force)`);
    } finally {
      await c.end();
    }
  };
  cleanups.add(drop);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await connect({ kind: 'postgresql', url: url.toString() });
  const naiveDatabase = await connect({ kind: 'postgresql', url: url.toString() });
  const shown = new URL(url);
  shown.password = shown.password ? '***' : '';
  return {
    database,
    naiveDatabase,
    where: shown.toString(),
    dispose: async () => {
      await database.close().catch(() => undefined);
      await naiveDatabase.close().catch(() => undefined);
      if (settings.keepDatabase) process.stderr.write(`kept the database: ${shown.toString()}\n`);
      else await drop();
      cleanups.delete(drop);
    },
  };
}

async function scalar(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result: unknown = await database.db.execute(query);
  const { rows } = result as { rows: Record<string, unknown>[] };
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

interface Server {
  app: FastifyInstance;
  base: string;
}

async function startServer(database: Database, source: 'partials' | 'answers'): Promise<Server> {
  // Every request comes from 127.0.0.1: the per-address limit on public answers is lifted.
  const config = loadConfig({
    PORT: '3000',
    SOCLE_LOG_LEVEL: 'silent',
    SOCLE_PUBLIC_SUBMISSIONS: '1000000',
    SOCLE_RESULTS_SOURCE: source,
  });
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}` };
}

interface Measured {
  responses: number;
  answers: number;
  organisations: number;
  setupMs: number;
  planMs: number;
  loadMs: number;
  fkChecksSkipped: boolean;
  partialsMs: number;
  analyzeMs: number;
  partialRows: number;
  partialBytes: number;
  answerBytes: number;
  requests: DashboardRequest[];
  missing: string[];
  kept: DashboardTiming;
  naive: DashboardTiming;
  /** Dashboard loads compared between the two servers, and the differences found. */
  compared: number;
  differences: string[];
  writesAlone: LoadResult;
  writesWhileReading: LoadResult;
  readsUnderLoad: number[];
  freshness: { ms: number[]; reads: number[] };
  stored: { expected: number; found: number };
  requiredN: number;
}

/** Sorted copy. */
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

async function measure(kind: DatabaseKind, target: Target, responses: number): Promise<Measured> {
  const kept = await startServer(target.database, 'partials');
  const naive = await startServer(target.naiveDatabase, 'answers');
  try {
    const { database } = target;
    const organisations = planOrganisations(settings.seed, settings.organisations, chefLieuCommunes(DEPARTEMENTS));
    progress(
      `${kind}: setting up through the API: ${int(organisations.length)} organisations in ${DEPARTEMENTS} départements, ${SPECS.length} indicators, ${PERIODS.length} campaigns each`,
    );
    const t0 = performance.now();
    const collective = await setUpCollective(kept.base, organisations, PERIODS, (done) => {
      if (done % 100 === 0 || done === organisations.length) progress(`${kind}:   ${done} organisations set up`);
    });
    const setupMs = performance.now() - t0;

    progress(`${kind}: drawing ${int(responses)} responses (seed ${settings.seed})`);
    const t1 = performance.now();
    const plan = planResponses(settings.seed, responses, organisations.length, PERIODS.length);
    const planMs = performance.now() - t1;
    progress(`${kind}: writing them in SQL (${plan.perPeriod.map((n, p) => `${PERIODS[p]}: ${int(n)}`).join(', ')})`);
    const t2 = performance.now();
    const written = await loadResponses(
      database.db,
      settings.seed,
      plan,
      {
        organisationIds: collective.members.map((m) => m.organisationId),
        communeCodes: collective.members.map((m) => m.communeCode),
        questionnaireIds: collective.members.map((m) => m.questionnaireId),
        campaignIds: collective.members.map((m) => m.campaigns.map((c) => c.id)),
        questionIds: collective.members.map((m) => m.questionIds),
        periods: PERIODS,
      },
      (done) => {
        if (done % 100_000 === 0) progress(`${kind}:   ${int(done)} responses written`);
      },
    );
    const loadMs = performance.now() - t2;
    progress(`${kind}: wrote ${int(written.responses)} responses, ${int(written.answers)} answers in ${seconds(loadMs)}; building the partial sums`);
    const t3 = performance.now();
    await rebuildPartials(database.db);
    const partialsMs = performance.now() - t3;
    // PGlite runs no autovacuum, so nothing would ever gather statistics on its own; on
    // PostgreSQL autovacuum would do it shortly after such a load. Both are measured analysed.
    const t4 = performance.now();
    await database.db.execute(sql`analyze`);
    const analyzeMs = performance.now() - t4;
    // PGlite runs in this thread: while it loaded and built, the servers' keep-alive timers could
    // not run. A moment lets them close the connections idle since, before the client reuses one.
    await delay(1000);
    const partialRows = await scalar(database, sql`select count(*)::int from indicator_partials`);
    const partialBytes = await scalar(database, sql`select pg_total_relation_size('indicator_partials')::float8`);
    const answerBytes = await scalar(database, sql`select pg_total_relation_size('answers')::float8`);
    progress(`${kind}: partial sums built in ${seconds(partialsMs)}: ${int(partialRows)} rows, ${mb(partialBytes)} (analyze ${seconds(analyzeMs)})`);

    const { requests, missing } = dashboardRequests(
      { collectiveId: collective.collectiveId, period: PERIOD, breakdownCode: PROFILE_CODES[1] ?? PROFILE_CODES[0]!, mapCode: REQUIRED_CODE },
      (url) => kept.app.hasRoute({ method: 'GET', url }),
    );
    progress(`${kind}: the dashboard: ${requests.map((r) => r.path).join(' + ')}${missing.length ? ` (no ${missing.join(', ')} route yet)` : ''}`);
    const keptPerson = collective.coordinator;
    const naivePerson = keptPerson.on(naive.base);

    // Identity, every period: the same dashboard from both servers, compared as JSON.
    const differences: string[] = [];
    let compared = 0;
    for (const period of PERIODS) {
      const forPeriod = requests.map((r) => ({ ...r, path: r.path.replace(`period=${PERIOD}`, `period=${period}`) }));
      progress(`${kind}: comparing the ${period} dashboard with the naive baseline`);
      const [a, b] = [await loadDashboard(keptPerson, forPeriod), await loadDashboard(naivePerson, forPeriod)];
      differences.push(...compareLoads(forPeriod, a.bodies, b.bodies).map((d) => `${period} ${d}`));
      compared += 1;
    }
    const reference = (await loadDashboard(keptPerson, requests)).bodies;

    progress(`${kind}: timing the dashboard (kept sums): ${settings.warmups} warm-ups, then ${settings.rounds} loads or ${settings.dashboardSeconds} s`);
    const keptTiming = await timeDashboard(keptPerson, requests, settings.rounds, settings.warmups, settings.dashboardSeconds, false);
    progress(`${kind}:   p50 ${fmt(percentile(keptTiming.totals, 50))} ms, p95 ${fmt(percentile(keptTiming.totals, 95))} ms`);
    progress(`${kind}: timing the naive baseline: ${settings.naiveRounds} loads or ${settings.naiveSeconds} s (the comparison above warmed it)`);
    const naiveTiming = await timeDashboard(naivePerson, requests, settings.naiveRounds, 0, settings.naiveSeconds, true);
    for (const bodies of naiveTiming.loads) {
      differences.push(...compareLoads(requests, reference, bodies).map((d) => `${PERIOD} (timed) ${d}`));
      compared += 1;
    }
    progress(`${kind}:   p50 ${fmt(percentile(naiveTiming.totals, 50))} ms, p95 ${fmt(percentile(naiveTiming.totals, 95))} ms`);

    // Writes: closed-loop writers answering the period's campaigns of random members (JSON API).
    const rng = mulberry32(settings.seed ^ 0x5eed);
    let sent = 0;
    const send = async (): Promise<Outcome> => {
      const member = collective.members[Math.floor(rng() * collective.members.length)]!;
      const slug = member.campaigns[PERIODS.indexOf(PERIOD)]!.slug;
      const res = await fetch(`${kept.base}/api/public/campaigns/${slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: randomUUID(), answers: drawResponse(rng, member.questionIds) }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status === 201) sent += 1;
      return res.status === 201 ? true : `${res.status} ${text.slice(0, 160)}`;
    };
    progress(`${kind}: ${settings.writers} writers alone for ${settings.seconds} s`);
    const writesAlone = await runLoad({ clients: settings.writers, seconds: settings.seconds, maxRequests: MAX_REQUESTS, send });
    progress(`${kind}:   ${fmt(writesAlone.accepted / (writesAlone.elapsedMs / 1000))}/s`);

    progress(`${kind}: ${settings.writers} writers while ${settings.readers} readers load the dashboard, ${settings.seconds} s`);
    const readsUnderLoad: number[] = [];
    const reading = readContinuously(keptPerson, requests, settings.readers, readsUnderLoad);
    const writesWhileReading = await runLoad({ clients: settings.writers, seconds: settings.seconds, maxRequests: MAX_REQUESTS, send });
    await reading.stop();
    progress(`${kind}:   ${fmt(writesWhileReading.accepted / (writesWhileReading.elapsedMs / 1000))}/s, dashboard p95 ${fmt(percentile(sorted(readsUnderLoad), 95))} ms`);
    for (const r of [writesAlone, writesWhileReading])
      if (r.failures.length > 0) progress(`${kind}: ${r.errors} errors, e.g. ${r.failures.join(' / ')}`);

    progress(`${kind}: freshness: ${settings.freshness} answers submitted while ${settings.freshnessReaders} reader(s) load the dashboard`);
    const background = readContinuously(keptPerson, requests, settings.freshnessReaders, []);
    const freshness = await measureFreshness(keptPerson, kept.base, collective, requests[0]!.path, settings.freshness);
    await background.stop();
    sent += settings.freshness;

    // The kept sums followed every write: the figures still equal the naive baseline's.
    progress(`${kind}: comparing the dashboard with the naive baseline again, after the writes`);
    const [after, afterNaive] = [await loadDashboard(keptPerson, requests), await loadDashboard(naivePerson, requests)];
    differences.push(...compareLoads(requests, after.bodies, afterNaive.bodies).map((d) => `${PERIOD} (after writes) ${d}`));
    compared += 1;

    const found = await scalar(database, sql`select count(*)::int from responses where period = ${PERIOD}`);
    const expected = plan.perPeriod[PERIODS.indexOf(PERIOD)]! + sent;
    const requiredN = requiredFigure(after.bodies[0])?.n ?? -1;
    return {
      responses: written.responses,
      answers: written.answers,
      organisations: organisations.length,
      setupMs,
      planMs,
      loadMs,
      fkChecksSkipped: written.fkChecksSkipped,
      partialsMs,
      analyzeMs,
      partialRows,
      partialBytes,
      answerBytes,
      requests,
      missing,
      kept: keptTiming,
      naive: naiveTiming,
      compared,
      differences,
      writesAlone,
      writesWhileReading,
      readsUnderLoad: sorted(readsUnderLoad),
      freshness,
      stored: { expected, found },
      requiredN,
    };
  } finally {
    await kept.app.close();
    await naive.app.close();
  }
}

/** `readers` loops loading the whole dashboard again and again, until stopped; totals into `into`. */
function readContinuously(person: Person, requests: readonly DashboardRequest[], readers: number, into: number[]) {
  let stopping = false;
  const loops = Array.from({ length: readers }, async () => {
    for (let i = 0; !stopping && i < MAX_REQUESTS; i++) into.push((await loadDashboard(person, requests)).totalMs);
  });
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

interface Figure {
  code: string;
  n: number;
}
function requiredFigure(results: unknown): Figure | undefined {
  return (results as { indicators: Figure[] }).indicators.find((f) => f.code === REQUIRED_CODE);
}

/**
 * Submits one answer through the public API, then reads the collective's results until the
 * required indicator's n includes it: the time from sending the answer to receiving the first
 * figure that counts it, and how many reads that took.
 */
async function measureFreshness(person: Person, base: string, collective: Collective, resultsPath: string, trials: number) {
  const rng = mulberry32(settings.seed ^ 0xf7e5);
  const ms: number[] = [];
  const reads: number[] = [];
  for (let t = 0; t < trials; t++) {
    const before = requiredFigure(await person.call<unknown>('GET', resultsPath))!.n;
    const member = collective.members[Math.floor(rng() * collective.members.length)]!;
    const slug = member.campaigns[PERIODS.indexOf(PERIOD)]!.slug;
    const t0 = performance.now();
    const res = await fetch(`${base}/api/public/campaigns/${slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: randomUUID(), answers: drawResponse(rng, member.questionIds) }),
    });
    if (res.status !== 201) throw new Error(`freshness: the answer was refused: ${res.status} ${await res.text()}`);
    await res.text();
    let n = before;
    let count = 0;
    const deadline = t0 + 30_000;
    while (n < before + 1) {
      if (performance.now() > deadline) throw new Error('freshness: the answer was not in the figures after 30 s');
      n = requiredFigure(await person.call<unknown>('GET', resultsPath))!.n;
      count += 1;
    }
    ms.push(performance.now() - t0);
    reads.push(count);
  }
  return { ms: sorted(ms), reads };
}

function report(kind: DatabaseKind, m: Measured) {
  const label = kind.padEnd(10);
  const ratio = (p: number) => percentile(m.naive.totals, p) / percentile(m.kept.totals, p);
  const rounds = (t: DashboardTiming) => `${t.totals.length}${t.budgetHit ? ' (time budget)' : ''}`;
  const out: string[] = [
    `${kind}: ${int(m.organisations)} organisations, ${int(m.responses)} responses (${int(m.answers)} answers) over ${PERIODS.join(', ')}; dashboard of ${PERIOD}`,
    `  set-up through the API ${seconds(m.setupMs)}; responses drawn in ${seconds(m.planMs)}, written in SQL in ${seconds(m.loadMs)}${m.fkChecksSkipped ? ' (FK checks off)' : ''};` +
      ` partial sums built in ${seconds(m.partialsMs)} (${int(m.partialRows)} rows, ${mb(m.partialBytes)}; answers ${mb(m.answerBytes)}); analyze ${seconds(m.analyzeMs)}`,
    `  dashboard = ${m.requests.map((r) => r.name).join(' + ')}, in parallel` +
      (m.missing.length ? ` — no ${m.missing.join(' or ')} route on this server yet: the trend stands in` : ''),
    '',
    table(
      ['database', 'dashboard', 'loads', 'p50 ms', 'p95 ms', 'max ms'],
      [
        [label, 'kept partial sums', rounds(m.kept), fmt(percentile(m.kept.totals, 50)), fmt(percentile(m.kept.totals, 95)), fmt(m.kept.totals.at(-1)!)],
        [label, 'naive (groups the answers)', rounds(m.naive), fmt(percentile(m.naive.totals, 50)), fmt(percentile(m.naive.totals, 95)), fmt(m.naive.totals.at(-1)!)],
        [label, 'ratio naive / kept', '', `${fmt(ratio(50))}×`, `${fmt(ratio(95))}×`, ''],
        [label, `kept, while ${settings.writers} writers submit`, String(m.readsUnderLoad.length), fmt(percentile(m.readsUnderLoad, 50)), fmt(percentile(m.readsUnderLoad, 95)), fmt(m.readsUnderLoad.at(-1) ?? Number.NaN)],
      ],
      [false, false, true, true, true, true],
    ),
    '',
    table(
      ['database', 'request', 'kept p50', 'kept p95', 'naive p50', 'naive p95'],
      m.requests.map((r, i) => [
        label,
        r.name,
        fmt(percentile(m.kept.perRequest[i]!, 50)),
        fmt(percentile(m.kept.perRequest[i]!, 95)),
        fmt(percentile(m.naive.perRequest[i]!, 50)),
        fmt(percentile(m.naive.perRequest[i]!, 95)),
      ]),
      [false, false, true, true, true, true],
    ),
    '',
    `  figures identical to the naive baseline: ${m.differences.length === 0 ? `yes (${m.compared} dashboard loads compared request by request, every period, and again after the writes)` : `NO — ${m.differences.length} differences:`}`,
    ...m.differences.slice(0, 20).map((d) => `    ${d}`),
    '',
    table(
      ['database', `writes (JSON API, ${settings.writers} writers)`, 'accepted/s', 'p50 ms', 'p99 ms', 'errors'],
      [
        ['alone', m.writesAlone],
        [`while ${settings.readers} readers load the dashboard`, m.writesWhileReading],
      ].map(([name, r]) => {
        const result = r as LoadResult;
        return [label, name as string, fmt(result.accepted / (result.elapsedMs / 1000)), fmt(percentile(result.latencies, 50)), fmt(percentile(result.latencies, 99)), String(result.errors)];
      }),
      [false, false, true, true, true, true],
    ),
    '',
    `  freshness: an answer submitted while ${settings.freshnessReaders} reader(s) load the dashboard over and over is in the collective's figure after ${m.freshness.ms.map((x) => fmt(x, 0)).join(', ')} ms` +
      ` (max ${fmt(m.freshness.ms.at(-1)!, 0)} ms; reads needed: ${m.freshness.reads.join(', ')}; no job runs in between)`,
    `  ${PERIOD} responses stored ${int(m.stored.found)} of ${int(m.stored.expected)} loaded and accepted${m.stored.found === m.stored.expected ? '' : '  ← MISMATCH'};` +
      ` ${REQUIRED_CODE} (required) n = ${int(m.requiredN)}${m.requiredN === m.stored.found ? '' : '  ← MISMATCH'}`,
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

function summary(measured: Map<DatabaseKind, Measured>) {
  const kinds = (['postgresql', 'pglite'] as const).filter((k) => measured.has(k));
  if (kinds.length === 0) return;
  const header = ['', ...kinds.map((k) => `${k === 'postgresql' ? 'PostgreSQL' : 'PGlite'} ${compact(measured.get(k)!.responses)}`)];
  const row = (name: string, cell: (m: Measured) => string) => [name, ...kinds.map((k) => cell(measured.get(k)!))];
  const ratio = (m: Measured, p: number) => percentile(m.naive.totals, p) / percentile(m.kept.totals, p);
  const rows = [
    row('organisations / responses / answers', (m) => `${int(m.organisations)} / ${int(m.responses)} / ${int(m.answers)}`),
    row('set-up through the API', (m) => seconds(m.setupMs)),
    row('generation (draw + SQL load)', (m) => seconds(m.planMs + m.loadMs)),
    row('partial sums build', (m) => seconds(m.partialsMs)),
    row('rows in indicator_partials', (m) => `${int(m.partialRows)} (${mb(m.partialBytes)})`),
    row('dashboard p50 kept / naive', (m) => `${fmt(percentile(m.kept.totals, 50))} / ${fmt(percentile(m.naive.totals, 50))} ms`),
    row('dashboard p95 kept / naive', (m) => `${fmt(percentile(m.kept.totals, 95))} / ${fmt(percentile(m.naive.totals, 95))} ms`),
    row('ratio naive / kept (p50, p95)', (m) => `${fmt(ratio(m, 50))}×, ${fmt(ratio(m, 95))}×`),
    row('figures identical', (m) => (m.differences.length === 0 ? 'yes' : `NO (${m.differences.length})`)),
    row('responses/s while reading', (m) => `${fmt(m.writesWhileReading.accepted / (m.writesWhileReading.elapsedMs / 1000))} (alone ${fmt(m.writesAlone.accepted / (m.writesAlone.elapsedMs / 1000))}), ${m.writesWhileReading.errors + m.writesAlone.errors} errors`),
    row('dashboard p95 while writing', (m) => `${fmt(percentile(m.readsUnderLoad, 95))} ms`),
    row('freshness (max)', (m) => `${fmt(m.freshness.ms.at(-1)!, 0)} ms`),
  ];
  process.stdout.write(`Summary (dashboard = ${measured.get(kinds[0]!)!.requests.map((r) => r.name).join(' + ')})\n`);
  process.stdout.write(`${table(header, rows, [false, ...kinds.map(() => true)])}\n\n`);
  const pg = measured.get('postgresql');
  if (pg) {
    const p95 = percentile(pg.kept.totals, 95);
    const checks = [
      `p95 ${fmt(p95)} ms ≤ ${GOAL_P95_MS} ms: ${p95 <= GOAL_P95_MS ? 'yes' : 'NO'}`,
      `≥ ${GOAL_RATIO}× faster than the naive baseline: ${ratio(pg, 95) >= GOAL_RATIO && ratio(pg, 50) >= GOAL_RATIO ? 'yes' : 'NO'}`,
      `figures identical: ${pg.differences.length === 0 ? 'yes' : 'NO'}`,
      `fresh within ${GOAL_FRESH_MS} ms: ${(pg.freshness.ms.at(-1) ?? Infinity) <= GOAL_FRESH_MS ? 'yes' : 'NO'}`,
    ];
    process.stdout.write(`Goal on PostgreSQL at ${int(pg.responses)} responses${pg.responses < 1_000_000 ? ' (the goal is set at 1,000,000)' : ''}: ${checks.join('; ')}\n\n`);
  }
}

const compact = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

async function main() {
  const cpu = cpus();
  const date = new Date().toISOString().slice(0, 10);
  process.stdout.write(
    `Socle benchmark — ${date}, Node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), seed ${settings.seed}\n` +
      `${int(settings.organisations)} organisations, ${SPECS.length} indicators (${PROFILE_CODES.length} profile breakdowns), periods ${PERIODS.join(', ')}; ` +
      `dashboard ${settings.rounds} loads after ${settings.warmups} warm-ups (≤ ${settings.dashboardSeconds} s), naive ≤ ${settings.naiveRounds} loads (≤ ${settings.naiveSeconds} s); ` +
      `${settings.writers} writers × ${settings.seconds} s\n` +
      `load average at start ${load()} (anything else running on the machine skews the figures)\n\n`,
  );

  let failed = false;
  const measured = new Map<DatabaseKind, Measured>();
  for (const kind of ['postgresql', 'pglite'] as const) {
    if (!settings.databases.includes(kind)) continue;
    let target: Target | string;
    try {
      target = kind === 'pglite' ? await openPglite() : await openPostgres(settings.databaseUrl);
    } catch (error) {
      failed = true;
      process.stdout.write(`${kind.padEnd(10)} | failed to open: ${error instanceof Error ? error.message : String(error)}\n\n`);
      continue;
    }
    if (typeof target === 'string') {
      process.stdout.write(`${kind.padEnd(10)} | skipped: PostgreSQL unreachable at ${settings.databaseUrl} (${target})\n\n`);
      continue;
    }
    try {
      progress(`${kind}: migrating ${target.where}`);
      await runMigrations(target.database);
      const m = await measure(kind, target, settings.responses[kind]);
      measured.set(kind, m);
      report(kind, m);
      if (m.differences.length > 0 || m.stored.found !== m.stored.expected || m.requiredN !== m.stored.found) failed = true;
    } catch (error) {
      failed = true;
      const cause = error instanceof Error && error.cause !== undefined ? `\n  cause: ${error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : JSON.stringify(error.cause)}` : '';
      process.stdout.write(`${kind.padEnd(10)} | failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}\n\n`);
    } finally {
      await target.dispose().catch((error: unknown) => progress(`${kind}: clean-up failed: ${String(error)}`));
    }
  }
  summary(measured);

  const weights = await measurePageWeight();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  process.stdout.write(
    `respondent page, 20 questions of every kind on one page (budget ${kb(PAGE_BUDGET_BYTES)} compressed, no script)\n` +
      table(
        ['language', 'raw', 'gzip', 'brotli', 'as served', 'within budget'],
        weights.map((w) => [w.lang, kb(w.raw), kb(w.gzip), kb(w.brotli), `${kb(w.served)} ${w.servedEncoding}`, Math.max(w.gzip, w.served) <= PAGE_BUDGET_BYTES ? 'yes' : 'NO']),
        [false, true, true, true, true, false],
      ) +
      '\n\n',
  );
  process.stdout.write(`total run time ${seconds(performance.now() - started)}; load average at end ${load()}\n`);
  if (failed) {
    process.stdout.write('FAILED: see above (figures differ from the baseline, responses lost, or a database failed)\n');
    process.exitCode = 1;
  }
}

await main();
