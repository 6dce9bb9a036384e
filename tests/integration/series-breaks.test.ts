import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addIndicator, adopt, createCampaign, createCollective, createOrganisation, createQuestionnaire, joinCollective, shareIndicator, submit, type CollectiveInfo, type OrgInfo } from '../support/factories.ts';

interface Result {
  code: string;
  value: number | null;
  n: number;
  otherDefinitionN: number;
  computation: { type: string; options?: string[] };
}
interface Results {
  frameworks: { scope: string; versionNumber: number | null; chosen: boolean }[];
  indicators: Result[];
}
interface Trend {
  currentSeries: number;
  series: { number: number; definitionKey: string; fromVersion: number | null }[];
  periods: string[];
  points: { period: string; series: number; value: number | null; n: number }[];
}

let t: TestApp;
let alice: Persona;
let bob: Persona;
let anonymous: Persona;
let head: OrgInfo;
let assoc: OrgInfo;
let collective: CollectiveInfo;
let fwId: string;
let questionnaireId: string;
let oldQuestionId: string;
let campaignSlug: string;

const scale = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, labelFr: v }));
const question = (fw: string) => [{ type: 'single', labelFr: 'Comment allez-vous ?', options: scale, indicator: { frameworkId: fw, code: 'SAT' } }];
const sat = (r: Results) => r.indicators.find((i) => i.code === 'SAT')!;
const orgResults = async (period: string) => json<Results>(await bob.get(`/api/organisations/${assoc.id}/results?period=${period}`));
const orgTrend = async () => json<Trend>(await bob.get(`/api/organisations/${assoc.id}/trend?frameworkId=${fwId}&code=SAT`));

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  anonymous = await signUp(t.app, 'Anonyme');
  head = await createOrganisation(alice, 'Tête de réseau séries');
  assoc = await createOrganisation(bob, 'Association séries');
  collective = await createCollective(alice, head.id, 'Collectif séries');
  fwId = collective.commonFrameworkId;
  // Not on the COPIL: the coordinator alone adopts.
  await joinCollective(alice, collective.id, bob, assoc);
  await addIndicator(alice, fwId, shareIndicator('SAT', ['4', '5']));
  await adopt(alice, fwId);
  const q = await createQuestionnaire(bob, assoc.id, question(fwId));
  questionnaireId = q.id;
  oldQuestionId = q.questions[0]!.id;
  const campaign = await createCampaign(bob, assoc.id, q.id, '2025');
  campaignSlug = campaign.slug;
  for (const v of ['5', '5', '4', '3', '2', '1']) expect((await submit(anonymous, campaign.slug, { [oldQuestionId]: v })).statusCode).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

