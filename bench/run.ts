/**
 * `npm run bench`: for PGlite and for PostgreSQL, starts the real server on 127.0.0.1, measures
 * response intake (JSON API and HTML form) under a few concurrent clients, then loads N
 * responses and times the collective's results. See bench/README.md.
 *
 * Settings (environment): BENCH_SECONDS (10), BENCH_CLIENTS (4), BENCH_RESPONSES (100000),
 * BENCH_SEED (20261125), BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test),
 * BENCH_RESULTS_SECONDS (120: time budget of the timed results requests),
 * BENCH_DATABASES (pglite,postgresql).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { connect, runMigrations, type Database, type DatabaseKind } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import {
  drawResponse,
  formBody,
  loadResponses,
  mulberry32,
  planResponses,
  SPECS,
  type BulkPlan,
} from './generate.ts';
import { percentile, runLoad, timeSequential, type LoadResult, type Outcome } from './load.ts';
import { measurePageWeight, PAGE_BUDGET_BYTES } from './page-weight.ts';
import { openCampaign, setUpCollective } from './setup.ts';

function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a number from ${min} to ${max} (got ${raw})`);
  return value;
}

const settings = {
  seconds: intSetting('BENCH_SECONDS', 10, 0.5, 600),
  clients: Math.round(intSetting('BENCH_CLIENTS', 4, 1, 64)),
  responses: Math.round(intSetting('BENCH_RESPONSES', 100_000, 100, 5_000_000)),
  resultsSeconds: intSetting('BENCH_RESULTS_SECONDS', 120, 1, 3600),
  seed: Math.round(intSetting('BENCH_SEED', 20261125, 0, 2 ** 31)),
  databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  databases: (process.env.BENCH_DATABASES || 'pglite,postgresql').split(',').map((s) => s.trim()),
};

const MEMBERS = 20;
const PERIOD = '2026';
const LOAD_PERIOD = '2025';
const RESULT_REQUESTS = 30;
const RESULT_WARMUPS = 3;
/** Safety cap on requests per load run, whatever BENCH_SECONDS says. */
const MAX_REQUESTS = 2_000_000;
const WARMUP_REQUESTS = 40;

