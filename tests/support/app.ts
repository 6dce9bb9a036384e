import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import type { Database } from '../../src/db/connect.ts';
import { createTestDatabase } from './database.ts';

export const ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close: () => Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, drop } = await createTestDatabase();
  // SOCLE_TEST_LOG=error shows the server's log while debugging a test.
  const config = loadConfig({ PORT: '3000', SOCLE_LOG_LEVEL: process.env.SOCLE_TEST_LOG ?? 'silent' }, overrides);
  const app = await buildApp({ config, database, logger: Boolean(process.env.SOCLE_TEST_LOG) });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A named person using the API with their own session cookie, as the web app does (Origin
 * header included on every call, as browsers send it).
 */
export class Persona {
  cookie: string | null = null;
  constructor(
    readonly app: FastifyInstance,
    readonly name: string,
    readonly email: string,
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const options: InjectOptions = {
      method,
      url,
      headers: { origin: ORIGIN, ...(this.cookie ? { cookie: `socle_session=${this.cookie}` } : {}), ...headers },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    };
    const res = await this.app.inject(options);
    const set = res.cookies.find((c) => c.name === 'socle_session');
    if (set) this.cookie = set.value || null;
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

let counter = 0;

/** Signs up a new person; the email is unique to the test run. */
export async function signUp(app: FastifyInstance, name: string): Promise<Persona> {
  counter += 1;
  const email = `${name.toLowerCase()}.${counter}.${Date.now()}@socle.test`;
  const persona = new Persona(app, name, email);
  const res = await persona.post('/api/auth/sign-up', { email, password: 'correct horse battery', name });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return persona;
}

export function json<T = unknown>(res: LightMyRequestResponse): T {
  return res.json<T>();
}
