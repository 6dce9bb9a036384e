import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Organisation, organisationKinds } from '../../src/contracts/organisations.ts';
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

type OrganisationKind = (typeof organisationKinds)[number];

/** The password every journey's accounts are created with. */
export const PASSWORD = 'correct horse battery';

/** A JSON client of the API that keeps the session cookie the server sets. */
export interface ApiClient {
  /** The session cookie (`name=value`), empty before the server has set one. */
  readonly cookie: string;
  /** Sends `body` as JSON; fails with the server's answer on any status other than 2xx. */
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
}

export function apiClient(base: string, cookie = ''): ApiClient {
  const client = {
    cookie,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(base + path, {
        method,
        headers: {
          origin: base,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(client.cookie ? { cookie: client.cookie } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      const set = res.headers.get('set-cookie');
      if (set) client.cookie = set.split(';')[0]!;
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
  return client;
}

export interface Account {
  email: string;
  name: string;
  password?: string;
}

/** Creates an account and returns a client signed in as it. */
export async function signUp(base: string, { email, name, password = PASSWORD }: Account): Promise<ApiClient> {
  const api = apiClient(base);
  await api.call('POST', '/api/auth/sign-up', { email, password, name });
  return api;
}

/** Creates an account and its organisation (of which it is the administrator). */
export async function signUpAndCreateOrganisation(
  base: string,
  account: Account,
  organisation: { name: string; kind: OrganisationKind },
): Promise<{ api: ApiClient; org: Organisation }> {
  const api = await signUp(base, account);
  const org = await api.call<Organisation>('POST', '/api/organisations', organisation);
  return { api, org };
}

/** Signs in on the web app's home page, then waits for `landed` (by default, the dashboard). */
export async function signIn(
  page: Page,
  base: string,
  email: string,
  password = PASSWORD,
  landed: (page: Page) => Promise<void> = (p) => p.getByRole('heading', { name: 'Tableau de bord' }).waitFor(),
): Promise<void> {
  await page.goto(base + '/');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await landed(page);
}
