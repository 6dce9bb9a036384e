/**
 * `npm run bench:imports`: how long a CSV import of BENCH_IMPORT_LINES lines (100,000 by
 * default) takes, through the API in the same process (app.inject): upload and preview, the
 * check of every line, and the load in one transaction. PGlite in a temporary folder, then
 * PostgreSQL at BENCH_DATABASE_URL when it answers (BENCH_DATABASES=pglite,postgresql).
 * Prints one line per database and step.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { connect, runMigrations, type Database } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 100_000);
const DATABASES = (process.env.BENCH_DATABASES || 'pglite,postgresql').split(',').map((s) => s.trim());
const SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const ORIGIN = 'http://localhost:3000';

function csv(lines: number): Buffer {
  const out = ['Satisfait ?;Heures;Démarches;Note;Commentaire'];
  for (let i = 0; i < lines; i += 1) {
    out.push(`${i % 3 ? 'Oui' : 'non'};${(i % 40) + 0.5};${i % 2 ? 'CAF, CPAM' : 'logement'};${(i % 5) + 1};"ligne ${i}; rien à dire"`.replace('.5', ',5'));
  }
  return Buffer.from(out.join('\r\n') + '\r\n', 'utf8');
}

async function call(app: FastifyInstance, cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await app.inject({ method, url, headers: { origin: ORIGIN, cookie: `socle_session=${cookie}`, ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json<Record<string, unknown>>();
}

async function waitDone(app: FastifyInstance, cookie: string, path: string) {
  for (;;) {
    const s = await call(app, cookie, 'GET', `${path}/status`);
    if (s.state !== 'validating' && s.state !== 'loading') return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function run(kind: string, database: Database) {
  await runMigrations(database);
  const config = loadConfig({ PORT: '3000', SOCLE_LOG_LEVEL: 'silent' }, { importMaxLines: Math.max(200_000, LINES) });
  const app = await buildApp({ config, database });
  await app.ready();
  try {
    const signUp = await app.inject({ method: 'POST', url: '/api/auth/sign-up', headers: { origin: ORIGIN }, payload: { email: `bench.${Date.now()}@socle.test`, password: 'correct horse battery', name: 'Bench' } });
    const cookie = signUp.cookies.find((c) => c.name === 'socle_session')!.value;
    const org = await call(app, cookie, 'POST', '/api/organisations', { name: 'Import bench', kind: 'association' });
    const q = await call(app, cookie, 'POST', `/api/organisations/${String(org.id)}/questionnaires`, {
      title: 'Bench',
      questions: [
        { type: 'single', labelFr: 'Satisfait ?', required: true, options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }] },
        { type: 'number', labelFr: 'Heures', min: 0, max: 1000 },
        { type: 'multiple', labelFr: 'Démarches', options: [{ value: 'caf', labelFr: 'CAF' }, { value: 'cpam', labelFr: 'CPAM' }, { value: 'logement', labelFr: 'Logement' }] },
        { type: 'scale', labelFr: 'Note' },
        { type: 'text', labelFr: 'Commentaire' },
      ],
    });
    const campaign = await call(app, cookie, 'POST', `/api/organisations/${String(org.id)}/campaigns`, { name: 'Bench', questionnaireId: q.id, period: '2026', populationServed: null });
    const file = csv(LINES);
    let t = performance.now();
    const view = await call(app, cookie, 'POST', `/api/organisations/${String(org.id)}/imports?kind=responses&campaignId=${String(campaign.id)}`, file, { 'content-type': 'application/octet-stream' });
    const upload = performance.now() - t;
    const path = `/api/organisations/${String(org.id)}/imports/${String(view.id)}`;
    t = performance.now();
    await call(app, cookie, 'POST', `${path}/validate`, { mapping: view.suggestedMapping });
    const checked = await waitDone(app, cookie, path);
    const check = performance.now() - t;
    if (checked.state !== 'valid') throw new Error(`check: ${JSON.stringify(checked)}`);
    t = performance.now();
    await call(app, cookie, 'POST', `${path}/commit`);
    const loaded = await waitDone(app, cookie, path);
    const load = performance.now() - t;
    if (loaded.state !== 'loaded') throw new Error(`load: ${JSON.stringify(loaded)}`);
    const mb = (file.length / 1024 / 1024).toFixed(1);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`import ${kind}: ${LINES.toLocaleString('en-US')} lines (${mb} MB, 5 answers each) — upload+preview ${s(upload)}, check ${s(check)}, load (check again + one transaction) ${s(load)}, total ${s(upload + check + load)}; ${String(loaded.inserted)} responses stored`);
  } finally {
    await app.close();
  }
}

if (DATABASES.includes('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'socle-bench-import-'));
  const database = await connect({ kind: 'pglite', dataDir: dir });
  try {
    await run('pglite', database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
if (DATABASES.includes('postgresql')) {
  const admin = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5000 });
  const name = `socle_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (e) {
    console.log(`import postgresql: skipped (${e instanceof Error ? e.message : String(e)})`);
    await admin.end().catch(() => undefined);
    process.exit(0);
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const database = await connect({ kind: 'postgresql', url: url.toString() });
  try {
    await run('postgresql', database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name}`).catch(() => undefined);
    await admin.end();
  }
}
