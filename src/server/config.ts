import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The one place where the environment is read. Everything else receives a Config.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SOCLE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** The address people use to reach Socle (links, Origin checks). Defaults to http://localhost:PORT. */
  SOCLE_PUBLIC_URL: z.url().optional(),
  SOCLE_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  /** Sign-in attempts per address and account in 15 minutes (sign-ups: three times as many per address). */
  SOCLE_AUTH_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Sends invitations by e-mail: smtps://user:pass@host:465 (TLS from the start) or smtp://host:25 (plain, a local relay: no STARTTLS). Unset: links are copied from the app. */
  SOCLE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SOCLE_MAIL_FROM: z.string().default('socle@localhost'),
  /** Answers sent per address and campaign in 10 minutes (see src/server/plugins/public-rate-limit.ts). */
  SOCLE_PUBLIC_SUBMISSIONS: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /**
   * Behind a reverse proxy: `true` (trust X-Forwarded-For from any), a number of proxies, or a
   * comma-separated list of their addresses. Without it every respondent has the proxy's address.
   */
  SOCLE_TRUST_PROXY: z.string().max(500).optional(),
  /**
   * Where figures are read from: the partial sums kept as answers arrive (the default), or every
   * answer grouped afresh on each request (a check and the benchmark's baseline; slow).
   */
  SOCLE_RESULTS_SOURCE: z.enum(['partials', 'answers']).default('partials'),
  SOCLE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  /** True when SOCLE_PUBLIC_URL was set; otherwise links made for outside use follow the request's host. */
  publicUrlConfigured: boolean;
  /** Extra origins allowed to make cookie-authenticated writes (the Vite dev server, say). */
  trustedOrigins: string[];
  suppressionThreshold: number;
  authAttemptsPerWindow: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicSubmissionsPerWindow: number;
  /** Fastify's `trustProxy`: false, true, a number of hops, or addresses. */
  trustProxy: boolean | number | string;
  logLevel: z.infer<typeof schema>['SOCLE_LOG_LEVEL'];
  resultsSource: 'partials' | 'answers';
  secureCookies: boolean;
  webDir: string;
  /** Largest import file accepted, in bytes, and most lines in it. */
  importMaxBytes: number;
  importMaxLines: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // An empty variable (DATABASE_URL= in a shell or a .env file) means "not set".
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuration invalide / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.SOCLE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.SOCLE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    publicUrlConfigured: e.SOCLE_PUBLIC_URL !== undefined,
    // The local addresses and Vite's dev server are trusted only outside production.
    trustedOrigins:
      e.NODE_ENV === 'production' ? [publicUrl] : [publicUrl, `http://127.0.0.1:${e.PORT}`, `http://localhost:${e.PORT}`, 'http://localhost:5173'],
    suppressionThreshold: e.SOCLE_SUPPRESSION_THRESHOLD,
    authAttemptsPerWindow: e.SOCLE_AUTH_ATTEMPTS,
    smtpUrl: e.SOCLE_SMTP_URL,
    mailFrom: e.SOCLE_MAIL_FROM,
    publicSubmissionsPerWindow: e.SOCLE_PUBLIC_SUBMISSIONS,
    trustProxy: e.SOCLE_TRUST_PROXY === undefined || e.SOCLE_TRUST_PROXY === 'false' ? false : e.SOCLE_TRUST_PROXY === 'true' ? true : /^\d+$/.test(e.SOCLE_TRUST_PROXY) ? Number(e.SOCLE_TRUST_PROXY) : e.SOCLE_TRUST_PROXY,
    logLevel: e.SOCLE_LOG_LEVEL,
    resultsSource: e.SOCLE_RESULTS_SOURCE,
    secureCookies: publicUrl.startsWith('https://'),
    webDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    importMaxBytes: 50 * 1024 * 1024,
    importMaxLines: 200_000,
    ...overrides,
  };
}
