import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/cli/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { allPartials, rebuildPartials } from '../../src/server/features/results/partials-repository.ts';
import { createTestApp, Persona, signUp, type TestApp } from '../support/app.ts';
import { addIndicator, adopt, createCampaign, createCollective, createOrganisation, createQuestionnaire, joinCollective, meanIndicator, shareIndicator, submit, type OrgInfo } from '../support/factories.ts';

/**
 * The partial sums kept as answers arrive must always equal a recomputation from every answer:
 * after a random mix of submissions, corrections and deletions, some of them at the same time,
 * the table equals a rebuild, and every figure read from it equals the figure grouped from the
 * answers (SOCLE_RESULTS_SOURCE=answers).
 */

interface Member {
  admin: Persona;
  org: OrgInfo;
  campaigns: { slug: string; id: string; period: string }[];
  questions: { id: string; type: string }[];
}

let t: TestApp;
let answersApp: FastifyInstance;
let collectiveId: string;
let members: Member[];
const stored: { responseId: string; member: Member }[] = [];
const rand = mulberry32(20261126);
const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function randomAnswers(questions: Member['questions']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    if (rand() < 0.15) continue; // an unanswered question
    if (q.type === 'single') out[q.id] = pick(['oui', 'non', 'f', 'h', 'x']);
    if (q.type === 'scale') out[q.id] = 1 + Math.floor(rand() * 5);
    if (q.type === 'multiple') out[q.id] = pick([['a'], ['b'], ['a', 'b'], ['c']]);
    if (q.type === 'text') out[q.id] = pick(['Merci', 'Très bien accueillie', 'Rien à dire']);
  }
  return out;
}

/** A single question's options depend on the question: keep only values it offers. */
function fitted(member: Member, answers: Record<string, unknown>): Record<string, unknown> {
  const [oui, , sexe] = member.questions;
  if (answers[oui!.id] !== undefined) answers[oui!.id] = rand() < 0.6 ? 'oui' : 'non';
  if (answers[sexe!.id] !== undefined) answers[sexe!.id] = pick(['f', 'h', 'x']);
  return answers;
}

async function submitOne(member: Member) {
  const campaign = pick(member.campaigns);
  const res = await submit(member.admin, campaign.slug, fitted(member, randomAnswers(member.questions)));
  expect(res.statusCode, res.body).toBe(201);
  stored.push({ responseId: res.json<{ responseId: string }>().responseId, member });
}

/** `raced`: a deletion sent at the same time may have taken the response first. */
async function correctOne(raced = false) {
  if (stored.length === 0) return;
  const { responseId, member } = pick(stored);
  const res = await member.admin.put(`/api/organisations/${member.org.id}/responses/${responseId}`, { answers: fitted(member, randomAnswers(member.questions)) });
  if (raced && res.statusCode === 404) return;
  expect(res.statusCode, res.body).toBe(204);
}

async function deleteOne() {
  if (stored.length === 0) return;
  const index = Math.floor(rand() * stored.length);
  const [{ responseId, member }] = stored.splice(index, 1) as [{ responseId: string; member: Member }];
  const res = await member.admin.delete(`/api/organisations/${member.org.id}/responses/${responseId}`);
  expect(res.statusCode, res.body).toBe(204);
}

function normalised(rows: Record<string, unknown>[]) {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v])));
}

