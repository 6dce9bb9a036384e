import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { createCollective, createOrganisation, joinCollective, type CollectiveInfo, type OrgInfo } from '../support/factories.ts';
import { INDICATOR_BANK } from '../../src/domain/indicator-bank/index.ts';

interface Entry {
  id: string;
  revision?: number;
  source: string;
  collectiveName?: string;
  code?: string;
  labelFr: string;
  kind: string;
}

let t: TestApp;
let alice: Persona; // coordinating organisation's admin
let carol: Persona; // admin of a steering-committee (COPIL) member
let dave: Persona; // admin of a plain member
let oscar: Persona; // outsider
let collective: CollectiveInfo;
let daveOrg: OrgInfo;
let oscarOrg: OrgInfo;
let otherCollective: CollectiveInfo;

const entry = (labelFr: string, extra: Record<string, unknown> = {}) => ({
  code: 'COL-JARDIN',
  labelFr,
  labelEn: 'Share of people who tend the shared garden',
  kind: 'outcome',
  stakeholderGroup: 'people_supported',
  computation: { type: 'share', options: ['souvent', 'toujours'] },
  questions: [
    {
      type: 'single',
      labelFr: 'Venez-vous au jardin partagé ?',
      labelEn: 'Do you come to the shared garden?',
      options: [
        { value: 'jamais', labelFr: 'Jamais', labelEn: 'Never' },
        { value: 'souvent', labelFr: 'Souvent', labelEn: 'Often' },
        { value: 'toujours', labelFr: 'Toujours', labelEn: 'Always' },
      ],
    },
  ],
  sdg: 11,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  carol = await signUp(t.app, 'Carol');
  dave = await signUp(t.app, 'Dave');
  oscar = await signUp(t.app, 'Oscar');
  const head = await createOrganisation(alice, 'Tête de réseau jardins');
  collective = await createCollective(alice, head.id, 'Réseau des jardins');
  const carolOrg = await createOrganisation(carol, 'Jardin du COPIL');
  daveOrg = await createOrganisation(dave, 'Jardin membre');
  oscarOrg = await createOrganisation(oscar, 'Jardin dehors');
  await joinCollective(alice, collective.id, carol, carolOrg, true);
  await joinCollective(alice, collective.id, dave, daveOrg, false);
  otherCollective = await createCollective(oscar, oscarOrg.id, 'Autre réseau');
});
afterAll(async () => {
  await t?.close();
});

const url = () => `/api/collectives/${collective.id}/bank-entries`;

