import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createTestApp, json, Persona, signUp, type TestApp } from '../support/app.ts';
import {
  addIndicator,
  addOrganisationMember,
  adopt,
  createCollective,
  createCrosswalk,
  createOrganisation,
  createQuestionnaire,
  joinCollective,
  shareIndicator,
  submit,
  sumIndicator,
  type CollectiveInfo,
  type OrgInfo,
} from '../support/factories.ts';

interface Figure {
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
  suppressed: boolean;
  organisations: number;
}
interface Area extends Figure {
  code: string;
  name: string;
  region: string | null;
}
interface MapBody {
  indicator: { code: string } | null;
  indicators: { code: string }[];
  level: string;
  period: string | null;
  suppressionThreshold: number;
  territory: { level: string; code: string; name: string } | null;
  total: Figure & { name: string };
  unplaced: Figure;
  areas: Area[];
}
interface Result {
  code: string;
  value: number | null;
  n: number;
  suppressed: boolean;
}
interface Results {
  territory: { level: string; code: string; name: string } | null;
  indicators: Result[];
}
interface Site {
  id: string;
  name: string;
  commune: { code: string; name: string; departement: string; departementName: string; region: string; regionName: string };
  campaigns: number;
}
interface Problem {
  code: string;
  detail: string;
  detailEn: string;
  errors?: { field: string; message: string }[];
}

/**
 * A national collective whose members act in five départements, one answer set placed nowhere:
 *
 * | who | where (commune → département, région) | answers | "oui" |
 * |---|---|---|---|
 * | Alice (coordinator) | Paris 75056 → 75, 11 | 9 | 9 |
 * | Bob | Lyon 69123 (its commune) → 69, 84 | 12 | 8 |
 * | Bob | site in Villeurbanne 69266 → 69, 84 | 5 | 1 |
 * | Bob | site in Grenoble 38185 → 38, 84 | 3 | 2 |
 * | Carla | Rennes 35238 → 35, 53 | 10 | 5 |
 * | Carla | site in Brest 29019 → 29, 53 | 6 | 6 |
 * | Dora, through a crosswalk of her own question | Marseille 13055 → 13, 93 | 7 | 3 |
 * | Frank, who gave no commune | — | 6 | 2 |
 *
 * Threshold 5: Grenoble's 3 answers hide the Isère; the Rhône (17) is hidden too, or the
 * Auvergne-Rhône-Alpes figure (20) minus the Rhône would give the Isère away.
 */
let t: TestApp;
let alice: Persona;
let bob: Persona;
let carla: Persona;
let dora: Persona;
let frank: Persona;
let eve: Persona;
let dan: Persona;
let anonymous: Persona;
let orgA: OrgInfo;
let orgB: OrgInfo;
let orgC: OrgInfo;
let orgD: OrgInfo;
let orgF: OrgInfo;
let orgE: OrgInfo;
let collective: CollectiveInfo;
let grenoble: Site;
let villeurbanne: Site;
let answersApp: FastifyInstance;

const yesNo = [
  { value: 'oui', labelFr: 'Oui' },
  { value: 'non', labelFr: 'Non' },
];

async function campaign(p: Persona, orgId: string, questionnaireId: string, siteId: string | null = null) {
  const res = await p.post(`/api/organisations/${orgId}/campaigns`, { name: 'Campagne 2026', questionnaireId, period: '2026', populationServed: 100, siteId });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string; slug: string; siteId: string | null }>(res);
}

async function answer(slug: string, questionId: string, yes: number, no: number, values: [string, string] = ['oui', 'non']) {
  for (let i = 0; i < yes + no; i++) {
    const res = await submit(anonymous, slug, { [questionId]: i < yes ? values[0] : values[1] });
    expect(res.statusCode, res.body).toBe(201);
  }
}

