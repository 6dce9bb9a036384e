import { expect } from 'vitest';
import type { Persona } from './app.ts';

export interface OrgInfo {
  id: string;
  slug: string;
  specificFrameworkId: string;
}

export async function createOrganisation(p: Persona, name: string, extra: Record<string, unknown> = {}): Promise<OrgInfo> {
  const res = await p.post('/api/organisations', { name, kind: 'association', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OrgInfo>();
}

export interface CollectiveInfo {
  id: string;
  commonFrameworkId: string;
  suppressionThreshold: number;
}

export async function createCollective(p: Persona, coordinatorOrganisationId: string, name = 'Collectif test', extra: Record<string, unknown> = {}): Promise<CollectiveInfo> {
  const res = await p.post('/api/collectives', { name, coordinatorOrganisationId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CollectiveInfo>();
}

/** The coordinator invites an organisation and its admin accepts. */
export async function joinCollective(coordinator: Persona, collectiveId: string, memberAdmin: Persona, org: OrgInfo, copil = false) {
  const add = await coordinator.post(`/api/collectives/${collectiveId}/members`, { organisationSlug: org.slug, copil });
  expect(add.statusCode, add.body).toBe(201);
  const accept = await memberAdmin.post(`/api/organisations/${org.id}/collective-invitations/${collectiveId}/accept`);
  expect(accept.statusCode, accept.body).toBe(200);
}

export const shareIndicator = (code: string, options = ['oui']) => ({
  code,
  labelFr: `Part ${code}`,
  labelEn: `Share ${code}`,
  kind: 'outcome',
  stakeholderGroup: 'people_supported',
  unit: '%',
  polarity: 'higher_is_better',
  computation: { type: 'share', options },
});

export const meanIndicator = (code: string) => ({
  code,
  labelFr: `Moyenne ${code}`,
  kind: 'outcome',
  stakeholderGroup: 'people_supported',
  computation: { type: 'mean' },
});

export const sumIndicator = (code: string) => ({
  code,
  labelFr: `Total ${code}`,
  kind: 'output',
  stakeholderGroup: 'people_supported',
  unit: 'personnes',
  computation: { type: 'sum' },
});

export async function addIndicator(p: Persona, frameworkId: string, body: Record<string, unknown>) {
  const res = await p.post(`/api/frameworks/${frameworkId}/indicators`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string; frameworkId: string }>();
}

export async function adopt(p: Persona, frameworkId: string) {
  const res = await p.post(`/api/frameworks/${frameworkId}/adopt`);
  expect(res.statusCode, res.body).toBe(200);
}

export interface QuestionnaireInfo {
  id: string;
  questions: { id: string; type: string }[];
}

export async function createQuestionnaire(p: Persona, orgId: string, questions: unknown[], title = 'Questionnaire test'): Promise<QuestionnaireInfo> {
  const res = await p.post(`/api/organisations/${orgId}/questionnaires`, { title, questions });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<QuestionnaireInfo>();
}

export interface CampaignInfo {
  id: string;
  slug: string;
  publicPath: string;
}

export async function createCampaign(p: Persona, orgId: string, questionnaireId: string, period = '2026', populationServed: number | null = 200): Promise<CampaignInfo> {
  const res = await p.post(`/api/organisations/${orgId}/campaigns`, { name: `Campagne ${period}`, questionnaireId, period, populationServed });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CampaignInfo>();
}

export async function submit(p: Persona, slug: string, answers: Record<string, unknown>, clientId: string = crypto.randomUUID()) {
  return p.request('POST', `/api/public/campaigns/${slug}/responses`, { clientId, answers });
}

/** The organisation's admin invites a person with a role, and the person accepts. */
export async function addMember(admin: Persona, orgId: string, person: Persona, role: 'admin' | 'contributor' | 'viewer') {
  await addOrganisationMember(admin, orgId, person, role);
}

/** Opens a COPIL vote on the common framework's draft, has the given members vote for, and closes it. */
export async function voteAndAdopt(coordinator: Persona, frameworkId: string, voters: Persona[]) {
  const open = await coordinator.post(`/api/frameworks/${frameworkId}/vote`);
  expect(open.statusCode, open.body).toBe(201);
  for (const v of voters) {
    const ballot = await v.post(`/api/frameworks/${frameworkId}/vote/ballots`, { choice: 'for' });
    expect(ballot.statusCode, ballot.body).toBe(200);
  }
  const close = await coordinator.post(`/api/frameworks/${frameworkId}/vote/close`);
  expect(close.statusCode, close.body).toBe(200);
  expect(close.json<{ outcome: string }>().outcome).toBe('adopted');
}

/** The organisation's admin invites someone with a role and that person accepts. */
export async function addOrganisationMember(admin: Persona, orgId: string, member: Persona, role: 'admin' | 'contributor' | 'viewer') {
  const inv = await admin.post(`/api/organisations/${orgId}/invitations`, { role, email: member.email });
  expect(inv.statusCode, inv.body).toBe(201);
  const accept = await member.post(`/api/invitations/${inv.json<{ token: string }>().token}/accept`);
  expect(accept.statusCode, accept.body).toBe(200);
}

export interface CrosswalkInfo {
  id: string;
  revision: number;
  indicatorCode: string;
}

export async function createCrosswalk(p: Persona, orgId: string, body: { questionId: string; frameworkId: string; indicatorCode: string; rule: unknown }): Promise<CrosswalkInfo> {
  const res = await p.post(`/api/organisations/${orgId}/crosswalks`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CrosswalkInfo>();
}
