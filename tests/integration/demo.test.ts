import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoaded, loadDemo, type DemoSummary } from '../../src/cli/demo.ts';
import {
  ASSOCIATIONS,
  COMMON_INDICATORS,
  COORDINATOR_EMAIL,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  ambassadorEmail,
} from '../../src/cli/demo-data.ts';
import type { Database } from '../../src/db/connect.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { json, Persona } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';

interface IndicatorResult {
  code: string;
  scope: 'common' | 'specific';
  computation: { type: string };
  value: number | null;
  n: number;
  suppressed: boolean;
  organisations: number;
}
interface Results {
  period: string | null;
  periods: string[];
  indicators: IndicatorResult[];
}

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let summary: DemoSummary;
let coordinator: Persona;
const lines: string[] = [];
let loadedBefore: boolean;

async function signIn(email: string): Promise<Persona> {
  const persona = new Persona(app, email.split('@')[0]!, email);
  const res = await persona.post('/api/auth/sign-in', { email, password: DEMO_PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  return persona;
}

async function tableCounts() {
  const result = await database.db.execute(sql`
    select (select count(*)::int from users) as users, (select count(*)::int from organisations) as organisations,
      (select count(*)::int from collectives) as collectives, (select count(*)::int from indicators) as indicators,
      (select count(*)::int from responses) as responses, (select count(*)::int from answers) as answers,
      (select count(*)::int from activity_figures) as figures`);
  const row = (result as { rows: Record<string, unknown>[] }).rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  loadedBefore = await demoLoaded(database.db);
  summary = await loadDemo(database.db, { log: (line) => lines.push(line) });
  app = await buildApp({
    config: loadConfig({ PORT: '3000', SOCLE_LOG_LEVEL: 'silent' }),
    database,
  });
  await app.ready();
  coordinator = await signIn(COORDINATOR_EMAIL);
}, 240_000);

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('demo', () => {
  it('reports what it loaded, with progress lines on the way', () => {
    expect(summary.alreadyLoaded).toBe(false);
    expect(summary.organisations).toEqual({ members: 6, active: 6, associations: 5 });
    expect(summary.indicators.common).toBe(15);
    expect(summary.indicators.specific).toBe(
      ASSOCIATIONS.reduce((s, a) => s + a.specific.length, 0),
    );
    expect(summary.activityFigures.periods).toEqual(['2026', '2025']);
    expect(lines).toContain(
      'Chargement de la démo… 3/5 associations (Le Beffroi Solidaire (démo)) / Loading the demo… 3/5 associations',
    );
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toEqual([
      COORDINATOR_EMAIL,
      ...ASSOCIATIONS.map(ambassadorEmail),
    ]);
  });

  it('has the collective with the network head and five active associations, two of them in the COPIL', async () => {
    const res = await coordinator.get(`/api/collectives/${summary.collectiveId}`);
    expect(res.statusCode, res.body).toBe(200);
    const collective = json<{
      name: string;
      suppressionThreshold: number;
      canManage: boolean;
      members: {
        slug: string;
        status: string;
        copil: boolean;
        coordinator: boolean;
        communeCode: string | null;
      }[];
    }>(res);
    expect(collective.name).toBe('Collectif Solidarités (démo)');
    expect(collective.suppressionThreshold).toBe(5);
    expect(collective.canManage).toBe(true);
    expect(collective.members).toHaveLength(6);
    expect(collective.members.every((m) => m.status === 'active')).toBe(true);
    expect(collective.members.filter((m) => m.coordinator)).toHaveLength(1);
    const associations = collective.members.filter((m) => !m.coordinator);
    expect(
      associations
        .filter((m) => m.copil)
        .map((m) => m.slug)
        .sort(),
    ).toEqual(['calanques', 'traboules']);
    // Five départements.
    expect(new Set(associations.map((m) => m.communeCode?.slice(0, 2))).size).toBe(5);
  });

  it('has an adopted common framework of 15 indicators, each on a node of the theory of change', async () => {
    const res = await coordinator.get(`/api/frameworks/${summary.commonFrameworkId}`);
    expect(res.statusCode, res.body).toBe(200);
    const fw = json<{
      draft: unknown;
      adopted: {
        indicators: { code: string; nodeId: string | null; computation: { type: string } }[];
        nodes: { id: string; kind: string }[];
      } | null;
    }>(res);
    expect(fw.draft).toBeNull();
    expect(fw.adopted?.indicators).toHaveLength(15);
    const nodeIds = new Set(fw.adopted!.nodes.map((n) => n.id));
    expect(fw.adopted!.indicators.every((i) => i.nodeId !== null && nodeIds.has(i.nodeId))).toBe(
      true,
    );
    expect(fw.adopted!.nodes.filter((n) => n.kind === 'impact')).toHaveLength(1);
    const types = fw.adopted!.indicators.map((i) => i.computation.type);
    expect(types.filter((t) => t === 'sum')).toHaveLength(2);
    expect(types.filter((t) => t === 'count')).toHaveLength(1);
    expect(types.filter((t) => t === 'mean').length).toBeGreaterThanOrEqual(2);
    expect(types.filter((t) => t === 'share').length).toBeGreaterThanOrEqual(8);
  });

  it('gives sector results for 2026 on every indicator, from all five associations', async () => {
    const res = await coordinator.get(
      `/api/collectives/${summary.collectiveId}/results?period=2026`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const results = json<Results>(res);
    expect(results.periods).toEqual(['2026', '2025']);
    expect(results.indicators).toHaveLength(15);
    for (const ind of results.indicators) {
      expect(ind.suppressed, ind.code).toBe(false);
      expect(ind.value, ind.code).not.toBeNull();
      expect(ind.organisations, ind.code).toBe(5);
      if (ind.computation.type === 'sum') {
        expect(ind.n, ind.code).toBe(5);
      } else {
        expect(ind.n, ind.code).toBeGreaterThanOrEqual(750);
        expect(ind.n, ind.code).toBeLessThanOrEqual(Math.min(3000, summary.responses.total));
      }
    }
    const count = results.indicators.find((i) => i.computation.type === 'count')!;
    expect(count.value).toBe(summary.responses.total);
    const people = results.indicators.find((i) => i.code === 'C14')!;
    expect(people.value).toBe(ASSOCIATIONS.reduce((s, a) => s + (a.activity['2026']?.C14 ?? 0), 0));
  });

  it('gives each association 150 to 600 responses, its own figures, different from the others', async () => {
    const byCode = new Map<string, number[]>();
    for (const a of ASSOCIATIONS) {
      const ambassador = await signIn(ambassadorEmail(a));
      const org = summary.associations.find((s) => s.slug === a.slug)!;
      const campaigns = json<
        { period: string; responseCount: number; populationServed: number | null; siteId: string | null }[]
      >(await ambassador.get(`/api/organisations/${org.organisationId}/campaigns`));
      // One campaign at the association's own commune, one at each of its sites.
      expect(campaigns).toHaveLength(1 + a.sites.length);
      expect(campaigns.every((c) => c.period === '2026')).toBe(true);
      const home = campaigns.find((c) => c.siteId === null)!;
      expect(home.populationServed).toBe(a.populationServed);
      const total = campaigns.reduce((n, c) => n + c.responseCount, 0);
      expect(total).toBeGreaterThanOrEqual(150);
      expect(total).toBeLessThanOrEqual(600);
      expect(total).toBe(org.responses);
      const sites = json<{ commune: { code: string } }[]>(await ambassador.get(`/api/organisations/${org.organisationId}/sites`));
      expect(sites.map((s) => s.commune.code).sort()).toEqual(a.sites.map((s) => s.communeCode).sort());

      const res = await ambassador.get(
        `/api/organisations/${org.organisationId}/results?period=2026`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const results = json<Results>(res);
      const specific = results.indicators.filter((i) => i.scope === 'specific');
      expect(specific.map((i) => i.code)).toEqual(a.specific.map((s) => s.code));
      expect(specific.every((i) => i.value !== null)).toBe(true);
      for (const ind of results.indicators.filter(
        (i) => i.scope === 'common' && i.computation.type !== 'sum',
      )) {
        expect(ind.value, `${a.slug} ${ind.code}`).not.toBeNull();
        byCode.set(ind.code, [...(byCode.get(ind.code) ?? []), ind.value!]);
      }
    }
    const questionnaireBased = COMMON_INDICATORS.filter((i) => i.question).map((i) => i.code);
    expect([...byCode.keys()].sort()).toEqual(questionnaireBased.sort());
    for (const [code, values] of byCode) {
      expect(values, code).toHaveLength(5);
      expect(new Set(values).size, code).toBeGreaterThanOrEqual(4);
    }
    // Shares spread across associations, not one value repeated.
    const confidence = byCode.get('C01')!;
    expect(Math.max(...confidence) - Math.min(...confidence)).toBeGreaterThan(0.03);
  });

  it('puts the answers on the collective map: départements of the associations and their sites, a small one hidden', async () => {
    const res = await coordinator.get(`/api/collectives/${summary.collectiveId}/map?period=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const map = json<{ total: { n: number }; areas: { code: string; n: number; value: number | null; suppressed: boolean }[] }>(res);
    const shown = map.areas.filter((a) => a.n > 0 && !a.suppressed).map((a) => a.code);
    expect(shown.length).toBeGreaterThanOrEqual(8);
    // Vannes' three answers are hidden, and so is a neighbour in Bretagne so that they stay hidden.
    expect(map.areas.find((a) => a.code === '56')).toMatchObject({ value: null, suppressed: true });
    expect(map.areas.filter((a) => ['22', '35'].includes(a.code)).some((a) => a.suppressed)).toBe(true);
  });

  it('loads only once: a second load finds the demo and writes nothing', async () => {
    expect(loadedBefore).toBe(false);
    expect(await demoLoaded(database.db)).toBe(true);
    const before = await tableCounts();
    const again: string[] = [];
    const second = await loadDemo(database.db, { log: (line) => again.push(line) });
    expect(second.alreadyLoaded).toBe(true);
    expect(second.collectiveId).toBe(summary.collectiveId);
    expect(second.responses).toEqual(summary.responses);
    expect(again.join('\n')).toMatch(/déjà chargée/);
    expect(await tableCounts()).toEqual(before);
    expect(before).toMatchObject({
      users: 6,
      organisations: 6,
      collectives: 1,
      responses: summary.responses.total,
    });
  });
});
