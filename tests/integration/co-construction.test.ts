import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addIndicator, addMember, createCollective, createOrganisation, joinCollective, shareIndicator, type CollectiveInfo, type OrgInfo } from '../support/factories.ts';

interface Version {
  id: string;
  number: number;
  status: string;
  revision: number;
  indicators: { id: string; code: string; labelFr: string; revision: number; computation: { type: string; options?: string[] } }[];
  nodes: { id: string; labelFr: string }[];
}
interface Fw {
  canEdit: boolean;
  canPropose: boolean;
  votingOrganisations: { id: string; name: string }[];
  decision: { rule: string; quorumPercent: number } | null;
  draft: Version | null;
  adopted: Version | null;
  versions: { id: string; number: number; status: string }[];
}
interface Vote {
  outcome: string | null;
  closedAt: string | null;
  electorate: { organisationId: string; choice: string | null }[];
  tally: { electorate: number; cast: number; for: number; against: number; quorumNeeded: number; quorumReached: boolean; outcome: string };
}

let t: TestApp;
let alice: Persona; // admin of the network head (coordinator, on the COPIL)
let bob: Persona; // admin of association A (COPIL)
let carla: Persona; // admin of association B (COPIL)
let dan: Persona; // contributor of association A
let eve: Persona; // admin of association C (member, not COPIL)
let olga: Persona; // viewer of association A
let oscar: Persona; // outsider
let head: OrgInfo;
let a: OrgInfo;
let b: OrgInfo;
let c: OrgInfo;
let collective: CollectiveInfo;
let fwId: string;

const fw = async (p: Persona = alice) => json<Fw>(await p.get(`/api/frameworks/${fwId}`));
const codeOf = (res: { body: string }) => (JSON.parse(res.body) as { code?: string }).code;

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  carla = await signUp(t.app, 'Carla');
  dan = await signUp(t.app, 'Dan');
  eve = await signUp(t.app, 'Eve');
  olga = await signUp(t.app, 'Olga');
  oscar = await signUp(t.app, 'Oscar');
  head = await createOrganisation(alice, 'Fédération test');
  a = await createOrganisation(bob, 'Association A');
  b = await createOrganisation(carla, 'Association B');
  c = await createOrganisation(eve, 'Association C');
  await createOrganisation(oscar, 'Ailleurs');
  await addMember(bob, a.id, dan, 'contributor');
  await addMember(bob, a.id, olga, 'viewer');
  collective = await createCollective(alice, head.id, 'Collectif co-construction');
  fwId = collective.commonFrameworkId;
  await joinCollective(alice, collective.id, bob, a, true);
  await joinCollective(alice, collective.id, carla, b, true);
  await joinCollective(alice, collective.id, eve, c, false);
  await addIndicator(alice, fwId, shareIndicator('SOCLE1', ['4', '5']));
});
afterAll(async () => {
  await t?.close();
});