describe('a collective’s own bank entries', () => {
  it('lets the coordinator and COPIL admins write, plain members read, and hides them from outsiders', async () => {
    const byAlice = await alice.post(url(), entry('Part des personnes qui jardinent'));
    expect(byAlice.statusCode, byAlice.body).toBe(201);
    expect(json<{ sector: string; polarity: string }>(byAlice)).toMatchObject({ sector: 'cross_cutting', polarity: 'higher_is_better', collectiveId: collective.id });
    const byCarol = await carol.post(url(), entry('Nombre de récoltes partagées', { code: 'COL-RECOLTE', kind: 'output', computation: { type: 'sum' }, unit: 'récoltes', questions: [], sdg: undefined }));
    expect(byCarol.statusCode, byCarol.body).toBe(201);
    const byDave = await dave.post(url(), entry('Tentative'));
    expect(byDave.statusCode).toBe(403);
    expect(json<{ code: string }>(byDave).code).toBe('collective_bank_read_only');

    const asDave = json<{ canEdit: boolean; entries: Entry[] }>(await dave.get(url()));
    expect(asDave.canEdit).toBe(false);
    expect(asDave.entries.map((e) => e.labelFr)).toEqual(['Part des personnes qui jardinent', 'Nombre de récoltes partagées']);
    expect(json<{ canEdit: boolean }>(await carol.get(url())).canEdit).toBe(true);

    for (const res of [await oscar.get(url()), await oscar.post(url(), entry('Intrus'))]) {
      expect(res.statusCode).toBe(404);
      expect(json<{ code: string }>(res).code).toBe('collective_not_found');
    }

    const id = json<Entry>(byAlice).id;
    expect((await dave.patch(`${url()}/${id}`, { labelFr: 'Changé par Dave' })).statusCode).toBe(403);
    expect((await dave.delete(`${url()}/${id}`)).statusCode).toBe(403);
    expect((await oscar.patch(`${url()}/${id}`, { labelFr: 'Changé' })).statusCode).toBe(404);
    const patched = await carol.patch(`${url()}/${id}`, { labelFr: 'Part des personnes qui jardinent souvent', sdg: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json<{ labelFr: string; sdg?: number; computation: unknown }>(patched)).toMatchObject({ labelFr: 'Part des personnes qui jardinent souvent', computation: { type: 'share' } });
    expect(json<{ sdg?: number }>(patched).sdg).toBeUndefined();
    // An entry of another collective is not reachable through this one.
    const foreign = json<Entry>(await oscar.post(`/api/collectives/${otherCollective.id}/bank-entries`, entry('Ailleurs')));
    expect((await alice.patch(`${url()}/${foreign.id}`, { labelFr: 'Volé' })).statusCode).toBe(404);
  });

  it.each([
    ['a share counting an option the question lacks', { computation: { type: 'share', options: ['parfois'] } }, 'computation'],
    ['an SDG outside 1–17', { sdg: 18 }, 'sdg'],
    ['no English label', { labelEn: '' }, 'labelEn'],
    ['a choice question without options', { questions: [{ type: 'single', labelFr: 'Question sans options' }], computation: { type: 'count' } }, 'questions'],
    ['an unknown kind', { kind: 'vibe' }, 'kind'],
    ['a NUL character, which the database cannot store', { unit: 'a\u0000b' }, 'unit'],
  ])('refuses %s', async (_label, extra, field) => {
    const res = await alice.post(url(), entry('Entrée invalide', extra));
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(res).errors.some((e) => e.field.includes(field))).toBe(true);
  });

  it('refuses a patch that would make the entry inconsistent', async () => {
    const id = json<{ entries: Entry[] }>(await alice.get(url())).entries[0]!.id;
    const res = await alice.patch(`${url()}/${id}`, { computation: { type: 'share', options: ['parfois'] } });
    expect(res.statusCode).toBe(400);
    expect(json<{ code: string }>(res).code).toBe('invalid_bank_entry');
  });

  it('merges the collective’s entries into the bank search for its members only', async () => {
    const merged = json<Entry[]>(await dave.get(`/api/indicator-bank?collectiveId=${collective.id}&text=jardinent`));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ source: 'collective', collectiveName: 'Réseau des jardins', code: 'COL-JARDIN' });
    const all = json<Entry[]>(await dave.get(`/api/indicator-bank?collectiveId=${collective.id}`));
    expect(all.slice(0, 2).map((e) => e.source)).toEqual(['collective', 'collective']);
    expect(all.slice(2).every((e) => e.source === 'socle')).toBe(true);
    expect(all.length).toBeGreaterThan(150);
    const outputs = json<Entry[]>(await dave.get(`/api/indicator-bank?collectiveId=${collective.id}&kind=output`));
    expect(outputs.filter((e) => e.source === 'collective').map((e) => e.labelFr)).toEqual(['Nombre de récoltes partagées']);
    const withoutCollective = json<Entry[]>(await dave.get('/api/indicator-bank?text=jardinent'));
    expect(withoutCollective).toEqual([]);
    expect((await oscar.get(`/api/indicator-bank?collectiveId=${collective.id}`)).statusCode).toBe(404);
  });

  it('adds a collective entry to the collective’s frameworks only', async () => {
    const [garden, harvest] = json<{ entries: Entry[] }>(await alice.get(url())).entries;
    const common = await alice.post(`/api/frameworks/${collective.commonFrameworkId}/indicators/from-bank`, { entryId: garden!.id });
    expect(common.statusCode, common.body).toBe(201);
    expect(json<{ code: string; labelFr: string; computation: unknown }>(common)).toMatchObject({
      code: 'COL-JARDIN',
      labelFr: 'Part des personnes qui jardinent souvent',
      computation: { type: 'share', options: ['souvent', 'toujours'] },
    });
    // A member's specific framework, with a code of its own.
    const specific = await dave.post(`/api/frameworks/${daveOrg.specificFrameworkId}/indicators/from-bank`, { entryId: harvest!.id, code: 'RECOLTES' });
    expect(specific.statusCode, specific.body).toBe(201);
    expect(json<{ code: string; unit: string }>(specific)).toMatchObject({ code: 'RECOLTES', unit: 'récoltes' });
    // Outside the collective the entry does not exist.
    for (const fw of [oscarOrg.specificFrameworkId, otherCollective.commonFrameworkId]) {
      const res = await oscar.post(`/api/frameworks/${fw}/indicators/from-bank`, { entryId: garden!.id });
      expect(res.statusCode).toBe(404);
      expect(json<{ code: string }>(res).code).toBe('bank_entry_not_found');
    }
    // The framework's own rules still apply: a plain member cannot edit the common framework.
    expect((await dave.post(`/api/frameworks/${collective.commonFrameworkId}/indicators/from-bank`, { entryId: harvest!.id })).statusCode).toBe(403);
    expect((await oscar.post(`/api/frameworks/${collective.commonFrameworkId}/indicators/from-bank`, { entryId: harvest!.id })).statusCode).toBe(404);
  });

  it('lets a member propose a bank indicator, built-in or the collective’s, to the common framework in one action', async () => {
    const fwId = collective.commonFrameworkId;
    const from = (p: Persona, body: Record<string, unknown>, fw = fwId) => p.post(`/api/frameworks/${fw}/proposals/from-bank`, body);
    interface Proposal {
      id: string;
      action: string;
      status: string;
      rationale: string;
      organisationName: string;
      authorName: string;
      payload: { indicator: { code: string; labelFr: string; unit: string; computation: unknown; disaggregations: string[] } };
    }
    const pe007 = INDICATOR_BANK.find((e) => e.id === 'pe-007')!;
    const builtIn = await from(dave, { entryId: 'pe-007', rationale: 'Nous le suivons déjà.' });
    expect(builtIn.statusCode, builtIn.body).toBe(201);
    const proposal = json<Proposal>(builtIn);
    expect(proposal).toMatchObject({ action: 'add_indicator', status: 'open', rationale: 'Nous le suivons déjà.', organisationName: 'Jardin membre', authorName: 'Dave' });
    expect(proposal.payload.indicator).toMatchObject({ code: 'PE-007', labelFr: pe007.labelFr, unit: pe007.unit, computation: pe007.computation, disaggregations: [] });

    // A collective's entry, under a code of the member's choosing.
    const harvest = json<{ entries: Entry[] }>(await alice.get(url())).entries[1]!;
    const own = await from(dave, { entryId: harvest.id, code: 'RECOLTES-COM' });
    expect(own.statusCode, own.body).toBe(201);
    expect(json<Proposal>(own).payload.indicator).toMatchObject({ code: 'RECOLTES-COM', labelFr: 'Nombre de récoltes partagées', unit: 'récoltes', computation: { type: 'sum' } });

    // Nothing changes in the draft until the coordinators accept.
    const codes = async () => json<{ draft: { indicators: { code: string; computation: unknown }[] } }>(await alice.get(`/api/frameworks/${fwId}`)).draft.indicators;
    expect((await codes()).map((i) => i.code)).not.toContain('PE-007');
    const accepted = await alice.post(`/api/frameworks/${fwId}/proposals/${proposal.id}/decision`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await codes()).find((i) => i.code === 'PE-007')).toMatchObject({ computation: pe007.computation });
    const again = await from(dave, { entryId: 'pe-007' });
    expect(again.statusCode).toBe(409);
    expect(json<{ code: string }>(again).code).toBe('indicator_code_taken');

    const refused: [Persona, Record<string, unknown>, string, number, string][] = [
      [oscar, { entryId: 'pe-007' }, fwId, 404, 'framework_not_found'],
      [dave, { entryId: 'pe-999' }, fwId, 404, 'bank_entry_not_found'],
      [dave, { entryId: harvest.id }, otherCollective.commonFrameworkId, 404, 'framework_not_found'],
      [dave, { entryId: 'pe-007' }, daveOrg.specificFrameworkId, 400, 'common_framework_only'],
    ];
    for (const [who, body, fw, status, code] of refused) {
      const res = await from(who, body, fw);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(json<{ code: string }>(res).code).toBe(code);
    }
    const trail = json<{ action: string; userName: string }[]>(await alice.get(`/api/frameworks/${fwId}/audit`));
    expect(trail.filter((e) => e.action === 'proposal.created').map((e) => e.userName)).toEqual(['Dave', 'Dave']);
  });

  it('removes an entry from the bank; indicators already added stay', async () => {
    const garden = json<{ entries: Entry[] }>(await alice.get(url())).entries[0]!;
    expect((await carol.delete(`${url()}/${garden.id}`)).statusCode).toBe(200);
    expect((await carol.delete(`${url()}/${garden.id}`)).statusCode).toBe(404);
    expect(json<Entry[]>(await dave.get(`/api/indicator-bank?collectiveId=${collective.id}&text=jardinent`))).toEqual([]);
    const fw = json<{ draft: { indicators: { code: string }[] } }>(await alice.get(`/api/frameworks/${collective.commonFrameworkId}`));
    expect(fw.draft.indicators.map((i) => i.code)).toContain('COL-JARDIN');
  });
});

