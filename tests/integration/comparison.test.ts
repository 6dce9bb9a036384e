import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createTestApp, json, Persona, signUp, type TestApp } from '../support/app.ts';
import { addIndicator, adopt, createCampaign, createCollective, createOrganisation, createQuestionnaire, joinCollective, meanIndicator, shareIndicator, submit, type CollectiveInfo, type OrgInfo } from '../support/factories.ts';

interface Figure {
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
}
interface Indicator {
  code: string;
  polarity: string;
  organisation: Figure;
  sector: Figure & { suppressed: boolean; organisations: number; estimates: { pooled: { value: number | null } } | null };
  distribution: { shown: true; q1: number; median: number; q3: number; members: number } | { shown: false; reason: string; membersWithEnoughAnswers: number; minimumMembers: number; threshold: number };
  rank: { rank: number; of: number; tied: boolean } | null;
  rankWithheld: string | null;
}
interface Comparison {
  collective: { id: string; suppressionThreshold: number };
  minimumMembers: number;
  framework: { versionNumber: number | null; chosen: boolean };
  period: string | null;
  periods: string[];
  indicators: Indicator[];
}
interface Points {
  period: string;
  series: number;
  value: number | null;
  n: number;
  suppressed: boolean;
}
interface ComparisonTrend {
  currentSeries: number;
  series: { number: number; definitionKey: string; fromVersion: number | null }[];
  periods: string[];
  organisation: Points[];
  sector: Points[];
}

/**
 * Six members answer the same common questionnaire in 2026. Per member (answers, "oui" for SAT,
 * mean days of waiting for DELAI, answers to AUTO):
 *
 *   head   8  6/8 = 0.75   3   8
 *   m2     5  2/5 = 0.4   10   5
 *   m3    10  5/10 = 0.5   5   6   ← the organisation asking (Carla's)
 *   m4     6  3/6 = 0.5    7   5
 *   m5     5  5/5 = 1     2   3   (AUTO under the threshold of 5)
 *   m6     5  1/5 = 0.2   12   0
 *
 * SAT sorted 0.2 0.4 0.5 0.5 0.75 1 → type 7: q1 = 0.4 + 0.25 × 0.1 = 0.425, median 0.5,
 * q3 = 0.5 + 0.75 × 0.25 = 0.6875; m3 is 3rd of 6, tied with m4 (higher is better).
 * DELAI sorted 2 3 5 7 10 12 → q1 = 3 + 0.25 × 2 = 3.5, median 6, q3 = 7 + 0.75 × 3 = 9.25;
 * m3 (5 days) is 3rd of 6 (lower is better). AUTO: 4 members with 5 answers or more → hidden.
 */
const MEMBERS = [
  { name: 'Tête de réseau comparée', answers: 8, yes: 6, days: 3, auto: 8 },
  { name: 'Membre deux', answers: 5, yes: 2, days: 10, auto: 5 },
  { name: 'Membre trois', answers: 10, yes: 5, days: 5, auto: 6 },
  { name: 'Membre quatre', answers: 6, yes: 3, days: 7, auto: 5 },
  { name: 'Membre cinq', answers: 5, yes: 5, days: 2, auto: 3 },
  { name: 'Membre six', answers: 5, yes: 1, days: 12, auto: 0 },
];

let t: TestApp;
let carla: Persona;
let outsider: Persona;
let anonymous: Persona;
let admins: Persona[];
let orgs: OrgInfo[];
let mine: OrgInfo;
let stranger: OrgInfo;
let collective: CollectiveInfo;

const yesNo = [
  { value: 'oui', labelFr: 'Oui' },
  { value: 'plutot', labelFr: 'Plutôt' },
  { value: 'non', labelFr: 'Non' },
];
const questions = (fw: string) => [
  { type: 'single', labelFr: 'Êtes-vous satisfait·e ?', options: yesNo, indicator: { frameworkId: fw, code: 'SAT' } },
  { type: 'number', labelFr: 'Combien de jours d’attente ?', indicator: { frameworkId: fw, code: 'DELAI' } },
  { type: 'single', labelFr: 'Vous sentez-vous plus autonome ?', options: yesNo, indicator: { frameworkId: fw, code: 'AUTO' } },
];
/** n values whose mean is exactly `mean`, not all alike. */
const around = (mean: number, n: number) => Array.from({ length: n }, (_, i) => (n % 2 === 1 && i === n - 1 ? mean : mean + (i % 2 === 0 ? -1 : 1)));

