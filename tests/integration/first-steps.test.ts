import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { createOrganisation, type OrgInfo } from '../support/factories.ts';

interface FirstSteps {
  revision: number;
  currentStep: number;
  completedSteps: number[];
  canEdit: boolean;
  mission: { statement: string; activities: { label: string; output: string }[] };
  stakeholders: { group: string; effects: { label: string }[] }[];
  plan: { populationServed: number | null }[];
  completeness: { step: number; complete: boolean; missing: { code: string; fr: string; en: string }[] }[];
  answersNeeded: number[];
  indicatorCount: number;
  suggestions: { entryId: string; added: boolean; stakeholderGroup: string }[];
  template: { kind: string; labelFr: string }[];
  updatedBy: string | null;
}
interface Framework {
  draft: { nodes: { id: string; kind: string; labelFr: string; parentId: string | null; stakeholderGroup: string | null }[] } | null;
}

let t: TestApp;
let alice: Persona;
let victor: Persona;
let oscar: Persona;
let org: OrgInfo;

const mission = {
  problem: 'Isolement et exclusion numérique des personnes âgées',
  public: 'Personnes de plus de 65 ans vivant seules',
  territory: 'Lyon 8e',
  statement: 'Les personnes âgées vivent chez elles en lien avec les autres',
  activities: [
    { label: 'Ateliers numériques', output: 'Des ateliers chaque semaine' },
    { label: 'Visites à domicile', output: '' },
  ],
  changesSought: ['Moins d’isolement'],
  values: 'La dignité',
};
const stakeholders = [
  {
    group: 'people_supported',
    description: 'Les participant·es',
    importance: 3,
    effects: [
      { label: 'Gagnent en autonomie numérique', direction: 'positive', intended: true },
      { label: 'Se sentent moins seules', direction: 'positive', intended: true },
      { label: 'Fatigue', direction: 'negative', intended: false },
    ],
  },
  { group: 'volunteers', description: '', importance: 2, effects: [{ label: 'Se sentent utiles', direction: 'positive', intended: true }] },
];

