import { describe, expect, it } from 'vitest';
import { addAnswers, answersOf, protectCrossTab, protectOneWay, subtractAnswers, tooSmall, type Answers } from './disclosure.ts';

const a = (n: number, byMember: number[] = []) => answersOf(n, byMember);
const sum = (cells: Answers[]) => cells.reduce(addAnswers, a(0));

describe('tooSmall', () => {
  it.each<[string, Answers, number, boolean]>([
    ['no answer: nothing to hide', a(0), 5, false],
    ['fewer than k', a(4), 5, true],
    ['exactly k', a(5), 5, false],
    ['one member alone, however many', a(40, [40, 0]), 5, false],
    ['three answers left once the largest member is taken away', a(12, [9, 3]), 5, true],
    ['five left once the largest member is taken away', a(14, [9, 5]), 5, false],
    ['several small members count together', a(12, [6, 3, 3]), 5, false],
  ])('%s', (_name, cell, k, expected) => {
    expect(tooSmall(cell, k)).toBe(expected);
  });

  it('refuses a threshold that is not a whole number of answers', () => {
    expect(() => tooSmall(a(3), 0)).toThrow(RangeError);
    expect(() => tooSmall(a(3), 2.5)).toThrow(RangeError);
  });
});

describe('protectOneWay: a breakdown with its "not answered" cell and its total', () => {
  it.each<[string, number[], number, boolean[], number, number]>([
    // name, cells (n), k, hidden cells, primary, complementary
    ['every cell large enough: nothing hidden', [20, 30, 12, 0], 5, [false, false, false, false], 0, 0],
    // 4 women, 30 men, 12 other: the 4 would come back as 46 − 30 − 12; the 12 goes too.
    ['a small cell and the smallest other one', [4, 30, 12, 0], 10, [true, false, true, false], 1, 1],
    ['two small cells protect each other', [3, 30, 4, 20], 5, [true, false, true, false], 2, 0],
    // 23 answers: 20 for one option, 3 not answered. Showing the 20 with the total gives the 3.
    ['the rest of the total is small: the big cell is hidden too', [20, 0, 3], 5, [true, false, true], 2, 0],
    ['two small cells that add up to a small group: one more', [2, 2, 30, 25], 5, [true, true, false, true], 2, 1],
    ['empty cells are never hidden', [0, 3, 0, 40, 8], 5, [false, true, false, false, true], 1, 1],
  ])('%s', (_name, ns, k, hidden, primary, complementary) => {
    const cells = ns.map((n) => a(n));
    const r = protectOneWay(cells, sum(cells), k);
    expect(r.cells).toEqual(hidden);
    expect(r.total).toBe(false);
    expect(r.primary).toBe(primary);
    expect(r.complementary).toBe(complementary);
  });

  it('hides everything when the total itself is too small, and says the total is hidden', () => {
    const cells = [a(2), a(1), a(0)];
    const r = protectOneWay(cells, sum(cells), 5);
    expect(r.total).toBe(true);
    expect(r.cells).toEqual([true, true, false]);
  });

  it('keeps the largest-contributor rule for each cell', () => {
    // 12 answers, 9 from member 0: the other members' 3 would show once member 0 subtracts its own.
    const cells = [a(12, [9, 3]), a(30, [15, 15]), a(25, [10, 15])];
    const r = protectOneWay(cells, sum(cells), 5);
    expect(r.cells[0]).toBe(true);
    expect(r.cells.filter(Boolean)).toHaveLength(2);
  });

  it('does not count on a cell that one member knows to protect another from that member', () => {
    // Cell 0 is member 0's answers only: it hides nothing from member 0.
    const cells = [a(6, [6, 0, 0]), a(3, [0, 3, 0]), a(30, [5, 10, 15]), a(30, [10, 10, 10])];
    const r = protectOneWay(cells, sum(cells), 5);
    // The 6 would protect the 3 from others, not from member 0: the next 30 is hidden too.
    expect(r.cells).toEqual([true, true, true, false]);
    expect(r.primary).toBe(1);
    expect(r.complementary).toBe(2);
  });
});

/**
 * The attacker for a cross-tab with its two breakdowns and its total: every figure shown is an
 * equation on the inner cells (a row total is the sum of its row...). A hidden figure is
 * recovered when its vector lies in the span of the shown ones. A member also knows its own
 * answers: the part of each inner cell that is not its own is what remains unknown.
 */
interface Figure {
  /** Inner cells the figure adds up. */
  cells: [number, number][];
  hidden: boolean;
  name: string;
}