describe('series breaks', () => {
  it('pools the answers under the definition they were collected for', async () => {
    const r = sat(await orgResults('2025'));
    expect(r).toMatchObject({ n: 6, value: 0.5, otherDefinitionN: 0 });
  });

  it('never mixes answers collected under another definition into a new version’s figure', async () => {
    const fw = json<{ adopted: { indicators: { id: string }[] } }>(await alice.get(`/api/frameworks/${fwId}`));
    const edit = await alice.patch(`/api/frameworks/${fwId}/indicators/${fw.adopted.indicators[0]!.id}`, { computation: { type: 'share', options: ['5'] } });
    expect(edit.statusCode, edit.body).toBe(200);
    await adopt(alice, fwId);

    // The organisation has not chosen a version: it sees the latest, where its answers do not count.
    const latest = await orgResults('2025');
    expect(latest.frameworks[0]).toMatchObject({ scope: 'common', versionNumber: 2, chosen: false });
    expect(sat(latest)).toMatchObject({ n: 0, value: null, otherDefinitionN: 6, computation: { type: 'share', options: ['5'] } });
    const coll = json<Results>(await alice.get(`/api/collectives/${collective.id}/results?period=2025`));
    expect(sat(coll)).toMatchObject({ n: 0, otherDefinitionN: 6 });

    // Staying on version 1, its figures keep their meaning.
    const versions = json<{ choices: { id: string; number: number }[] }[]>(await bob.get(`/api/organisations/${assoc.id}/adoptions`));
    const v1 = versions[0]!.choices.find((v) => v.number === 1)!;
    expect((await bob.put(`/api/organisations/${assoc.id}/adoptions/${collective.id}`, { versionId: v1.id })).statusCode).toBe(200);
    const own = await orgResults('2025');
    expect(own.frameworks[0]).toMatchObject({ versionNumber: 1, chosen: true });
    expect(sat(own)).toMatchObject({ n: 6, value: 0.5, otherDefinitionN: 0 });
    // Its trend calls current the definition of the version it uses.
    expect((await orgTrend()).currentSeries).toBe(1);
  });

  it('edits a questionnaire that has answers as a new version; old answers keep their meaning', async () => {
    const v2 = json<{ choices: { id: string; number: number }[] }[]>(await bob.get(`/api/organisations/${assoc.id}/adoptions`))[0]!.choices.find((v) => v.number === 2)!;
    expect((await bob.put(`/api/organisations/${assoc.id}/adoptions/${collective.id}`, { versionId: v2.id })).statusCode).toBe(200);

    const res = await bob.put(`/api/organisations/${assoc.id}/questionnaires/${questionnaireId}`, { title: 'Questionnaire séries v2', questions: question(fwId) });
    expect(res.statusCode, res.body).toBe(200);
    const revised = json<{ id: string; version: number; previousId: string; newVersion: boolean; movedCampaigns: number; questions: { id: string }[] }>(res);
    expect(revised).toMatchObject({ version: 2, previousId: questionnaireId, newVersion: true, movedCampaigns: 1 });
    expect(revised.id).not.toBe(questionnaireId);

    const old = json<{ superseded: boolean; responseCount: number; questions: { id: string }[] }>(await bob.get(`/api/organisations/${assoc.id}/questionnaires/${questionnaireId}`));
    expect(old).toMatchObject({ superseded: true, responseCount: 6 });
    expect(old.questions[0]!.id).toBe(oldQuestionId);
    const again = await bob.put(`/api/organisations/${assoc.id}/questionnaires/${questionnaireId}`, { title: 'Encore', questions: question(fwId) });
    expect(again.statusCode).toBe(409);

    // The campaign now shows the new version; a form opened before still gets its answers kept.
    expect((await submit(anonymous, campaignSlug, { [oldQuestionId]: '5' })).statusCode).toBe(201);
    expect((await submit(anonymous, campaignSlug, { [revised.questions[0]!.id]: '5' })).statusCode).toBe(201);

    const campaign = await createCampaign(bob, assoc.id, revised.id, '2026');
    for (const v of ['5', '5', '5', '4', '1']) expect((await submit(anonymous, campaign.slug, { [revised.questions[0]!.id]: v })).statusCode).toBe(201);
    expect(sat(await orgResults('2026'))).toMatchObject({ n: 5, value: 0.6, otherDefinitionN: 0 });
    // In 2025: the one answer given under the new definition counts, the seven older ones do not.
    expect(sat(await orgResults('2025'))).toMatchObject({ n: 1, value: 1, otherDefinitionN: 7 });
  });

  it('draws one series per definition in the trend, so charts can show the break', async () => {
    const trend = await orgTrend();
    expect(trend.currentSeries).toBe(2);
    expect(trend.series.map((s) => [s.number, s.definitionKey, s.fromVersion])).toEqual([
      [1, 'share:4,5|', 1],
      [2, 'share:5|', 2],
    ]);
    expect(trend.periods).toEqual(['2025', '2026']);
    expect(trend.points).toEqual([
      expect.objectContaining({ period: '2025', series: 1, n: 7, value: 4 / 7 }),
      expect.objectContaining({ period: '2025', series: 2, n: 1, value: 1 }),
      expect.objectContaining({ period: '2026', series: 2, n: 5, value: 0.6 }),
    ]);
    expect((await anonymous.get(`/api/organisations/${assoc.id}/trend?frameworkId=${fwId}&code=SAT`)).statusCode).toBe(404);
    const coll = await alice.get(`/api/collectives/${collective.id}/trend?code=SAT`);
    expect(coll.statusCode, coll.body).toBe(200);
    // Inside the collective, cells resting on fewer than 5 answers are hidden.
    const points = json<Trend>(coll).points;
    expect(points.find((p) => p.period === '2025' && p.series === 2)).toMatchObject({ value: null, n: 1 });
  });

  it('keeps an answer from a form opened before a new version that adds a required question', async () => {
    const q = await createQuestionnaire(bob, assoc.id, [{ type: 'text', labelFr: 'Un mot ?' }], 'Formulaire ouvert');
    const campaign = await createCampaign(bob, assoc.id, q.id, '2026');
    expect((await submit(anonymous, campaign.slug, { [q.questions[0]!.id]: 'avant' })).statusCode).toBe(201);
    const v2 = await bob.put(`/api/organisations/${assoc.id}/questionnaires/${q.id}`, {
      title: 'Formulaire ouvert',
      questions: [
        { type: 'text', labelFr: 'Un mot ?' },
        { type: 'text', labelFr: 'Votre ville ?', required: true },
      ],
    });
    expect(json<{ newVersion: boolean }>(v2).newVersion).toBe(true);
    // The page was opened on version 1: its answer is kept against version 1.
    expect((await submit(anonymous, campaign.slug, { [q.questions[0]!.id]: 'pendant' })).statusCode).toBe(201);
    const old = json<{ responseCount: number }>(await bob.get(`/api/organisations/${assoc.id}/questionnaires/${q.id}`));
    expect(old.responseCount).toBe(2);
  });

  it('edits a questionnaire without answers in place', async () => {
    const q = await createQuestionnaire(bob, assoc.id, question(fwId), 'Sans réponse');
    const first = await bob.request('PUT', `/api/organisations/${assoc.id}/questionnaires/${q.id}`, { title: 'Première modification', questions: question(fwId) }, { 'if-match': '"0"' });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<{ revision: number }>(first).revision).toBe(1);
    // A second person who read revision 0 gets a conflict, not a silent overwrite.
    const second = await bob.request('PUT', `/api/organisations/${assoc.id}/questionnaires/${q.id}`, { title: 'Seconde modification', questions: question(fwId) }, { 'if-match': '"0"' });
    expect(second.statusCode).toBe(409);
    expect(json<{ code: string }>(second).code).toBe('edit_conflict');
    const res = await bob.put(`/api/organisations/${assoc.id}/questionnaires/${q.id}`, { title: 'Sans réponse (corrigé)', questions: question(fwId) });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ id: string; version: number; newVersion: boolean }>(res)).toMatchObject({ id: q.id, version: 1, newVersion: false });
  });
});