const mapOf = async (level: 'departement' | 'region', as: Persona = alice) => json<MapBody>(await as.get(`/api/collectives/${collective.id}/map?code=OUI&level=${level}&period=2026`));
const area = (m: MapBody, code: string) => m.areas.find((a) => a.code === code)!;
const resultsIn = async (territory: string) => json<Results>(await alice.get(`/api/collectives/${collective.id}/results?period=2026&territory=${territory}`));

beforeAll(async () => {
  t = await createTestApp({ publicSubmissionsPerWindow: 10_000 });
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  carla = await signUp(t.app, 'Carla');
  dora = await signUp(t.app, 'Dora');
  frank = await signUp(t.app, 'Frank');
  eve = await signUp(t.app, 'Eve');
  dan = await signUp(t.app, 'Dan');
  anonymous = await signUp(t.app, 'Anonyme');
  anonymous.cookie = null;
  orgA = await createOrganisation(alice, 'Réseau national', { communeCode: '75056' });
  orgB = await createOrganisation(bob, 'Association du Rhône', { communeCode: '69123' });
  orgC = await createOrganisation(carla, 'Association bretonne', { communeCode: '35238' });
  orgD = await createOrganisation(dora, 'Association marseillaise', { communeCode: '13055' });
  orgF = await createOrganisation(frank, 'Association sans commune');
  orgE = await createOrganisation(eve, 'Hors collectif', { communeCode: '31555' });
  await addOrganisationMember(bob, orgB.id, dan, 'viewer');
  collective = await createCollective(alice, orgA.id, 'Collectif national');
  for (const [p, org] of [[bob, orgB], [carla, orgC], [dora, orgD], [frank, orgF]] as const) await joinCollective(alice, collective.id, p, org);
  const fw = collective.commonFrameworkId;
  await addIndicator(alice, fw, shareIndicator('OUI', ['oui']));
  await addIndicator(alice, fw, sumIndicator('ACCUEIL'));
  await adopt(alice, fw);

  const siteRes = async (p: Persona, orgId: string, name: string, communeCode: string) => {
    const res = await p.post(`/api/organisations/${orgId}/sites`, { name, communeCode });
    expect(res.statusCode, res.body).toBe(201);
    return json<Site>(res);
  };
  grenoble = await siteRes(bob, orgB.id, 'Antenne de Grenoble', '38185');
  villeurbanne = await siteRes(bob, orgB.id, 'Antenne de Villeurbanne', '69266');
  const brest = await siteRes(carla, orgC.id, 'Antenne de Brest', '29019');

  const question = (code = 'OUI') => [{ type: 'single', labelFr: 'Oui ou non ?', options: yesNo, indicator: { frameworkId: fw, code } }];
  const qA = await createQuestionnaire(alice, orgA.id, question());
  await answer((await campaign(alice, orgA.id, qA.id)).slug, qA.questions[0]!.id, 9, 0);
  const qB = await createQuestionnaire(bob, orgB.id, question());
  await answer((await campaign(bob, orgB.id, qB.id)).slug, qB.questions[0]!.id, 8, 4);
  await answer((await campaign(bob, orgB.id, qB.id, villeurbanne.id)).slug, qB.questions[0]!.id, 1, 4);
  await answer((await campaign(bob, orgB.id, qB.id, grenoble.id)).slug, qB.questions[0]!.id, 2, 1);
  const qC = await createQuestionnaire(carla, orgC.id, question());
  await answer((await campaign(carla, orgC.id, qC.id)).slug, qC.questions[0]!.id, 5, 5);
  await answer((await campaign(carla, orgC.id, qC.id, brest.id)).slug, qC.questions[0]!.id, 6, 0);
  // Dora keeps her own wording; a crosswalk maps it onto the common indicator.
  const qD = await createQuestionnaire(dora, orgD.id, [{ type: 'single', labelFr: 'Ça va mieux ?', options: [{ value: 'mieux', labelFr: 'Mieux' }, { value: 'pareil', labelFr: 'Pareil' }] }]);
  await answer((await campaign(dora, orgD.id, qD.id)).slug, qD.questions[0]!.id, 3, 4, ['mieux', 'pareil']);
  await createCrosswalk(dora, orgD.id, { questionId: qD.questions[0]!.id, frameworkId: fw, indicatorCode: 'OUI', rule: { type: 'option_map', map: { mieux: 'oui', pareil: '-' } } });
  const qF = await createQuestionnaire(frank, orgF.id, question());
  await answer((await campaign(frank, orgF.id, qF.id)).slug, qF.questions[0]!.id, 2, 4);
  // Activity figures are reported per organisation: they count where the organisation is based.
  for (const [p, org, value] of [[bob, orgB, 100], [carla, orgC, 50]] as const) {
    const res = await p.put(`/api/organisations/${org.id}/activity-figures`, { frameworkId: fw, indicatorCode: 'ACCUEIL', period: '2026', value });
    expect(res.statusCode, res.body).toBe(200);
  }
  // The same database read from every answer rather than the kept partial sums.
  answersApp = await buildApp({ config: { ...t.config, resultsSource: 'answers' }, database: t.database });
  await answersApp.ready();
}, 180_000);
afterAll(async () => {
  await answersApp?.close();
  await t?.close();
});