const comparisonOf = async (p: Persona, orgId: string, query = '') => p.get(`/api/organisations/${orgId}/comparison?collectiveId=${collective.id}${query}`);
const indicator = (c: Comparison, code: string) => c.indicators.find((i) => i.code === code)!;

beforeAll(async () => {
  t = await createTestApp({ publicSubmissionsPerWindow: 10_000 });
  admins = [];
  orgs = [];
  for (const [i, m] of MEMBERS.entries()) {
    const admin = await signUp(t.app, `Admin${i + 1}`);
    admins.push(admin);
    orgs.push(await createOrganisation(admin, m.name));
  }
  carla = admins[2]!;
  mine = orgs[2]!;
  outsider = await signUp(t.app, 'Dave');
  stranger = await createOrganisation(outsider, 'Association extérieure');
  anonymous = await signUp(t.app, 'Anonyme');
  collective = await createCollective(admins[0]!, orgs[0]!.id, 'Collectif comparé');
  for (const [i, org] of orgs.entries()) if (i > 0) await joinCollective(admins[0]!, collective.id, admins[i]!, org);
  const fw = collective.commonFrameworkId;
  await addIndicator(admins[0]!, fw, shareIndicator('SAT', ['oui']));
  await addIndicator(admins[0]!, fw, { ...meanIndicator('DELAI'), polarity: 'lower_is_better', unit: 'jours' });
  await addIndicator(admins[0]!, fw, shareIndicator('AUTO', ['oui']));
  await adopt(admins[0]!, fw);

  for (const [i, m] of MEMBERS.entries()) {
    const q = await createQuestionnaire(admins[i]!, orgs[i]!.id, questions(fw));
    const campaign = await createCampaign(admins[i]!, orgs[i]!.id, q.id, '2026');
    const [sat, delai, auto] = q.questions.map((x) => x.id);
    const days = around(m.days, m.answers);
    for (let a = 0; a < m.answers; a++) {
      const answers = { [sat!]: a < m.yes ? 'oui' : 'non', [delai!]: days[a]!, ...(a < m.auto ? { [auto!]: a % 2 === 0 ? 'oui' : 'non' } : {}) };
      expect((await submit(anonymous, campaign.slug, answers)).statusCode).toBe(201);
    }
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('an organisation against the sector', () => {
  it('places the organisation among the members: hand-computed quartiles and rank', async () => {
    const res = await comparisonOf(carla, mine.id);
    expect(res.statusCode, res.body).toBe(200);
    const c = json<Comparison>(res);
    expect(c).toMatchObject({ period: '2026', periods: ['2026'], minimumMembers: 5, collective: { id: collective.id, suppressionThreshold: 5 }, framework: { versionNumber: 1, chosen: false } });
    expect(c.indicators.map((i) => i.code).sort()).toEqual(['AUTO', 'DELAI', 'SAT']);

    const sat = indicator(c, 'SAT');
    expect(sat.organisation).toMatchObject({ value: 0.5, n: 10 });
    expect(sat.sector).toMatchObject({ n: 39, suppressed: false, organisations: 6 });
    expect(sat.sector.value).toBeCloseTo(22 / 39, 12);
    expect(sat.sector.estimates!.pooled.value).toBeCloseTo(22 / 39, 12);
    expect(sat.distribution).toMatchObject({ shown: true, members: 6, median: 0.5 });
    if (!sat.distribution.shown) throw new Error('distribution expected');
    expect(sat.distribution.q1).toBeCloseTo(0.425, 12);
    expect(sat.distribution.q3).toBeCloseTo(0.6875, 12);
    expect(sat.rank).toEqual({ rank: 3, of: 6, tied: true });
    expect(sat.rankWithheld).toBeNull();

    const delai = indicator(c, 'DELAI');
    expect(delai).toMatchObject({ polarity: 'lower_is_better', organisation: { value: 5, n: 10 }, rank: { rank: 3, of: 6, tied: false } });
    expect(delai.distribution).toMatchObject({ shown: true, members: 6, median: 6 });
    if (!delai.distribution.shown) throw new Error('distribution expected');
    expect(delai.distribution.q1).toBeCloseTo(3.5, 12);
    expect(delai.distribution.q3).toBeCloseTo(9.25, 12);
  });

  it('gives each member its own rank only', async () => {
    const head = json<Comparison>(await comparisonOf(admins[0]!, orgs[0]!.id));
    expect(indicator(head, 'SAT').rank).toEqual({ rank: 2, of: 6, tied: false });
    expect(indicator(head, 'DELAI').rank).toEqual({ rank: 2, of: 6, tied: false });
    const last = json<Comparison>(await comparisonOf(admins[5]!, orgs[5]!.id));
    expect(indicator(last, 'SAT').rank).toEqual({ rank: 6, of: 6, tied: false });
    expect(indicator(last, 'DELAI').rank).toEqual({ rank: 6, of: 6, tied: false });
  });

  it('never gives out another member’s value, the lowest or the highest', async () => {
    const res = await comparisonOf(carla, mine.id);
    const sat = indicator(json<Comparison>(res), 'SAT');
    expect(Object.keys(sat.distribution).sort()).toEqual(['median', 'members', 'q1', 'q3', 'shown']);
    // 0.75, 1 and 0.2 are other members' shares; 12 and 2 the slowest and quickest waits.
    const body = JSON.stringify(json<Comparison>(res).indicators.map((i) => i.distribution));
    for (const value of ['0.75', '0.2,', ':1,', ':12', ':2,']) expect(body).not.toContain(value);
  });

  it('hides the distribution when fewer than 5 members have enough answers, and says why', async () => {
    const auto = indicator(json<Comparison>(await comparisonOf(carla, mine.id)), 'AUTO');
    expect(auto.distribution).toEqual({ shown: false, reason: 'too_few_members', membersWithEnoughAnswers: 4, minimumMembers: 5, threshold: 5 });
    expect(auto).toMatchObject({ rank: null, rankWithheld: 'distribution_hidden', organisation: { n: 6, value: 0.5 } });
    // The pooled figure itself has enough answers to be shown: 27 of them.
    expect(auto.sector).toMatchObject({ n: 27, suppressed: false });
  });

  it('shows the distribution without a rank to a member under the threshold', async () => {
    const five = json<Comparison>(await comparisonOf(admins[4]!, orgs[4]!.id));
    // Membre cinq answered AUTO 3 times: AUTO is hidden anyway; SAT it answered 5 times.
    expect(indicator(five, 'SAT')).toMatchObject({ rank: { rank: 1, of: 6, tied: false }, rankWithheld: null });
    expect(indicator(five, 'AUTO')).toMatchObject({ organisation: { n: 3 }, rank: null });
  });

  it('gives the same figures from every answer as from the partial sums', async () => {
    const partials = json<Comparison>(await comparisonOf(carla, mine.id));
    const answersApp = await buildApp({ config: { ...t.config, resultsSource: 'answers' }, database: t.database });
    await answersApp.ready();
    try {
      const viaAnswers = new Persona(answersApp, carla.name, carla.email);
      viaAnswers.cookie = carla.cookie;
      const res = await comparisonOf(viaAnswers, mine.id);
      expect(res.statusCode, res.body).toBe(200);
      expect(json<Comparison>(res)).toEqual(partials);
    } finally {
      await answersApp.close();
    }
  });

  it('agrees with the collective’s own figure', async () => {
    const coll = json<{ indicators: { code: string; value: number | null; n: number }[] }>(await admins[0]!.get(`/api/collectives/${collective.id}/results?period=2026`));
    const c = json<Comparison>(await comparisonOf(carla, mine.id));
    for (const code of ['SAT', 'DELAI', 'AUTO']) {
      const pooled = coll.indicators.find((i) => i.code === code)!;
      expect(indicator(c, code).sector).toMatchObject({ value: pooled.value, n: pooled.n });
    }
  });

  it('is for the organisation’s people, and for a collective it is an active member of', async () => {
    const outsiderView = await comparisonOf(outsider, mine.id);
    expect(outsiderView.statusCode).toBe(404);
    expect(json<{ code: string }>(outsiderView).code).toBe('organisation_not_found');
    const notMember = await comparisonOf(outsider, stranger.id);
    expect(notMember.statusCode).toBe(404);
    expect(json<{ code: string }>(notMember).code).toBe('collective_not_found');
    expect((await outsider.get(`/api/organisations/${stranger.id}/comparison/trend?collectiveId=${collective.id}&code=SAT`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/organisations/${mine.id}/comparison/trend?collectiveId=${collective.id}&code=SAT`)).statusCode).toBe(404);
    expect((await carla.get(`/api/organisations/${mine.id}/comparison?collectiveId=${collective.id}&period=hier`)).statusCode).toBe(400);
    expect((await carla.get(`/api/organisations/${mine.id}/comparison`)).statusCode).toBe(400);
  });

  it('draws the organisation’s line and the sector’s, split where the definition changed', async () => {
    const fw = collective.commonFrameworkId;
    // SAT now counts "oui" and "plutôt": a new definition, adopted as version 2.
    const framework = json<{ adopted: { indicators: { id: string; code: string }[] } }>(await admins[0]!.get(`/api/frameworks/${fw}`));
    const satId = framework.adopted.indicators.find((i) => i.code === 'SAT')!.id;
    const edit = await admins[0]!.patch(`/api/frameworks/${fw}/indicators/${satId}`, { computation: { type: 'share', options: ['oui', 'plutot'] } });
    expect(edit.statusCode, edit.body).toBe(200);
    await adopt(admins[0]!, fw);
    // Carla's organisation collects 2027 with a questionnaire made under version 2.
    const q = await createQuestionnaire(carla, mine.id, questions(fw), 'Questionnaire 2027');
    const campaign = await createCampaign(carla, mine.id, q.id, '2027');
    for (const v of ['oui', 'plutot', 'plutot', 'non', 'non', 'oui']) expect((await submit(anonymous, campaign.slug, { [q.questions[0]!.id]: v })).statusCode).toBe(201);

    const res = await carla.get(`/api/organisations/${mine.id}/comparison/trend?collectiveId=${collective.id}&code=SAT`);
    expect(res.statusCode, res.body).toBe(200);
    const trend = json<ComparisonTrend>(res);
    expect(trend.series.map((s) => [s.number, s.definitionKey, s.fromVersion])).toEqual([
      [1, 'share:oui|', 1],
      [2, 'share:oui,plutot|', 2],
    ]);
    expect(trend.currentSeries).toBe(2);
    expect(trend.periods).toEqual(['2026', '2027']);
    expect(trend.organisation).toEqual([
      expect.objectContaining({ period: '2026', series: 1, value: 0.5, n: 10 }),
      expect.objectContaining({ period: '2027', series: 2, value: 4 / 6, n: 6 }),
    ]);
    expect(trend.sector).toHaveLength(2);
    expect(trend.sector[0]).toMatchObject({ period: '2026', series: 1, n: 39, suppressed: false });
    expect(trend.sector[0]!.value).toBeCloseTo(22 / 39, 12);
    // In 2027 the sector's figure rests on Carla's answers alone: the same 6, shown.
    expect(trend.sector[1]).toMatchObject({ period: '2027', series: 2, n: 6 });

    // Under version 2 the 2026 answers, collected for "oui" only, are not compared any more.
    const now = json<Comparison>(await comparisonOf(carla, mine.id, '&period=2026'));
    expect(now.framework.versionNumber).toBe(2);
    expect(indicator(now, 'SAT')).toMatchObject({ organisation: { n: 0, value: null }, distribution: { shown: false, membersWithEnoughAnswers: 0 } });
    expect(now.period).toBe('2026');
    expect(json<Comparison>(await comparisonOf(carla, mine.id)).period).toBe('2027');
  });

  it('compares shares and means only', async () => {
    const fw = collective.commonFrameworkId;
    await addIndicator(admins[0]!, fw, { code: 'NB', labelFr: 'Réponses', kind: 'output', stakeholderGroup: 'people_supported', computation: { type: 'count' } });
    await adopt(admins[0]!, fw);
    const res = await carla.get(`/api/organisations/${mine.id}/comparison/trend?collectiveId=${collective.id}&code=NB`);
    expect(res.statusCode).toBe(400);
    expect(json<{ code: string }>(res).code).toBe('not_comparable');
    expect(json<Comparison>(await comparisonOf(carla, mine.id)).indicators.map((i) => i.code)).not.toContain('NB');
  });
});
