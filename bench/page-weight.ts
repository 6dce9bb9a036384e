/**
 * The respondent page's weight: a 20-question page (every kind of question on one page, the
 * heaviest case) as the server sends it, raw and compressed. Budget: 30 KB compressed, HTML and
 * CSS together, no script.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { connect, runMigrations } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { twentyQuestions } from '../tests/fixtures/twenty-questions.ts';

export const PAGE_BUDGET_BYTES = 30 * 1024;

export interface PageWeight {
  lang: string;
  raw: number;
  gzip: number;
  brotli: number;
  /** What the server itself sent to a browser asking for br, gzip. */
  served: number;
  servedEncoding: string;
}

export async function measurePageWeight(langs: readonly string[] = ['fr', 'ar']): Promise<PageWeight[]> {
  const database = await connect({ kind: 'pglite' });
  await runMigrations(database);
  const app = await buildApp({ config: loadConfig({ PORT: '3000', SOCLE_LOG_LEVEL: 'silent' }), database });
  try {
    const origin = 'http://localhost:3000';
    const call = async (method: 'POST' | 'GET', url: string, payload?: unknown, cookie?: string) => {
      const res = await app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { origin, ...(cookie ? { cookie } : {}) } });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const signUp = await call('POST', '/api/auth/sign-up', { email: 'poids@page.test', password: 'correct horse battery', name: 'Poids' });
    const cookie = String(signUp.headers['set-cookie']).split(';')[0]!;
    const org = (await call('POST', '/api/organisations', { name: 'Association du poids', kind: 'association' }, cookie)).json<{ id: string }>();
    const q = (await call('POST', `/api/organisations/${org.id}/questionnaires`, twentyQuestions(1), cookie)).json<{ id: string }>();
    const campaign = (await call('POST', `/api/organisations/${org.id}/campaigns`, { name: 'Poids', questionnaireId: q.id, period: '2026' }, cookie)).json<{ publicPath: string }>();
    const out: PageWeight[] = [];
    for (const lang of langs) {
      const url = `${campaign.publicPath}${lang === 'fr' ? '' : `?lang=${lang}`}`;
      const page = await app.inject({ method: 'GET', url });
      const served = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      const body = Buffer.from(page.body, 'utf8');
      out.push({
        lang,
        raw: body.length,
        gzip: gzipSync(body, { level: 6 }).length,
        brotli: brotliCompressSync(body).length,
        served: served.rawPayload.length,
        servedEncoding: String(served.headers['content-encoding'] ?? 'identity'),
      });
    }
    return out;
  } finally {
    await app.close();
    await database.close();
  }
}