describe('proposals and comments', () => {
  let proposalId: string;

  it('lets a member contributor propose; viewers, outsiders and organisation-specific frameworks cannot', async () => {
    const body = { action: 'add_indicator', indicator: shareIndicator('PROP1', ['oui']), rationale: 'Nous le mesurons déjà.' };
    const res = await dan.post(`/api/frameworks/${fwId}/proposals`, body);
    expect(res.statusCode, res.body).toBe(201);
    const p = json<{ id: string; status: string; organisationName: string; authorName: string; title: string }>(res);
    expect(p).toMatchObject({ status: 'open', organisationName: 'Association A', authorName: 'Dan', title: 'PROP1 — Part PROP1' });
    proposalId = p.id;

    expect((await olga.post(`/api/frameworks/${fwId}/proposals`, body)).statusCode).toBe(403);
    expect((await oscar.post(`/api/frameworks/${fwId}/proposals`, body)).statusCode).toBe(404);
    expect((await bob.post(`/api/frameworks/${a.specificFrameworkId}/proposals`, body)).statusCode).toBe(400);
    const taken = await eve.post(`/api/frameworks/${fwId}/proposals`, { action: 'add_indicator', indicator: shareIndicator('SOCLE1') });
    expect(taken.statusCode).toBe(409);
    const unknown = await eve.post(`/api/frameworks/${fwId}/proposals`, { action: 'remove_indicator', code: 'NOPE' });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps a comment thread per proposal and a general one', async () => {
    expect((await carla.post(`/api/frameworks/${fwId}/comments`, { proposalId, body: 'D’accord, avec la même question ?' })).statusCode).toBe(201);
    expect((await alice.post(`/api/frameworks/${fwId}/comments`, { proposalId, body: 'Oui.' })).statusCode).toBe(201);
    expect((await eve.post(`/api/frameworks/${fwId}/comments`, { body: 'Merci pour ce travail.' })).statusCode).toBe(201);
    expect((await olga.post(`/api/frameworks/${fwId}/comments`, { body: 'Lecture seule' })).statusCode).toBe(403);
    expect((await oscar.get(`/api/frameworks/${fwId}/comments`)).statusCode).toBe(404);
    const thread = json<{ body: string; authorName: string; organisationName: string }[]>(await olga.get(`/api/frameworks/${fwId}/comments?proposalId=${proposalId}`));
    expect(thread.map((m) => [m.authorName, m.organisationName, m.body])).toEqual([
      ['Carla', 'Association B', 'D’accord, avec la même question ?'],
      ['Alice', 'Fédération test', 'Oui.'],
    ]);
    const general = json<{ body: string }[]>(await bob.get(`/api/frameworks/${fwId}/comments`));
    expect(general.map((m) => m.body)).toEqual(['Merci pour ce travail.']);
    const list = json<{ id: string; commentCount: number }[]>(await eve.get(`/api/frameworks/${fwId}/proposals`));
    expect(list.find((p) => p.id === proposalId)?.commentCount).toBe(2);
  });

  it('only coordinators decide; accepting applies the change to the draft', async () => {
    expect((await bob.post(`/api/frameworks/${fwId}/proposals/${proposalId}/decision`, { decision: 'accept' })).statusCode).toBe(403);
    const res = await alice.post(`/api/frameworks/${fwId}/proposals/${proposalId}/decision`, { decision: 'accept', note: 'Adopté en réunion' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ status: string }>(res).status).toBe('accepted');
    expect((await fw()).draft?.indicators.map((i) => i.code)).toEqual(['SOCLE1', 'PROP1']);
    expect((await alice.post(`/api/frameworks/${fwId}/proposals/${proposalId}/decision`, { decision: 'reject' })).statusCode).toBe(409);
  });

  it('rejects and withdraws; only the author withdraws', async () => {
    const edit = json<{ id: string }>(await eve.post(`/api/frameworks/${fwId}/proposals`, { action: 'edit_indicator', code: 'SOCLE1', changes: { labelFr: 'Confiance retrouvée' } }));
    const remove = json<{ id: string }>(await eve.post(`/api/frameworks/${fwId}/proposals`, { action: 'remove_indicator', code: 'PROP1' }));
    expect((await bob.post(`/api/frameworks/${fwId}/proposals/${remove.id}/withdraw`)).statusCode).toBe(403);
    expect(json<{ status: string }>(await eve.post(`/api/frameworks/${fwId}/proposals/${remove.id}/withdraw`)).status).toBe('withdrawn');
    expect(json<{ status: string }>(await alice.post(`/api/frameworks/${fwId}/proposals/${edit.id}/decision`, { decision: 'reject', note: 'Libellé actuel gardé' })).status).toBe('rejected');
    expect((await fw()).draft?.indicators.map((i) => i.labelFr)).toEqual(['Part SOCLE1', 'Part PROP1']);
  });
});

