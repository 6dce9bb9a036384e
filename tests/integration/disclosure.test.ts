import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersOf, tooSmall } from '../../src/domain/disclosure.ts';
import { createTestApp, signUp, type Persona, type TestApp } from '../support/app.ts';
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
  type CollectiveInfo,
  type OrgInfo,
} from '../support/factories.ts';

/**
 * The attacker: a member of the collective reads every figure the collective shows — totals,
 * every breakdown, every cross-tab both ways round, for two periods — and knows its own
 * organisation's answers. Each figure is an equation on the answers of the smallest groups the
 * breakdowns make (sex × age × site × organisation); the attacker solves them all together and
 * tries every difference between figures it knows. It must learn nothing it should not. The same
 * attacker, on the same figures with only small cells hidden (the complementary step left out),
 * gets through: the test can fail.
 */

const K = 5;
const DIMENSIONS = ['SEXE', 'AGE', 'SITE'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const TARGETS = ['SATIS', 'NOTE'] as const;
type Target = (typeof TARGETS)[number];
const ORGS = ['A', 'B', 'C', 'D'] as const;
type Org = (typeof ORGS)[number];

interface Person {
  org: Org;
  period: string;
  SEXE: string;
  AGE: string | null;
  SITE: string | null;
  satis: 'oui' | 'non' | null;
  note: number | null;
  words: string | null;
}

interface ApiFigure {
  value: number | null;
  n: number;
  suppressed: boolean;
}

/** A figure shown: the groups it adds up, and what it shows. */
interface Shown {
  label: string;
  /** Figures of one table (a breakdown, a cross-tab's inner cells): disjoint groups. */
  table: string;
  target: Target;
  period: string;
  atoms: Set<string>;
  hidden: boolean;
  value: number | null;
  n: number;
}

let seed = 4242;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const choose = <T,>(weights: [T, number][]): T => {
  let x = random() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weights) if ((x -= w) < 0) return v;
  return weights[weights.length - 1]![0];
};

function people(): Person[] {
  const sites: Record<Org, [string, number][]> = {
    A: [['nord', 6], ['sud', 3], ['est', 1]],
    B: [['sud', 6], ['est', 3], ['nord', 1]],
    C: [['est', 6], ['nord', 3], ['sud', 1]],
    D: [],
  };
  const out: Person[] = [];
  const make = (org: Org, period: string, count: number) => {
    for (let i = 0; i < count; i++) {
      out.push({
        org,
        period,
        SEXE: choose([['f', 50], ['h', 45], ['x', 5]]),
        AGE: random() < 0.1 ? null : choose([['jeune', 30], ['adulte', 55], ['senior', 15]]),
        SITE: random() < 0.05 ? null : choose(sites[org]),
        satis: random() < 0.05 ? null : choose([['oui', 6], ['non', 4]]),
        note: random() < 0.1 ? null : 1 + Math.floor(random() * 5),
        words: random() < 0.6 ? `SECRET-${org}-${period}-${i}` : null,
      });
    }
  };
  make('A', '2026', 70);
  make('B', '2026', 55);
  make('C', '2026', 45);
  make('A', '2025', 9);
  make('B', '2025', 4);
  return out;
}

const atomOf = (p: Person) => `${p.period}|${p.org}|${p.SEXE}|${p.AGE ?? '-'}|${p.SITE ?? '-'}`;
const orgOfAtom = (atom: string) => atom.split('|')[1] as Org;
const quantity = (p: Person, target: Target) => (target === 'SATIS' ? (p.satis === null ? null : p.satis === 'oui' ? 1 : 0) : p.note);

