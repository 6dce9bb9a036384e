import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import {
  addIndicator,
  adopt,
  createCampaign,
  createCollective,
  createOrganisation,
  createQuestionnaire,
  joinCollective,
  meanIndicator,
  shareIndicator,
  submit,
  sumIndicator,
  type CampaignInfo,
  type CollectiveInfo,
  type OrgInfo,
  type QuestionnaireInfo,
} from '../support/factories.ts';
import { wilsonInterval } from '../../src/domain/statistics.ts';

interface Result {
  code: string;
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
  suppressed: boolean;
  scope: string;
  organisations: number;
}
interface Results {
  period: string | null;
  periods: string[];
  indicators: Result[];
}

let t: TestApp;
let alice: Persona;
let bob: Persona;
let chelsea: Persona;
let anonymous: Persona;
let head: OrgInfo;
let assoc: OrgInfo;
let outsider: OrgInfo;
let collective: CollectiveInfo;

const yesNo = [
  { value: 'oui', labelFr: 'Oui' },
  { value: 'non', labelFr: 'Non' },
];

function questionsFor(fw: string, specificFw?: string) {
  return [
    { type: 'single', labelFr: 'Avez-vous confiance en vous ?', required: true, options: yesNo, indicator: { frameworkId: fw, code: 'CONF' } },
    { type: 'scale', labelFr: 'Votre bien-être, de 1 à 5', required: false, indicator: { frameworkId: fw, code: 'BIEN' } },
    { type: 'multiple', labelFr: 'Quelles démarches ?', options: [{ value: 'caf', labelFr: 'CAF' }, { value: 'cpam', labelFr: 'CPAM' }, { value: 'aucune', labelFr: 'Aucune' }], indicator: { frameworkId: fw, code: 'DROITS' } },
    { type: 'number', labelFr: 'Âge', min: 16, max: 110 },
    { type: 'text', labelFr: 'Un mot ?' },
    ...(specificFw ? [{ type: 'single', labelFr: 'Logement stable ?', options: yesNo, indicator: { frameworkId: specificFw, code: 'LOG' } }] : []),
  ];
}

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  chelsea = await signUp(t.app, 'Chelsea');
  anonymous = await signUp(t.app, 'Anonyme');
  anonymous.cookie = null;
  head = await createOrganisation(alice, 'Tête de réseau');
  assoc = await createOrganisation(bob, 'Association membre');
  outsider = await createOrganisation(chelsea, 'Dehors');
  collective = await createCollective(alice, head.id);
  await joinCollective(alice, collective.id, bob, assoc);
  const fw = collective.commonFrameworkId;
  await addIndicator(alice, fw, shareIndicator('CONF', ['oui']));
  await addIndicator(alice, fw, meanIndicator('BIEN'));
  await addIndicator(alice, fw, shareIndicator('DROITS', ['caf', 'cpam']));
  await addIndicator(alice, fw, sumIndicator('ACCOMP'));
  await adopt(alice, fw);
  await addIndicator(bob, assoc.specificFrameworkId, shareIndicator('LOG', ['oui']));
  await adopt(bob, assoc.specificFrameworkId);
});
afterAll(async () => {
  await t?.close();
});