describe('proposals on the theory of change', () => {
  it('adds, changes and removes a node through accepted proposals; nodes of other frameworks are unknown', async () => {
    const accept = async (id: string) => {
      const res = await alice.post(`/api/frameworks/${fwId}/proposals/${id}/decision`, { decision: 'accept' });
      expect(res.statusCode, res.body).toBe(200);
    };
    const add = json<{ id: string; title: string }>(await dan.post(`/api/frameworks/${fwId}/proposals`, { action: 'add_node', node: { kind: 'impact', labelFr: 'Pouvoir d’agir' } }));
    expect(add.title).toBe('Pouvoir d’agir');
    await accept(add.id);
    const node = (await fw()).draft!.nodes.find((n) => n.labelFr === 'Pouvoir d’agir')!;
    const edit = json<{ id: string }>(await carla.post(`/api/frameworks/${fwId}/proposals`, { action: 'edit_node', nodeId: node.id, changes: { labelFr: 'Pouvoir d’agir retrouvé' } }));
    await accept(edit.id);
    expect((await fw()).draft!.nodes.map((n) => n.labelFr)).toContain('Pouvoir d’agir retrouvé');
    const remove = json<{ id: string }>(await eve.post(`/api/frameworks/${fwId}/proposals`, { action: 'remove_node', nodeId: node.id }));
    await accept(remove.id);
    expect((await fw()).draft!.nodes.map((n) => n.labelFr)).not.toContain('Pouvoir d’agir retrouvé');

    const own = json<{ id: string }>(await bob.post(`/api/frameworks/${a.specificFrameworkId}/nodes`, { kind: 'impact', labelFr: 'Nœud d’ailleurs' }));
    expect((await bob.post(`/api/frameworks/${fwId}/proposals`, { action: 'edit_node', nodeId: own.id, changes: { labelFr: 'Autre nom' } })).statusCode).toBe(404);
  });
});

