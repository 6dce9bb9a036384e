import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addIndicator, adopt, createCollective, createOrganisation, joinCollective, meanIndicator, shareIndicator, sumIndicator, type CollectiveInfo, type OrgInfo } from '../support/factories.ts';

interface Fw {
  canEdit: boolean;
  draft: { number: number; indicators: { id: string; code: string; labelFr: string; nodeId: string | null }[]; nodes: { id: string; parentId: string | null; labelFr: string }[] } | null;
  adopted: { number: number; indicators: { id: string; code: string; labelFr: string; nodeId: string | null }[]; nodes: { id: string; labelFr: string }[] } | null;
}

let t: TestApp;
let alice: Persona;
let bob: Persona;
let chelsea: Persona;
let head: OrgInfo;
let assoc: OrgInfo;
let collective: CollectiveInfo;

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  chelsea = await signUp(t.app, 'Chelsea');
  head = await createOrganisation(alice, 'Tête de réseau');
  assoc = await createOrganisation(bob, 'Association membre');
  await createOrganisation(chelsea, 'Dehors');
  collective = await createCollective(alice, head.id);
  await joinCollective(alice, collective.id, bob, assoc);
});
afterAll(async () => {
  await t?.close();
});

describe('common framework', () => {
  it('builds a theory of change and indicators tied to it, then adopts the version', async () => {
    const fwId = collective.commonFrameworkId;
    const impact = json<{ id: string }>(await alice.post(`/api/frameworks/${fwId}/nodes`, { kind: 'impact', labelFr: 'Les personnes retrouvent du pouvoir d’agir' }));
    const outcome = await alice.post(`/api/frameworks/${fwId}/nodes`, { kind: 'outcome', labelFr: 'Confiance en soi', stakeholderGroup: 'people_supported', parentId: impact.id });
    expect(outcome.statusCode).toBe(201);
    const outcomeId = json<{ id: string }>(outcome).id;
    await addIndicator(alice, fwId, { ...shareIndicator('C1', ['oui']), nodeId: outcomeId });
    await addIndicator(alice, fwId, meanIndicator('C2'));
    await addIndicator(alice, fwId, sumIndicator('C3'));

    const dup = await alice.post(`/api/frameworks/${fwId}/indicators`, shareIndicator('C1'));
    expect(dup.statusCode).toBe(409);
    expect(json<{ code: string }>(dup).code).toBe('indicator_code_taken');

    let fw = json<Fw>(await alice.get(`/api/frameworks/${fwId}`));
    expect(fw.canEdit).toBe(true);
    expect(fw.adopted).toBeNull();
    expect(fw.draft?.indicators.map((i) => i.code)).toEqual(['C1', 'C2', 'C3']);
    expect(fw.draft?.indicators[0]?.nodeId).toBe(outcomeId);

    await adopt(alice, fwId);
    fw = json<Fw>(await alice.get(`/api/frameworks/${fwId}`));
    expect(fw.draft).toBeNull();
    expect(fw.adopted?.number).toBe(1);
    expect((await alice.post(`/api/frameworks/${fwId}/adopt`)).statusCode).toBe(409);
  });

  it('edits an adopted indicator in a new draft, leaving the adopted version untouched', async () => {
    const fwId = collective.commonFrameworkId;
    const before = json<Fw>(await alice.get(`/api/frameworks/${fwId}`));
    const c1 = before.adopted!.indicators.find((i) => i.code === 'C1')!;
    const res = await alice.patch(`/api/frameworks/${fwId}/indicators/${c1.id}`, { labelFr: 'Part qui a confiance' });
    expect(res.statusCode).toBe(200);
    const after = json<Fw>(await alice.get(`/api/frameworks/${fwId}`));
    expect(after.adopted!.indicators.find((i) => i.code === 'C1')!.labelFr).toBe('Part C1');
    expect(after.draft!.number).toBe(2);
    const draftC1 = after.draft!.indicators.find((i) => i.code === 'C1')!;
    expect(draftC1.labelFr).toBe('Part qui a confiance');
    // The copy's node is the draft's copy of the outcome node.
    expect(after.draft!.nodes.map((n) => n.id)).toContain(draftC1.nodeId);
    await adopt(alice, fwId);
  });

  it('lets members read but not change the common framework; outsiders see nothing', async () => {
    const fwId = collective.commonFrameworkId;
    const fw = await bob.get(`/api/frameworks/${fwId}`);
    expect(fw.statusCode).toBe(200);
    expect(json<Fw>(fw).canEdit).toBe(false);
    expect((await bob.post(`/api/frameworks/${fwId}/indicators`, shareIndicator('X1'))).statusCode).toBe(403);
    expect((await chelsea.get(`/api/frameworks/${fwId}`)).statusCode).toBe(404);
    expect((await chelsea.post(`/api/frameworks/${fwId}/indicators`, shareIndicator('X1'))).statusCode).toBe(404);
  });

  it.each([
    ['a share without options', { ...shareIndicator('B1'), computation: { type: 'share', options: [] } }],
    ['an unknown computation', { ...shareIndicator('B2'), computation: { type: 'median' } }],
    ['an unknown kind', { ...shareIndicator('B3'), kind: 'dream' }],
    ['a bad code', { ...shareIndicator('B4'), code: ' ' }],
  ])('refuses %s', async (_label, body) => {
    const res = await alice.post(`/api/frameworks/${collective.commonFrameworkId}/indicators`, body);
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: unknown[] }>(res).errors.length).toBeGreaterThan(0);
  });
});

