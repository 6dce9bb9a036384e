import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addOrganisationMember, createCampaign, createOrganisation, createQuestionnaire, submit, type CampaignInfo, type QuestionnaireInfo } from '../support/factories.ts';

let t: TestApp;
let admin: Persona;
let worker: Persona;
let viewer: Persona;
let outsider: Persona;
let orgId: string;
let q: QuestionnaireInfo;
let campaign: CampaignInfo;

const responsesUrl = () => `/api/organisations/${orgId}/campaigns/${campaign.id}/responses`;
const fieldUrl = () => `/api/organisations/${orgId}/campaigns/${campaign.id}/field`;

function validAnswers() {
  const [single, scale, multiple, number, text] = q.questions.map((x) => x.id);
  return { [single!]: 'oui', [scale!]: 4, [multiple!]: ['caf'], [number!]: 3, [text!]: 'Merci' };
}

interface CampaignRow {
  id: string;
  responseCount: number;
  assistedCount: number;
}
async function counts() {
  const rows = json<CampaignRow[]>(await admin.get(`/api/organisations/${orgId}/campaigns`));
  const row = rows.find((r) => r.id === campaign.id)!;
  return { responses: row.responseCount, assisted: row.assistedCount };
}

async function storedRow(clientId: string) {
  const result = await t.database.db.execute(sql`select assisted, entered_by, channel from responses where client_id = ${clientId}`);
  return (result as { rows: { assisted: string | null; entered_by: string | null; channel: string }[] }).rows;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Alice');
  worker = await signUp(t.app, 'Wassim');
  viewer = await signUp(t.app, 'Vera');
  outsider = await signUp(t.app, 'Oscar');
  orgId = (await createOrganisation(admin, 'Maison des habitants')).id;
  await addOrganisationMember(admin, orgId, worker, 'contributor');
  await addOrganisationMember(admin, orgId, viewer, 'viewer');
  q = await createQuestionnaire(admin, orgId, [
    { type: 'single', labelFr: 'Vous sentez-vous écouté·e ?', required: true, options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }] },
    { type: 'scale', labelFr: 'Votre moral', required: true },
    { type: 'multiple', labelFr: 'Vos démarches', options: [{ value: 'caf', labelFr: 'CAF' }, { value: 'cpam', labelFr: 'CPAM' }] },
    { type: 'number', labelFr: 'Nombre de rendez-vous', min: 0, max: 100 },
    { type: 'text', labelFr: 'Un mot libre' },
  ]);
  campaign = await createCampaign(admin, orgId, q.id);
});
afterAll(async () => {
  await t?.close();
});