let t: TestApp;
let collective: CollectiveInfo;
const personas = {} as Record<Org, Persona>;
const orgs = {} as Record<Org, OrgInfo>;
const everyone = people();
/** Per target: atom → answers, answers per organisation (always its own), and hits or sum. */
const truth = new Map<Target, Map<string, { n: number; q: number }>>();
let shown: Shown[] = [];
const bodies: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ publicSubmissionsPerWindow: 10_000 });
  const names: Record<Org, string> = { A: 'Alice', B: 'Bob', C: 'Carla', D: 'Dora' };
  for (const o of ORGS) {
    personas[o] = await signUp(t.app, names[o]);
    orgs[o] = await createOrganisation(personas[o], `Organisation ${o}`);
  }
  const anonymous = await signUp(t.app, 'Anonyme');
  anonymous.cookie = null;
  collective = await createCollective(personas.A, orgs.A.id, 'Collectif à protéger');
  for (const o of ['B', 'C', 'D'] as const) await joinCollective(personas.A, collective.id, personas[o], orgs[o]);
  const fw = collective.commonFrameworkId;
  await addIndicator(personas.A, fw, shareIndicator('SEXE', ['f']));
  await addIndicator(personas.A, fw, shareIndicator('AGE', ['senior']));
  await addIndicator(personas.A, fw, shareIndicator('SITE', ['nord']));
  await addIndicator(personas.A, fw, shareIndicator('SATIS', ['oui']));
  await addIndicator(personas.A, fw, meanIndicator('NOTE'));
  await addIndicator(personas.A, fw, { code: 'MOTS', labelFr: 'Réponses libres données', kind: 'output', stakeholderGroup: 'people_supported', computation: { type: 'count' } });
  await adopt(personas.A, fw);
  const options = (values: string[]) => values.map((value) => ({ value, labelFr: value.toUpperCase() }));
  const questions = [
    { type: 'single', labelFr: 'Vous êtes', options: options(['f', 'h', 'x']), indicator: { frameworkId: fw, code: 'SEXE' } },
    { type: 'single', labelFr: 'Votre âge', options: options(['jeune', 'adulte', 'senior']), indicator: { frameworkId: fw, code: 'AGE' } },
    { type: 'single', labelFr: 'Votre lieu', options: options(['nord', 'sud', 'est']), indicator: { frameworkId: fw, code: 'SITE' } },
    { type: 'single', labelFr: 'Satisfait ?', options: options(['oui', 'non']), indicator: { frameworkId: fw, code: 'SATIS' } },
    { type: 'scale', labelFr: 'Votre note', indicator: { frameworkId: fw, code: 'NOTE' } },
    { type: 'text', labelFr: 'En quelques mots ?', indicator: { frameworkId: fw, code: 'MOTS' } },
    { type: 'text', labelFr: 'Autre chose ?' },
  ];
  for (const o of ['A', 'B', 'C'] as const) {
    const q = await createQuestionnaire(personas[o], orgs[o].id, questions);
    const [sexe, age, site, satis, note, words, other] = q.questions.map((x) => x.id);
    for (const period of ['2026', '2025']) {
      const mine = everyone.filter((p) => p.org === o && p.period === period);
      if (mine.length === 0) continue;
      const campaign = await createCampaign(personas[o], orgs[o].id, q.id, period);
      for (const p of mine) {
        const answers: Record<string, unknown> = { [sexe!]: p.SEXE };
        if (p.AGE) answers[age!] = p.AGE;
        if (p.SITE) answers[site!] = p.SITE;
        if (p.satis) answers[satis!] = p.satis;
        if (p.note !== null) answers[note!] = p.note;
        if (p.words) {
          answers[words!] = p.words;
          answers[other!] = `${p.words} (suite)`;
        }
        expect((await submit(anonymous, campaign.slug, answers)).statusCode).toBe(201);
      }
    }
  }
  for (const target of TARGETS) {
    const atoms = new Map<string, { n: number; q: number }>();
    for (const p of everyone) {
      const q = quantity(p, target);
      if (q === null) continue;
      const a = atoms.get(atomOf(p)) ?? { n: 0, q: 0 };
      atoms.set(atomOf(p), { n: a.n + 1, q: a.q + q });
    }
    truth.set(target, atoms);
  }
  shown = await readEverything(personas.B);
}, 240_000);
afterAll(async () => {
  await t?.close();
});

async function read<T>(p: Persona, url: string): Promise<T> {
  const res = await p.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  bodies.push(res.body);
  return res.json<T>();
}

