import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import {
  addIndicator,
  addOrganisationMember,
  adopt,
  createCampaign,
  createCollective,
  createCrosswalk,
  createOrganisation,
  createQuestionnaire,
  joinCollective,
  meanIndicator,
  shareIndicator,
  submit,
  type CollectiveInfo,
  type CrosswalkInfo,
  type OrgInfo,
  type QuestionnaireInfo,
} from '../support/factories.ts';

interface Result {
  code: string;
  value: number | null;
  n: number;
  suppressed: boolean;
  organisations: number;
  crosswalkOrganisations: number;
}
interface Results {
  indicators: Result[];
}
interface Problem {
  code: string;
  errors?: { field: string; code?: string }[];
}

let t: TestApp;
let alice: Persona; // admin of the coordinating organisation (A)
let bob: Persona; // admin of the member organisation (B)
let dan: Persona; // viewer of B
let chelsea: Persona; // outsider
let anonymous: Persona;
let orgA: OrgInfo;
let orgB: OrgInfo;
let outsider: OrgInfo;
let collective: CollectiveInfo;
let qA: QuestionnaireInfo;
let qB: QuestionnaireInfo;
let fw: string;

const agreeOptions = [
  { value: 'agree', labelFr: 'D’accord' },
  { value: 'disagree', labelFr: 'Pas d’accord' },
];
const yesNo = [
  { value: 'oui', labelFr: 'Oui' },
  { value: 'non', labelFr: 'Non' },
  { value: 'nsp', labelFr: 'Ne sait pas' },
];
const cuts = { type: 'cut_points', cuts: [2, 4, 6, 8], targetMin: 1 };
const yesToAgree = { type: 'option_map', map: { oui: 'agree', non: '-', nsp: null } };

