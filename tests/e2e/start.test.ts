import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `socle start` as a person runs it: a real process on the embedded database, in its own data
 * folder, which a second process may not open at the same time.
 */
const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const main = join(root, 'src/cli/main.ts');

function freePort() {
  return 20000 + Math.floor(Math.random() * 20000);
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

describe('socle start on PGlite', () => {
  let dataDir: string;
  let server: ChildProcess;
  let port: number;
  let output = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'socle-start-'));
    port = freePort();
    server = spawn(process.execPath, [tsx, main, 'start'], {
      env: { ...process.env, PORT: String(port), SOCLE_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(`http://127.0.0.1:${port}/api/health`, 60_000);
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the health check, the web app and the API documentation', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(await page.text()).toContain('<div id="root">');
    const docs = await fetch(`http://127.0.0.1:${port}/api/docs`, { redirect: 'follow' });
    expect(docs.status).toBe(200);
    expect(output).toContain('Socle est prêt');
  });

  it('refuses, in plain words, a second process on the same data folder', () => {
    const second = spawnSync(process.execPath, [tsx, main, 'token', 'create', '--email', 'x@socle.test'], {
      env: { ...process.env, SOCLE_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('déjà utilisé par un autre processus Socle');
  });

  it('stops cleanly and lets the CLI open the folder afterwards', async () => {
    const exited = new Promise<number | null>((r) => server.once('exit', r));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    const token = spawnSync(process.execPath, [tsx, main, 'token', 'create', '--email', 'nobody@socle.test'], {
      env: { ...process.env, SOCLE_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    // The folder opens; the person is unknown, which is said clearly.
    expect(token.stderr).toContain('Aucun compte pour nobody@socle.test');
    expect(token.status).toBe(1);
  });
});