describe('communes', () => {
  it('are found by name, INSEE code or postal code, for signed-in people', async () => {
    const byName = json<{ code: string; name: string; departementName: string; regionName: string }[]>(await bob.get('/api/territories/communes?q=villeurb'));
    expect(byName[0]).toMatchObject({ code: '69266', name: 'Villeurbanne', departementName: 'Rhône', regionName: 'Auvergne-Rhône-Alpes' });
    expect(json<{ code: string }[]>(await bob.get('/api/territories/communes?q=38185'))[0]!.code).toBe('38185');
    expect(json<{ code: string }[]>(await bob.get('/api/territories/communes?q=29200'))[0]!.code).toBe('29019');
    expect(json<unknown[]>(await bob.get('/api/territories/communes?q=saint')).length).toBe(20);
    expect((await anonymous.get('/api/territories/communes?q=lyon')).statusCode).toBe(401);
    expect(json<{ name: string }>(await bob.get('/api/territories/communes/2A004')).name).toBe('Ajaccio');
    expect((await bob.get('/api/territories/communes/99999')).statusCode).toBe(404);
  });

  it('list the régions and départements', async () => {
    const ref = json<{ regions: unknown[]; departements: unknown[] }>(await bob.get('/api/territories'));
    expect(ref.regions).toHaveLength(18);
    expect(ref.departements).toHaveLength(101);
  });

  it('must exist for an organisation', async () => {
    const res = await eve.post('/api/organisations', { name: 'Commune fantôme', communeCode: '99999' });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).code).toBe('commune_unknown');
  });
});

