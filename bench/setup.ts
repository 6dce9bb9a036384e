/**
 * Builds the benchmark's collective through the public HTTP API, the way people (and the test
 * factories) do: sign-ups, organisations, the collective and its members, the common framework,
 * one questionnaire and campaign per organisation.
 */
import { indicatorBodies, questionBodies } from './generate.ts';

/** The origin cookie-authenticated writes must carry (the config is built with PORT=3000). */
export const ORIGIN = 'http://localhost:3000';

export class ApiError extends Error {}

/** One signed-in person talking to the server over HTTP with a session cookie. */
export class Person {
  cookie: string | null = null;
  constructor(readonly base: string) {}

  async call<T>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        origin: ORIGIN,
        ...(this.cookie ? { cookie: `socle_session=${this.cookie}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(120_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const match = /^socle_session=([^;]*)/.exec(line);
      if (match) this.cookie = match[1] || null;
    }
    const text = await res.text();
    if (!expected.includes(res.status))
      throw new ApiError(`${method} ${path} → ${res.status}: ${text.slice(0, 400)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

let people = 0;

export async function signUp(base: string, name: string): Promise<Person> {
  people += 1;
  const person = new Person(base);
  const email = `bench.${people}.${Date.now()}@socle.test`;
  await person.call(
    'POST',
    '/api/auth/sign-up',
    { email, password: 'correct horse battery', name },
    [201],
  );
  return person;
}

interface Org {
  id: string;
  slug: string;
}
interface Questionnaire {
  id: string;
  questions: { id: string; position: number }[];
}
interface Campaign {
  id: string;
  slug: string;
}

export interface Member {
  admin: Person;
  organisationId: string;
  questionnaireId: string;
  /** Question ids in position order, aligned with SPECS. */
  questionIds: string[];
  /** The campaign of the measured period. */
  campaignId: string;
  campaignSlug: string;
}

export interface Collective {
  coordinator: Person;
  collectiveId: string;
  frameworkId: string;
  members: Member[];
}

/** A coordinator, a collective, `memberCount` member organisations, the framework, questionnaires, campaigns. */
export async function setUpCollective(
  base: string,
  memberCount: number,
  period: string,
): Promise<Collective> {
  const coordinator = await signUp(base, 'Coordinatrice');
  const head = await coordinator.call<Org>('POST', '/api/organisations', {
    name: 'Réseau banc d’essai',
    kind: 'network_head',
  });
  const collective = await coordinator.call<{ id: string; commonFrameworkId: string }>(
    'POST',
    '/api/collectives',
    {
      name: 'Collectif banc d’essai',
      coordinatorOrganisationId: head.id,
    },
  );
  const frameworkId = collective.commonFrameworkId;
  for (const body of indicatorBodies())
    await coordinator.call('POST', `/api/frameworks/${frameworkId}/indicators`, body);
  await coordinator.call('POST', `/api/frameworks/${frameworkId}/adopt`);

  const members: Member[] = [];
  for (let i = 1; i <= memberCount; i++) {
    const admin = await signUp(base, `Admin ${i}`);
    const org = await admin.call<Org>('POST', '/api/organisations', {
      name: `Association ${i}`,
      kind: 'association',
      populationServed: 500 + 50 * i,
    });
    await coordinator.call('POST', `/api/collectives/${collective.id}/members`, {
      organisationSlug: org.slug,
    });
    await admin.call(
      'POST',
      `/api/organisations/${org.id}/collective-invitations/${collective.id}/accept`,
    );
    const q = await admin.call<Questionnaire>(
      'POST',
      `/api/organisations/${org.id}/questionnaires`,
      {
        title: `Questionnaire ${i}`,
        questions: questionBodies(frameworkId),
      },
    );
    const campaign = await admin.call<Campaign>('POST', `/api/organisations/${org.id}/campaigns`, {
      name: `Campagne ${period}`,
      questionnaireId: q.id,
      period,
      populationServed: 500 + 50 * i,
    });
    members.push({
      admin,
      organisationId: org.id,
      questionnaireId: q.id,
      questionIds: [...q.questions].sort((a, b) => a.position - b.position).map((x) => x.id),
      campaignId: campaign.id,
      campaignSlug: campaign.slug,
    });
  }
  return { coordinator, collectiveId: collective.id, frameworkId, members };
}

/** Another campaign on a member's questionnaire, for the load test (kept out of the measured period). */
export async function openCampaign(member: Member, period: string): Promise<string> {
  const campaign = await member.admin.call<Campaign>(
    'POST',
    `/api/organisations/${member.organisationId}/campaigns`,
    {
      name: `Campagne de charge ${period}`,
      questionnaireId: member.questionnaireId,
      period,
      populationServed: 1000,
    },
  );
  return campaign.slug;
}