describe('specific framework', () => {
  it('lets an organisation add its own indicators beside the common ones', async () => {
    await addIndicator(bob, assoc.specificFrameworkId, shareIndicator('S1', ['oui']));
    await adopt(bob, assoc.specificFrameworkId);
    const available = json<{ code: string; scope: string; adopted: boolean }[]>(await bob.get(`/api/organisations/${assoc.id}/indicators`));
    expect(available.filter((i) => i.scope === 'common').map((i) => i.code).sort()).toEqual(['C1', 'C2', 'C3']);
    expect(available.filter((i) => i.scope === 'specific').map((i) => i.code)).toEqual(['S1']);
    expect(available.every((i) => i.adopted)).toBe(true);
  });

  it('keeps an organisation’s specific framework to itself', async () => {
    expect((await alice.get(`/api/frameworks/${assoc.specificFrameworkId}`)).statusCode).toBe(404);
    expect((await chelsea.post(`/api/frameworks/${assoc.specificFrameworkId}/indicators`, shareIndicator('Z1'))).statusCode).toBe(404);
    expect((await chelsea.get(`/api/organisations/${assoc.id}/indicators`)).statusCode).toBe(404);
  });
});

describe('editing rules', () => {
  it('adopts and imports only the draft the person saw (If-Match), or answers 409', async () => {
    const fwId = assoc.specificFrameworkId;
    await addIndicator(bob, fwId, shareIndicator('REV1'));
    const draft = json<{ draft: { revision: number } }>(await bob.get(`/api/frameworks/${fwId}`)).draft;
    const doc = json<unknown>(await bob.get(`/api/frameworks/${fwId}/export?format=json`));
    const stale = { 'if-match': `"${draft.revision - 1}"` };
    const imported = await bob.request('POST', `/api/frameworks/${fwId}/import`, doc, stale);
    expect(imported.statusCode, imported.body).toBe(409);
    const adopted = await bob.request('POST', `/api/frameworks/${fwId}/adopt`, undefined, stale);
    expect(adopted.statusCode).toBe(409);
    expect(json<{ code: string }>(adopted).code).toBe('edit_conflict');
    expect((await bob.request('POST', `/api/frameworks/${fwId}/adopt`, undefined, { 'if-match': `"${draft.revision}"` })).statusCode).toBe(200);
  });

  it('finds a node’s copy in the draft from any earlier version', async () => {
    const fwId = assoc.specificFrameworkId;
    const node = json<{ id: string }>(await bob.post(`/api/frameworks/${fwId}/nodes`, { kind: 'impact', labelFr: 'Finalité v1' }));
    await addIndicator(bob, fwId, shareIndicator('LIN1'));
    await adopt(bob, fwId);
    await addIndicator(bob, fwId, shareIndicator('LIN2'));
    await adopt(bob, fwId);
    // The id of version 1's node reaches the copy in the draft of version 3.
    const res = await bob.patch(`/api/frameworks/${fwId}/nodes/${node.id}`, { labelFr: 'Finalité revue' });
    expect(res.statusCode, res.body).toBe(200);
    const fw = json<Fw>(await bob.get(`/api/frameworks/${fwId}`));
    expect(fw.draft?.number).toBe((fw.adopted?.number ?? 0) + 1);
    expect(fw.draft?.nodes.map((n) => n.labelFr)).toContain('Finalité revue');
    expect(fw.adopted?.nodes.map((n) => n.labelFr)).toContain('Finalité v1');
  });

  it('changes only the fields a PATCH names', async () => {
    const fw = assoc.specificFrameworkId;
    const created = await addIndicator(bob, fw, { ...shareIndicator('P1'), labelEn: 'Kept', unit: 'personnes', polarity: 'lower_is_better' });
    const res = await bob.patch(`/api/frameworks/${fw}/indicators/${created.id}`, { labelFr: 'Nouveau libellé' });
    expect(res.statusCode).toBe(200);
    expect(json<Record<string, unknown>>(res)).toMatchObject({ labelFr: 'Nouveau libellé', labelEn: 'Kept', unit: 'personnes', polarity: 'lower_is_better' });
    const parent = json<{ id: string }>(await bob.post(`/api/frameworks/${fw}/nodes`, { kind: 'impact', labelFr: 'Finalité' }));
    const child = json<{ id: string }>(await bob.post(`/api/frameworks/${fw}/nodes`, { kind: 'outcome', labelFr: 'Effet', stakeholderGroup: 'staff', parentId: parent.id }));
    const patched = await bob.patch(`/api/frameworks/${fw}/nodes/${child.id}`, { labelFr: 'Effet renommé' });
    expect(json<Record<string, unknown>>(patched)).toMatchObject({ parentId: parent.id, stakeholderGroup: 'staff' });
    expect((await bob.patch(`/api/frameworks/${fw}/nodes/${child.id}`, { unknown: 1 })).statusCode).toBe(400);
  });

  it('refuses a theory of change that loops', async () => {
    const fw = assoc.specificFrameworkId;
    const a = json<{ id: string }>(await bob.post(`/api/frameworks/${fw}/nodes`, { kind: 'impact', labelFr: 'Nœud A' }));
    const b = json<{ id: string }>(await bob.post(`/api/frameworks/${fw}/nodes`, { kind: 'outcome', labelFr: 'Nœud B', parentId: a.id }));
    const loop = await bob.patch(`/api/frameworks/${fw}/nodes/${a.id}`, { parentId: b.id });
    expect(loop.statusCode).toBe(400);
    expect(json<{ code: string }>(loop).code).toBe('node_cycle');
    expect((await bob.patch(`/api/frameworks/${fw}/nodes/${a.id}`, { parentId: a.id })).statusCode).toBe(400);
  });

  it('freezes the code of an adopted indicator', async () => {
    const fw = collective.commonFrameworkId;
    const current = json<Fw>(await alice.get(`/api/frameworks/${fw}`));
    const c2 = (current.draft ?? current.adopted)!.indicators.find((i) => i.code === 'C2')!;
    const res = await alice.patch(`/api/frameworks/${fw}/indicators/${c2.id}`, { code: 'C2B' });
    expect(res.statusCode).toBe(409);
    expect(json<{ code: string }>(res).code).toBe('indicator_code_frozen');
    // A code never adopted may still change.
    const fresh = await addIndicator(alice, fw, shareIndicator('TMP'));
    expect((await alice.patch(`/api/frameworks/${fw}/indicators/${fresh.id}`, { code: 'TMP2' })).statusCode).toBe(200);
  });

  it('does not let ids of another framework be used through one’s own', async () => {
    const own = assoc.specificFrameworkId;
    const common = json<Fw>(await alice.get(`/api/frameworks/${collective.commonFrameworkId}`));
    const foreignIndicator = (common.draft ?? common.adopted)!.indicators[0]!;
    const foreignNode = (common.draft ?? common.adopted)!.nodes[0]!;
    expect((await bob.patch(`/api/frameworks/${own}/indicators/${foreignIndicator.id}`, { labelFr: 'Volé' })).statusCode).toBe(404);
    expect((await bob.delete(`/api/frameworks/${own}/indicators/${foreignIndicator.id}`)).statusCode).toBe(404);
    expect((await bob.patch(`/api/frameworks/${own}/nodes/${foreignNode.id}`, { labelFr: 'Volé' })).statusCode).toBe(404);
    expect((await bob.post(`/api/frameworks/${own}/indicators`, { ...shareIndicator('N1'), nodeId: foreignNode.id })).statusCode).toBe(400);
    expect((await bob.post(`/api/frameworks/${own}/nodes`, { kind: 'output', labelFr: 'Sous un autre', parentId: foreignNode.id })).statusCode).toBe(400);
    expect((await chelsea.patch(`/api/frameworks/${own}/indicators/${foreignIndicator.id}`, { labelFr: 'Xx' })).statusCode).toBe(404);
    expect((await chelsea.post(`/api/frameworks/${own}/adopt`)).statusCode).toBe(404);
  });
});