/** The atoms (smallest groups) of a period whose breakdown options match. */
function atomsWhere(period: string, target: Target, match: Partial<Record<Dimension, string | null>>): Set<string> {
  const out = new Set<string>();
  for (const p of everyone) {
    if (p.period !== period || quantity(p, target) === null) continue;
    if (Object.entries(match).every(([d, v]) => p[d as Dimension] === v)) out.add(atomOf(p));
  }
  return out;
}

/** Every figure the collective shows a member, for both periods. */
async function readEverything(p: Persona): Promise<Shown[]> {
  const base = `/api/collectives/${collective.id}`;
  const out: Shown[] = [];
  const add = (target: Target, period: string, table: string, label: string, atoms: Set<string>, f: ApiFigure) =>
    out.push({ target, period, table, label, atoms, hidden: f.suppressed, value: f.value, n: f.n });
  for (const period of ['2026', '2025']) {
    const results = await read<{ indicators: (ApiFigure & { code: string })[] }>(p, `${base}/results?period=${period}`);
    for (const target of TARGETS) add(target, period, 'results', `${period} total ${target}`, atomsWhere(period, target, {}), results.indicators.find((i) => i.code === target)!);
    for (const by of DIMENSIONS) {
      const b = await read<{ indicators: { code: string; total: ApiFigure; cells: (ApiFigure & { option: string | null })[] }[] }>(p, `${base}/breakdown?by=${by}&period=${period}`);
      for (const target of TARGETS) {
        const ind = b.indicators.find((i) => i.code === target)!;
        add(target, period, `breakdown ${by}`, `${period} ${target} total by ${by}`, atomsWhere(period, target, {}), ind.total);
        for (const c of ind.cells) add(target, period, `breakdown ${by}`, `${period} ${target} ${by}=${c.option}`, atomsWhere(period, target, { [by]: c.option }), c);
      }
    }
    for (const target of TARGETS) {
      for (const by of DIMENSIONS) {
        for (const by2 of DIMENSIONS) {
          if (by === by2) continue;
          const x = await read<{ withheld: boolean; columns: { option: string | null }[]; rows: { option: string | null; cells: ApiFigure[]; total: ApiFigure }[]; columnTotals: ApiFigure[]; total: ApiFigure }>(
            p,
            `${base}/crosstab?code=${target}&by=${by}&by2=${by2}&period=${period}`,
          );
          const table = `${period} ${target} ${by}×${by2}`;
          add(target, period, `${table} margins`, `${table} total`, atomsWhere(period, target, {}), x.total);
          for (const r of x.rows) {
            add(target, period, `breakdown ${by}`, `${table} row ${r.option}`, atomsWhere(period, target, { [by]: r.option }), r.total);
            r.cells.forEach((c, j) => add(target, period, table, `${table} ${r.option}×${x.columns[j]!.option}`, atomsWhere(period, target, { [by]: r.option, [by2]: x.columns[j]!.option }), c));
          }
          x.columnTotals.forEach((c, j) => add(target, period, `breakdown ${by2}`, `${table} column ${x.columns[j]!.option}`, atomsWhere(period, target, { [by2]: x.columns[j]!.option }), c));
        }
      }
    }
  }
  return out;
}

function groupOf(target: Target, atoms: Iterable<string>) {
  const byOrg: Record<Org, number> = { A: 0, B: 0, C: 0, D: 0 };
  let n = 0;
  let q = 0;
  for (const atom of atoms) {
    const a = truth.get(target)!.get(atom);
    if (!a) continue;
    n += a.n;
    q += a.q;
    byOrg[orgOfAtom(atom)] += a.n;
  }
  return { n, q, byOrg };
}

/** Whether `who` learning this group's sum learns about 1 to k − 1 answers not its own. */
function exposes(target: Target, atoms: Iterable<string>, who: Org): boolean {
  const g = groupOf(target, atoms);
  const others = g.n - g.byOrg[who];
  return others > 0 && others < K;
}

/** What the figure says about its group: the number of "yes" of a share, the sum of a mean. */
const said = (f: Shown) => (f.target === 'SATIS' ? Math.round((f.value ?? 0) * f.n) : (f.value ?? 0) * f.n);

