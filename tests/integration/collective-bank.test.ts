import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { createCollective, createOrganisation, joinCollective, type CollectiveInfo, type OrgInfo } from '../support/factories.ts';

interface Entry {
  id: string;
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

  it('removes an entry from the bank; indicators already added stay', async () => {
    const garden = json<{ entries: Entry[] }>(await alice.get(url())).entries[0]!;
    expect((await carol.delete(`${url()}/${garden.id}`)).statusCode).toBe(200);
    expect((await carol.delete(`${url()}/${garden.id}`)).statusCode).toBe(404);
    expect(json<Entry[]>(await dave.get(`/api/indicator-bank?collectiveId=${collective.id}&text=jardinent`))).toEqual([]);
    const fw = json<{ draft: { indicators: { code: string }[] } }>(await alice.get(`/api/frameworks/${collective.commonFrameworkId}`));
    expect(fw.draft.indicators.map((i) => i.code)).toContain('COL-JARDIN');
  });
});
