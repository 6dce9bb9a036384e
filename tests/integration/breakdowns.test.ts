import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { FastifyInstance } from 'fastify';
import { createTestApp, json, signUp, Persona, type TestApp } from '../support/app.ts';
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
  type CollectiveInfo,
  type OrgInfo,
} from '../support/factories.ts';

interface Figure {
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
  suppressed: boolean;
}
interface Cell extends Figure {
  option: string | null;
  label: string;
}
interface Dimension {
  by: string;
  code: string;
  options: { option: string; label: string; labelEn: string }[];
}
interface Breakdown {
  suppressionThreshold: number | null;
  by: Dimension;
  indicators: { code: string; frameworkId: string; scope: string; total: Figure; cells: Cell[] }[];
}
interface CrossTab {
  withheld: boolean;
  columns: { option: string | null }[];
  rows: { option: string | null; cells: Figure[]; total: Figure }[];
  columnTotals: Figure[];
  total: Figure;
}
interface Results {
  indicators: (Figure & { code: string })[];
}

let t: TestApp;
let alice: Persona;
let bob: Persona;
let chelsea: Persona;
let head: OrgInfo;
let assoc: OrgInfo;
let collective: CollectiveInfo;

const sexes = [
  { value: 'f', labelFr: 'Femme', labelEn: 'Woman' },
  { value: 'h', labelFr: 'Homme', labelEn: 'Man' },
  { value: 'x', labelFr: 'Autre', labelEn: 'Other' },
];
const ages = [
  { value: 'jeune', labelFr: 'Moins de 25 ans' },
  { value: 'adulte', labelFr: '25 à 59 ans' },
  { value: 'senior', labelFr: '60 ans et plus' },
];
const yesNo = [
  { value: 'oui', labelFr: 'Oui' },
  { value: 'non', labelFr: 'Non' },
];

/** sexe, âge (or null: not answered), satisfied, mark out of 5. */
type Person = [string, string | null, 'oui' | 'non', number];
const headPeople: Person[] = [
  ...Array.from({ length: 14 }, (_, i): Person => ['f', i % 2 ? 'jeune' : 'adulte', i % 3 ? 'oui' : 'non', 1 + (i % 5)]),
  ...Array.from({ length: 12 }, (_, i): Person => ['h', i % 2 ? 'adulte' : 'jeune', i % 4 ? 'oui' : 'non', 1 + (i % 4)]),
  ['x', 'senior', 'oui', 5],
  ['x', null, 'non', 2],
];
const assocPeople: Person[] = [
  ...Array.from({ length: 11 }, (_, i): Person => ['f', i % 3 ? 'adulte' : 'senior', i % 2 ? 'oui' : 'non', 2 + (i % 3)]),
  ...Array.from({ length: 9 }, (_, i): Person => ['h', 'adulte', i % 3 ? 'oui' : 'non', 3]),
  ['x', 'jeune', 'non', 1],
  ['f', null, 'oui', 4],
];