describe('changing a collective’s bank entry', () => {
  interface Problem {
    code: string;
    detail: string;
    detailEn: string;
  }
  const create = async (labelFr: string, extra: Record<string, unknown> = {}) => {
    const res = await alice.post(url(), entry(labelFr, { code: undefined, ...extra }));
    expect(res.statusCode, res.body).toBe(201);
    return json<Entry & { revision: number }>(res);
  };
  const ifMatch = (revision: number) => ({ 'if-match': `"${revision}"` });

  it('turns two people changing the same entry into a clear conflict (If-Match), not a silent overwrite', async () => {
    const created = await create('Part des familles qui cuisinent les légumes');
    expect(created.revision).toBe(0);
    const first = await alice.request('PATCH', `${url()}/${created.id}`, { labelFr: 'Modifié par Alice' }, ifMatch(0));
    expect(first.statusCode, first.body).toBe(200);
    expect(json<{ revision: number }>(first).revision).toBe(1);
    // Carol read revision 0 too.
    const second = await carol.request('PATCH', `${url()}/${created.id}`, { labelEn: 'Changed by Carol' }, ifMatch(0));
    expect(second.statusCode).toBe(409);
    const problem = json<Problem>(second);
    expect(problem.code).toBe('edit_conflict');
    expect(problem.detail).toContain('Quelqu’un a modifié cet indicateur de la banque');
    expect(problem.detail).toContain('révision 0');
    expect(problem.detailEn).toContain('Someone changed this bank indicator');
    const stored = json<{ entries: (Entry & { labelEn: string })[] }>(await carol.get(url())).entries.find((e) => e.id === created.id)!;
    expect(stored).toMatchObject({ labelFr: 'Modifié par Alice', labelEn: 'Share of people who tend the shared garden', revision: 1 });
    // Removing needs the current revision as well.
    expect((await carol.request('DELETE', `${url()}/${created.id}`, undefined, ifMatch(0))).statusCode).toBe(409);
    expect((await carol.request('PATCH', `${url()}/${created.id}`, { labelFr: 'x y' }, { 'if-match': 'hier' })).statusCode).toBe(400);
    // Without If-Match the change applies (and still counts as a revision).
    const blind = await carol.patch(`${url()}/${created.id}`, { labelEn: 'Changed by Carol' });
    expect(json<{ revision: number }>(blind).revision).toBe(2);
    expect((await carol.request('DELETE', `${url()}/${created.id}`, undefined, ifMatch(2))).statusCode).toBe(200);
  });

  it('lets exactly one of two simultaneous changes from the same revision through', async () => {
    const created = await create('Part des familles qui partagent leurs semences');
    const [a, b] = await Promise.all([
      alice.request('PATCH', `${url()}/${created.id}`, { labelFr: 'Version A' }, ifMatch(0)),
      carol.request('PATCH', `${url()}/${created.id}`, { labelFr: 'Version B' }, ifMatch(0)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'Version A' : 'Version B';
    const stored = json<{ entries: Entry[] }>(await alice.get(url())).entries.find((e) => e.id === created.id)!;
    expect(stored).toMatchObject({ labelFr: winner, revision: 1 });
  });

  it('records additions, changes and removals in the audit trail of the common framework', async () => {
    const created = await create('Nombre de bocaux de conserves', { computation: { type: 'sum' }, unit: 'bocaux', questions: [], sdg: undefined });
    expect((await carol.request('PATCH', `${url()}/${created.id}`, { unit: 'pots', sdg: 12 }, ifMatch(0))).statusCode).toBe(200);
    expect((await alice.delete(`${url()}/${created.id}`)).statusCode).toBe(200);
    interface Event {
      action: string;
      userName: string;
      at: string;
      detail: { entryId?: string; labelFr?: string; changes?: { field: string; before: unknown; after: unknown }[] };
    }
    const events = json<Event[]>(await dave.get(`/api/frameworks/${collective.commonFrameworkId}/audit`)).filter((e) => e.detail.entryId === created.id);
    // Newest first.
    expect(events.map((e) => `${e.userName}:${e.action}`)).toEqual(['Alice:bank_entry.deleted', 'Carol:bank_entry.updated', 'Alice:bank_entry.created']);
    expect(events.every((e) => e.detail.labelFr === 'Nombre de bocaux de conserves' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(events[1]!.detail.changes).toEqual([
      { field: 'unit', before: 'bocaux', after: 'pots' },
      { field: 'sdg', before: null, after: 12 },
    ]);
    // Refused changes leave no trace.
    const refused = await create('Nombre de paniers', { computation: { type: 'sum' }, unit: 'paniers', questions: [], sdg: undefined });
    expect((await alice.request('PATCH', `${url()}/${refused.id}`, { unit: 'caisses' }, ifMatch(5))).statusCode).toBe(409);
    const after = json<Event[]>(await dave.get(`/api/frameworks/${collective.commonFrameworkId}/audit`)).filter((e) => e.detail.entryId === refused.id);
    expect(after.map((e) => e.action)).toEqual(['bank_entry.created']);
  });

  it('gives every unit in English, the collective’s own when it gives one', async () => {
    const all = json<(Entry & { unit: string; unitEn: string })[]>(await dave.get(`/api/indicator-bank?collectiveId=${collective.id}`));
    const builtIn = all.filter((e) => e.source === 'socle');
    expect(builtIn.every((e) => e.unitEn.trim() !== '')).toBe(true);
    expect(builtIn.find((e) => e.unit === 'réunions')?.unitEn).toBe('meetings');
    expect(builtIn.find((e) => e.unit === 'personnes')?.unitEn).toBe('people');
    const named = await create('Nombre de récoltes pesées', { computation: { type: 'sum' }, unit: 'kilos', unitEn: 'kilograms', questions: [], sdg: undefined });
    const unnamed = await create('Nombre de visites au jardin', { computation: { type: 'sum' }, unit: 'visites', questions: [], sdg: undefined });
    const odd = await create('Nombre de bottes de radis', { computation: { type: 'sum' }, unit: 'bottes', questions: [], sdg: undefined });
    const seen = json<(Entry & { unitEn: string })[]>(await dave.get(`/api/indicator-bank?collectiveId=${collective.id}&kind=outcome&text=nombre`));
    const unitOf = (id: string) => seen.find((e) => e.id === id)?.unitEn;
    expect([unitOf(named.id), unitOf(unnamed.id), unitOf(odd.id)]).toEqual(['kilograms', 'visits', 'bottes']);
    // The English unit can be removed again.
    const cleared = await alice.patch(`${url()}/${named.id}`, { unitEn: null });
    expect(json<{ unitEn?: string }>(cleared).unitEn).toBeUndefined();
  });

  it('filters by child-protection dimension, and lets a child-protection entry carry one', async () => {
    const search = async (qs: string) => json<(Entry & { sector: string; childProtectionDimension?: string })[]>(await dave.get(`/api/indicator-bank?collectiveId=${collective.id}&${qs}`));
    const own = await create('Part des enfants qui ont un adulte de confiance au jardin', { sector: 'child_protection', childProtectionDimension: 'social_ties_resource_person' });
    expect(own).toMatchObject({ sector: 'child_protection', childProtectionDimension: 'social_ties_resource_person' });

    const ties = await search('childProtectionDimension=social_ties_resource_person');
    expect(ties[0]).toMatchObject({ id: own.id, source: 'collective' });
    expect(ties.filter((e) => e.source === 'socle').length).toBe(INDICATOR_BANK.filter((e) => e.childProtectionDimension === 'social_ties_resource_person').length);
    expect(ties.every((e) => e.sector === 'child_protection' && e.childProtectionDimension === 'social_ties_resource_person')).toBe(true);
    const autonomy = await search('sector=child_protection&childProtectionDimension=autonomy');
    expect(autonomy.length).toBeGreaterThanOrEqual(2);
    expect(autonomy.some((e) => e.id === own.id)).toBe(false);
    expect((await dave.get('/api/indicator-bank?childProtectionDimension=moods')).statusCode).toBe(400);

    // A dimension belongs to child protection only.
    const stray = await alice.post(url(), entry('Part des adultes du jardin', { code: undefined, sector: 'ageing_well', childProtectionDimension: 'autonomy' }));
    expect(stray.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(stray).errors.some((e) => e.field.includes('childProtectionDimension'))).toBe(true);
    const moved = await alice.patch(`${url()}/${own.id}`, { sector: 'cross_cutting' });
    expect(moved.statusCode).toBe(400);
    expect(json<{ code: string }>(moved).code).toBe('invalid_bank_entry');
    const both = await alice.patch(`${url()}/${own.id}`, { sector: 'cross_cutting', childProtectionDimension: null });
    expect(both.statusCode, both.body).toBe(200);
    expect(json<{ childProtectionDimension?: string }>(both).childProtectionDimension).toBeUndefined();
  });
});

describe('changing a collective’s settings', () => {
  it('turns two coordinators changing the decision rule at once into a clear conflict (If-Match)', async () => {
    const read = json<{ revision: number; decisionRule: string }>(await alice.get(`/api/collectives/${collective.id}`));
    const first = await alice.request('PATCH', `/api/collectives/${collective.id}`, { decisionRule: 'majority' }, { 'if-match': `"${read.revision}"` });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<{ revision: number; decisionRule: string }>(first)).toMatchObject({ revision: read.revision + 1, decisionRule: 'majority' });
    const second = await alice.request('PATCH', `/api/collectives/${collective.id}`, { quorumPercent: 80 }, { 'if-match': `"${read.revision}"` });
    expect(second.statusCode).toBe(409);
    expect(json<{ code: string; detail: string }>(second)).toMatchObject({ code: 'edit_conflict' });
    expect(json<{ detail: string }>(second).detail).toContain('Quelqu’un a modifié ce collectif');
    const now = json<{ quorumPercent: number; revision: number }>(await alice.get(`/api/collectives/${collective.id}`));
    expect(now).toMatchObject({ quorumPercent: 50, revision: read.revision + 1 });
    // Only real changes reach the audit trail.
    const trail = json<{ action: string; detail: { changes?: { field: string }[] } }[]>(await alice.get(`/api/frameworks/${collective.commonFrameworkId}/audit`));
    expect(trail.filter((e) => e.action === 'collective.updated').map((e) => e.detail.changes?.map((c) => c.field))).toEqual([['decisionRule']]);
  });
});