describe('assisted entry by a field worker', () => {
  it('gives a contributor the questionnaire for field work, without the frameworks behind it', async () => {
    const res = await worker.get(fieldUrl());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const body = json<{ name: string; organisationName: string; open: boolean; fieldWorkerId: string; questions: Record<string, unknown>[] }>(res);
    expect(body.organisationName).toBe('Maison des habitants');
    // Names who collects, so that a shared device sends each person's answers in their own session.
    expect(body.fieldWorkerId).toBe(json<{ user: { id: string } }>(await worker.get('/api/me')).user.id);
    expect(body.open).toBe(true);
    expect(body.questions.map((x) => x.type)).toEqual(['single', 'scale', 'multiple', 'number', 'text']);
    expect(body.questions[0]).not.toHaveProperty('indicator');
  });

  it('stores an assisted response, marked with its mode and who entered it', async () => {
    const clientId = crypto.randomUUID();
    const before = await counts();
    const res = await worker.post(responsesUrl(), { clientId, answers: validAnswers(), mode: 'paper' });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<{ duplicate: boolean }>(res).duplicate).toBe(false);
    const rows = await storedRow(clientId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.assisted).toBe('paper');
    expect(rows[0]!.entered_by).toMatch(/^[0-9a-f-]{36}$/);
    const me = json<{ user: { id: string } }>(await worker.get('/api/me'));
    expect(rows[0]!.entered_by).toBe(me.user.id);
    expect(await counts()).toEqual({ responses: before.responses + 1, assisted: before.assisted + 1 });
  });

  it('stores one response when the same entry is sent again', async () => {
    const clientId = crypto.randomUUID();
    const first = await worker.post(responsesUrl(), { clientId, answers: validAnswers(), mode: 'with_person' });
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts();
    const again = await worker.post(responsesUrl(), { clientId, answers: validAnswers(), mode: 'with_person' });
    expect(again.statusCode, again.body).toBe(200);
    expect(json(again)).toEqual({ responseId: json<{ responseId: string }>(first).responseId, duplicate: true });
    expect(await counts()).toEqual(before);
    expect(await storedRow(clientId)).toHaveLength(1);
  });

  it('counts only assisted responses as assisted, beside public ones', async () => {
    const before = await counts();
    const res = await submit(outsider, campaign.slug, validAnswers());
    expect(res.statusCode, res.body).toBe(201);
    expect(await counts()).toEqual({ responses: before.responses + 1, assisted: before.assisted });
    expect(before.assisted).toBe(2);
  });

  it('refuses a viewer (403) and tells an outsider nothing (404)', async () => {
    const body = { clientId: crypto.randomUUID(), answers: validAnswers(), mode: 'paper' };
    const v = await viewer.post(responsesUrl(), body);
    expect(v.statusCode).toBe(403);
    expect(v.json<{ code: string }>().code).toBe('role_too_low');
    expect((await viewer.get(fieldUrl())).statusCode).toBe(403);
    const o = await outsider.post(responsesUrl(), body);
    expect(o.statusCode).toBe(404);
    expect((await outsider.get(fieldUrl())).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'POST', url: responsesUrl(), payload: body, headers: { origin: 'http://localhost:3000' } });
    expect(anonymous.statusCode).toBe(401);
    expect(await storedRow(body.clientId)).toHaveLength(0);
  });

  it('does not find a campaign of another organisation through this one', async () => {
    const otherOrg = (await createOrganisation(outsider, 'Autre asso')).id;
    const otherQ = await createQuestionnaire(outsider, otherOrg, [{ type: 'text', labelFr: 'Un mot' }]);
    const other = await createCampaign(outsider, otherOrg, otherQ.id);
    const res = await worker.post(`/api/organisations/${orgId}/campaigns/${other.id}/responses`, { clientId: crypto.randomUUID(), answers: {}, mode: 'paper' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ code: string }>().code).toBe('campaign_not_found');
  });

  it('rejects wrong types with a message per question (400)', async () => {
    const [single, scale] = q.questions.map((x) => x.id);
    const clientId = crypto.randomUUID();
    const res = await worker.post(responsesUrl(), { clientId, answers: { ...validAnswers(), [single!]: 'peut-etre', [scale!]: 'beaucoup' }, mode: 'paper' });
    expect(res.statusCode).toBe(400);
    const problem = res.json<{ code: string; errors: { field: string; message: string }[] }>();
    expect(problem.code).toBe('invalid_answers');
    expect(problem.errors.map((e) => e.field).sort()).toEqual([`answers.${single}`, `answers.${scale}`].sort());
    for (const e of problem.errors) expect(e.message.length).toBeGreaterThan(5);
    expect(await storedRow(clientId)).toHaveLength(0);
  });

  it('rejects unknown questions and unknown fields (400)', async () => {
    const unknownQuestion = await worker.post(responsesUrl(), { clientId: crypto.randomUUID(), answers: { ...validAnswers(), [crypto.randomUUID()]: 'x' }, mode: 'paper' });
    expect(unknownQuestion.statusCode).toBe(400);
    expect(unknownQuestion.json<{ errors: { code?: string }[] }>().errors.some((e) => e.code === 'unknown_question')).toBe(true);
    const unknownField = await worker.post(responsesUrl(), { clientId: crypto.randomUUID(), answers: validAnswers(), mode: 'paper', respondentName: 'Jean' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json<{ code: string }>().code).toBe('validation_failed');
    const badMode = await worker.post(responsesUrl(), { clientId: crypto.randomUUID(), answers: validAnswers(), mode: 'phone' });
    expect(badMode.statusCode).toBe(400);
    const noMode = await worker.post(responsesUrl(), { clientId: crypto.randomUUID(), answers: validAnswers() });
    expect(noMode.statusCode).toBe(400);
  });

  it('refuses an oversized body (413)', async () => {
    const [, , , , text] = q.questions.map((x) => x.id);
    const big: Record<string, string> = {};
    for (let i = 0; i < 80; i++) big[crypto.randomUUID()] = 'x'.repeat(4000);
    const res = await worker.post(responsesUrl(), { clientId: crypto.randomUUID(), answers: { ...big, [text!]: 'x' }, mode: 'paper' });
    expect(res.statusCode).toBe(413);
    expect(res.json<{ code: string }>().code).toBe('body_too_large');
  });

  it('refuses new entries once the campaign is closed, but still acknowledges one already stored', async () => {
    const clientId = crypto.randomUUID();
    expect((await worker.post(responsesUrl(), { clientId, answers: validAnswers(), mode: 'paper' })).statusCode).toBe(201);
    expect((await admin.patch(`/api/organisations/${orgId}/campaigns/${campaign.id}`, { status: 'closed' })).statusCode).toBe(200);
    const late = await worker.post(responsesUrl(), { clientId: crypto.randomUUID(), answers: validAnswers(), mode: 'paper' });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string }>().code).toBe('campaign_closed');
    const resent = await worker.post(responsesUrl(), { clientId, answers: validAnswers(), mode: 'paper' });
    expect(resent.statusCode).toBe(200);
    expect(json<{ open: boolean }>(await worker.get(fieldUrl())).open).toBe(false);
    expect((await admin.patch(`/api/organisations/${orgId}/campaigns/${campaign.id}`, { status: 'open' })).statusCode).toBe(200);
  });
});