beforeAll(async () => {
  t = await createTestApp({ publicSubmissionsPerWindow: 10_000 });
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  chelsea = await signUp(t.app, 'Chelsea');
  const anonymous = await signUp(t.app, 'Anonyme');
  anonymous.cookie = null;
  head = await createOrganisation(alice, 'Tête de réseau');
  assoc = await createOrganisation(bob, 'Association membre');
  await createOrganisation(chelsea, 'Dehors');
  collective = await createCollective(alice, head.id);
  await joinCollective(alice, collective.id, bob, assoc);
  const fw = collective.commonFrameworkId;
  await addIndicator(alice, fw, shareIndicator('SEXE', ['f']));
  await addIndicator(alice, fw, shareIndicator('AGE', ['senior']));
  await addIndicator(alice, fw, shareIndicator('SATIS', ['oui']));
  await addIndicator(alice, fw, meanIndicator('NOTE'));
  await addIndicator(alice, fw, sumIndicator('ACCOMP'));
  await adopt(alice, fw);
  await addIndicator(bob, assoc.specificFrameworkId, meanIndicator('LOCAL'));
  await adopt(bob, assoc.specificFrameworkId);
  const questions = (specific?: string) => [
    { type: 'single', labelFr: 'Vous êtes', options: sexes, indicator: { frameworkId: fw, code: 'SEXE' } },
    { type: 'single', labelFr: 'Votre âge', options: ages, indicator: { frameworkId: fw, code: 'AGE' } },
    { type: 'single', labelFr: 'Satisfait ?', options: yesNo, indicator: { frameworkId: fw, code: 'SATIS' } },
    { type: 'scale', labelFr: 'Votre note', indicator: { frameworkId: fw, code: 'NOTE' } },
    ...(specific ? [{ type: 'scale', labelFr: 'Note locale', indicator: { frameworkId: specific, code: 'LOCAL' } }] : []),
  ];
  for (const [persona, org, people, specific] of [
    [alice, head, headPeople, undefined],
    [bob, assoc, assocPeople, assoc.specificFrameworkId],
  ] as const) {
    const q = await createQuestionnaire(persona, org.id, questions(specific));
    const campaign = await createCampaign(persona, org.id, q.id, '2026');
    const [sexe, age, satis, note, local] = q.questions.map((x) => x.id);
    for (const [s, a, y, m] of people) {
      const answers: Record<string, unknown> = { [sexe!]: s, [satis!]: y, [note!]: m };
      if (a !== null) answers[age!] = a;
      if (local) answers[local] = 6 - m;
      expect((await submit(anonymous, campaign.slug, answers)).statusCode).toBe(201);
    }
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const everyone = () => [...headPeople, ...assocPeople];
const cell = (b: Breakdown, code: string, option: string | null) => b.indicators.find((i) => i.code === code)!.cells.find((c) => c.option === option)!;

describe('breakdowns on offer', () => {
  it('lists the common single-choice indicators with their options, by code in a collective', async () => {
    const res = await bob.get(`/api/collectives/${collective.id}/breakdowns?lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    const { breakdowns } = json<{ breakdowns: Dimension[] }>(res);
    expect(breakdowns.map((d) => d.by)).toEqual(['SEXE', 'AGE', 'SATIS']);
    expect(breakdowns[0]!.options).toEqual([
      { option: 'f', label: 'Woman', labelFr: 'Femme', labelEn: 'Woman' },
      { option: 'h', label: 'Man', labelFr: 'Homme', labelEn: 'Man' },
      { option: 'x', label: 'Other', labelFr: 'Autre', labelEn: 'Other' },
    ]);
  });

  it('names them frameworkId:code for an organisation', async () => {
    const { breakdowns } = json<{ breakdowns: Dimension[] }>(await bob.get(`/api/organisations/${assoc.id}/breakdowns`));
    expect(breakdowns.map((d) => d.by)).toEqual(['SEXE', 'AGE', 'SATIS'].map((c) => `${collective.commonFrameworkId}:${c}`));
  });

  it('is for members only', async () => {
    expect((await chelsea.get(`/api/collectives/${collective.id}/breakdowns`)).statusCode).toBe(404);
    expect((await chelsea.get(`/api/organisations/${assoc.id}/breakdowns`)).statusCode).toBe(404);
    expect((await chelsea.get(`/api/collectives/${collective.id}/breakdown?by=SEXE`)).statusCode).toBe(404);
    expect((await chelsea.get(`/api/collectives/${collective.id}/crosstab?code=SATIS&by=SEXE&by2=AGE`)).statusCode).toBe(404);
  });
});

describe('an organisation’s own breakdown', () => {
  it('shows every cell, small ones too, with "not answered" so that cells add up to the total', async () => {
    const res = await bob.get(`/api/organisations/${assoc.id}/breakdown?by=${collective.commonFrameworkId}:AGE&period=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const b = json<Breakdown>(res);
    expect(b.suppressionThreshold).toBeNull();
    const satis = b.indicators.find((i) => i.code === 'SATIS')!;
    expect(satis.cells.map((c) => [c.option, c.n, c.suppressed])).toEqual([
      ['jeune', 1, false],
      ['adulte', 16, false],
      ['senior', 4, false],
      [null, 1, false],
    ]);
    const jeune = assocPeople.filter((p) => p[1] === 'jeune');
    expect(cell(b, 'SATIS', 'jeune').value).toBe(jeune.filter((p) => p[2] === 'oui').length / jeune.length);
    // The organisation's own indicators are broken down by the common question too; activity figures are not.
    expect(b.indicators.map((i) => i.code)).toEqual(['SEXE', 'AGE', 'SATIS', 'NOTE', 'LOCAL']);
    expect(cell(b, 'LOCAL', 'adulte').n).toBe(16);
  });
});

describe('a collective’s breakdown', () => {
  let results: Results;
  let bySexe: Breakdown;
  let byAge: Breakdown;

  beforeAll(async () => {
    results = json<Results>(await bob.get(`/api/collectives/${collective.id}/results?period=2026`));
    bySexe = json<Breakdown>(await bob.get(`/api/collectives/${collective.id}/breakdown?by=SEXE&period=2026`));
    byAge = json<Breakdown>(await bob.get(`/api/collectives/${collective.id}/breakdown?by=AGE&period=2026`));
  });

  it('gives every indicator’s total exactly as the results do', () => {
    for (const b of [bySexe, byAge]) {
      for (const ind of b.indicators) {
        const r = results.indicators.find((x) => x.code === ind.code)!;
        expect(ind.total).toEqual({ value: r.value, n: r.n, ci: r.ci, suppressed: r.suppressed });
      }
    }
  });

  it('counts and computes each cell from the answers, and the cells add up to the total', () => {
    const satis = byAge.indicators.find((i) => i.code === 'SATIS')!;
    expect(satis.cells.map((c) => c.n)).toEqual(['jeune', 'adulte', 'senior', null].map((a) => everyone().filter((p) => p[1] === a).length));
    expect(satis.cells.reduce((s, c) => s + c.n, 0)).toBe(satis.total.n);
    const adults = everyone().filter((p) => p[1] === 'adulte');
    expect(cell(byAge, 'SATIS', 'adulte').value).toBeCloseTo(adults.filter((p) => p[2] === 'oui').length / adults.length, 10);
    expect(cell(byAge, 'NOTE', 'adulte').value).toBeCloseTo(adults.reduce((s, p) => s + p[3], 0) / adults.length, 10);
    expect(cell(byAge, 'NOTE', 'adulte').ci).not.toBeNull();
  });

  it('hides a cell on fewer than k answers, keeps its n, and hides another so that the total does not give it away', () => {
    // 2 "autre" out of 50 answers: the collective's k is 5.
    const x = cell(bySexe, 'SATIS', 'x');
    expect(x).toMatchObject({ n: 3, value: null, ci: null, suppressed: true, label: 'Autre' });
    const hidden = bySexe.indicators.find((i) => i.code === 'SATIS')!.cells.filter((c) => c.suppressed);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(cell(bySexe, 'SATIS', 'f').suppressed || cell(bySexe, 'SATIS', 'h').suppressed).toBe(true);
  });

  it('leaves out activity figures and refuses a breakdown that is not on offer, naming the parameter', async () => {
    expect(bySexe.indicators.map((i) => i.code)).not.toContain('ACCOMP');
    for (const by of ['NOTE', 'ACCOMP', 'NOPE', `${collective.commonFrameworkId}:SEXE`]) {
      const res = await bob.get(`/api/collectives/${collective.id}/breakdown?by=${encodeURIComponent(by)}`);
      expect(res.statusCode, by).toBe(400);
      expect(json<{ code: string; errors: { field: string }[] }>(res)).toMatchObject({ code: 'unknown_breakdown', errors: [{ field: 'querystring.by' }] });
    }
  });
});

describe('cross-tabs', () => {
  it('gives an organisation its own table with margins, nothing hidden', async () => {
    const res = await bob.get(`/api/organisations/${assoc.id}/crosstab?frameworkId=${collective.commonFrameworkId}&code=SATIS&by=${collective.commonFrameworkId}:SEXE&by2=${collective.commonFrameworkId}:AGE&period=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const x = json<CrossTab>(res);
    expect(x.withheld).toBe(false);
    expect(x.columns.map((c) => c.option)).toEqual(['jeune', 'adulte', 'senior', null]);
    expect(x.rows.map((r) => r.option)).toEqual(['f', 'h', 'x', null]);
    const count = (s: string | null, a: string | null) => assocPeople.filter((p) => p[0] === s && p[1] === a).length;
    expect(x.rows.map((r) => r.cells.map((c) => c.n))).toEqual(x.rows.map((r) => x.columns.map((c) => count(r.option, c.option))));
    expect(x.rows.flatMap((r) => r.cells).some((c) => c.suppressed)).toBe(false);
    expect(x.total.n).toBe(assocPeople.length);
  });

  it('takes a collective’s margins exactly from its breakdowns, and hides inner cells so that none comes back', async () => {
    const get = async (url: string) => {
      const res = await bob.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<unknown>();
    };
    const x = (await get(`/api/collectives/${collective.id}/crosstab?code=NOTE&by=SEXE&by2=AGE&period=2026`)) as CrossTab;
    const bySexe = (await get(`/api/collectives/${collective.id}/breakdown?by=SEXE&period=2026`)) as Breakdown;
    const byAge = (await get(`/api/collectives/${collective.id}/breakdown?by=AGE&period=2026`)) as Breakdown;
    const strip = ({ value, n, ci, suppressed }: Figure) => ({ value, n, ci, suppressed });
    const note = (b: Breakdown) => b.indicators.find((i) => i.code === 'NOTE')!;
    expect(x.rows.map((r) => strip(r.total))).toEqual(note(bySexe).cells.map(strip));
    expect(x.columnTotals.map(strip)).toEqual(note(byAge).cells.map(strip));
    expect(strip(x.total)).toEqual(note(bySexe).total);
    if (!x.withheld) {
      for (const r of x.rows) expect(r.cells.reduce((s, c) => s + c.n, 0)).toBe(r.total.n);
      // The "autre" row rests on 3 answers: its cells are hidden.
      expect(x.rows.find((r) => r.option === 'x')!.cells.filter((c) => c.n > 0).every((c) => c.suppressed)).toBe(true);
    }
  });

  it('refuses the same breakdown twice, and an activity figure', async () => {
    const same = await bob.get(`/api/collectives/${collective.id}/crosstab?code=NOTE&by=SEXE&by2=SEXE`);
    expect(same.statusCode).toBe(400);
    expect(json<{ code: string }>(same).code).toBe('same_breakdown');
    expect((await bob.get(`/api/collectives/${collective.id}/crosstab?code=ACCOMP&by=SEXE&by2=AGE`)).statusCode).toBe(404);
  });
});

describe('the same figures from every answer (SOCLE_RESULTS_SOURCE=answers)', () => {
  let naive: FastifyInstance;
  beforeAll(async () => {
    naive = await buildApp({ config: { ...t.config, resultsSource: 'answers' }, database: t.database, logger: false });
    await naive.ready();
  });
  afterAll(async () => {
    await naive?.close();
  });

  it.each([
    () => `/api/collectives/${collective.id}/breakdown?by=SEXE&period=2026`,
    () => `/api/collectives/${collective.id}/breakdown?by=AGE&period=2026`,
    () => `/api/organisations/${assoc.id}/breakdown?by=${collective.commonFrameworkId}:SEXE&period=2026`,
    () => `/api/collectives/${collective.id}/crosstab?code=SATIS&by=AGE&by2=SEXE&period=2026`,
    () => `/api/organisations/${assoc.id}/crosstab?frameworkId=${collective.commonFrameworkId}&code=NOTE&by=${collective.commonFrameworkId}:SEXE&by2=${collective.commonFrameworkId}:AGE&period=2026`,
  ])('%#: identical', async (url) => {
    const kept = await bob.get(url());
    const other = new Persona(naive, bob.name, bob.email);
    other.cookie = bob.cookie;
    const fresh = await other.get(url());
    expect(kept.statusCode, kept.body).toBe(200);
    expect(fresh.json()).toEqual(kept.json());
  });
});

describe('thresholds of a collective', () => {
  it('shows both, lets the coordinator change them, and hides more cells with a higher k', async () => {
    const before = json<{ suppressionThreshold: number; publicSuppressionThreshold: number }>(await bob.get(`/api/collectives/${collective.id}`));
    expect(before).toMatchObject({ suppressionThreshold: 5, publicSuppressionThreshold: 10 });
    const hiddenAt = async () => json<Breakdown>(await bob.get(`/api/collectives/${collective.id}/breakdown?by=AGE&period=2026`)).indicators.flatMap((i) => i.cells).filter((c) => c.suppressed).length;
    const atFive = await hiddenAt();
    const res = await alice.patch(`/api/collectives/${collective.id}`, { suppressionThreshold: 8, publicSuppressionThreshold: 12 });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ suppressionThreshold: number; publicSuppressionThreshold: number }>(res)).toMatchObject({ suppressionThreshold: 8, publicSuppressionThreshold: 12 });
    expect(await hiddenAt()).toBeGreaterThan(atFive);
    const back = await alice.patch(`/api/collectives/${collective.id}`, { suppressionThreshold: 5, publicSuppressionThreshold: 10 });
    expect(back.statusCode).toBe(200);
  });

  it.each([
    ['a public threshold below the inside one', { publicSuppressionThreshold: 4 }, 'body.publicSuppressionThreshold'],
    ['an inside threshold above the public one', { suppressionThreshold: 11 }, 'body.publicSuppressionThreshold'],
    ['a threshold of 1', { suppressionThreshold: 1 }, 'body.suppressionThreshold'],
    ['a threshold above 100', { publicSuppressionThreshold: 101 }, 'body.publicSuppressionThreshold'],
  ])('refuses %s, naming the field', async (_name, body, field) => {
    const res = await alice.patch(`/api/collectives/${collective.id}`, body);
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(res).errors.map((e) => e.field)).toContain(field);
  });

  it('is the coordinator’s to change', async () => {
    expect((await bob.patch(`/api/collectives/${collective.id}`, { publicSuppressionThreshold: 20 })).statusCode).toBe(403);
  });

  it('takes a public threshold at creation, never below the inside one', async () => {
    const res = await alice.post('/api/collectives', { name: 'Autre collectif', coordinatorOrganisationId: head.id, suppressionThreshold: 12 });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<{ publicSuppressionThreshold: number }>(res).publicSuppressionThreshold).toBe(12);
    const bad = await alice.post('/api/collectives', { name: 'Collectif bancal', coordinatorOrganisationId: head.id, suppressionThreshold: 8, publicSuppressionThreshold: 6 });
    expect(bad.statusCode).toBe(400);
  });
});