describe('sites', () => {
  it('are listed with their commune, département and région', async () => {
    const sites = json<Site[]>(await dan.get(`/api/organisations/${orgB.id}/sites`));
    expect(sites.map((s) => s.name)).toEqual(['Antenne de Grenoble', 'Antenne de Villeurbanne']);
    expect(sites[0]).toMatchObject({ commune: { code: '38185', name: 'Grenoble', departement: '38', departementName: 'Isère', region: '84' }, campaigns: 1 });
  });

  it('refuse a commune that does not exist, and point an arrondissement to its commune', async () => {
    const unknown = await bob.post(`/api/organisations/${orgB.id}/sites`, { name: 'Nulle part', communeCode: '69999' });
    expect(unknown.statusCode).toBe(400);
    expect(json<Problem>(unknown)).toMatchObject({ code: 'commune_unknown', errors: [{ field: 'body.communeCode' }] });
    const arrondissement = await bob.post(`/api/organisations/${orgB.id}/sites`, { name: 'Lyon 3e', communeCode: '69383' });
    expect(arrondissement.statusCode).toBe(400);
    expect(json<Problem>(arrondissement).detail).toContain('69123');
    expect((await bob.post(`/api/organisations/${orgB.id}/sites`, { name: 'Mal écrit', communeCode: '6912' })).statusCode).toBe(400);
  });

  it('are changed by admins only, and only in their own organisation', async () => {
    expect((await dan.post(`/api/organisations/${orgB.id}/sites`, { name: 'Antenne', communeCode: '69266' })).statusCode).toBe(403);
    expect((await eve.get(`/api/organisations/${orgB.id}/sites`)).statusCode).toBe(404);
    expect((await eve.patch(`/api/organisations/${orgB.id}/sites/${grenoble.id}`, { name: 'Volé' })).statusCode).toBe(404);
    expect((await eve.patch(`/api/organisations/${orgE.id}/sites/${grenoble.id}`, { name: 'Volé' })).statusCode).toBe(404);
    expect((await eve.delete(`/api/organisations/${orgE.id}/sites/${grenoble.id}`)).statusCode).toBe(404);
  });

  it('are renamed, moved and removed; a campaign held there goes on without one', async () => {
    const created = json<Site>(await bob.post(`/api/organisations/${orgB.id}/sites`, { name: 'Antenne provisoire', communeCode: '69266' }));
    const moved = await bob.patch(`/api/organisations/${orgB.id}/sites/${created.id}`, { name: 'Antenne de Vienne', communeCode: '38544' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json<Site>(moved)).toMatchObject({ name: 'Antenne de Vienne', commune: { code: '38544', name: 'Vienne' } });
    const q = await createQuestionnaire(bob, orgB.id, [{ type: 'text', labelFr: 'Un mot ?' }]);
    const held = await campaign(bob, orgB.id, q.id, created.id);
    expect(held.siteId).toBe(created.id);
    expect((await bob.delete(`/api/organisations/${orgB.id}/sites/${created.id}`)).statusCode).toBe(200);
    const campaigns = json<{ id: string; siteId: string | null }[]>(await bob.get(`/api/organisations/${orgB.id}/campaigns`));
    expect(campaigns.find((c) => c.id === held.id)!.siteId).toBeNull();
    expect((await bob.delete(`/api/organisations/${orgB.id}/sites/${created.id}`)).statusCode).toBe(404);
  });

  it('of another organisation cannot hold a campaign', async () => {
    const q = await createQuestionnaire(carla, orgC.id, [{ type: 'text', labelFr: 'Un mot ?' }]);
    const res = await carla.post(`/api/organisations/${orgC.id}/campaigns`, { name: 'Chez Bob', questionnaireId: q.id, period: '2026', siteId: grenoble.id });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).code).toBe('site_not_found');
  });
});