describe('questionnaires and campaigns', () => {
  let q: QuestionnaireInfo;
  let campaign: CampaignInfo;

  it('builds a questionnaire tied to common and specific indicators and opens a campaign with a public link', async () => {
    q = await createQuestionnaire(bob, assoc.id, questionsFor(collective.commonFrameworkId, assoc.specificFrameworkId));
    expect(q.questions).toHaveLength(6);
    campaign = await createCampaign(bob, assoc.id, q.id, '2026', 300);
    expect(campaign.publicPath).toBe(`/r/${campaign.slug}`);
    const list = json<{ id: string; responseCount: number }[]>(await bob.get(`/api/organisations/${assoc.id}/campaigns`));
    expect(list).toEqual([expect.objectContaining({ id: campaign.id, responseCount: 0 })]);
  });

  it.each([
    ['a choice question without choices', [{ type: 'single', labelFr: 'Vide ?', options: [] }], 'body.questions.0.options'],
    ['a share indicator on a number question', [{ type: 'number', labelFr: 'Nombre ?', indicator: { frameworkId: 'FW', code: 'CONF' } }], 'body.questions.0.indicator'],
    ['a share indicator without its options', [{ type: 'single', labelFr: 'Confiance ?', options: [{ value: 'a', labelFr: 'A' }, { value: 'b', labelFr: 'B' }], indicator: { frameworkId: 'FW', code: 'CONF' } }], 'body.questions.0.options'],
    ['an activity indicator', [{ type: 'number', labelFr: 'Combien ?', indicator: { frameworkId: 'FW', code: 'ACCOMP' } }], 'body.questions.0.indicator'],
    ['an unknown indicator', [{ type: 'scale', labelFr: 'Note ?', indicator: { frameworkId: 'FW', code: 'NOPE' } }], 'body.questions.0.indicator'],
  ])('refuses %s, naming the field', async (_label, questions, field) => {
    const body: unknown = JSON.parse(JSON.stringify(questions).replaceAll('"FW"', JSON.stringify(collective.commonFrameworkId)));
    const res = await bob.post(`/api/organisations/${assoc.id}/questionnaires`, { title: 'Mauvais', questions: body });
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(res).errors.map((e) => e.field)).toContain(field);
  });

  it('does not let an outsider tie questions to a collective’s indicators or touch another organisation', async () => {
    const res = await chelsea.post(`/api/organisations/${outsider.id}/questionnaires`, { title: 'Copie', questions: questionsFor(collective.commonFrameworkId) });
    expect(res.statusCode).toBe(400);
    expect((await chelsea.get(`/api/organisations/${assoc.id}/campaigns`)).statusCode).toBe(404);
    expect((await chelsea.post(`/api/organisations/${assoc.id}/campaigns`, { name: 'Xx', questionnaireId: q.id, period: '2026' })).statusCode).toBe(404);
    const own = await createQuestionnaire(chelsea, outsider.id, [{ type: 'text', labelFr: 'Libre' }]);
    // Another organisation's questionnaire id is refused in one's own campaign.
    expect((await chelsea.post(`/api/organisations/${outsider.id}/campaigns`, { name: 'Xx', questionnaireId: q.id, period: '2026' })).statusCode).toBe(400);
    expect((await chelsea.post(`/api/organisations/${outsider.id}/campaigns`, { name: 'Xx', questionnaireId: own.id, period: '2026' })).statusCode).toBe(201);
  });

  it('stores one response per client id, however often it is sent', async () => {
    const [conf] = q.questions;
    const clientId = crypto.randomUUID();
    const first = await submit(anonymous, campaign.slug, { [conf!.id]: 'oui' }, clientId);
    expect(first.statusCode).toBe(201);
    const second = await submit(anonymous, campaign.slug, { [conf!.id]: 'oui' }, clientId);
    expect(second.statusCode).toBe(200);
    expect(json<{ duplicate: boolean; responseId: string }>(second)).toEqual({ duplicate: true, responseId: json<{ responseId: string }>(first).responseId });
    const list = json<{ responseCount: number }[]>(await bob.get(`/api/organisations/${assoc.id}/campaigns`));
    expect(list[0]?.responseCount).toBe(1);
  });

  it.each([
    ['a missing required answer', () => ({}), 'required'],
    ['an unknown option', () => ({ [q.questions[0]!.id]: 'peut-etre' }), 'unknown_option'],
    ['a scale out of range', () => ({ [q.questions[0]!.id]: 'oui', [q.questions[1]!.id]: 9 }), 'out_of_range'],
    ['a number that is text', () => ({ [q.questions[0]!.id]: 'oui', [q.questions[3]!.id]: 'vieux' }), 'not_a_number'],
    ['an unknown question', () => ({ [q.questions[0]!.id]: 'oui', [crypto.randomUUID()]: 'x' }), 'unknown_question'],
  ])('refuses %s and stores nothing', async (_label, answers, code) => {
    const before = json<{ responseCount: number }[]>(await bob.get(`/api/organisations/${assoc.id}/campaigns`))[0]!.responseCount;
    const res = await submit(anonymous, campaign.slug, answers());
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(json<{ errors: { code: string }[] }>(res).errors.map((e) => e.code)).toContain(code);
    const after = json<{ responseCount: number }[]>(await bob.get(`/api/organisations/${assoc.id}/campaigns`))[0]!.responseCount;
    expect(after).toBe(before);
  });

  it.each([
    ['extra top-level fields', { clientId: crypto.randomUUID(), answers: {}, admin: true }],
    ['a client id that is not a UUID', { clientId: '42', answers: {} }],
    ['answers that are not an object', { clientId: crypto.randomUUID(), answers: 'oui' }],
  ])('refuses %s with a 400', async (_label, body) => {
    const res = await anonymous.request('POST', `/api/public/campaigns/${campaign.slug}/responses`, body);
    expect(res.statusCode).toBe(400);
  });

  it('refuses a body beyond a sane size with a 413', async () => {
    const huge = { clientId: crypto.randomUUID(), answers: { [q.questions[4]!.id]: 'x'.repeat(300 * 1024) } };
    const res = await anonymous.request('POST', `/api/public/campaigns/${campaign.slug}/responses`, huge);
    expect(res.statusCode).toBe(413);
  });

  it('answers 404 for an unknown campaign and 409 for a closed one', async () => {
    expect((await submit(anonymous, 'nope-nope', {})).statusCode).toBe(404);
    const closed = await createCampaign(bob, assoc.id, q.id, '2025');
    expect((await bob.patch(`/api/organisations/${assoc.id}/campaigns/${closed.id}`, { status: 'closed' })).statusCode).toBe(200);
    expect((await submit(anonymous, closed.slug, { [q.questions[0]!.id]: 'oui' })).statusCode).toBe(409);
  });
});