interface Leak {
  who: Org;
  what: string;
  recovered?: number;
  actual?: number;
}

/**
 * Everything `who` can work out from the figures shown and its own answers, for one target and
 * period: solves the equations (Gauss–Jordan), recovers what it can, then tries every difference.
 */
function attack(figures: Shown[], who: Org, target: Target, period: string): Leak[] {
  const mine = figures.filter((f) => f.target === target && f.period === period);
  const atoms = [...truth.get(target)!.keys()].filter((a) => a.startsWith(`${period}|`));
  const unknown = atoms.filter((a) => orgOfAtom(a) !== who);
  const index = new Map(unknown.map((a, i) => [a, i]));
  const own = (f: Shown) => groupOf(target, [...f.atoms].filter((a) => orgOfAtom(a) === who)).q;
  const vector = (f: Shown) => {
    const v = new Array<number>(unknown.length).fill(0);
    for (const a of f.atoms) if (index.has(a)) v[index.get(a)!] = 1;
    return v;
  };
  // Reduced rows: [coefficients, right-hand side], each with a pivot column.
  const rows: { v: number[]; rhs: number; pivot: number }[] = [];
  const reduce = (v: number[], rhs: number) => {
    const w = [...v];
    let r = rhs;
    for (const row of rows) {
      const f = w[row.pivot]!;
      if (Math.abs(f) < 1e-9) continue;
      for (let j = 0; j < w.length; j++) w[j]! -= f * row.v[j]!;
      r -= f * row.rhs;
    }
    return { w, r };
  };
  for (const f of mine.filter((x) => !x.hidden)) {
    const { w, r } = reduce(vector(f), said(f) - own(f));
    const pivot = w.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot < 0) continue;
    const scale = w[pivot]!;
    const row = { v: w.map((x) => x / scale), rhs: r / scale, pivot };
    for (const other of rows) {
      const g = other.v[pivot]!;
      if (Math.abs(g) < 1e-9) continue;
      for (let j = 0; j < other.v.length; j++) other.v[j]! -= g * row.v[j]!;
      other.rhs -= g * row.rhs;
    }
    rows.push(row);
  }
  const leaks: Leak[] = [];
  const known: Shown[] = mine.filter((f) => !f.hidden);
  for (const f of mine.filter((x) => x.hidden)) {
    const { w, r } = reduce(vector(f), 0);
    if (w.some((x) => Math.abs(x) > 1e-6)) continue;
    known.push(f);
    const recovered = -r + own(f);
    const actual = groupOf(target, f.atoms).q;
    // An outsider's view (a member without answers) must recover no hidden figure at all.
    if (who === 'D' || exposes(target, f.atoms, who)) leaks.push({ who, what: `recomputes hidden ${f.label}`, recovered, actual });
  }
  // Differences: a figure it knows less the cells of one table it knows inside it.
  const tables = new Map<string, Shown[]>();
  for (const f of known) tables.set(f.table, [...(tables.get(f.table) ?? []), f]);
  for (const outer of known) {
    for (const [table, cells] of tables) {
      const inside = cells.filter((c) => c !== outer && c.atoms.size < outer.atoms.size && [...c.atoms].every((a) => outer.atoms.has(a)));
      if (inside.length === 0) continue;
      const covered = new Set(inside.flatMap((c) => [...c.atoms]));
      const rest = [...outer.atoms].filter((a) => !covered.has(a));
      if (exposes(target, rest, who)) leaks.push({ who, what: `${outer.label} less what it knows of ${table}` });
    }
  }
  return leaks;
}

function attackAll(figures: Shown[]): Leak[] {
  return ORGS.flatMap((who) => TARGETS.flatMap((target) => ['2026', '2025'].flatMap((period) => attack(figures, who, target, period))));
}

