import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createTestDatabase } from '../support/database.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** In CI a missing browser is a failure; on a developer's machine the journeys are skipped. */
export const browserRequired = Boolean(process.env.SOCLE_REQUIRE_BROWSER || process.env.CI);
export const browserAvailable = existsSync(CHROMIUM);
if (browserRequired && !browserAvailable) {
  throw new Error(`Chromium is required for the browser journeys but ${CHROMIUM} is missing (apt-get install chromium).`);
}

export interface Served {
  app: FastifyInstance;
  url: string;
  close: () => Promise<void>;
}

/** A real server on a free port of 127.0.0.1, serving the built web app. */
export async function serve(): Promise<Served> {
  const { database, drop } = await createTestDatabase();
  const probe = loadConfig({ PORT: '0', SOCLE_LOG_LEVEL: 'silent' });
  if (!existsSync(`${probe.webDir}/index.html`)) throw new Error('dist/web is missing: run `npm run build` (npm test does it).');
  // The port is known only once listening; trusted origins are set to it afterwards.
  const config = { ...probe };
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  config.publicUrl = url;
  config.trustedOrigins.push(url, `http://localhost:${port}`);
  return {
    app,
    url,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