describe('results', () => {
  let campaign: CampaignInfo;
  let q: QuestionnaireInfo;
  let q2: QuestionnaireInfo;
  let c2: CampaignInfo;

  beforeAll(async () => {
    // A second association with its own answers, so that the collective pools two members.
    const dora = await signUp(t.app, 'Dora');
    const second = await createOrganisation(dora, 'Deuxième association');
    await joinCollective(alice, collective.id, dora, second);
    q2 = await createQuestionnaire(dora, second.id, questionsFor(collective.commonFrameworkId));
    c2 = await createCampaign(dora, second.id, q2.id, '2026');
    for (const conf of ['oui', 'oui', 'non']) {
      expect((await submit(anonymous, c2.slug, { [q2.questions[0]!.id]: conf, [q2.questions[1]!.id]: 5 })).statusCode).toBe(201);
    }
    q = json<QuestionnaireInfo[]>(await bob.get(`/api/organisations/${assoc.id}/questionnaires`)).find((x) => x.questions.length === 6)!;
    campaign = json<CampaignInfo[]>(await bob.get(`/api/organisations/${assoc.id}/campaigns`)).find((c) => (c as unknown as { period: string }).period === '2026')!;
    // The association: 1 earlier "oui" + these 9 = 7 oui out of 10 on CONF.
    const rows: [string, number | null, string[] | null, string][] = [
      ['oui', 4, ['caf'], 'oui'],
      ['oui', 5, ['caf', 'cpam'], 'oui'],
      ['oui', 3, ['aucune'], 'non'],
      ['non', 2, null, 'non'],
      ['non', 1, ['aucune'], 'non'],
      ['oui', null, ['cpam'], 'oui'],
      ['oui', 4, null, 'oui'],
      ['non', 3, ['caf'], 'oui'],
      ['oui', 5, null, 'non'],
    ];
    const [conf, bien, droits, , , log] = q.questions;
    for (const [c, b, d, l] of rows) {
      const answers: Record<string, unknown> = { [conf!.id]: c, [log!.id]: l };
      if (b !== null) answers[bien!.id] = b;
      if (d !== null) answers[droits!.id] = d;
      expect((await submit(anonymous, campaign.slug, answers)).statusCode).toBe(201);
    }
    const figure = await bob.put(`/api/organisations/${assoc.id}/activity-figures`, { frameworkId: collective.commonFrameworkId, indicatorCode: 'ACCOMP', period: '2026', value: 120 });
    expect(figure.statusCode, figure.body).toBe(200);
    // Correcting a figure replaces it.
    await bob.put(`/api/organisations/${assoc.id}/activity-figures`, { frameworkId: collective.commonFrameworkId, indicatorCode: 'ACCOMP', period: '2026', value: 130 });
    await dora.put(`/api/organisations/${second.id}/activity-figures`, { frameworkId: collective.commonFrameworkId, indicatorCode: 'ACCOMP', period: '2026', value: 70 });
  });

  const byCode = (r: Results, code: string) => r.indicators.find((i) => i.code === code)!;

  it('computes the organisation’s figures with n and Wilson intervals', async () => {
    const res = await bob.get(`/api/organisations/${assoc.id}/results?period=2026`);
    expect(res.statusCode).toBe(200);
    const r = json<Results>(res);
    expect(r.periods).toContain('2026');
    const conf = byCode(r, 'CONF');
    expect(conf).toMatchObject({ n: 10, scope: 'common', suppressed: false });
    expect(conf.value).toBeCloseTo(0.7, 10);
    const w = wilsonInterval(7, 10)!;
    expect(conf.ci!.low).toBeCloseTo(w.low, 10);
    expect(conf.ci!.high).toBeCloseTo(w.high, 10);
    const bien = byCode(r, 'BIEN');
    expect(bien.n).toBe(8);
    expect(bien.value).toBeCloseTo((4 + 5 + 3 + 2 + 1 + 4 + 3 + 5) / 8, 10);
    expect(bien.ci).not.toBeNull();
    // Multiple choice: share of those who answered with at least one of caf/cpam.
    const droits = byCode(r, 'DROITS');
    expect(droits.n).toBe(6);
    expect(droits.value).toBeCloseTo(4 / 6, 10);
    expect(byCode(r, 'ACCOMP')).toMatchObject({ value: 130, n: 1, ci: null });
    const log = byCode(r, 'LOG');
    expect(log).toMatchObject({ scope: 'specific', n: 9 });
    expect(log.value).toBeCloseTo(5 / 9, 10);
  });

  it('hides a pooled figure that a member could take its own answers from to learn the others’', async () => {
    // 10 answers from the association, 3 from the other: 13 ≥ 5, but 13 − 10 = 3 < 5.
    const r = json<Results>(await bob.get(`/api/collectives/${collective.id}/results?period=2026`));
    expect(byCode(r, 'CONF')).toMatchObject({ n: 13, value: null, ci: null, suppressed: true });
  });

  it('pools the members in the collective’s figures and hides figures under the threshold', async () => {
    for (const conf of ['oui', 'non']) {
      expect((await submit(anonymous, c2.slug, { [q2.questions[0]!.id]: conf })).statusCode).toBe(201);
    }
    const res = await alice.get(`/api/collectives/${collective.id}/results?period=2026`);
    expect(res.statusCode).toBe(200);
    const r = json<Results>(res);
    const conf = byCode(r, 'CONF');
    expect(conf).toMatchObject({ n: 15, organisations: 2, suppressed: false });
    expect(conf.value).toBeCloseTo(10 / 15, 10);
    expect(byCode(r, 'ACCOMP')).toMatchObject({ value: 200, ci: null, n: 2, suppressed: false });
    // Specific indicators stay out of the collective's view.
    expect(r.indicators.map((i) => i.code).sort()).toEqual(['ACCOMP', 'BIEN', 'CONF', 'DROITS']);
  });

  it('shows an indicator with nothing collected as no data, not as a suppressed cell', async () => {
    const strict = await createCollective(alice, head.id, 'Collectif strict', { suppressionThreshold: 20 });
    // The coordinator's own framework here: reuse the pattern with a low count.
    await addIndicator(alice, strict.commonFrameworkId, shareIndicator('CONF', ['oui']));
    await adopt(alice, strict.commonFrameworkId);
    await joinCollective(alice, strict.id, bob, assoc);
    const r = json<Results>(await alice.get(`/api/collectives/${strict.id}/results?period=2026`));
    // No question is tied to this framework's indicator yet: no data, not suppressed.
    expect(byCode(r, 'CONF')).toMatchObject({ n: 0, value: null, suppressed: false });
  });

  it('hides the collective’s small cells but never the organisation’s own figures', async () => {
    // RARE is answered by 3 people of the association only: hidden in the collective.
    await addIndicator(alice, collective.commonFrameworkId, shareIndicator('RARE', ['oui']));
    await adopt(alice, collective.commonFrameworkId);
    const rq = await createQuestionnaire(bob, assoc.id, [{ type: 'single', labelFr: 'Question rare ?', options: yesNo, indicator: { frameworkId: collective.commonFrameworkId, code: 'RARE' } }]);
    const rc = await createCampaign(bob, assoc.id, rq.id, '2026');
    for (const v of ['oui', 'oui', 'non']) expect((await submit(anonymous, rc.slug, { [rq.questions[0]!.id]: v })).statusCode).toBe(201);
    const own = json<Results>(await bob.get(`/api/organisations/${assoc.id}/results?period=2026`));
    const pooled = json<Results>(await bob.get(`/api/collectives/${collective.id}/results?period=2026`));
    expect(byCode(own, 'RARE')).toMatchObject({ n: 3, suppressed: false });
    expect(byCode(own, 'RARE').value).toBeCloseTo(2 / 3, 10);
    expect(byCode(pooled, 'RARE')).toMatchObject({ n: 3, value: null, ci: null, suppressed: true });
    expect(byCode(pooled, 'DROITS')).toMatchObject({ n: 6, suppressed: false });
  });

  it('refuses a malformed period and keeps results from outsiders', async () => {
    expect((await bob.get(`/api/organisations/${assoc.id}/results?period=hier`)).statusCode).toBe(400);
    expect((await chelsea.get(`/api/organisations/${assoc.id}/results`)).statusCode).toBe(404);
    expect((await chelsea.get(`/api/collectives/${collective.id}/results`)).statusCode).toBe(404);
  });

  it('uses the adopted version only: a draft indicator has no result until adopted', async () => {
    await addIndicator(alice, collective.commonFrameworkId, shareIndicator('NOUVEAU'));
    let r = json<Results>(await alice.get(`/api/collectives/${collective.id}/results?period=2026`));
    expect(r.indicators.map((i) => i.code)).not.toContain('NOUVEAU');
    await adopt(alice, collective.commonFrameworkId);
    r = json<Results>(await alice.get(`/api/collectives/${collective.id}/results?period=2026`));
    expect(r.indicators.map((i) => i.code)).toContain('NOUVEAU');
  });

  it('refuses activity figures for questionnaire indicators and for unknown ones', async () => {
    const a = await bob.put(`/api/organisations/${assoc.id}/activity-figures`, { frameworkId: collective.commonFrameworkId, indicatorCode: 'CONF', period: '2026', value: 1 });
    expect(a.statusCode).toBe(400);
    const b = await chelsea.put(`/api/organisations/${outsider.id}/activity-figures`, { frameworkId: collective.commonFrameworkId, indicatorCode: 'ACCOMP', period: '2026', value: 1 });
    expect(b.statusCode).toBe(400);
    expect((await chelsea.get(`/api/organisations/${assoc.id}/activity-figures`)).statusCode).toBe(404);
  });
});

