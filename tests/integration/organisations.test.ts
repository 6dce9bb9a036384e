import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { createCollective, createOrganisation, joinCollective, type OrgInfo } from '../support/factories.ts';

let t: TestApp;
let alice: Persona; // admin of the network head
let bob: Persona; // admin of a member association
let chelsea: Persona; // outsider, admin of her own organisation
let head: OrgInfo;
let assoc: OrgInfo;
let other: OrgInfo;

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  chelsea = await signUp(t.app, 'Chelsea');
  head = await createOrganisation(alice, 'Fédération Test', { kind: 'network_head' });
  assoc = await createOrganisation(bob, 'Association Émergence Test', { communeCode: '35238', populationServed: 300 });
  other = await createOrganisation(chelsea, 'Association Ailleurs');
});
afterAll(async () => {
  await t?.close();
});

describe('organisations', () => {
  it('creates an organisation whose creator is admin, with a readable identifier', async () => {
    const list = json<{ id: string; role: string; slug: string }[]>(await bob.get('/api/organisations'));
    expect(list).toEqual([expect.objectContaining({ id: assoc.id, role: 'admin', slug: 'association-emergence-test' })]);
  });

  it('gives a second organisation with the same name another identifier', async () => {
    const again = await createOrganisation(bob, 'Association Émergence Test');
    expect(again.slug).not.toBe(assoc.slug);
    expect(again.slug).toMatch(/^association-emergence-test-/);
  });

  it('refuses a bad commune code with the field at fault', async () => {
    const res = await bob.post('/api/organisations', { name: 'Mauvaise commune', communeCode: '123' });
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(res).errors[0]?.field).toBe('body.communeCode');
  });

  it('invites a member by a one-time link with a role', async () => {
    const dora = await signUp(t.app, 'Dora');
    const inv = await bob.post(`/api/organisations/${assoc.id}/invitations`, { role: 'contributor' });
    expect(inv.statusCode).toBe(201);
    const { token, url } = json<{ token: string; url: string }>(inv);
    expect(url).toBe(`/invitations/${token}`);
    const preview = await dora.get(`/api/invitations/${token}`);
    expect(json<{ organisationName: string; role: string }>(preview)).toMatchObject({ organisationName: 'Association Émergence Test', role: 'contributor' });
    const accepted = await dora.post(`/api/invitations/${token}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(json<{ role: string }>(accepted).role).toBe('contributor');
    // Used once only.
    const eve = await signUp(t.app, 'Eve');
    expect((await eve.post(`/api/invitations/${token}/accept`)).statusCode).toBe(404);
    const members = json<{ email: string; role: string }[]>(await bob.get(`/api/organisations/${assoc.id}/members`));
    expect(members.map((m) => m.role).sort()).toEqual(['admin', 'contributor']);
    // A contributor cannot invite.
    expect((await dora.post(`/api/organisations/${assoc.id}/invitations`, { role: 'admin' })).statusCode).toBe(403);
  });

  it('shows an outsider nothing of another organisation', async () => {
    expect((await chelsea.get(`/api/organisations/${assoc.id}`)).statusCode).toBe(404);
    expect((await chelsea.get(`/api/organisations/${assoc.id}/members`)).statusCode).toBe(404);
    expect((await chelsea.post(`/api/organisations/${assoc.id}/invitations`, { role: 'admin' })).statusCode).toBe(404);
  });
});

describe('collectives', () => {
  let collectiveId: string;

  it('creates a collective coordinated by an organisation the caller administers', async () => {
    expect((await bob.post('/api/collectives', { name: 'Pas le mien', coordinatorOrganisationId: head.id })).statusCode).toBe(404);
    const c = await createCollective(alice, head.id, 'Collectif Solidarités Test');
    collectiveId = c.id;
    expect(c.suppressionThreshold).toBe(5);
    const detail = json<{ members: { organisationId: string; coordinator: boolean; copil: boolean; status: string }[] }>(await alice.get(`/api/collectives/${c.id}`));
    expect(detail.members).toEqual([expect.objectContaining({ organisationId: head.id, coordinator: true, status: 'active' })]);
  });

  it('invites a member organisation, which accepts, and marks it COPIL', async () => {
    await joinCollective(alice, collectiveId, bob, assoc);
    const patch = await alice.patch(`/api/collectives/${collectiveId}/members/${assoc.id}`, { copil: true });
    expect(patch.statusCode).toBe(200);
    expect(json<{ copil: boolean; status: string }>(patch)).toMatchObject({ copil: true, status: 'active' });
    const list = json<{ id: string }[]>(await bob.get('/api/collectives'));
    expect(list.map((c) => c.id)).toContain(collectiveId);
  });

  it('lets one organisation belong to several collectives', async () => {
    const second = await createCollective(alice, head.id, 'Deuxième collectif');
    await joinCollective(alice, second.id, bob, assoc);
    const list = json<{ id: string }[]>(await bob.get('/api/collectives'));
    expect(list.map((c) => c.id).sort()).toEqual([collectiveId, second.id].sort());
  });

  it('keeps member management to the coordinator and the collective hidden from outsiders', async () => {
    expect((await bob.post(`/api/collectives/${collectiveId}/members`, { organisationSlug: other.slug })).statusCode).toBe(403);
    expect((await bob.patch(`/api/collectives/${collectiveId}/members/${assoc.id}`, { copil: false })).statusCode).toBe(403);
    expect((await chelsea.get(`/api/collectives/${collectiveId}`)).statusCode).toBe(404);
    expect((await chelsea.get(`/api/collectives/${collectiveId}/results`)).statusCode).toBe(404);
    expect(json<unknown[]>(await chelsea.get('/api/collectives'))).toHaveLength(0);
  });

  it('does not let an invited organisation in before it accepts, nor accept for another organisation', async () => {
    const add = await alice.post(`/api/collectives/${collectiveId}/members`, { organisationSlug: other.slug });
    expect(add.statusCode).toBe(201);
    expect((await chelsea.get(`/api/collectives/${collectiveId}`)).statusCode).toBe(404);
    expect((await bob.post(`/api/organisations/${other.id}/collective-invitations/${collectiveId}/accept`)).statusCode).toBe(404);
    const pending = json<{ collectiveId: string }[]>(await chelsea.get(`/api/organisations/${other.id}/collective-invitations`));
    expect(pending.map((p) => p.collectiveId)).toEqual([collectiveId]);
    expect((await alice.post(`/api/collectives/${collectiveId}/members`, { organisationSlug: other.slug })).statusCode).toBe(409);
    expect((await alice.post(`/api/collectives/${collectiveId}/members`, { organisationSlug: 'nobody-here' })).statusCode).toBe(404);
  });
});

describe('account edges', () => {
  it('accepts an empty profile update as a no-op', async () => {
    const res = await bob.patch('/api/me', {});
    expect(res.statusCode).toBe(200);
  });

  it('keeps an invitation addressed to someone for that person only', async () => {
    const target = await signUp(t.app, 'Target');
    const inv = json<{ token: string }>(await bob.post(`/api/organisations/${assoc.id}/invitations`, { role: 'viewer', email: target.email }));
    const other = await signUp(t.app, 'Other');
    const wrong = await other.post(`/api/invitations/${inv.token}/accept`);
    expect(wrong.statusCode).toBe(403);
    expect(json<{ code: string }>(wrong).code).toBe('invitation_for_someone_else');
    expect((await target.post(`/api/invitations/${inv.token}/accept`)).statusCode).toBe(200);
  });
});