const collectiveResults = async () => json<Results>(await alice.get(`/api/collectives/${collective.id}/results?period=2026`)).indicators;
const organisationResults = async (p: Persona, org: OrgInfo) => json<Results>(await p.get(`/api/organisations/${org.id}/results?period=2026`)).indicators;
const find = (list: Result[], code: string) => list.find((r) => r.code === code)!;

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  dan = await signUp(t.app, 'Dan');
  chelsea = await signUp(t.app, 'Chelsea');
  anonymous = await signUp(t.app, 'Anonyme');
  anonymous.cookie = null;
  orgA = await createOrganisation(alice, 'Tête de réseau');
  orgB = await createOrganisation(bob, 'Association B');
  outsider = await createOrganisation(chelsea, 'Dehors');
  await addOrganisationMember(bob, orgB.id, dan, 'viewer');
  collective = await createCollective(alice, orgA.id, 'Collectif correspondances', { suppressionThreshold: 2 });
  await joinCollective(alice, collective.id, bob, orgB);
  fw = collective.commonFrameworkId;
  await addIndicator(alice, fw, meanIndicator('SAT'));
  await addIndicator(alice, fw, shareIndicator('ACCORD', ['agree']));
  await addIndicator(alice, fw, meanIndicator('DUREE'));
  await adopt(alice, fw);

  // A answers the common questions directly.
  qA = await createQuestionnaire(alice, orgA.id, [
    { type: 'scale', labelFr: 'Satisfaction, de 1 à 5', min: 1, max: 5, indicator: { frameworkId: fw, code: 'SAT' } },
    { type: 'single', labelFr: 'Êtes-vous d’accord ?', options: agreeOptions, indicator: { frameworkId: fw, code: 'ACCORD' } },
  ]);
  const campaignA = await createCampaign(alice, orgA.id, qA.id, '2026');
  for (const [sat, accord] of [
    [4, 'agree'],
    [5, 'disagree'],
    [3, null],
  ] as const) {
    const answers: Record<string, unknown> = { [qA.questions[0]!.id]: sat };
    if (accord) answers[qA.questions[1]!.id] = accord;
    expect((await submit(anonymous, campaignA.slug, answers)).statusCode).toBe(201);
  }

  // B measures its own way: 0–10, yes/no, minutes; plus hours answered directly.
  qB = await createQuestionnaire(bob, orgB.id, [
    { type: 'scale', labelFr: 'Note de 0 à 10', min: 0, max: 10 },
    { type: 'single', labelFr: 'Satisfait ?', options: yesNo },
    { type: 'number', labelFr: 'Minutes d’accompagnement', min: 0, max: 6000 },
    { type: 'number', labelFr: 'Heures d’accompagnement', min: 0, max: 100, indicator: { frameworkId: fw, code: 'DUREE' } },
    { type: 'text', labelFr: 'Un mot ?' },
  ]);
  const campaignB = await createCampaign(bob, orgB.id, qB.id, '2026');
  const [score, yes, minutes, hours] = qB.questions.map((q) => q.id);
  for (const [s, y, m, h] of [
    [10, 'oui', 90, 2],
    [2, 'oui', 30, null],
    [5, 'non', null, null],
    [8, 'nsp', null, null],
  ] as const) {
    const answers: Record<string, unknown> = { [score!]: s, [yes!]: y };
    if (m !== null) answers[minutes!] = m;
    if (h !== null) answers[hours!] = h;
    expect((await submit(anonymous, campaignB.slug, answers)).statusCode).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('crosswalks', () => {
  let satCrosswalk: CrosswalkInfo;

  it('before any crosswalk, the collective figure rests on A alone', async () => {
    const sat = find(await collectiveResults(), 'SAT');
    expect(sat).toMatchObject({ n: 3, organisations: 1, crosswalkOrganisations: 0 });
  });

  it('previews a rule on the organisation’s existing answers without saving it', async () => {
    const res = await bob.post(`/api/organisations/${orgB.id}/crosswalks/preview`, { questionId: qB.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts });
    expect(res.statusCode, res.body).toBe(200);
    const preview = json<{ rows: { source: { num: number }; target: { num: number } | null; count: number }[]; n: number; value: number; notCounted: number }>(res);
    expect(preview.rows.map((r) => [r.source.num, r.target?.num, r.count])).toEqual([
      [2, 1, 1],
      [5, 3, 1],
      [8, 4, 1],
      [10, 5, 1],
    ]);
    expect(preview.n).toBe(4);
    expect(preview.notCounted).toBe(0);
    expect(preview.value).toBeCloseTo(13 / 4, 12);
    expect(json<unknown[]>(await bob.get(`/api/organisations/${orgB.id}/crosswalks`))).toEqual([]);
    // A period without answers previews nothing.
    const empty = await bob.post(`/api/organisations/${orgB.id}/crosswalks/preview`, { questionId: qB.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts, period: '2025' });
    expect(json<{ rows: unknown[]; n: number; value: number | null }>(empty)).toMatchObject({ rows: [], n: 0, value: null });
  });

  it('maps B’s 0–10 question onto the common 1–5 indicator: collective results include it', async () => {
    satCrosswalk = await createCrosswalk(bob, orgB.id, { questionId: qB.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts });
    expect(satCrosswalk.revision).toBe(1);
    const sat = find(await collectiveResults(), 'SAT');
    // A: 4, 5, 3 → 12. B: 10→5, 2→1 (a cut belongs to the lower class), 5→3, 8→4 → 13.
    expect(sat).toMatchObject({ n: 7, organisations: 2, crosswalkOrganisations: 1, suppressed: false });
    expect(sat.value).toBeCloseTo(25 / 7, 12);
    // B's own results include it too.
    expect(find(await organisationResults(bob, orgB), 'SAT')).toMatchObject({ n: 4, organisations: 1, crosswalkOrganisations: 1, value: 13 / 4 });
  });

  it('maps yes/no onto the common "agree" set: "non" counts outside the set, "nsp" not at all', async () => {
    await createCrosswalk(bob, orgB.id, { questionId: qB.questions[1]!.id, frameworkId: fw, indicatorCode: 'ACCORD', rule: yesToAgree });
    const accord = find(await collectiveResults(), 'ACCORD');
    // A: agree, disagree (1 of 2). B: oui, oui, non (2 of 3); nsp left out.
    expect(accord).toMatchObject({ n: 5, organisations: 2, crosswalkOrganisations: 1 });
    expect(accord.value).toBeCloseTo(3 / 5, 12);
  });

  it('refuses a crosswalk onto an indicator another question of the same questionnaire feeds: the same people would count twice', async () => {
    const res = await bob.post(`/api/organisations/${orgB.id}/crosswalks`, { questionId: qB.questions[2]!.id, frameworkId: fw, indicatorCode: 'DUREE', rule: { type: 'linear', factor: 1, divisor: 60 } });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).code).toBe('indicator_already_in_questionnaire');
  });

  it('counts both the direct answers and the crosswalked ones of an organisation, which still counts once', async () => {
    // Minutes from another survey (other people), mapped onto the hours indicator.
    const other = await createQuestionnaire(bob, orgB.id, [{ type: 'number', labelFr: 'Minutes d’accompagnement (autre enquête)', min: 0, max: 6000 }]);
    const campaign = await createCampaign(bob, orgB.id, other.id, '2026');
    for (const m of [90, 30]) expect((await submit(anonymous, campaign.slug, { [other.questions[0]!.id]: m })).statusCode).toBe(201);
    await createCrosswalk(bob, orgB.id, { questionId: other.questions[0]!.id, frameworkId: fw, indicatorCode: 'DUREE', rule: { type: 'linear', factor: 1, divisor: 60 } });
    const duree = find(await collectiveResults(), 'DUREE');
    // Hours answered directly: 2. Minutes converted: 90 → 1.5, 30 → 0.5.
    expect(duree).toMatchObject({ n: 3, organisations: 1, crosswalkOrganisations: 1 });
    expect(duree.value).toBeCloseTo(4 / 3, 12);
  });

  it('lists the organisation’s crosswalks with the question and indicator', async () => {
    const list = json<{ questionLabel: string; indicatorCode: string; indicatorLabel: string; collectiveName: string; rule: { type: string } }[]>(await dan.get(`/api/organisations/${orgB.id}/crosswalks`));
    expect(list.map((c) => c.indicatorCode).sort()).toEqual(['ACCORD', 'DUREE', 'SAT']);
    expect(list.find((c) => c.indicatorCode === 'SAT')).toMatchObject({ questionLabel: 'Note de 0 à 10', indicatorLabel: 'Moyenne SAT', collectiveName: 'Collectif correspondances', rule: { type: 'cut_points' } });
  });

  it('updates a rule with the revision it read and refuses a stale one (409)', async () => {
    const url = `/api/organisations/${orgB.id}/crosswalks/${satCrosswalk.id}`;
    const ok = await bob.put(url, { revision: 1, rule: { type: 'cut_points', cuts: [1, 3, 5, 7], targetMin: 1 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<{ revision: number }>(ok).revision).toBe(2);
    const stale = await bob.put(url, { revision: 1, rule: cuts });
    expect(stale.statusCode).toBe(409);
    expect(json<Problem>(stale).code).toBe('stale_revision');
    // 10→5, 2→2, 5→3, 8→5 = 15 with the new cuts.
    expect(find(await collectiveResults(), 'SAT').value).toBeCloseTo((12 + 15) / 7, 12);
    expect((await bob.put(url, { revision: 2, rule: cuts })).statusCode).toBe(200);
  });

  it('refuses a second crosswalk from the same question to the same indicator (409)', async () => {
    const res = await bob.post(`/api/organisations/${orgB.id}/crosswalks`, { questionId: qB.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts });
    expect(res.statusCode).toBe(409);
    expect(json<Problem>(res).code).toBe('crosswalk_exists');
  });

  it.each([
    ['non-ascending cut points', 0, 'SAT', { type: 'cut_points', cuts: [2, 6, 4] }, 'body.rule.cuts'],
    ['a cut point at the top of the scale', 0, 'SAT', { type: 'cut_points', cuts: [2, 10] }, 'body.rule.cuts.1'],
    ['cut points on a choice question', 1, 'SAT', { type: 'cut_points', cuts: [2] }, 'body.rule.type'],
    ['an option outside the common set', 1, 'ACCORD', { type: 'option_map', map: { oui: 'agree', non: 'disagree' } }, 'body.rule.map.non'],
    ['an empty option map', 1, 'ACCORD', { type: 'option_map', map: {} }, 'body.rule.map'],
    ['a factor of 0', 2, 'DUREE', { type: 'linear', factor: 0 }, 'body.rule.factor'],
    ['a text question', 4, 'SAT', { type: 'linear', factor: 1 }, 'body.questionId'],
    ['a question already tied to the indicator', 3, 'DUREE', { type: 'linear', factor: 1 }, 'body.questionId'],
    ['an indicator not in the adopted version', 0, 'NOPE', cuts, 'body.indicatorCode'],
  ])('refuses %s (400, naming the field)', async (_label, question, code, rule, field) => {
    for (const path of ['', '/preview']) {
      const res = await bob.post(`/api/organisations/${orgB.id}/crosswalks${path}`, { questionId: qB.questions[question]!.id, frameworkId: fw, indicatorCode: code, rule });
      expect(res.statusCode, res.body).toBe(400);
      expect(json<Problem>(res).errors?.map((e) => e.field)).toContain(field);
    }
  });

  it('refuses an update whose rule does not fit (400)', async () => {
    const res = await bob.put(`/api/organisations/${orgB.id}/crosswalks/${satCrosswalk.id}`, { revision: 3, rule: { type: 'cut_points', cuts: [] } });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).errors?.map((e) => e.field)).toEqual(['body.rule.cuts']);
  });

  it('refuses a framework that is not the common framework of the organisation’s collectives', async () => {
    await addIndicator(bob, orgB.specificFrameworkId, meanIndicator('PROPRE'));
    await adopt(bob, orgB.specificFrameworkId);
    const res = await bob.post(`/api/organisations/${orgB.id}/crosswalks`, { questionId: qB.questions[0]!.id, frameworkId: orgB.specificFrameworkId, indicatorCode: 'PROPRE', rule: cuts });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).errors?.map((e) => e.field)).toEqual(['body.frameworkId']);
    // An organisation outside the collective cannot map onto its framework either.
    const own = await createQuestionnaire(chelsea, outsider.id, [{ type: 'scale', labelFr: 'Note', min: 0, max: 10 }]);
    const out = await chelsea.post(`/api/organisations/${outsider.id}/crosswalks`, { questionId: own.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts });
    expect(out.statusCode).toBe(400);
    expect(json<Problem>(out).code).toBe('not_a_common_framework');
  });

  it('lets an organisation map only its own questions (another organisation’s question: 404)', async () => {
    const res = await bob.post(`/api/organisations/${orgB.id}/crosswalks`, { questionId: qA.questions[0]!.id, frameworkId: fw, indicatorCode: 'ACCORD', rule: cuts });
    expect(res.statusCode).toBe(404);
    expect(json<Problem>(res).code).toBe('question_not_found');
  });

  it('hides an organisation’s crosswalks from outsiders and other members of the collective (404)', async () => {
    const url = `/api/organisations/${orgB.id}/crosswalks`;
    for (const p of [chelsea, alice]) {
      expect((await p.get(url)).statusCode).toBe(404);
      expect((await p.post(url, { questionId: qB.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts })).statusCode).toBe(404);
      expect((await p.post(`${url}/preview`, { questionId: qB.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts })).statusCode).toBe(404);
      expect((await p.put(`${url}/${satCrosswalk.id}`, { revision: 3, rule: cuts })).statusCode).toBe(404);
      expect((await p.delete(`${url}/${satCrosswalk.id}`)).statusCode).toBe(404);
    }
    // Through its own organisation's path, A does not reach B's crosswalk either.
    expect((await alice.put(`/api/organisations/${orgA.id}/crosswalks/${satCrosswalk.id}`, { revision: 3, rule: cuts })).statusCode).toBe(404);
    expect((await alice.delete(`/api/organisations/${orgA.id}/crosswalks/${satCrosswalk.id}`)).statusCode).toBe(404);
    expect(json<unknown[]>(await alice.get(`/api/organisations/${orgA.id}/crosswalks`))).toEqual([]);
  });

  it('lets a viewer read the crosswalks but not change them (403)', async () => {
    const url = `/api/organisations/${orgB.id}/crosswalks`;
    expect((await dan.get(url)).statusCode).toBe(200);
    const body = { questionId: qB.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts };
    expect((await dan.post(url, body)).statusCode).toBe(403);
    expect((await dan.post(`${url}/preview`, body)).statusCode).toBe(403);
    expect((await dan.put(`${url}/${satCrosswalk.id}`, { revision: 3, rule: cuts })).statusCode).toBe(403);
    expect((await dan.delete(`${url}/${satCrosswalk.id}`)).statusCode).toBe(403);
  });

  it('takes B’s answers out of the collective figure once the crosswalk is deleted', async () => {
    const res = await bob.delete(`/api/organisations/${orgB.id}/crosswalks/${satCrosswalk.id}`);
    expect(res.statusCode).toBe(200);
    expect(find(await collectiveResults(), 'SAT')).toMatchObject({ n: 3, organisations: 1, crosswalkOrganisations: 0, value: 4 });
  });

  it('records each crosswalk’s creation, rule changes and removal in the organisation’s own audit trail', async () => {
    interface Event {
      action: string;
      userName: string;
      detail: { crosswalkId?: string; organisation?: string; commonFrameworkId?: string; code?: string; question?: string; ruleType?: string; changes?: { field: string; before: unknown; after: unknown }[] };
    }
    const trail = async (p: Persona, org: OrgInfo) => json<Event[]>(await p.get(`/api/organisations/${org.id}/audit?limit=200`));
    // A viewer of B reads it.
    const events = (await trail(dan, orgB)).filter((e) => e.detail.crosswalkId === satCrosswalk.id);
    // Newest first: removed, changed back (the stale and the refused updates left no trace), changed, created.
    expect(events.map((e) => `${e.userName}:${e.action}`)).toEqual(['Bob:crosswalk.deleted', 'Bob:crosswalk.updated', 'Bob:crosswalk.updated', 'Bob:crosswalk.created']);
    for (const e of events) expect(e.detail).toMatchObject({ organisation: 'Association B', commonFrameworkId: fw, code: 'SAT', question: 'Note de 0 à 10', ruleType: 'cut_points' });
    expect(events[2]!.detail.changes).toEqual([{ field: 'rule', before: cuts, after: { type: 'cut_points', cuts: [1, 3, 5, 7], targetMin: 1 } }]);
    expect(events[1]!.detail.changes).toEqual([{ field: 'rule', before: { type: 'cut_points', cuts: [1, 3, 5, 7], targetMin: 1 }, after: cuts }]);
    const created = (await trail(bob, orgB)).filter((e) => e.action === 'crosswalk.created');
    expect(created.map((e) => e.detail.code).sort()).toEqual(['ACCORD', 'DUREE', 'SAT']);
    // Only B sees its crosswalks: not the collective's coordinator, nor the common framework's trail.
    expect((await alice.get(`/api/organisations/${orgB.id}/audit`)).statusCode).toBe(404);
    expect((await chelsea.get(`/api/organisations/${orgB.id}/audit`)).statusCode).toBe(404);
    const common = json<Event[]>(await alice.get(`/api/frameworks/${fw}/audit?limit=1000`));
    expect(common.filter((e) => e.action.startsWith('crosswalk.'))).toEqual([]);
  });

  it('documents the routes in the OpenAPI description', async () => {
    const doc = json<{ paths: Record<string, Record<string, { operationId?: string }>> }>(await alice.get('/api/openapi.json'));
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids).toEqual(expect.arrayContaining(['listCrosswalks', 'createCrosswalk', 'updateCrosswalk', 'deleteCrosswalk', 'previewCrosswalk']));
  });

  it('keeps a crosswalk when its questionnaire is edited, and carries it to a new version of it', async () => {
    const q = await createQuestionnaire(bob, orgB.id, [{ type: 'scale', labelFr: 'Note de 0 à 10 (suivi)', min: 0, max: 10 }], 'Suivi');
    await createCrosswalk(bob, orgB.id, { questionId: q.questions[0]!.id, frameworkId: fw, indicatorCode: 'SAT', rule: cuts });
    const onSuivi = async () => json<{ questionLabel: string }[]>(await bob.get(`/api/organisations/${orgB.id}/crosswalks`)).filter((c) => c.questionLabel.startsWith('Note de 0 à 10 (suivi'));
    // Without answers: changed in place, the crosswalk stays.
    const edited = await bob.put(`/api/organisations/${orgB.id}/questionnaires/${q.id}`, { title: 'Suivi', questions: [{ type: 'scale', labelFr: 'Note de 0 à 10 (suivi, revue)', min: 0, max: 10 }] });
    expect(json<{ newVersion: boolean }>(edited).newVersion).toBe(false);
    expect(await onSuivi()).toHaveLength(1);
    // With answers: a new version, whose unchanged question keeps the crosswalk.
    const campaign = await createCampaign(bob, orgB.id, q.id, '2027');
    expect((await submit(anonymous, campaign.slug, { [q.questions[0]!.id]: 10 })).statusCode).toBe(201);
    const v2 = json<{ newVersion: boolean; questions: { id: string }[] }>(await bob.put(`/api/organisations/${orgB.id}/questionnaires/${q.id}`, { title: 'Suivi v2', questions: [{ type: 'scale', labelFr: 'Note de 0 à 10 (suivi, v2)', min: 0, max: 10 }] }));
    expect(v2.newVersion).toBe(true);
    expect(await onSuivi()).toHaveLength(2);
    expect((await submit(anonymous, campaign.slug, { [v2.questions[0]!.id]: 8 })).statusCode).toBe(201);
    const sat = json<{ indicators: { code: string; n: number; value: number | null }[] }>(await alice.get(`/api/collectives/${collective.id}/results?period=2027`)).indicators.find((i) => i.code === 'SAT')!;
    // 10 → 5 before the new version, 8 → 4 after it.
    expect(sat).toMatchObject({ n: 2, value: 4.5 });
  });

  it('gives trends the same figures as the dashboard, crosswalked answers included', async () => {
    const results = json<{ indicators: { code: string; n: number; value: number | null }[] }>(await alice.get(`/api/collectives/${collective.id}/results?period=2027`));
    const trend = json<{ points: { period: string; n: number; value: number | null }[] }>(await alice.get(`/api/collectives/${collective.id}/trend?code=SAT`));
    const card = results.indicators.find((i) => i.code === 'SAT')!;
    // 2027 rests on crosswalked answers only.
    expect(card.n).toBe(2);
    const point = trend.points.find((p) => p.period === '2027')!;
    expect(point.n).toBe(card.n);
    expect(point.value).toBeCloseTo(card.value!, 12);
  });
});