function figuresOf(R: number, C: number, hidden: boolean[][]): Figure[] {
  const out: Figure[] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) out.push({ cells: [[r, c]], hidden: hidden[r]![c]!, name: `cell ${r},${c}` });
  for (let r = 0; r < R; r++) out.push({ cells: Array.from({ length: C }, (_, c) => [r, c] as [number, number]), hidden: hidden[r]![C]!, name: `row ${r}` });
  for (let c = 0; c < C; c++) out.push({ cells: Array.from({ length: R }, (_, r) => [r, c] as [number, number]), hidden: hidden[R]![c]!, name: `column ${c}` });
  out.push({ cells: Array.from({ length: R * C }, (_, i) => [Math.floor(i / C), i % C] as [number, number]), hidden: hidden[R]![C]!, name: 'total' });
  return out;
}

function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let rk = 0;
  for (let col = 0; col < width && rk < m.length; col++) {
    let pivot = -1;
    for (let i = rk; i < m.length; i++) if (Math.abs(m[i]![col]!) > 1e-9) pivot = pivot < 0 || Math.abs(m[i]![col]!) > Math.abs(m[pivot]![col]!) ? i : pivot;
    if (pivot < 0) continue;
    [m[rk], m[pivot]] = [m[pivot]!, m[rk]!];
    for (let i = 0; i < m.length; i++) {
      if (i === rk) continue;
      const f = m[i]![col]! / m[rk]![col]!;
      if (f !== 0) m[i] = m[i]!.map((v, j) => v - f * m[rk]![j]!);
    }
    rk += 1;
  }
  return rk;
}

const exposes = (g: Answers, who: number, k: number) => {
  const others = g.n - (who >= 0 ? (g.byMember[who] ?? 0) : 0);
  return others > 0 && others < k;
};

/**
 * What someone learns that they should not. An outsider must recompute no hidden figure; a
 * member, knowing its own answers, must learn nothing about 1 to k − 1 answers of others: not
 * from a hidden figure it recomputes, nor from the difference of two figures it knows, one inside
 * the other, nor from a line's total less the cells of it that it knows.
 */
function leaks(cells: Answers[][], hidden: boolean[][], members: number, k: number): string[] {
  const R = cells.length;
  const C = cells[0]!.length;
  const figures = figuresOf(R, C, hidden);
  const found = new Set<string>();
  const groupOf = (list: [number, number][]) => sum(list.map(([r, c]) => cells[r]![c]!));
  const setOf = (f: Figure) => new Set(f.cells.filter(([r, c]) => cells[r]![c]!.n > 0).map(([r, c]) => `${r},${c}`));
  for (let who = -1; who < members; who++) {
    const others = (r: number, c: number) => cells[r]![c]!.n - (who >= 0 ? (cells[r]![c]!.byMember[who] ?? 0) : 0);
    const unknowns: [number, number][] = [];
    for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (others(r, c) > 0) unknowns.push([r, c]);
    const index = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
    const vector = (f: Figure) => {
      const v = new Array<number>(unknowns.length).fill(0);
      for (const [r, c] of f.cells) {
        const i = index.get(`${r},${c}`);
        if (i !== undefined) v[i] = 1;
      }
      return v;
    };
    const shown = figures.filter((f) => !f.hidden).map(vector);
    const base = shown.length ? rank(shown) : 0;
    const known = figures.filter((f) => {
      const v = vector(f);
      return !f.hidden || v.every((x) => x === 0) || (shown.length > 0 && rank([...shown, v]) === base);
    });
    for (const f of known) {
      if (!f.hidden) continue;
      if (who === -1 && groupOf(f.cells).n > 0) found.add(`outsider recomputes ${f.name}`);
      if (exposes(groupOf(f.cells), who, k)) found.add(`${who} recomputes ${f.name}`);
    }
    for (const outer of known) {
      const big = setOf(outer);
      for (const inner of known) {
        const small = setOf(inner);
        if (inner === outer || small.size >= big.size || ![...small].every((x) => big.has(x))) continue;
        const rest = [...big].filter((x) => !small.has(x)).map((x) => x.split(',').map(Number) as [number, number]);
        if (exposes(groupOf(rest), who, k)) found.add(`${who}: ${outer.name} − ${inner.name}`);
      }
      const knownCells = new Set(known.filter((f) => f.cells.length === 1).map((f) => `${f.cells[0]![0]},${f.cells[0]![1]}`));
      const rest = [...big].filter((x) => !knownCells.has(x)).map((x) => x.split(',').map(Number) as [number, number]);
      if (exposes(groupOf(rest), who, k)) found.add(`${who}: ${outer.name} less its known cells`);
    }
  }
  return [...found];
}

