import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { createCollective, createOrganisation, type CollectiveInfo } from '../support/factories.ts';

interface Entry {
  id: string;
  sector: string;
  kind: string;
  stakeholderGroup: string;
  labelFr: string;
  computation: { type: string; options?: string[] };
  questions: { type: string; options?: { value: string }[] }[];
}

let t: TestApp;
let alice: Persona;
let bob: Persona;
let collective: CollectiveInfo;

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  const head = await createOrganisation(alice, 'Tête de réseau banque');
  await createOrganisation(bob, 'Association banque');
  collective = await createCollective(alice, head.id);
});
afterAll(async () => {
  await t?.close();
});

describe('indicator bank', () => {
  it('lists at least 150 indicators in six sectors for a signed-in person, and nothing for others', async () => {
    const all = json<Entry[]>(await alice.get('/api/indicator-bank'));
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((e) => e.sector))).toEqual(new Set(['poverty_exclusion', 'child_protection', 'ageing_well', 'digital_inclusion', 'cooperation', 'cross_cutting']));
    expect((await t.app.inject({ method: 'GET', url: '/api/indicator-bank' })).statusCode).toBe(401);
  });

  it.each([
    ['text without accents', '?text=numerique', (e: Entry) => e.labelFr.length > 0],
    ['a sector', '?sector=child_protection', (e: Entry) => e.sector === 'child_protection'],
    ['a kind and a stakeholder group', '?kind=output&stakeholderGroup=partners', (e: Entry) => e.kind === 'output' && e.stakeholderGroup === 'partners'],
  ])('filters by %s', async (_label, query, check) => {
    const found = json<Entry[]>(await alice.get(`/api/indicator-bank${query}`));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(check)).toBe(true);
  });

  it('refuses an unknown sector with the field at fault', async () => {
    const res = await alice.get('/api/indicator-bank?sector=astrology');
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(res).errors[0]?.field).toContain('sector');
  });

  it('adds a bank indicator to a framework in one action, with its computation', async () => {
    const entry = json<Entry[]>(await alice.get('/api/indicator-bank?text=logement')).find((e) => e.computation.type === 'share')!;
    const res = await alice.post(`/api/frameworks/${collective.commonFrameworkId}/indicators/from-bank`, { entryId: entry.id });
    expect(res.statusCode, res.body).toBe(201);
    const added = json<{ code: string; labelFr: string; computation: { type: string; options: string[] } }>(res);
    expect(added).toMatchObject({ code: entry.id.toUpperCase(), labelFr: entry.labelFr, computation: entry.computation });
    // The first suggested question carries every option the share counts.
    const values = entry.questions[0]!.options!.map((o) => o.value);
    for (const v of entry.computation.options!) expect(values).toContain(v);
    const again = await alice.post(`/api/frameworks/${collective.commonFrameworkId}/indicators/from-bank`, { entryId: entry.id });
    expect(again.statusCode).toBe(409);
    const renamed = await alice.post(`/api/frameworks/${collective.commonFrameworkId}/indicators/from-bank`, { entryId: entry.id, code: 'LOG-2' });
    expect(renamed.statusCode).toBe(201);
  });

  it('keeps the framework’s access rules', async () => {
    const res = await bob.post(`/api/frameworks/${collective.commonFrameworkId}/indicators/from-bank`, { entryId: 'pe-001' });
    expect(res.statusCode).toBe(404);
    expect((await alice.post(`/api/frameworks/${collective.commonFrameworkId}/indicators/from-bank`, { entryId: 'zz-999' })).statusCode).toBe(404);
  });
});