const url = () => `/api/organisations/${org.id}/first-steps`;

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  victor = await signUp(t.app, 'Victor');
  oscar = await signUp(t.app, 'Oscar');
  org = await createOrganisation(alice, 'Les Petits Frères du 8e');
  await createOrganisation(oscar, 'Autre association');
  const inv = await alice.post(`/api/organisations/${org.id}/invitations`, { role: 'viewer' });
  expect(inv.statusCode, inv.body).toBe(201);
  const accepted = await victor.post(`/api/invitations/${json<{ token: string }>(inv).token}/accept`);
  expect(accepted.statusCode, accepted.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('first steps', () => {
  it('starts empty at step 1 with what each step lacks', async () => {
    const res = await alice.get(url());
    expect(res.statusCode, res.body).toBe(200);
    const fs = json<FirstSteps>(res);
    expect(fs).toMatchObject({ revision: 0, currentStep: 1, completedSteps: [], canEdit: true, stakeholders: [], plan: [], suggestions: [], template: [] });
    expect(fs.completeness.map((s) => s.complete)).toEqual([false, false, false, false]);
    expect(fs.completeness[0]!.missing.map((m) => m.code)).toContain('mission.statement');
    expect(fs.completeness[0]!.missing[0]!.fr.length).toBeGreaterThan(3);
  });

  it('saves step 1, then step 2, and resumes where the person stopped', async () => {
    const first = await alice.put(url(), { revision: 0, mission, currentStep: 2 });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<FirstSteps>(first)).toMatchObject({ revision: 1, currentStep: 2, completedSteps: [1] });

    const second = await alice.put(url(), { revision: 1, stakeholders, currentStep: 2 });
    expect(second.statusCode, second.body).toBe(200);

    const again = json<FirstSteps>(await alice.get(url()));
    expect(again.revision).toBe(2);
    expect(again.currentStep).toBe(2);
    expect(again.completedSteps).toEqual([1, 2]);
    expect(again.mission.statement).toBe(mission.statement);
    expect(again.mission.activities).toEqual(mission.activities);
    expect(again.stakeholders.map((s) => s.group)).toEqual(['people_supported', 'volunteers']);
    expect(again.stakeholders[0]!.effects).toHaveLength(3);
    expect(again.updatedBy).not.toBeNull();
    // The map gives suggestions from the bank and a framework template.
    expect(again.suggestions.length).toBeGreaterThan(0);
    expect(again.suggestions[0]!.stakeholderGroup).toBe('people_supported');
    expect(again.template.filter((n) => n.kind === 'outcome').map((n) => n.labelFr)).toEqual([
      'Gagnent en autonomie numérique',
      'Se sentent moins seules',
      'Se sentent utiles',
    ]);
  });

  it('refuses a save over a stale revision with a clear message, and keeps the newer data', async () => {
    const res = await alice.put(url(), { revision: 1, mission: { ...mission, statement: 'Écrasé' } });
    expect(res.statusCode).toBe(409);
    const problem = json<{ code: string; detail: string; detailEn: string }>(res);
    expect(problem.code).toBe('first_steps_stale');
    expect(problem.detail).toContain('Rechargez la page');
    expect(problem.detailEn).toContain('Reload the page');
    expect(json<FirstSteps>(await alice.get(url())).mission.statement).toBe(mission.statement);
    // Creating again over an existing path is stale too.
    expect((await alice.put(url(), { revision: 0, currentStep: 1 })).statusCode).toBe(409);
  });

  it('computes the answers needed for each plan line', async () => {
    const plan = [
      { group: 'people_supported', respondents: 'Participant·es', period: 'Juin 2026', methods: ['paper', 'assisted'], populationServed: 200, targetAnswers: 70 },
      { group: 'volunteers', respondents: 'Bénévoles', period: '2026', methods: ['web_link'], populationServed: null, targetAnswers: null },
    ];
    const res = await alice.put(url(), { revision: 2, plan, currentStep: 4 });
    expect(res.statusCode, res.body).toBe(200);
    const fs = json<FirstSteps>(res);
    expect(fs.answersNeeded).toEqual([66, 97]);
    expect(fs.completeness.find((s) => s.step === 4)?.complete).toBe(true);
  });

  it('refuses bad input with the field at fault', async () => {
    const res = await alice.put(url(), { revision: 3, currentStep: 7 });
    expect(res.statusCode).toBe(400);
    const bad = await alice.put(url(), { revision: 3, stakeholders: [{ group: 'aliens', effects: [] }] });
    expect(bad.statusCode).toBe(400);
  });

  it('hides the path from outsiders and lets viewers read but not save', async () => {
    expect((await oscar.get(url())).statusCode).toBe(404);
    expect((await oscar.put(url(), { revision: 3 })).statusCode).toBe(404);
    expect((await oscar.post(`${url()}/apply-template`)).statusCode).toBe(404);
    const read = await victor.get(url());
    expect(read.statusCode).toBe(200);
    expect(json<FirstSteps>(read).canEdit).toBe(false);
    expect((await victor.put(url(), { revision: 3, currentStep: 1 })).statusCode).toBe(403);
    expect((await victor.post(`${url()}/apply-template`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
  });

  it('writes the template into the specific framework’s draft, once', async () => {
    const res = await alice.post(`${url()}/apply-template`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ created: number; skipped: number }>(res)).toEqual({ frameworkId: org.specificFrameworkId, created: 7, skipped: 0 });

    const fw = json<Framework>(await alice.get(`/api/frameworks/${org.specificFrameworkId}`));
    const nodes = fw.draft!.nodes;
    const byLabel = new Map(nodes.map((n) => [n.labelFr, n]));
    const impact = byLabel.get(mission.statement)!;
    expect(impact.kind).toBe('impact');
    expect(byLabel.get('Se sentent utiles')).toMatchObject({ kind: 'outcome', stakeholderGroup: 'volunteers', parentId: impact.id });
    const output = byLabel.get('Des ateliers chaque semaine')!;
    expect(output).toMatchObject({ kind: 'output', parentId: impact.id });
    expect(byLabel.get('Ateliers numériques')).toMatchObject({ kind: 'activity', parentId: output.id });
    expect(byLabel.get('Visites à domicile')).toMatchObject({ kind: 'activity', parentId: impact.id });

    const again = await alice.post(`${url()}/apply-template`);
    expect(json<{ created: number; skipped: number }>(again)).toMatchObject({ created: 0, skipped: 7 });
    expect(json<Framework>(await alice.get(`/api/frameworks/${org.specificFrameworkId}`)).draft!.nodes).toHaveLength(7);
  });

  it('marks a suggestion added once it is among the specific indicators, and step 3 complete', async () => {
    const before = json<FirstSteps>(await alice.get(url()));
    const pick = before.suggestions[0]!;
    expect(pick.added).toBe(false);
    const add = await alice.post(`/api/frameworks/${org.specificFrameworkId}/indicators/from-bank`, { entryId: pick.entryId });
    expect(add.statusCode, add.body).toBe(201);
    const after = json<FirstSteps>(await alice.get(url()));
    expect(after.suggestions.find((s) => s.entryId === pick.entryId)?.added).toBe(true);
    expect(after.indicatorCount).toBe(1);
    expect(after.completeness.find((s) => s.step === 3)?.complete).toBe(true);
  });

  it('keeps a half-written map: blank effects are saved but count for nothing', async () => {
    const fresh = await createOrganisation(alice, 'Association en cours');
    const res = await alice.put(`/api/organisations/${fresh.id}/first-steps`, {
      revision: 0,
      stakeholders: [{ group: 'families', effects: [{ label: '' }] }],
      currentStep: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    const fs = json<FirstSteps>(res);
    expect(fs.stakeholders).toEqual([{ group: 'families', description: '', importance: 2, effects: [{ label: '', direction: 'positive', intended: true }] }]);
    expect(fs.completeness[1]!.missing.map((m) => m.code)).toEqual(['stakeholders.0.effects', 'stakeholders.intended']);
    expect(fs.template).toEqual([]);
    expect(fs.completedSteps).toEqual([]);
  });
});