describe('COPIL vote', () => {
  it('refuses a direct adoption when the COPIL has members other than the coordinator', async () => {
    const res = await alice.post(`/api/frameworks/${fwId}/adopt`);
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('vote_required');
  });

  it('only coordinators open a vote, on the revision they saw', async () => {
    expect((await bob.post(`/api/frameworks/${fwId}/vote`)).statusCode).toBe(403);
    expect((await oscar.post(`/api/frameworks/${fwId}/vote`)).statusCode).toBe(404);
    const draft = (await fw()).draft!;
    const stale = await alice.request('POST', `/api/frameworks/${fwId}/vote`, {}, { 'if-match': `"${draft.revision - 1}"` });
    expect(stale.statusCode).toBe(409);
    expect(codeOf(stale)).toBe('edit_conflict');
    const res = await alice.request('POST', `/api/frameworks/${fwId}/vote`, {}, { 'if-match': `"${draft.revision}"` });
    expect(res.statusCode, res.body).toBe(201);
    const vote = json<Vote>(res);
    expect(vote.tally).toMatchObject({ electorate: 3, cast: 0, quorumNeeded: 2, outcome: 'no_quorum' });
    expect((await fw()).draft?.status).toBe('proposed');
  });

  it('freezes the version while the COPIL votes', async () => {
    const draft = (await fw()).draft!;
    const edit = await alice.patch(`/api/frameworks/${fwId}/indicators/${draft.indicators[0]!.id}`, { labelFr: 'Changement pendant le vote' });
    expect(edit.statusCode).toBe(409);
    expect(codeOf(edit)).toBe('version_under_vote');
    expect((await alice.post(`/api/frameworks/${fwId}/indicators`, shareIndicator('LATE'))).statusCode).toBe(409);
    expect((await alice.post(`/api/frameworks/${fwId}/vote`)).statusCode).toBe(409);
  });

  it('only admins of COPIL organisations vote', async () => {
    expect((await eve.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' })).statusCode).toBe(403);
    expect((await dan.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' })).statusCode).toBe(403);
    expect((await oscar.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' })).statusCode).toBe(404);
    expect((await bob.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'maybe' })).statusCode).toBe(400);
    const first = json<Vote>(await bob.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'against' }));
    expect(first.tally).toMatchObject({ cast: 1, against: 1 });
    // A ballot can change until the vote closes; one per organisation.
    const changed = json<Vote>(await bob.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for', comment: 'Après discussion' }));
    expect(changed.tally).toMatchObject({ cast: 1, for: 1, against: 0, quorumReached: false });
    const second = json<Vote>(await carla.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' }));
    expect(second.tally).toMatchObject({ cast: 2, for: 2, quorumReached: true, outcome: 'adopted' });
  });

  it('only coordinators close; the version is adopted under the consensus rule', async () => {
    expect((await bob.post(`/api/frameworks/${fwId}/vote/close`)).statusCode).toBe(403);
    const res = await alice.post(`/api/frameworks/${fwId}/vote/close`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Vote>(res)).toMatchObject({ outcome: 'adopted' });
    const after = await fw(eve);
    expect(after.draft).toBeNull();
    expect(after.adopted).toMatchObject({ number: 1, status: 'adopted' });
    expect(after.adopted?.indicators.map((i) => i.code)).toEqual(['SOCLE1', 'PROP1']);
    expect((await alice.post(`/api/frameworks/${fwId}/vote/close`)).statusCode).toBe(409);
  });

  it('a failed vote sends the version back to draft; the rule and quorum are the collective’s', async () => {
    expect((await bob.patch(`/api/collectives/${collective.id}`, { decisionRule: 'majority' })).statusCode).toBe(403);
    const set = await alice.patch(`/api/collectives/${collective.id}`, { decisionRule: 'majority', quorumPercent: 100 });
    expect(set.statusCode, set.body).toBe(200);
    expect(json<{ decisionRule: string; quorumPercent: number }>(set)).toMatchObject({ decisionRule: 'majority', quorumPercent: 100 });

    const v1 = (await fw()).adopted!;
    const edit = await alice.patch(`/api/frameworks/${fwId}/indicators/${v1.indicators[0]!.id}`, { computation: { type: 'share', options: ['5'] } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await alice.post(`/api/frameworks/${fwId}/vote`)).statusCode).toBe(201);
    await bob.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' });
    await carla.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'against' });
    const noQuorum = json<Vote>(await alice.post(`/api/frameworks/${fwId}/vote/close`));
    expect(noQuorum).toMatchObject({ outcome: 'no_quorum', tally: { electorate: 3, cast: 2, quorumNeeded: 3 } });
    expect((await fw()).draft?.status).toBe('draft');

    expect((await alice.post(`/api/frameworks/${fwId}/vote`)).statusCode).toBe(201);
    await bob.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' });
    await carla.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'against' });
    await alice.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'abstain' });
    const tie = json<Vote>(await alice.post(`/api/frameworks/${fwId}/vote/close`));
    expect(tie).toMatchObject({ outcome: 'rejected', tally: { for: 1, against: 1 } });

    expect((await alice.post(`/api/frameworks/${fwId}/vote`)).statusCode).toBe(201);
    await bob.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' });
    await carla.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'against' });
    await alice.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' });
    expect(json<Vote>(await alice.post(`/api/frameworks/${fwId}/vote/close`)).outcome).toBe('adopted');
    const after = await fw();
    expect(after.adopted?.number).toBe(2);
    expect(after.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'adopted'],
      [1, 'adopted'],
    ]);
  });

  it('a cancelled vote returns the version to draft', async () => {
    await alice.post(`/api/frameworks/${fwId}/indicators`, shareIndicator('V3'));
    expect((await alice.post(`/api/frameworks/${fwId}/vote`)).statusCode).toBe(201);
    // The electorate is the COPIL when the vote opened: leaving it meanwhile does not take the ballot away.
    expect((await alice.patch(`/api/collectives/${collective.id}/members/${a.id}`, { copil: false })).statusCode).toBe(200);
    expect(json<Vote>(await bob.post(`/api/frameworks/${fwId}/vote/ballots`, { choice: 'for' })).tally).toMatchObject({ electorate: 3, cast: 1 });
    expect((await alice.patch(`/api/collectives/${collective.id}/members/${a.id}`, { copil: true })).statusCode).toBe(200);
    expect((await bob.post(`/api/frameworks/${fwId}/vote/cancel`)).statusCode).toBe(403);
    expect(json<Vote>(await alice.post(`/api/frameworks/${fwId}/vote/cancel`)).outcome).toBe('cancelled');
    expect((await fw()).draft?.status).toBe('draft');
  });
});