beforeAll(async () => {
  t = await createTestApp({ publicSubmissionsPerWindow: 10_000 });
  answersApp = await buildApp({ config: { ...t.config, resultsSource: 'answers' }, database: t.database, logger: false });
  await answersApp.ready();
  const alice = await signUp(t.app, 'Alice');
  const bob = await signUp(t.app, 'Bob');
  const lyon = await createOrganisation(alice, 'Accueil Lyon', { communeCode: '69123', populationServed: 400 });
  const marseille = await createOrganisation(bob, 'Entraide Marseille', { communeCode: '13055', populationServed: 900 });
  const collective = await createCollective(alice, lyon.id, 'Collectif incrémental');
  collectiveId = collective.id;
  await joinCollective(alice, collective.id, bob, marseille);
  const fw = collective.commonFrameworkId;
  await addIndicator(alice, fw, shareIndicator('OUI', ['oui']));
  await addIndicator(alice, fw, meanIndicator('MORAL'));
  await addIndicator(alice, fw, shareIndicator('SEXE', ['f']));
  await addIndicator(alice, fw, shareIndicator('AIDES', ['a']));
  await adopt(alice, fw);
  const questions = [
    { type: 'single', labelFr: 'Oui ou non ?', options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }], indicator: { frameworkId: fw, code: 'OUI' } },
    { type: 'scale', labelFr: 'Votre moral', indicator: { frameworkId: fw, code: 'MORAL' } },
    { type: 'single', labelFr: 'Vous êtes', options: ['f', 'h', 'x'].map((v) => ({ value: v, labelFr: v })), indicator: { frameworkId: fw, code: 'SEXE' } },
    { type: 'multiple', labelFr: 'Aides reçues', options: ['a', 'b', 'c'].map((v) => ({ value: v, labelFr: v })), indicator: { frameworkId: fw, code: 'AIDES' } },
    { type: 'text', labelFr: 'Un mot ?' },
  ];
  members = [];
  for (const [admin, org] of [
    [alice, lyon],
    [bob, marseille],
  ] as const) {
    const q = await createQuestionnaire(admin, org.id, questions);
    const campaigns = [];
    for (const period of ['2025', '2026']) {
      const c = await createCampaign(admin, org.id, q.id, period);
      campaigns.push({ slug: c.slug, id: c.id, period });
    }
    members.push({ admin, org, campaigns, questions: q.questions.map((x) => ({ id: x.id, type: x.type })) });
  }

  for (let step = 0; step < 140; step++) {
    const roll = rand();
    if (roll < 0.55) await submitOne(pick(members));
    else if (roll < 0.75) await correctOne();
    else if (roll < 0.88) await deleteOne();
    else {
      // Several changes at once, as a busy day brings them.
      await Promise.all([submitOne(members[0]!), submitOne(members[1]!), submitOne(members[0]!), correctOne(true), deleteOne()]);
    }
  }
}, 240_000);

afterAll(async () => {
  await answersApp?.close();
  await t?.close();
});

describe('partial sums kept as answers arrive', () => {
  it('hold the whole, the communes and the breakdowns', async () => {
    const rows = await allPartials(t.database.db);
    const dimensions = new Set(rows.map((r) => String(r.dimension)));
    expect(dimensions.has('')).toBe(true);
    expect(dimensions.has('commune')).toBe(true);
    expect([...dimensions].some((d) => d.endsWith(':SEXE'))).toBe(true);
    expect(new Set(rows.filter((r) => r.dimension === 'commune').map((r) => r.cell))).toEqual(new Set(['69123', '13055']));
    expect(stored.length).toBeGreaterThan(30);
  });

  it('give every figure the answers give, for the collective and each member, in each period', async () => {
    const viaAnswers = new Persona(answersApp, members[0]!.admin.name, members[0]!.admin.email);
    viaAnswers.cookie = members[0]!.admin.cookie;
    for (const period of ['2025', '2026']) {
      for (const url of [`/api/collectives/${collectiveId}/results?period=${period}`, `/api/organisations/${members[0]!.org.id}/results?period=${period}`]) {
        const kept = await members[0]!.admin.get(url);
        const fresh = await viaAnswers.get(url);
        expect(kept.statusCode, kept.body).toBe(200);
        expect(kept.json()).toEqual(fresh.json());
      }
    }
    const trend = `/api/collectives/${collectiveId}/trend?code=MORAL`;
    expect((await members[0]!.admin.get(trend)).json()).toEqual((await viaAnswers.get(trend)).json());
  });

  it('equal a rebuild from every answer, row for row', async () => {
    const kept = normalised(await allPartials(t.database.db));
    await rebuildPartials(t.database.db);
    expect(normalised(await allPartials(t.database.db))).toEqual(kept);
  });

  it('would tell if a change went around them', async () => {
    // A deletion that bypasses the partial sums leaves them different from a rebuild: the
    // comparison above can fail.
    const before = normalised(await allPartials(t.database.db));
    const { responseId } = stored[0]!;
    await t.database.db.execute(sql`delete from responses where id = ${responseId}`);
    expect(normalised(await allPartials(t.database.db))).toEqual(before);
    await rebuildPartials(t.database.db);
    expect(normalised(await allPartials(t.database.db))).not.toEqual(before);
  });

  it('lets only the organisation’s admins correct or delete its responses', async () => {
    const { responseId, member } = stored[1]!;
    const other = members.find((m) => m !== member)!;
    expect((await other.admin.delete(`/api/organisations/${member.org.id}/responses/${responseId}`)).statusCode).toBe(404);
    expect((await other.admin.delete(`/api/organisations/${other.org.id}/responses/${responseId}`)).statusCode).toBe(404);
    const wrong = await member.admin.put(`/api/organisations/${member.org.id}/responses/${responseId}`, { answers: { [member.questions[1]!.id]: 9 } });
    expect(wrong.statusCode).toBe(400);
  });
});
