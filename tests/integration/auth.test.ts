import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, ORIGIN, Persona, signUp, type TestApp } from '../support/app.ts';
import { testDbKind } from '../support/database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('health', () => {
  it('says which database it runs on', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testDbKind() === 'postgres' ? 'postgresql' : 'pglite' });
  });

  it('publishes an OpenAPI document with the agreed operation ids', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, Record<string, { operationId?: string }>> }>();
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    for (const id of [
      'getHealth', 'createApiToken', 'listOrganisations', 'createOrganisation', 'listCollectives', 'createCollective',
      'addCollectiveMember', 'getFramework', 'createIndicator', 'listIndicators', 'createQuestionnaire', 'createCampaign',
      'listCampaigns', 'submitResponse', 'recordActivityFigure', 'getOrganisationResults', 'getCollectiveResults',
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe('sign up and sign in', () => {
  it('signs up, keeps a session in an httpOnly SameSite cookie, and signs out', async () => {
    const alice = new Persona(t.app, 'Alice', 'alice.auth@socle.test');
    const res = await alice.post('/api/auth/sign-up', { email: 'Alice.Auth@socle.test', password: 'correct horse battery', name: 'Alice' });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'socle_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(json<{ user: { email: string } }>(res).user.email).toBe('alice.auth@socle.test');

    const me = await alice.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(json<{ user: { name: string } }>(me).user.name).toBe('Alice');

    expect((await alice.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await alice.get('/api/me')).statusCode).toBe(401);

    const again = await alice.post('/api/auth/sign-in', { email: 'alice.auth@socle.test', password: 'correct horse battery' });
    expect(again.statusCode).toBe(200);
    expect((await alice.get('/api/me')).statusCode).toBe(200);
  });

  it.each([
    ['a taken email', { email: 'alice.auth@socle.test', password: 'correct horse battery', name: 'A' }, 409, 'email_taken'],
    ['a short password', { email: 'new@socle.test', password: 'short', name: 'A' }, 400, 'validation_failed'],
    ['a bad email', { email: 'not-an-email', password: 'correct horse battery', name: 'A' }, 400, 'validation_failed'],
    ['an unknown field type', { email: 'x@socle.test', password: 12, name: 'A' }, 400, 'validation_failed'],
  ])('refuses %s with a problem document', async (_label, body, status, code) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: body, headers: { origin: ORIGIN } });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(json<{ code: string }>(res).code).toBe(code);
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'alice.auth@socle.test', password: 'nope nope nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'nobody@socle.test', password: 'nope nope nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json<{ code: string }>(wrong).code).toBe(json<{ code: string }>(unknown).code);
  });

  it('refuses cookie-authenticated writes from another site or without Origin', async () => {
    const bob = await signUp(t.app, 'Bob');
    const foreign = await bob.request('POST', '/api/organisations', { name: 'Pirate' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(json<{ code: string }>(foreign).code).toBe('cross_site_request');
    const noOrigin = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: { name: 'Sans origine' }, headers: { cookie: `socle_session=${bob.cookie}` } });
    expect(noOrigin.statusCode).toBe(403);
    const list = await bob.get('/api/organisations');
    expect(json<unknown[]>(list)).toHaveLength(0);
  });
});

describe('API tokens', () => {
  it('creates a token that works as Bearer, lists it without the secret, and revokes it', async () => {
    const carol = await signUp(t.app, 'Carol');
    const created = await carol.post('/api/tokens', { name: 'Export' });
    expect(created.statusCode).toBe(201);
    const { token, id } = json<{ token: string; id: string }>(created);
    expect(token).toMatch(/^socle_/);

    const bearer = { authorization: `Bearer ${token}` };
    const viaToken = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: { name: 'Par jeton' }, headers: bearer });
    expect(viaToken.statusCode).toBe(201);

    const list = await carol.get('/api/tokens');
    expect(list.body).not.toContain(token);
    expect(json<{ id: string; lastUsedAt: string | null }[]>(list)[0]?.lastUsedAt).not.toBeNull();

    expect((await carol.delete(`/api/tokens/${id}`)).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/organisations', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('does not let one person revoke another’s token', async () => {
    const dan = await signUp(t.app, 'Dan');
    const eve = await signUp(t.app, 'Eve');
    const { id } = json<{ id: string }>(await dan.post('/api/tokens', { name: 'Mine' }));
    expect((await eve.delete(`/api/tokens/${id}`)).statusCode).toBe(404);
  });
});

describe('password guessing', () => {
  it('slows down repeated sign-in attempts on one account with a 429 and Retry-After', async () => {
    const responses = [];
    for (let i = 0; i < 12; i++) {
      responses.push(await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'target@socle.test', password: `guess number ${i}` } }));
    }
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const last = responses[responses.length - 1]!;
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(json<{ code: string }>(last).code).toBe('too_many_attempts');
  });
});