describe('diff, audit and concurrent edits', () => {
  it('shows a readable diff with the series break', async () => {
    const f = await fw();
    const v1 = f.versions.find((v) => v.number === 1)!;
    const v2 = f.versions.find((v) => v.number === 2)!;
    const res = await olga.get(`/api/frameworks/${fwId}/diff?from=${v1.id}&to=${v2.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const diff = json<{ same: boolean; indicators: { changed: { code: string; changes: { field: string; before: unknown; after: unknown }[]; seriesBreak: string[] }[] } }>(res);
    expect(diff.same).toBe(false);
    expect(diff.indicators.changed).toEqual([
      expect.objectContaining({ code: 'SOCLE1', seriesBreak: ['options'], changes: [{ field: 'computation', before: { type: 'share', options: ['4', '5'] }, after: { type: 'share', options: ['5'] } }] }),
    ]);
    // By default: the latest adopted version against the open draft.
    const current = json<{ from: { number: number }; to: { number: number }; indicators: { added: { code: string }[] } }>(await bob.get(`/api/frameworks/${fwId}/diff`));
    expect(current.from.number).toBe(2);
    expect(current.to.number).toBe(3);
    expect(current.indicators.added.map((i) => i.code)).toEqual(['V3']);
    expect((await oscar.get(`/api/frameworks/${fwId}/diff`)).statusCode).toBe(404);
  });

  it('keeps who did what in the audit trail', async () => {
    const res = await olga.get(`/api/frameworks/${fwId}/audit?limit=500`);
    expect(res.statusCode).toBe(200);
    const events = json<{ action: string; userName: string; detail: Record<string, unknown> }[]>(res).reverse();
    const actions = events.map((e) => `${e.userName}:${e.action}`);
    for (const expected of [
      'Alice:indicator.created',
      'Dan:proposal.created',
      'Carla:comment.created',
      'Alice:proposal.accepted',
      'Eve:proposal.withdrawn',
      'Alice:vote.opened',
      'Bob:ballot.cast',
      'Alice:vote.closed',
      'Alice:version.adopted',
      'Alice:indicator.updated',
      'Alice:vote.cancelled',
      'Alice:collective.updated',
      'Alice:copil.changed',
    ]) {
      expect(actions).toContain(expected);
    }
    expect(actions.indexOf('Alice:vote.opened')).toBeLessThan(actions.indexOf('Alice:version.adopted'));
    const update = events.find((e) => e.action === 'indicator.updated')!;
    expect(update.detail).toMatchObject({ code: 'SOCLE1', changes: [{ field: 'computation', after: { type: 'share', options: ['5'] } }] });
    expect((await oscar.get(`/api/frameworks/${fwId}/audit`)).statusCode).toBe(404);
  });

  it('turns two people editing the same indicator into a clear conflict', async () => {
    const draft = (await fw()).draft!;
    const ind = draft.indicators.find((i) => i.code === 'V3')!;
    const first = await alice.request('PATCH', `/api/frameworks/${fwId}/indicators/${ind.id}`, { labelFr: 'Première modification' }, { 'if-match': `"${ind.revision}"` });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<{ revision: number }>(first).revision).toBe(ind.revision + 1);
    const second = await alice.request('PATCH', `/api/frameworks/${fwId}/indicators/${ind.id}`, { labelFr: 'Seconde modification' }, { 'if-match': `"${ind.revision}"` });
    expect(second.statusCode).toBe(409);
    expect(codeOf(second)).toBe('edit_conflict');
    expect(json<{ detail: string }>(second).detail).toContain('révision');
    const del = await alice.request('DELETE', `/api/frameworks/${fwId}/indicators/${ind.id}`, undefined, { 'if-match': `"${ind.revision}"` });
    expect(del.statusCode).toBe(409);
    expect((await alice.request('PATCH', `/api/frameworks/${fwId}/indicators/${ind.id}`, { labelFr: 'x' }, { 'if-match': 'pas un nombre' })).statusCode).toBe(400);
    expect((await fw()).draft?.indicators.find((i) => i.code === 'V3')?.labelFr).toBe('Première modification');
  });

  it('turns two people editing the same theory-of-change node into a clear conflict', async () => {
    const created = await alice.post(`/api/frameworks/${fwId}/nodes`, { kind: 'outcome', labelFr: 'Les familles se sentent soutenues', parentId: null });
    expect(created.statusCode, created.body).toBe(201);
    const node = json<{ id: string; revision: number }>(created);
    const url = `/api/frameworks/${fwId}/nodes/${node.id}`;
    const first = await alice.request('PATCH', url, { labelFr: 'Les familles se sentent écoutées' }, { 'if-match': `"${node.revision}"` });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<{ revision: number }>(first).revision).toBe(node.revision + 1);
    // Someone who read the node before that change.
    const second = await alice.request('PATCH', url, { labelFr: 'Les familles se sentent aidées' }, { 'if-match': `W/"${node.revision}"` });
    expect(second.statusCode).toBe(409);
    expect(codeOf(second)).toBe('edit_conflict');
    expect(json<{ detail: string; detailEn: string }>(second)).toMatchObject({
      detail: expect.stringContaining('Quelqu’un a modifié cet élément') as unknown,
      detailEn: expect.stringContaining('Someone changed this node') as unknown,
    });
    expect((await alice.request('DELETE', url, undefined, { 'if-match': `"${node.revision}"` })).statusCode).toBe(409);
    const draft = (await fw()).draft!;
    expect(draft.nodes.find((n) => n.id === node.id)?.labelFr).toBe('Les familles se sentent écoutées');
    expect((await alice.request('DELETE', url, undefined, { 'if-match': `"${node.revision + 1}"` })).statusCode).toBe(200);
  });
});

describe('organisations adopt a version', () => {
  it('lists the versions each collective offers and adopts one (admins only)', async () => {
    const before = json<{ collectiveId: string; version: unknown; latestAdopted: { number: number }; choices: { id: string; number: number }[] }[]>(await olga.get(`/api/organisations/${a.id}/adoptions`));
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ collectiveId: collective.id, version: null, latestAdopted: { number: 2 } });
    expect(before[0]!.choices.map((v) => v.number)).toEqual([2, 1]);
    const v1 = before[0]!.choices.find((v) => v.number === 1)!;
    expect((await dan.put(`/api/organisations/${a.id}/adoptions/${collective.id}`, { versionId: v1.id })).statusCode).toBe(403);
    expect((await oscar.put(`/api/organisations/${a.id}/adoptions/${collective.id}`, { versionId: v1.id })).statusCode).toBe(404);
    const res = await bob.put(`/api/organisations/${a.id}/adoptions/${collective.id}`, { versionId: v1.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ version: { number: number } }>(res).version.number).toBe(1);
    const draft = (await fw()).draft!;
    const notAdopted = await bob.put(`/api/organisations/${a.id}/adoptions/${collective.id}`, { versionId: draft.id });
    expect(notAdopted.statusCode).toBe(409);
  });

  it('retires an older version: organisations can no longer choose it', async () => {
    const f = await fw();
    const v1 = f.versions.find((v) => v.number === 1)!;
    const v2 = f.versions.find((v) => v.number === 2)!;
    expect((await bob.post(`/api/frameworks/${fwId}/versions/${v1.id}/retire`)).statusCode).toBe(403);
    expect((await alice.post(`/api/frameworks/${fwId}/versions/${v2.id}/retire`)).statusCode).toBe(409);
    expect((await alice.post(`/api/frameworks/${fwId}/versions/${v1.id}/retire`)).statusCode).toBe(200);
    expect((await carla.put(`/api/organisations/${b.id}/adoptions/${collective.id}`, { versionId: v1.id })).statusCode).toBe(409);
    expect((await carla.put(`/api/organisations/${b.id}/adoptions/${collective.id}`, { versionId: v2.id })).statusCode).toBe(200);
    const version = json<Version>(await eve.get(`/api/frameworks/${fwId}/versions/${v1.id}`));
    expect(version).toMatchObject({ number: 1, status: 'retired' });
  });

  it('refuses a NUL character with a 400, not a server error', async () => {
    const res = await alice.post(`/api/frameworks/${fwId}/indicators`, { ...shareIndicator('NUL1'), labelFr: 'Nul\u0000 ici' });
    expect(res.statusCode).toBe(400);
  });
});
