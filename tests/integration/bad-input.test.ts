import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addIndicator, adopt, createCampaign, createCollective, createOrganisation, createQuestionnaire, shareIndicator } from '../support/factories.ts';

/**
 * Every operation of the OpenAPI document, called with malformed ids, bodies and query strings
 * by a signed-in person: the answer is always a 4xx problem document, never a 500. Bounded:
 * a fixed list of cases per operation, a fixed seed.
 */
let t: TestApp;
let alice: Persona;
const real: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  const org = await createOrganisation(alice, 'Organisation fuzz');
  const collective = await createCollective(alice, org.id);
  const ind = await addIndicator(alice, collective.commonFrameworkId, shareIndicator('F1'));
  await adopt(alice, collective.commonFrameworkId);
  const q = await createQuestionnaire(alice, org.id, [{ type: 'single', labelFr: 'Oui ou non ?', options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }], indicator: { frameworkId: collective.commonFrameworkId, code: 'F1' } }]);
  const c = await createCampaign(alice, org.id, q.id);
  Object.assign(real, { orgId: org.id, collectiveId: collective.id, frameworkId: collective.commonFrameworkId, indicatorId: ind.id, questionnaireId: q.id, campaignId: c.id, slug: c.slug });
});
afterAll(async () => {
  await t?.close();
});

let seed = 42;
function rand() {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}

const weirdValues: unknown[] = [null, '', ' ', 'x'.repeat(10_000), -1, 1e308, 0.5, true, [], {}, ['a', 1, null], { $gt: '' }, '../../etc/passwd', "'; drop table users; --", '\u0000', '😀'.repeat(100)];
const weirdIds = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%00', 'x'.repeat(300)];

function mutate(body: unknown, depth = 0): unknown {
  if (depth > 2) return weirdValues[Math.floor(rand() * weirdValues.length)];
  if (Array.isArray(body)) return body.map((v) => mutate(v, depth + 1));
  if (body && typeof body === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) out[k] = rand() < 0.5 ? weirdValues[Math.floor(rand() * weirdValues.length)] : mutate(v, depth + 1);
    if (rand() < 0.3) out.unexpected = 'field';
    return out;
  }
  return weirdValues[Math.floor(rand() * weirdValues.length)];
}

const bodyShapes = [
  { name: 'Nom', email: 'a@b.test', password: 'xxxxxxxxxxxx', role: 'admin', code: 'Z9', labelFr: 'Libellé', kind: 'outcome', stakeholderGroup: 'staff', computation: { type: 'share', options: ['oui'] }, questions: [{ type: 'single', labelFr: 'Q', options: [] }], questionnaireId: 'x', period: '2026', value: 3, clientId: 'x', answers: { a: 'b' }, organisationSlug: 'slug', copil: true, status: 'open', coordinatorOrganisationId: 'x' },
];

describe('bad input never gives a 500', () => {
  it('holds for every operation in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    let calls = 0;
    const failures: string[] = [];
    // The respondent pages are not in the API document but take input from anyone.
    const paths: [string, Record<string, unknown>][] = [...Object.entries(doc.paths), ['/r/{slug}', { get: {}, post: {} }], ['/r/{slug}/merci', { get: {} }]];
    for (const [path, ops] of paths) {
      for (const method of Object.keys(ops)) {
        const m = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const fill = (id: (name: string) => string) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(id(name)));
        const realId = (name: string) => ({ orgId: real.orgId, collectiveId: real.collectiveId, frameworkId: real.frameworkId, indicatorId: real.indicatorId, questionnaireId: real.questionnaireId, campaignId: real.campaignId, slug: real.slug, nodeId: real.indicatorId, tokenId: real.indicatorId, token: 'x'.repeat(20) })[name] ?? 'x';
        const urls = [fill(realId), ...weirdIds.map((w) => fill(() => w))];
        for (const url of urls) {
          const bodies = m === 'GET' || m === 'DELETE' ? [undefined] : [undefined, {}, 'not json', [], 42, ...Array.from({ length: 6 }, () => mutate(bodyShapes[0]))];
          for (const body of bodies) {
            const raw = typeof body === 'string';
            const res = await t.app.inject({
              method: m,
              url: `${url}${rand() < 0.3 ? '?period=%FF&lang=zz' : ''}`,
              headers: { origin: 'http://localhost:3000', cookie: `socle_session=${alice.cookie}`, ...(raw ? { 'content-type': 'application/json' } : {}) },
              ...(body === undefined ? {} : { payload: raw ? body : JSON.stringify(body), ...(raw ? {} : { headers: { origin: 'http://localhost:3000', cookie: `socle_session=${alice.cookie}`, 'content-type': 'application/json' } }) }),
            });
            calls++;
            if (res.statusCode >= 500) failures.push(`${m} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            else if (res.statusCode >= 400) {
              // API answers are problem documents; respondent pages answer a page in plain words.
              // (A body a browser form never sends, such as broken JSON, gets the API's problem document.)
              const type = String(res.headers['content-type']);
              const ok = type.includes('application/problem+json') || (url.startsWith('/r/') && type.includes('text/html'));
              if (!ok) failures.push(`${m} ${url} → ${res.statusCode} as ${type}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(300);
  });
});