function crossTab(cells: Answers[][]) {
  const C = cells[0]!.length;
  return {
    cells,
    rowTotals: cells.map(sum),
    columnTotals: Array.from({ length: C }, (_, c) => sum(cells.map((line) => line[c]!))),
    total: sum(cells.flat()),
  };
}

describe('protectCrossTab', () => {
  it('shows a table whose every cell is large enough as it is', () => {
    const r = protectCrossTab(crossTab([[a(12), a(20)], [a(15), a(30)]]), 5);
    expect(r.withheld).toBe(false);
    expect(r.hidden.flat().some(Boolean)).toBe(false);
  });

  it('takes its margins exactly as the breakdowns alone are protected', () => {
    const t = crossTab([
      [a(3), a(12), a(9)],
      [a(14), a(1), a(20)],
      [a(6), a(8), a(2)],
    ]);
    const r = protectCrossTab(t, 5);
    const rows = protectOneWay(t.rowTotals, t.total, 5);
    const columns = protectOneWay(t.columnTotals, t.total, 5);
    expect(r.hidden.slice(0, 3).map((line) => line[3])).toEqual(rows.cells);
    expect(r.hidden[3]!.slice(0, 3)).toEqual(columns.cells);
    expect(r.hidden[3]![3]).toBe(rows.total);
    expect(r.hidden[0]![0]).toBe(true);
    expect(leaks(t.cells, r.hidden, 0, 5)).toEqual([]);
  });

  it('withholds a cross-tab whose empty cells would show one breakdown’s cell inside another’s, differing by a few answers', () => {
    // Every answer of row 0 (10) falls in column 0 (12): column 0 − row 0 = the 2 answers of row 1.
    const t = crossTab([
      [a(10), a(0)],
      [a(2), a(30)],
    ]);
    const r = protectCrossTab(t, 5);
    expect(r.withheld).toBe(true);
  });

  it('protects random tables against an outsider and against each member knowing its own answers', () => {
    let seed = 20260511;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let checked = 0;
    let withheldCount = 0;
    let exposedWithoutComplement = 0;
    for (let t = 0; t < 250; t++) {
      const R = 2 + Math.floor(random() * 4);
      const C = 2 + Math.floor(random() * 4);
      const members = 1 + Math.floor(random() * 3);
      const k = 3 + Math.floor(random() * 6);
      const cells = Array.from({ length: R }, () =>
        Array.from({ length: C }, () => {
          const byMember = Array.from({ length: members }, () => (random() < 0.3 ? 0 : Math.floor(random() * 9)));
          return a(byMember.reduce((x, y) => x + y, 0), byMember);
        }),
      );
      const table = crossTab(cells);
      const r = protectCrossTab(table, k);
      const label = `table ${t}: ${JSON.stringify(cells.map((l) => l.map((c) => c.byMember)))} k=${k}`;
      if (r.withheld) {
        withheldCount += 1;
        // Withheld only when the breakdowns alone, with the empty cells known, give something away.
        expect(leaks(cells, r.hidden, members, k), label).not.toEqual([]);
        continue;
      }
      checked += 1;
      // Every cell too small is hidden; no hidden figure comes back, for anyone.
      const grid = [...cells.map((line, i) => [...line, table.rowTotals[i]!]), [...table.columnTotals, table.total]];
      grid.forEach((line, i) => line.forEach((cell, j) => tooSmall(cell, k) && expect(r.hidden[i]![j], `${label} cell ${i},${j}`).toBe(true)));
      expect(leaks(cells, r.hidden, members, k), label).toEqual([]);
      // The same table with small cells hidden and nothing else: the attacker gets through.
      const primaryOnly = grid.map((line) => line.map((cell) => tooSmall(cell, k)));
      if (leaks(cells, primaryOnly, members, k).length > 0) exposedWithoutComplement += 1;
    }
    expect(checked).toBeGreaterThan(150);
    expect(withheldCount).toBeGreaterThan(0);
    // Without the complementary step, many of these tables give a hidden figure away.
    expect(exposedWithoutComplement).toBeGreaterThan(50);
  });

  it('hides no empty cell, and keeps the rest of a total away from a small group', () => {
    const t = crossTab([
      [a(0), a(20), a(7)],
      [a(18), a(3), a(25)],
    ]);
    const r = protectCrossTab(t, 5);
    expect(r.hidden[0]![0]).toBe(false);
    expect(r.hidden[1]![1]).toBe(true);
    const R = 2;
    // Hidden cells of a line whose total shows never add up to fewer than k answers.
    for (let i = 0; i < R; i++) {
      if (r.hidden[i]![3]) continue;
      const group = sum(t.cells[i]!.filter((_, j) => r.hidden[i]![j]));
      expect(tooSmall(group, 5)).toBe(false);
    }
    expect(leaks(t.cells, r.hidden, 0, 5)).toEqual([]);
    expect(subtractAnswers(t.total, t.cells[1]![1]!).n).toBe(70);
  });
});