describe('collection rules', () => {
  it.each([
    ['a scale with decimal bounds', [{ type: 'scale', labelFr: 'Note ?', min: 0.5, max: 3.5 }], 'body.questions.0.max'],
    ['a scale with min only above 5', [{ type: 'scale', labelFr: 'Note ?', min: 10 }], 'body.questions.0.max'],
    ['a scale of more than 11 points', [{ type: 'scale', labelFr: 'Note ?', min: 0, max: 20 }], 'body.questions.0.max'],
    ['one indicator tied to two questions', [
      { type: 'single', labelFr: 'Confiance ?', options: yesNo, indicator: { frameworkId: 'FW', code: 'CONF' } },
      { type: 'single', labelFr: 'Confiance encore ?', options: yesNo, indicator: { frameworkId: 'FW', code: 'CONF' } },
    ], 'body.questions.1.indicator'],
  ])('refuses %s', async (_label, questions, field) => {
    const body: unknown = JSON.parse(JSON.stringify(questions).replaceAll('"FW"', JSON.stringify(collective.commonFrameworkId)));
    const res = await bob.post(`/api/organisations/${assoc.id}/questionnaires`, { title: 'Mauvais', questions: body });
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(res).errors.map((e) => e.field)).toContain(field);
  });

  it('keeps numbers within sane bounds so that figures cannot overflow', async () => {
    const q = await createQuestionnaire(bob, assoc.id, [{ type: 'number', labelFr: 'Combien ?' }]);
    const c = await createCampaign(bob, assoc.id, q.id, '2024');
    const res = await submit(anonymous, c.slug, { [q.questions[0]!.id]: 1e200 });
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { code: string }[] }>(res).errors[0]?.code).toBe('out_of_range');
    expect((await bob.get(`/api/organisations/${assoc.id}/results?period=2024`)).statusCode).toBe(200);
  });

  it('acknowledges a retry of a stored response even after the campaign closed', async () => {
    const q = await createQuestionnaire(bob, assoc.id, [{ type: 'text', labelFr: 'Un mot ?' }]);
    const c = await createCampaign(bob, assoc.id, q.id, '2023');
    const clientId = crypto.randomUUID();
    expect((await submit(anonymous, c.slug, { [q.questions[0]!.id]: 'bonjour' }, clientId)).statusCode).toBe(201);
    await bob.patch(`/api/organisations/${assoc.id}/campaigns/${c.id}`, { status: 'closed' });
    const retry = await submit(anonymous, c.slug, { [q.questions[0]!.id]: 'bonjour' }, clientId);
    expect(retry.statusCode).toBe(200);
    expect(json<{ duplicate: boolean }>(retry).duplicate).toBe(true);
    expect((await submit(anonymous, c.slug, { [q.questions[0]!.id]: 'bonjour' })).statusCode).toBe(409);
  });

  it('shows anonymous respondents nothing of the frameworks behind the questions', async () => {
    const list = json<{ slug: string; period: string }[]>(await bob.get(`/api/organisations/${assoc.id}/campaigns`));
    const res = await anonymous.get(`/api/public/campaigns/${list.find((c) => c.period === '2026')!.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(collective.commonFrameworkId);
    expect(res.body).not.toContain('"indicator"');
  });

  it('does not let one organisation use another’s questionnaire, campaign or results', async () => {
    const theirs = json<{ id: string }[]>(await bob.get(`/api/organisations/${assoc.id}/questionnaires`))[0]!;
    const theirCampaign = json<{ id: string }[]>(await bob.get(`/api/organisations/${assoc.id}/campaigns`))[0]!;
    expect((await chelsea.get(`/api/organisations/${outsider.id}/questionnaires/${theirs.id}`)).statusCode).toBe(404);
    expect((await chelsea.get(`/api/organisations/${assoc.id}/questionnaires/${theirs.id}`)).statusCode).toBe(404);
    expect((await chelsea.patch(`/api/organisations/${outsider.id}/campaigns/${theirCampaign.id}`, { status: 'closed' })).statusCode).toBe(404);
    expect((await chelsea.patch(`/api/organisations/${assoc.id}/campaigns/${theirCampaign.id}`, { status: 'closed' })).statusCode).toBe(404);
    expect((await chelsea.get(`/api/organisations/${assoc.id}/results`)).statusCode).toBe(404);
  });
});
