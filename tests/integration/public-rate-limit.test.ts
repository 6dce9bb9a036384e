import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, signUp, type Persona, type TestApp } from '../support/app.ts';
import { createCampaign, createOrganisation, createQuestionnaire, type CampaignInfo } from '../support/factories.ts';
import { loadConfig } from '../../src/server/config.ts';
import { addressKey } from '../../src/server/plugins/public-rate-limit.ts';

const MAX = 4;
let t: TestApp;
let bob: Persona;
let a: CampaignInfo;
let b: CampaignInfo;
let c: CampaignInfo;
let questionId: string;
let orgId: string;

const fromAddress = (ip: string) => ({ remoteAddress: ip });
const apiSubmit = (slug: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/campaigns/${slug}/responses`,
    payload: { clientId: crypto.randomUUID(), answers: { [questionId]: 3 } },
    headers: { origin: ORIGIN },
    ...fromAddress(ip),
  });
const formSubmit = (slug: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: `/r/${slug}`,
    payload: `client_id=${crypto.randomUUID()}&q_${questionId}=3`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    ...fromAddress(ip),
  });

beforeAll(async () => {
  t = await createTestApp({ publicSubmissionsPerWindow: MAX });
  bob = await signUp(t.app, 'Bob');
  const org = await createOrganisation(bob, 'Association');
  orgId = org.id;
  const q = await createQuestionnaire(bob, org.id, [{ type: 'scale', labelFr: 'Votre moral' }]);
  questionId = q.questions[0]!.id;
  a = await createCampaign(bob, org.id, q.id);
  b = await createCampaign(bob, org.id, q.id);
  c = await createCampaign(bob, org.id, q.id);
});
afterAll(async () => {
  await t?.close();
});

describe('limits on the public routes', () => {
  it('lets a busy collection day through by default: 120 answers per address and campaign in 10 minutes', () => {
    expect(loadConfig({}).publicSubmissionsPerWindow).toBe(120);
  });

  it('answers through the API: the limit triggers at max + 1, with Retry-After and a JSON error', async () => {
    for (let i = 0; i < MAX; i++) expect((await apiSubmit(a.slug, '10.0.0.1')).statusCode).toBe(201);
    const limited = await apiSubmit(a.slug, '10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toContain('json');
    expect(limited.json<{ code: string }>().code).toBe('too_many_attempts');
    // Another campaign from the same address, and the same campaign from another address: unaffected.
    expect((await apiSubmit(b.slug, '10.0.0.1')).statusCode).toBe(201);
    expect((await apiSubmit(a.slug, '10.0.0.2')).statusCode).toBe(201);
  });

  it('answers through the form: beyond the limit the page comes back with the answers kept and Retry-After', async () => {
    for (let i = 0; i < MAX; i++) expect((await formSubmit(c.slug, '10.0.0.3')).statusCode).toBe(303);
    const limited = await formSubmit(c.slug, '10.0.0.3');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toContain('text/html');
    expect(limited.body).toContain('Vos réponses sont gardées sur cette page');
    expect(limited.body).toMatch(new RegExp(`name="q_${questionId}" id="q_${questionId}_2" value="3" checked`));
    expect((await formSubmit(c.slug, '10.0.0.4')).statusCode).toBe(303);
  });

  it('counts answers stored, not the pages turned: a three-page form passes MAX people', async () => {
    const res = await bob.post(`/api/organisations/${orgId}/questionnaires`, {
      title: 'Trois pages',
      sections: [{ titleFr: 'Un' }, { titleFr: 'Deux' }, { titleFr: 'Trois' }],
      questions: [0, 1, 2].map((section) => ({ type: 'text', labelFr: `Page ${section + 1}`, section })),
    });
    const paged = await createCampaign(bob, orgId, res.json<{ id: string }>().id);
    const post = (fields: string) => t.app.inject({ method: 'POST', url: `/r/${paged.slug}`, payload: fields, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }, ...fromAddress('10.0.0.9') });
    for (let person = 0; person < MAX; person++) {
      const id = crypto.randomUUID();
      // Four page turns each (the views limit is five times MAX), one answer each.
      expect((await post(`client_id=${id}&page=0&nav=lang:en`)).statusCode).toBe(200);
      expect((await post(`client_id=${id}&page=0&nav=next`)).statusCode).toBe(200);
      expect((await post(`client_id=${id}&page=1&nav=next`)).statusCode).toBe(200);
      expect((await post(`client_id=${id}&page=2&nav=next`)).statusCode, `person ${person + 1}`).toBe(303);
    }
    expect((await post(`client_id=${crypto.randomUUID()}&page=2&nav=next`)).statusCode).toBe(429);
  });

  it('counts an IPv6 network (/64) as one address', async () => {
    const v6 = (n: number) => `2001:db8:1:2:${n.toString(16)}::1`;
    for (let i = 0; i < MAX; i++) expect((await apiSubmit(c.slug, v6(i))).statusCode).toBe(201);
    expect((await apiSubmit(c.slug, v6(99))).statusCode).toBe(429);
    expect((await apiSubmit(c.slug, '2001:db8:1:3::1')).statusCode).toBe(201);
  });

  it('counts page loads apart, five times looser', async () => {
    for (let i = 0; i < MAX * 5; i++) expect((await t.app.inject({ method: 'GET', url: `/r/${b.slug}`, ...fromAddress('10.0.0.5') })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/r/${b.slug}`, ...fromAddress('10.0.0.5') })).statusCode).toBe(429);
    expect((await apiSubmit(b.slug, '10.0.0.5')).statusCode).toBe(201);
  });

  it('has a looser limit per address across all campaigns', async () => {
    // 10 × MAX requests of any kind from one address, spread so that no campaign limit is hit.
    const slugs = [a.slug, b.slug, c.slug];
    for (let i = 0; i < MAX * 10; i++) {
      const url = i % 2 === 0 ? `/api/public/campaigns/${slugs[i % 3]}` : `/r/${slugs[i % 3]}`;
      expect((await t.app.inject({ method: 'GET', url, ...fromAddress('10.0.0.6') })).statusCode, `request ${i + 1}`).toBe(200);
    }
    const limited = await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${a.slug}`, ...fromAddress('10.0.0.6') });
    expect(limited.statusCode).toBe(429);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${a.slug}`, ...fromAddress('10.0.0.7') })).statusCode).toBe(200);
  });

  it.each([
    ['10.1.2.3', '10.1.2.3'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:a:b:c:d', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('groups %s as %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });

  it('leaves signed-in routes alone', async () => {
    for (let i = 0; i < MAX * 3; i++) expect((await bob.get('/api/organisations')).statusCode).toBe(200);
  });
});