describe('three breakdowns of one indicator, every table they make', () => {
  /**
   * The published family of one indicator: its total, a one-way breakdown by each of three
   * questions, and the cross-tab of every pair (as the service protects them: one way round).
   * The attacker sees it all at once; unknowns are the smallest groups (member × three options).
   */
  it('lets nobody recompute a hidden figure it should not, across all the tables together', () => {
    let seed = 99;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const k = 5;
    const sizes = [3, 4, 4];
    let published = 0;
    for (let trial = 0; trial < 40; trial++) {
      const members = 3;
      const atoms = new Map<string, { n: number; m: number; v: number[] }>();
      const count = 20 + Math.floor(random() * 150);
      for (let i = 0; i < count; i++) {
        const m = Math.floor(random() * members);
        // Skewed options, a few "not answered", a third question that depends on the member (a site).
        const v = sizes.map((s, d) => (random() < 0.08 ? s : Math.floor(Math.pow(random(), d === 0 ? 2.5 : 1.3) * s + (d === 2 ? m * 0.7 : 0)) % s));
        const key = `${m}|${v.join(',')}`;
        const a = atoms.get(key) ?? { n: 0, m, v };
        atoms.set(key, { ...a, n: a.n + 1 });
      }
      const keys = [...atoms.keys()];
      const answersIn = (set: string[]) => {
        const byMember = new Array<number>(members).fill(0);
        for (const s of set) byMember[atoms.get(s)!.m]! += atoms.get(s)!.n;
        return a(byMember.reduce((x, y) => x + y, 0), byMember);
      };
      const where = (f: (v: number[]) => boolean) => keys.filter((s) => f(atoms.get(s)!.v));
      const figures: { atoms: string[]; hidden: boolean; label: string }[] = [];
      const total = answersIn(keys);
      figures.push({ atoms: keys, hidden: tooSmall(total, k), label: 'total' });
      for (let d = 0; d < 3; d++) {
        const cells = Array.from({ length: sizes[d]! + 1 }, (_, o) => where((v) => v[d] === o));
        const p = protectOneWay(cells.map(answersIn), total, k);
        cells.forEach((c, o) => figures.push({ atoms: c, hidden: p.cells[o]!, label: `${d}=${o}` }));
      }
      for (let d1 = 0; d1 < 3; d1++) {
        for (let d2 = d1 + 1; d2 < 3; d2++) {
          const sets = Array.from({ length: sizes[d1]! + 1 }, (_, r) => Array.from({ length: sizes[d2]! + 1 }, (_, c) => where((v) => v[d1] === r && v[d2] === c)));
          const p = protectCrossTab(crossTab(sets.map((line) => line.map(answersIn))), k);
          if (p.withheld) continue;
          published += 1;
          sets.forEach((line, r) => line.forEach((set, c) => figures.push({ atoms: set, hidden: p.hidden[r]![c]!, label: `${d1}×${d2} ${r},${c}` })));
        }
      }
      for (let who = -1; who < members; who++) {
        const unknown = keys.filter((s) => atoms.get(s)!.m !== who);
        const index = new Map(unknown.map((s, i) => [s, i]));
        const vector = (set: string[]) => {
          const v = new Array<number>(unknown.length).fill(0);
          for (const s of set) if (index.has(s)) v[index.get(s)!] = 1;
          return v;
        };
        const shown = figures.filter((f) => !f.hidden).map((f) => vector(f.atoms));
        const base = rank(shown);
        for (const f of figures.filter((x) => x.hidden)) {
          const g = answersIn(f.atoms);
          const sensitive = who === -1 ? g.n > 0 : exposes(g, who, k);
          if (!sensitive) continue;
          expect(rank([...shown, vector(f.atoms)]), `trial ${trial}: ${who} recomputes ${f.label}`).toBeGreaterThan(base);
        }
      }
    }
    expect(published).toBeGreaterThan(80);
  });
});
