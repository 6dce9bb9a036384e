import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addIndicator, adopt, createCampaign, createCollective, createOrganisation, createQuestionnaire, joinCollective, meanIndicator, shareIndicator, submit } from '../support/factories.ts';

interface Sector {
  pooled: { value: number | null; ci: { low: number; high: number } | null };
  weighted: { value: number | null; ci: { low: number; high: number } | null } | null;
  membersWithoutAnswers: number;
  populationWithoutAnswers: number;
  populationServed: number | null;
  responseRate: number | null;
  representative: boolean;
  reasons: { code: string }[];
  rule: { fr: string };
}
interface Result {
  code: string;
  value: number | null;
  n: number;
  sector: Sector | null;
}

let t: TestApp;
let results: Result[];
let ownResults: Result[];

/**
 * The worked example of docs/statistics.md through the API: a large association (1,000 served)
 * with 50 answers, 80% yes; a small one (200 served) where all 200 answered, 30% yes; a third
 * member (300 served) with no answer.
 */
beforeAll(async () => {
  // Two hundred answers from one test address: above the public limit meant for one place.
  t = await createTestApp({ publicSubmissionsPerWindow: 10_000 });
  const alice: Persona = await signUp(t.app, 'Alice');
  const bob: Persona = await signUp(t.app, 'Bob');
  const carla: Persona = await signUp(t.app, 'Carla');
  const anonymous: Persona = await signUp(t.app, 'Anonyme');
  const large = await createOrganisation(alice, 'Grande association', { populationServed: 1000 });
  const small = await createOrganisation(bob, 'Petite association', { populationServed: 200 });
  const silent = await createOrganisation(carla, 'Association silencieuse', { populationServed: 300 });
  const collective = await createCollective(alice, large.id, 'Collectif du calcul');
  await joinCollective(alice, collective.id, bob, small);
  await joinCollective(alice, collective.id, carla, silent);
  const fw = collective.commonFrameworkId;
  await addIndicator(alice, fw, shareIndicator('OUI', ['oui']));
  await addIndicator(alice, fw, meanIndicator('MORAL'));
  await adopt(alice, fw);
  const yesNo = [
    { value: 'oui', labelFr: 'Oui' },
    { value: 'non', labelFr: 'Non' },
  ];
  const questions = [
    { type: 'single', labelFr: 'Oui ou non ?', options: yesNo, indicator: { frameworkId: fw, code: 'OUI' } },
    { type: 'scale', labelFr: 'Votre moral', indicator: { frameworkId: fw, code: 'MORAL' } },
  ];
  for (const [persona, org, yes, no, moral] of [
    [alice, large, 40, 10, 4],
    [bob, small, 60, 140, 2],
  ] as const) {
    const q = await createQuestionnaire(persona, org.id, questions);
    const campaign = await createCampaign(persona, org.id, q.id, '2026');
    const [single, scale] = q.questions.map((x) => x.id);
    for (let i = 0; i < yes + no; i++) {
      const res = await submit(anonymous, campaign.slug, { [single!]: i < yes ? 'oui' : 'non', [scale!]: moral });
      expect(res.statusCode).toBe(201);
    }
  }
  results = json<{ indicators: Result[] }>(await alice.get(`/api/collectives/${collective.id}/results?period=2026`)).indicators;
  ownResults = json<{ indicators: Result[] }>(await alice.get(`/api/organisations/${large.id}/results?period=2026`)).indicators;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('sector figures, pooled and weighted by the people served', () => {
  it('gives the pooled share and the weighted one, with the member without answers named', () => {
    const share = results.find((r) => r.code === 'OUI')!;
    expect(share.n).toBe(250);
    expect(share.value).toBeCloseTo(0.4, 6);
    const s = share.sector!;
    expect(s.pooled.value).toBeCloseTo(0.4, 6);
    expect(s.pooled.ci!.low).toBeCloseTo(0.34123, 4);
    expect(s.weighted!.value).toBeCloseTo(0.71667, 4);
    expect(s.weighted!.ci!.low).toBeCloseTo(0.6257, 4);
    expect(s.weighted!.ci!.high).toBeCloseTo(0.80764, 4);
    expect(s.membersWithoutAnswers).toBe(1);
    expect(s.populationWithoutAnswers).toBeCloseTo(0.2, 6);
    // 250 answers from the 1,500 people the three members serve.
    expect(s.populationServed).toBe(1500);
    expect(s.responseRate).toBeCloseTo(250 / 1500, 6);
    expect(s.representative).toBe(false);
    expect(s.reasons.map((r) => r.code)).toEqual(['members_without_answers']);
    expect(s.rule.fr).toContain('au moins 30 réponses');
  });

  it('weighs means the same way', () => {
    const mean = results.find((r) => r.code === 'MORAL')!.sector!;
    // Pooled: (50 × 4 + 200 × 2) / 250 = 2.4; weighted: 5/6 × 4 + 1/6 × 2 = 3.667.
    expect(mean.pooled.value).toBeCloseTo(2.4, 6);
    expect(mean.weighted!.value).toBeCloseTo(11 / 3, 6);
  });

  it('leaves an organisation’s own figures without sector estimates', () => {
    expect(ownResults.every((r) => r.sector === null)).toBe(true);
  });
});