const started = performance.now();
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const int = (n: number) => n.toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function progress(message: string) {
  process.stderr.write(`[${seconds(performance.now() - started).padStart(7)}] ${message}\n`);
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
  database: Database;
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
    where: dir,
    dispose: async () => {
      await database.close().catch(() => undefined);
      await remove();
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
  const shown = new URL(url);
  shown.password = shown.password ? '***' : '';
  return {
    database,
    where: shown.toString(),
    dispose: async () => {
      await database.close().catch(() => undefined);
      await drop();
      cleanups.delete(drop);
    },
  };
}

interface Measured {
  intake: { path: string; result: LoadResult }[];
  stored: { expected: number; found: number };
  setupMs: number;
  bulk: {
    responses: number;
    answers: number;
    fkChecksSkipped: boolean;
    ms: number;
    analyzeMs: number;
  };
  results: {
    latencies: number[];
    n: number;
    code: string;
    type: string;
    suppressed: boolean;
    organisations: number;
  };
}

async function count(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result: unknown = await database.db.execute(query);
  const { rows } = result as { rows: Record<string, unknown>[] };
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

async function measure(kind: DatabaseKind, database: Database, plan: BulkPlan): Promise<Measured> {
  const config = loadConfig({ PORT: '3000', SOCLE_LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    progress(
      `${kind}: setting up the collective through the API (${MEMBERS} members, ${SPECS.length} indicators)`,
    );
    const t0 = performance.now();
    const collective = await setUpCollective(base, MEMBERS, PERIOD);
    const loadMember = collective.members[0]!;
    const loadSlug = await openCampaign(loadMember, LOAD_PERIOD);
    const setupMs = performance.now() - t0;

    // The load test answers a campaign of another period: its responses stay out of the figures.
    const rng = mulberry32(settings.seed ^ 0x5eed);
    const paths: { path: string; send: (i: number) => Promise<Outcome> }[] = [
      {
        path: 'submitResponse (JSON)',
        send: async () => {
          const res = await fetch(`${base}/api/public/campaigns/${loadSlug}/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              clientId: randomUUID(),
              answers: drawResponse(rng, loadMember.questionIds),
            }),
            signal: AbortSignal.timeout(30_000),
          });
          const text = await res.text();
          return res.status === 201 ? true : `${res.status} ${text.slice(0, 160)}`;
        },
      },
      {
        path: 'HTML form (POST /r/:slug)',
        send: async () => {
          const res = await fetch(`${base}/r/${loadSlug}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: formBody(randomUUID(), drawResponse(rng, loadMember.questionIds)),
            redirect: 'manual',
            signal: AbortSignal.timeout(30_000),
          });
          const text = await res.text();
          return res.status === 303 && (res.headers.get('location') ?? '').includes('/merci')
            ? true
            : `${res.status} ${text.slice(0, 160)}`;
        },
      },
    ];
    const intake: Measured['intake'] = [];
    let sent = 0;
    for (const { path, send } of paths) {
      const warm = await runLoad({
        clients: settings.clients,
        seconds: 10,
        maxRequests: WARMUP_REQUESTS,
        send,
      });
      progress(
        `${kind}: ${path}: ${settings.clients} clients × ${settings.seconds} s (after ${warm.accepted} warm-up requests)`,
      );
      const result = await runLoad({
        clients: settings.clients,
        seconds: settings.seconds,
        maxRequests: MAX_REQUESTS,
        send,
      });
      sent += warm.accepted + result.accepted;
      if (result.failures.length > 0)
        progress(`${kind}: ${path}: ${result.errors} errors, e.g. ${result.failures.join(' / ')}`);
      intake.push({ path, result });
    }
    const found = await count(
      database,
      sql`select count(*)::int from responses r join campaigns c on c.id = r.campaign_id where c.slug = ${loadSlug}`,
    );

    progress(`${kind}: loading ${int(plan.count)} responses × ${SPECS.length} questions in SQL`);
    const t1 = performance.now();
    const written = await loadResponses(database.db, settings.seed, plan, {
      organisationIds: collective.members.map((m) => m.organisationId),
      campaignIds: collective.members.map((m) => m.campaignId),
      questionIds: collective.members.map((m) => m.questionIds),
      period: PERIOD,
    });
    const bulkMs = performance.now() - t1;
    // PGlite runs no autovacuum, so nothing would ever gather statistics on its own; on
    // PostgreSQL autovacuum would do it shortly after such a load. Both are measured analysed.
    const t2 = performance.now();
    await database.db.execute(sql`analyze`);
    const analyzeMs = performance.now() - t2;
    progress(
      `${kind}: wrote ${int(written.responses)} responses, ${int(written.answers)} answers in ${seconds(bulkMs)} (analyze ${seconds(analyzeMs)})`,
    );

    progress(
      `${kind}: timing getCollectiveResults (${RESULT_WARMUPS} warm-ups, then ${RESULT_REQUESTS} timed or ${settings.resultsSeconds} s, whichever comes first)`,
    );
    const seen: {
      last?: {
        indicators: {
          code: string;
          n: number;
          value: number | null;
          suppressed: boolean;
          organisations: number;
          computation: { type: string };
        }[];
      };
    } = {};
    const latencies = await timeSequential(
      RESULT_REQUESTS,
      RESULT_WARMUPS,
      settings.resultsSeconds,
      async () => {
        seen.last = await collective.coordinator.call(
          'GET',
          `/api/collectives/${collective.collectiveId}/results?period=${PERIOD}`,
        );
      },
    );
    const figures = seen.last!.indicators;
    progress(
      `${kind}: figures ${figures.map((f) => `${f.code}=${f.value === null ? '—' : f.value.toFixed(f.computation.type === 'share' ? 3 : 2)} (n ${f.n})`).join(', ')}`,
    );
    const first = figures[0]!;
    return {
      intake,
      stored: { expected: sent, found },
      setupMs,
      bulk: { ...written, ms: bulkMs, analyzeMs },
      results: {
        latencies,
        n: first.n,
        code: first.code,
        type: first.computation.type,
        suppressed: first.suppressed,
        organisations: first.organisations,
      },
    };
  } finally {
    await app.close();
  }
}

function report(kind: DatabaseKind, m: Measured) {
  const label = kind.padEnd(10);
  const intakeRows = m.intake.map(({ path, result }) => [
    label,
    path,
    fmt(result.accepted / (result.elapsedMs / 1000)),
    fmt(percentile(result.latencies, 50)),
    fmt(percentile(result.latencies, 99)),
    String(result.errors),
  ]);
  const resultsHeader = `getCollectiveResults @ ${int(m.bulk.responses)} responses`;
  const l = m.results.latencies;
  const out = [
    table(['database', 'path', 'accepted/s', 'p50 ms', 'p99 ms', 'errors'], intakeRows, [
      false,
      false,
      true,
      true,
      true,
      true,
    ]),
    '',
    table(
      ['database', resultsHeader, 'p50 ms', 'p95 ms', 'max ms', 'n(first indicator)'],
      [
        [
          label,
          `${l.length === RESULT_REQUESTS ? '' : `${l.length} of `}${RESULT_REQUESTS} sequential, after ${RESULT_WARMUPS} warm-ups${l.length === RESULT_REQUESTS ? '' : ` (${settings.resultsSeconds} s budget)`}`,
          fmt(percentile(l, 50)),
          fmt(percentile(l, 95)),
          fmt(l[l.length - 1]!),
          `${int(m.results.n)} (${m.results.code}, ${m.results.type}${m.results.suppressed ? ', suppressed!' : ''})`,
        ],
      ],
      [false, false, true, true, true, false],
    ),
    '',
    `  setup through the API ${seconds(m.setupMs)}; load-test responses stored ${int(m.stored.found)} of ${int(m.stored.expected)} accepted` +
      `${m.stored.found === m.stored.expected ? '' : '  ← MISMATCH'}; bulk load ${int(m.bulk.responses)} responses + ${int(m.bulk.answers)} answers` +
      ` in ${seconds(m.bulk.ms)}${m.bulk.fkChecksSkipped ? ' (FK checks off)' : ''}, analyze ${seconds(m.bulk.analyzeMs)}; figure pools ${m.results.organisations} organisations`,
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main() {
  const cpu = cpus();
  const date = new Date().toISOString().slice(0, 10);
  process.stdout.write(
    `Socle benchmark — ${date}, Node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ` +
      `${settings.clients} clients × ${settings.seconds} s, ${int(settings.responses)} responses, seed ${settings.seed}\n` +
      `load average at start ${load()} (anything else running on the machine skews the figures)\n\n`,
  );
  const t = performance.now();
  const plan = planResponses(settings.seed, settings.responses, MEMBERS);
  progress(`generated ${int(plan.count)} responses in memory in ${seconds(performance.now() - t)}`);

  let failed = false;
  for (const kind of ['pglite', 'postgresql'] as const) {
    if (!settings.databases.includes(kind)) continue;
    let target: Target | string;
    try {
      target = kind === 'pglite' ? await openPglite() : await openPostgres(settings.databaseUrl);
    } catch (error) {
      failed = true;
      process.stdout.write(
        `${kind.padEnd(10)} | failed to open: ${error instanceof Error ? error.message : String(error)}\n\n`,
      );
      continue;
    }
    if (typeof target === 'string') {
      process.stdout.write(
        `${kind.padEnd(10)} | skipped: PostgreSQL unreachable at ${settings.databaseUrl} (${target})\n\n`,
      );
      continue;
    }
    try {
      progress(`${kind}: migrating ${target.where}`);
      await runMigrations(target.database);
      report(kind, await measure(kind, target.database, plan));
    } catch (error) {
      failed = true;
      process.stdout.write(
        `${kind.padEnd(10)} | failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`,
      );
    } finally {
      await target
        .dispose()
        .catch((error: unknown) => progress(`${kind}: clean-up failed: ${String(error)}`));
    }
  }
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
  process.stdout.write(
    `total run time ${seconds(performance.now() - started)}; load average at end ${load()}\n`,
  );
  if (failed) process.exitCode = 1;
}

await main();