describe('differencing every figure a collective shows', () => {
  it('reads the figures it expects: every figure shown matches the answers, and a hidden one keeps its n', () => {
    expect(shown.length).toBeGreaterThan(400);
    for (const f of shown) {
      const g = groupOf(f.target, f.atoms);
      expect(f.n, f.label).toBe(g.n);
      if (!f.hidden && f.n > 0) expect(said(f), f.label).toBeCloseTo(g.q, 6);
      if (f.hidden) expect(f.value, f.label).toBeNull();
    }
    expect(shown.filter((f) => f.hidden).length).toBeGreaterThan(20);
  });

  it('shows one group of answers the same way in every request: totals, breakdowns, cross-tabs either way round', () => {
    const byGroup = new Map<string, Shown>();
    let compared = 0;
    for (const f of shown) {
      if (f.atoms.size === 0) continue;
      const key = `${f.target}|${[...f.atoms].sort().join(',')}`;
      const other = byGroup.get(key);
      if (other) {
        expect({ hidden: f.hidden, value: f.value }, `${f.label} / ${other.label}`).toEqual({ hidden: other.hidden, value: other.value });
        compared += 1;
      }
      byGroup.set(key, f);
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('shows every member the same figures', async () => {
    const again = await readEverything(personas.D);
    expect(again.map((f) => [f.label, f.hidden, f.value, f.n])).toEqual(shown.map((f) => [f.label, f.hidden, f.value, f.n]));
  });

  it('lets no member work out a hidden figure or a small group of others’ answers', () => {
    // Not an empty victory: cross-tabs show inner cells, and the attacker has something to work on.
    const inner = shown.filter((f) => f.table.includes('×') && !f.table.endsWith('margins'));
    expect(inner.filter((f) => !f.hidden && f.n > 0).length).toBeGreaterThan(20);
    expect(attackAll(shown)).toEqual([]);
  });

  it('would let them through with only small cells hidden: the complementary step is what stops them', () => {
    const primaryOnly = shown.map((f) => {
      const g = groupOf(f.target, f.atoms);
      const hidden = tooSmall(answersOf(g.n, ORGS.map((o) => g.byOrg[o])), K);
      // The true figure where the real output hides it: the attacker sees what primary suppression alone would show.
      return { ...f, hidden, value: hidden || g.n === 0 ? null : f.target === 'SATIS' ? g.q / g.n : g.q / g.n };
    });
    const leaks = attackAll(primaryOnly);
    expect(leaks.length).toBeGreaterThan(0);
    const recomputed = leaks.filter((l) => l.recovered !== undefined);
    expect(recomputed.length).toBeGreaterThan(0);
    for (const l of recomputed) expect(l.recovered!, l.what).toBeCloseTo(l.actual!, 6);
  });
});

describe('free-text answers', () => {
  it('never appear in results, breakdowns, cross-tabs or trends; only their number does', async () => {
    const base = `/api/collectives/${collective.id}`;
    const fw = collective.commonFrameworkId;
    const urls = [
      `${base}/results?period=2026`,
      `${base}/breakdown?by=SEXE&period=2026`,
      `${base}/crosstab?code=MOTS&by=SEXE&by2=AGE&period=2026`,
      `${base}/trend?code=MOTS`,
      `${base}/trend?code=SATIS`,
      `/api/organisations/${orgs.B.id}/results?period=2026`,
      `/api/organisations/${orgs.B.id}/breakdown?by=${fw}:SITE&period=2026`,
      `/api/organisations/${orgs.B.id}/crosstab?frameworkId=${fw}&code=MOTS&by=${fw}:SEXE&by2=${fw}:SITE&period=2026`,
      `/api/organisations/${orgs.B.id}/trend?frameworkId=${fw}&code=MOTS`,
    ];
    for (const url of urls) await read(personas.B, url);
    for (const body of bodies) expect(body).not.toContain('SECRET');
    const own = await read<{ indicators: { code: string; n: number; value: number | null }[] }>(personas.B, `/api/organisations/${orgs.B.id}/results?period=2026`);
    const words = everyone.filter((p) => p.org === 'B' && p.period === '2026' && p.words !== null).length;
    expect(own.indicators.find((i) => i.code === 'MOTS')).toMatchObject({ n: words, value: words });
    expect(bodies.length).toBeGreaterThan(urls.length);
  });
});
