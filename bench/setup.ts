/**
 * Builds the benchmark's collective through the public HTTP API, the way people (and the test
 * factories) do: a coordinator, the collective and its common framework (adopted), then for
 * every member organisation: the organisation (commune, people served), its invitation and
 * acceptance, its adoption of the common version, one questionnaire and one campaign per period.
 *
 * One person administers every organisation (as a federation's staff might while setting
 * things up); requests go a few at a time, like several browser tabs.
 */
import { indicatorBodies, questionBodies, type OrganisationPlan } from './generate.ts';

/** The origin cookie-authenticated writes must carry (the config is built with PORT=3000). */
export const ORIGIN = 'http://localhost:3000';

export class ApiError extends Error {}

/** One signed-in person talking to a server over HTTP with a session cookie. */
export class Person {
  cookie: string | null = null;
  constructor(readonly base: string) {}

  /** The same person (same session) on another server sharing the database. */
  on(base: string): Person {
    const other = new Person(base);
    other.cookie = this.cookie;
    return other;
  }

  async call<T>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        origin: ORIGIN,
        ...(this.cookie ? { cookie: `socle_session=${this.cookie}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(600_000),
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

export async function signUp(base: string, name: string): Promise<Person> {
  const person = new Person(base);
  const email = `bench.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@socle.test`;
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
  organisationId: string;
  communeCode: string;
  questionnaireId: string;
  /** Question ids in position order, aligned with SPECS. */
  questionIds: string[];
  /** One campaign per period, in the order of the periods given. */
  campaigns: Campaign[];
}

export interface Collective {
  /** Coordinator of the collective and admin of every member. */
  coordinator: Person;
  collectiveId: string;
  frameworkId: string;
  members: Member[];
}

/** Runs `task` for 0..count-1, `concurrency` at a time, results in order. */
async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return out;
}

/**
 * A coordinator, a collective with its adopted common framework, and one member per entry of
 * `organisations`, each with its questionnaire and a campaign per period.
 */
export async function setUpCollective(
  base: string,
  organisations: readonly OrganisationPlan[],
  periods: readonly string[],
  onProgress: (done: number) => void = () => undefined,
  concurrency = 4,
): Promise<Collective> {
  const coordinator = await signUp(base, 'Coordinatrice');
  const head = await coordinator.call<Org>('POST', '/api/organisations', {
    name: 'Réseau banc d’essai',
    kind: 'network_head',
  });
  const collective = await coordinator.call<{ id: string; commonFrameworkId: string }>(
    'POST',
    '/api/collectives',
    { name: 'Collectif banc d’essai', coordinatorOrganisationId: head.id },
  );
  const frameworkId = collective.commonFrameworkId;
  for (const body of indicatorBodies())
    await coordinator.call('POST', `/api/frameworks/${frameworkId}/indicators`, body);
  await coordinator.call('POST', `/api/frameworks/${frameworkId}/adopt`);
  const { versions } = await coordinator.call<{ versions: { id: string; status: string }[] }>(
    'GET',
    `/api/frameworks/${frameworkId}`,
  );
  const adopted = versions.find((v) => v.status === 'adopted');
  if (!adopted) throw new ApiError('the common framework has no adopted version');

  let done = 0;
  const members = await pool(organisations.length, concurrency, async (i): Promise<Member> => {
    const plan = organisations[i]!;
    const number = String(i + 1).padStart(4, '0');
    const org = await coordinator.call<Org>('POST', '/api/organisations', {
      name: `Association ${number}`,
      slug: `asso-banc-${number}`,
      kind: 'association',
      communeCode: plan.communeCode,
      populationServed: plan.populationServed,
    });
    await coordinator.call('POST', `/api/collectives/${collective.id}/members`, {
      organisationSlug: org.slug,
    });
    await coordinator.call(
      'POST',
      `/api/organisations/${org.id}/collective-invitations/${collective.id}/accept`,
    );
    await coordinator.call('PUT', `/api/organisations/${org.id}/adoptions/${collective.id}`, {
      versionId: adopted.id,
    });
    const q = await coordinator.call<Questionnaire>(
      'POST',
      `/api/organisations/${org.id}/questionnaires`,
      { title: `Questionnaire ${number}`, questions: questionBodies(frameworkId) },
    );
    const campaigns: Campaign[] = [];
    for (const period of periods) {
      campaigns.push(
        await coordinator.call<Campaign>('POST', `/api/organisations/${org.id}/campaigns`, {
          name: `Campagne ${period}`,
          questionnaireId: q.id,
          period,
          populationServed: plan.populationServed,
        }),
      );
    }
    onProgress(++done);
    return {
      organisationId: org.id,
      communeCode: plan.communeCode,
      questionnaireId: q.id,
      questionIds: [...q.questions].sort((a, b) => a.position - b.position).map((x) => x.id),
      campaigns,
    };
  });
  return { coordinator, collectiveId: collective.id, frameworkId, members };
}