describe('series breaks from a change of computation type or of breakdowns', () => {
  let carol: Persona;
  let dora: Persona;
  let org: OrgInfo;
  let fw: string;
  let collectiveId: string;
  let note: string;
  let visits: string;
  let slug2025: string;
  let questionnaire: { id: string; questions: unknown[] };

  const results = async (period: string) => json<Results>(await dora.get(`/api/organisations/${org.id}/results?period=${period}`)).indicators;
  const pick = (list: Result[], code: string) => list.find((i) => i.code === code)!;
  const trend = async (code: string) => json<Trend>(await dora.get(`/api/organisations/${org.id}/trend?frameworkId=${fw}&code=${code}`));

  beforeAll(async () => {
    carol = await signUp(t.app, 'Carol');
    dora = await signUp(t.app, 'Dora');
    const head2 = await createOrganisation(carol, 'Tête de réseau ruptures');
    org = await createOrganisation(dora, 'Association ruptures');
    const c = await createCollective(carol, head2.id, 'Collectif ruptures');
    collectiveId = c.id;
    fw = c.commonFrameworkId;
    await joinCollective(carol, c.id, dora, org);
    await addIndicator(carol, fw, { code: 'NOTE', labelFr: 'Heures par personne', kind: 'outcome', stakeholderGroup: 'people_supported', computation: { type: 'mean' } });
    await addIndicator(carol, fw, { ...shareIndicator('VISITE', ['oui']), disaggregations: ['sexe'] });
    await adopt(carol, fw);
    const questions = [
      { type: 'number', labelFr: 'Combien d’heures ?', min: 0, max: 100, indicator: { frameworkId: fw, code: 'NOTE' } },
      { type: 'single', labelFr: 'Êtes-vous venu ?', options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }], indicator: { frameworkId: fw, code: 'VISITE' } },
    ];
    const q = await createQuestionnaire(dora, org.id, questions, 'Questionnaire ruptures');
    questionnaire = { id: q.id, questions };
    [note, visits] = q.questions.map((x) => x.id) as [string, string];
    slug2025 = (await createCampaign(dora, org.id, q.id, '2025')).slug;
    for (const [hours, came] of [[2, 'oui'], [4, 'oui'], [6, 'non']] as const) {
      expect((await submit(anonymous, slug2025, { [note]: hours, [visits]: came })).statusCode).toBe(201);
    }
  });

  it('computes version 1 from its answers', async () => {
    const list = await results('2025');
    expect(pick(list, 'NOTE')).toMatchObject({ n: 3, value: 4, otherDefinitionN: 0 });
    expect(pick(list, 'VISITE')).toMatchObject({ n: 3, value: 2 / 3, otherDefinitionN: 0 });
  });

  it('marks a break when the computation type or the breakdowns change, and never mixes the answers', async () => {
    const adopted = json<{ adopted: { id: string; indicators: { id: string; code: string }[] } }>(await carol.get(`/api/frameworks/${fw}`)).adopted;
    const id = (code: string) => adopted.indicators.find((i) => i.code === code)!.id;
    expect((await carol.patch(`/api/frameworks/${fw}/indicators/${id('NOTE')}`, { computation: { type: 'count' } })).statusCode).toBe(200);
    expect((await carol.patch(`/api/frameworks/${fw}/indicators/${id('VISITE')}`, { disaggregations: ['sexe', 'tranche_age'] })).statusCode).toBe(200);
    await adopt(carol, fw);

    const versions = json<{ versions: { id: string; number: number }[] }>(await carol.get(`/api/frameworks/${fw}`)).versions;
    const v = (n: number) => versions.find((x) => x.number === n)!.id;
    const diff = json<{ indicators: { changed: { code: string; seriesBreak: string[] }[] } }>(await carol.get(`/api/frameworks/${fw}/diff?from=${v(1)}&to=${v(2)}`));
    expect(diff.indicators.changed.map((c) => [c.code, c.seriesBreak])).toEqual([
      ['NOTE', ['computation']],
      ['VISITE', ['disaggregations']],
    ]);

    // Version 2 is the one the organisation sees: the 2025 answers were collected under version 1.
    const latest = await results('2025');
    // Nothing counted under the new definition yet (a count of none is 0).
    expect(pick(latest, 'NOTE')).toMatchObject({ n: 0, value: 0, otherDefinitionN: 3, computation: { type: 'count' } });
    expect(pick(latest, 'VISITE')).toMatchObject({ n: 0, value: null, otherDefinitionN: 3 });
    const coll = json<Results>(await carol.get(`/api/collectives/${collectiveId}/results?period=2025`)).indicators;
    expect(pick(coll, 'NOTE')).toMatchObject({ n: 0, otherDefinitionN: 3 });
    expect(pick(coll, 'VISITE')).toMatchObject({ n: 0, otherDefinitionN: 3 });

    // Answers keep the definition their questionnaire was built for: saved again, the
    // questionnaire becomes a new version, whose answers count under version 2 only.
    const revised = await dora.put(`/api/organisations/${org.id}/questionnaires/${questionnaire.id}`, { title: 'Questionnaire ruptures v2', questions: questionnaire.questions });
    expect(revised.statusCode, revised.body).toBe(200);
    const [note2, visits2] = json<{ newVersion: boolean; questions: { id: string }[] }>(revised).questions.map((x) => x.id) as [string, string];
    for (const [hours, came] of [[1, 'oui'], [2, 'non']] as const) {
      expect((await submit(anonymous, slug2025, { [note2]: hours, [visits2]: came })).statusCode).toBe(201);
    }
    const now = await results('2025');
    // A count of answers now, no longer a mean of hours.
    expect(pick(now, 'NOTE')).toMatchObject({ n: 2, value: 2, otherDefinitionN: 3 });
    expect(pick(now, 'VISITE')).toMatchObject({ n: 2, value: 0.5, otherDefinitionN: 3 });
  });

  it('draws one series per definition, so the trend chart shows each break', async () => {
    const notes = await trend('NOTE');
    expect(notes.series.map((s) => [s.number, s.definitionKey, s.fromVersion])).toEqual([
      [1, 'mean:|', 1],
      [2, 'count:|', 2],
    ]);
    expect(notes.points).toEqual([
      expect.objectContaining({ period: '2025', series: 1, n: 3, value: 4 }),
      expect.objectContaining({ period: '2025', series: 2, n: 2, value: 2 }),
    ]);
    const visitsTrend = await trend('VISITE');
    expect(visitsTrend.currentSeries).toBe(2);
    expect(visitsTrend.series.map((s) => [s.number, s.definitionKey, s.fromVersion])).toEqual([
      [1, 'share:oui|sexe', 1],
      [2, 'share:oui|sexe,tranche_age', 2],
    ]);
  });
});