describe('the collective map', () => {
  it('gives each département its figure, computed by hand', async () => {
    const m = await mapOf('departement');
    expect(m.indicator?.code).toBe('OUI');
    expect(m.indicators.map((i) => i.code)).toEqual(['OUI']);
    expect(m.areas).toHaveLength(101);
    expect(area(m, '75')).toMatchObject({ name: 'Paris', region: '11', n: 9, value: 1, suppressed: false, organisations: 1 });
    expect(area(m, '35')).toMatchObject({ name: 'Ille-et-Vilaine', n: 10, value: 0.5, suppressed: false });
    expect(area(m, '35').ci!.low).toBeCloseTo(0.2366, 3);
    expect(area(m, '29')).toMatchObject({ n: 6, value: 1, suppressed: false });
    // Dora's crosswalked answers sit in Marseille's département.
    expect(area(m, '13')).toMatchObject({ n: 7, suppressed: false, organisations: 1 });
    expect(area(m, '13').value).toBeCloseTo(3 / 7, 10);
    expect(area(m, '31')).toMatchObject({ n: 0, value: null, suppressed: false, organisations: 0 });
    expect(m.total).toMatchObject({ n: 58, suppressed: false, organisations: 5 });
    expect(m.total.value).toBeCloseTo(36 / 58, 10);
    expect(m.unplaced).toMatchObject({ n: 6, suppressed: false });
  });

  it('hides the small département, and its sibling so that the région cannot give it away', async () => {
    const m = await mapOf('departement');
    expect(area(m, '38')).toMatchObject({ n: 3, value: null, ci: null, suppressed: true });
    expect(area(m, '69')).toMatchObject({ n: 17, value: null, ci: null, suppressed: true });
    const regions = await mapOf('region');
    expect(area(regions, '84')).toMatchObject({ name: 'Auvergne-Rhône-Alpes', n: 20, value: 11 / 20, suppressed: false });
    expect(area(regions, '53').value).toBeCloseTo(11 / 16, 10);
  });

  it('leaves nothing an attacker can solve from the régions, the nation and the départements shown', async () => {
    const departements = await mapOf('departement');
    const regions = await mapOf('region');
    const k = departements.suppressionThreshold;
    // Unknowns: the "oui" count of each hidden area with answers. Equations: a région is the sum
    // of its départements; the nation the sum of the régions and the unplaced answers.
    const unknown = [...departements.areas.map((a) => ({ id: `d${a.code}`, ...a })), ...regions.areas.map((a) => ({ id: `r${a.code}`, ...a })), { id: 'u', ...departements.unplaced, code: 'u', region: null }].filter((a) => a.suppressed && a.n > 0);
    const index = new Map(unknown.map((u, i) => [u.id, i]));
    const equations: number[][] = [];
    const eq = (parent: string | null, children: string[]) => {
      const row = new Array<number>(unknown.length).fill(0);
      if (parent && index.has(parent)) row[index.get(parent)!] = 1;
      for (const c of children) if (index.has(c)) row[index.get(c)!] = -1;
      equations.push(row);
    };
    for (const r of regions.areas) eq(`r${r.code}`, departements.areas.filter((d) => d.region === r.code).map((d) => `d${d.code}`));
    eq(null, [...regions.areas.map((r) => `r${r.code}`), 'u']);
    const rank = (m: number[][]) => {
      const a = m.map((row) => [...row]);
      let rk = 0;
      for (let col = 0; col < unknown.length && rk < a.length; col++) {
        const pivot = a.findIndex((row, i) => i >= rk && Math.abs(row[col]!) > 1e-9);
        if (pivot < 0) continue;
        [a[rk], a[pivot]] = [a[pivot]!, a[rk]!];
        for (let i = 0; i < a.length; i++) {
          if (i === rk) continue;
          const f = a[i]![col]! / a[rk]![col]!;
          if (f !== 0) a[i] = a[i]!.map((v, j) => v - f * a[rk]![j]!);
        }
        rk += 1;
      }
      return rk;
    };
    const base = rank(equations);
    const determined = (group: number[]) => rank([...equations, unknown.map((_, j) => (group.includes(j) ? 1 : 0))]) === base;
    const recovered = unknown.filter((_, i) => determined([i]));
    expect(unknown.map((u) => u.id).sort()).toEqual(['d38', 'd69']);
    expect(recovered).toEqual([]);
    // Nor hidden areas pooled (answers apart: no région with its own département): together they
    // may come out only as a group of at least k answers.
    const inside = (a: (typeof unknown)[number], b: (typeof unknown)[number]) => a.id.startsWith('d') && b.id === `r${a.region}`;
    for (let i = 0; i < unknown.length; i++) {
      for (let j = i + 1; j < unknown.length; j++) {
        const [a, b] = [unknown[i]!, unknown[j]!];
        if (inside(a, b) || inside(b, a) || !determined([i, j])) continue;
        expect(a.n + b.n, `${a.id}+${b.id}`).toBeGreaterThanOrEqual(k);
      }
    }
  });

  it('gives the same figures when read from every answer', async () => {
    for (const level of ['departement', 'region']) {
      const url = `/api/collectives/${collective.id}/map?code=OUI&level=${level}&period=2026`;
      const fromPartials = json<MapBody>(await alice.get(url));
      const fromAnswers = json<MapBody>(await answersApp.inject({ method: 'GET', url, headers: { cookie: `socle_session=${alice.cookie}` } }));
      expect(fromAnswers).toEqual(fromPartials);
    }
    for (const territory of ['departement:35', 'region:84', 'departement:69']) {
      const url = `/api/collectives/${collective.id}/results?period=2026&territory=${territory}`;
      const fromAnswers = json<Results>(await answersApp.inject({ method: 'GET', url, headers: { cookie: `socle_session=${alice.cookie}` } }));
      expect(fromAnswers).toEqual(await resultsIn(territory));
    }
  });

  it('refuses activity figures and unknown indicators', async () => {
    expect((await alice.get(`/api/collectives/${collective.id}/map?code=ACCUEIL`)).statusCode).toBe(400);
    expect((await alice.get(`/api/collectives/${collective.id}/map?code=NOPE`)).statusCode).toBe(404);
    expect((await alice.get(`/api/collectives/${collective.id}/map?level=commune`)).statusCode).toBe(400);
  });

  it('is for the collective’s members only', async () => {
    expect((await eve.get(`/api/collectives/${collective.id}/map`)).statusCode).toBe(404);
    expect((await eve.get(`/api/collectives/${collective.id}/coverage`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/collectives/${collective.id}/map`)).statusCode).toBe(401);
    expect((await carla.get(`/api/collectives/${collective.id}/map?level=region`)).statusCode).toBe(200);
  });
});

describe('results département by département', () => {
  it('reads a national collective within one département or région', async () => {
    const ille = await resultsIn('departement:35');
    expect(ille.territory).toEqual({ level: 'departement', code: '35', name: 'Ille-et-Vilaine' });
    expect(ille.indicators.find((i) => i.code === 'OUI')).toMatchObject({ n: 10, value: 0.5, suppressed: false });
    const aura = await resultsIn('region:84');
    expect(aura.indicators.find((i) => i.code === 'OUI')).toMatchObject({ n: 20, value: 11 / 20, suppressed: false });
    // Bob is based in Lyon: his activity figure counts in Auvergne-Rhône-Alpes, Carla's does not.
    expect(aura.indicators.find((i) => i.code === 'ACCUEIL')).toMatchObject({ n: 1, value: 100 });
    const national = json<Results>(await alice.get(`/api/collectives/${collective.id}/results?period=2026`));
    expect(national.territory).toBeNull();
    expect(national.indicators.find((i) => i.code === 'OUI')).toMatchObject({ n: 58, suppressed: false });
  });

  it('hides a département wherever the map hides it', async () => {
    expect((await resultsIn('departement:38')).indicators.find((i) => i.code === 'OUI')).toMatchObject({ n: 3, value: null, suppressed: true });
    // Enough answers of its own, hidden to protect the Isère.
    expect((await resultsIn('departement:69')).indicators.find((i) => i.code === 'OUI')).toMatchObject({ n: 17, value: null, suppressed: true });
  });

  it('refuses a territory that does not exist', async () => {
    for (const territory of ['departement:20', 'region:99', 'commune:69123']) {
      expect((await alice.get(`/api/collectives/${collective.id}/results?period=2026&territory=${territory}`)).statusCode).toBe(400);
    }
  });
});

describe('coverage', () => {
  it('says which members act in each département, and where none does', async () => {
    const c = json<{
      departements: { code: string; organisations: { name: string; seat: { communeName: string } | null; sites: { name: string; communeName: string }[] }[] }[];
      regions: { code: string; organisations: number; departements: number; covered: number }[];
      unlocated: { name: string }[];
    }>(await carla.get(`/api/collectives/${collective.id}/coverage`));
    const d = (code: string) => c.departements.find((x) => x.code === code)!;
    expect(c.departements).toHaveLength(101);
    expect(d('69').organisations).toEqual([{ organisationId: orgB.id, name: 'Association du Rhône', seat: { communeCode: '69123', communeName: 'Lyon' }, sites: [{ id: villeurbanne.id, name: 'Antenne de Villeurbanne', communeCode: '69266', communeName: 'Villeurbanne' }] }]);
    expect(d('38').organisations[0]).toMatchObject({ seat: null, sites: [{ name: 'Antenne de Grenoble' }] });
    expect(d('29').organisations[0]?.name).toBe('Association bretonne');
    expect(d('31').organisations).toEqual([]);
    expect(c.departements.filter((x) => x.organisations.length > 0).map((x) => x.code).sort()).toEqual(['13', '29', '35', '38', '69', '75']);
    expect(c.regions.find((r) => r.code === '84')).toEqual({ code: '84', name: 'Auvergne-Rhône-Alpes', organisations: 1, departements: 12, covered: 2 });
    expect(c.unlocated).toEqual([{ organisationId: orgF.id, name: 'Association sans commune' }]);
  });
});

describe('a territorial collective', () => {
  it('is set by the coordinator only, to a territory that exists', async () => {
    expect((await bob.patch(`/api/collectives/${collective.id}`, { territory: { level: 'region', code: '84' } })).statusCode).toBe(403);
    const unknown = await alice.patch(`/api/collectives/${collective.id}`, { territory: { level: 'region', code: '69' } });
    expect(unknown.statusCode).toBe(400);
    expect(json<Problem>(unknown).code).toBe('territory_unknown');
    // A revision other than the stored one answers 409, as for the other settings.
    const { revision } = json<{ revision: number }>(await alice.get(`/api/collectives/${collective.id}`));
    const stale = await alice.request('PATCH', `/api/collectives/${collective.id}`, { territory: { level: 'region', code: '84' } }, { 'if-match': `"${revision + 1}"` });
    expect(stale.statusCode).toBe(409);
    expect(json<{ territory: unknown }>(await alice.get(`/api/collectives/${collective.id}`)).territory).toBeNull();
  });

  it('counts only the answers collected in its territory, and its map and coverage focus there', async () => {
    const set = await alice.patch(`/api/collectives/${collective.id}`, { territory: { level: 'region', code: '84' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(json<{ territory: unknown }>(set).territory).toEqual({ level: 'region', code: '84', name: 'Auvergne-Rhône-Alpes' });
    try {
      const results = json<Results>(await alice.get(`/api/collectives/${collective.id}/results?period=2026`));
      expect(results.territory).toEqual({ level: 'region', code: '84', name: 'Auvergne-Rhône-Alpes' });
      expect(results.indicators.find((i) => i.code === 'OUI')).toMatchObject({ n: 20, value: 11 / 20 });
      expect(results.indicators.find((i) => i.code === 'ACCUEIL')).toMatchObject({ value: 100 });
      const trend = json<{ points: { period: string; n: number }[] }>(await alice.get(`/api/collectives/${collective.id}/trend?code=OUI`));
      expect(trend.points).toMatchObject([{ period: '2026', n: 20 }]);

      const m = await mapOf('departement');
      expect(m.territory?.code).toBe('84');
      expect(m.areas).toHaveLength(12);
      expect(m.total).toMatchObject({ name: 'Auvergne-Rhône-Alpes', n: 20 });
      expect(m.unplaced.n).toBe(0);
      expect(area(m, '38').suppressed).toBe(true);
      expect(area(m, '69').suppressed).toBe(true);
      expect((await mapOf('region')).areas.map((a) => a.code)).toEqual(['84']);

      expect((await alice.get(`/api/collectives/${collective.id}/results?period=2026&territory=departement:35`)).statusCode).toBe(400);
      expect((await resultsIn('departement:38')).indicators.find((i) => i.code === 'OUI')).toMatchObject({ suppressed: true });

      const c = json<{ departements: unknown[]; outside: { name: string }[] }>(await alice.get(`/api/collectives/${collective.id}/coverage`));
      expect(c.departements).toHaveLength(12);
      expect(c.outside.map((o) => o.name).sort()).toEqual(['Association bretonne', 'Association marseillaise', 'Réseau national']);
    } finally {
      const back = await alice.patch(`/api/collectives/${collective.id}`, { territory: null });
      expect(json<{ territory: unknown }>(back).territory).toBeNull();
    }
  });
});
