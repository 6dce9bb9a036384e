import { describe, expect, it } from 'vitest';
import { recoverableCells, suppressTable, withMargins } from './complementary-suppression.ts';

/**
 * The attacker: knowing every shown cell and total, can a hidden cell be recomputed? Each line and
 * column of the grid with its margins is an equation; a hidden cell is recoverable when its unit
 * vector lies in the span of those equations restricted to the hidden cells (checked by rank).
 */
function recoverableByAlgebra(hidden: boolean[][]): [number, number][] {
  const rows = hidden.length;
  const cols = hidden[0]!.length;
  const unknowns: [number, number][] = [];
  hidden.forEach((line, r) => line.forEach((h, c) => h && unknowns.push([r, c])));
  const index = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  const equations: number[][] = [];
  // Line r: interior cells minus its total (last column) = 0; the totals row likewise.
  for (let r = 0; r < rows; r++) {
    const eq = new Array<number>(unknowns.length).fill(0);
    for (let c = 0; c < cols; c++) {
      const i = index.get(`${r},${c}`);
      if (i !== undefined) eq[i] = c === cols - 1 ? -1 : 1;
    }
    equations.push(eq);
  }
  for (let c = 0; c < cols; c++) {
    const eq = new Array<number>(unknowns.length).fill(0);
    for (let r = 0; r < rows; r++) {
      const i = index.get(`${r},${c}`);
      if (i !== undefined) eq[i] = r === rows - 1 ? -1 : 1;
    }
    equations.push(eq);
  }
  const rank = (m: number[][]) => {
    const a = m.map((row) => [...row]);
    let rk = 0;
    for (let col = 0; col < unknowns.length && rk < a.length; col++) {
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
  return unknowns.filter((_, i) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[i] = 1;
    return rank([...equations, unit]) === base;
  });
}

const hiddenCount = (h: boolean[][]) => h.flat().filter(Boolean).length;

describe('withMargins', () => {
  it('adds row totals, column totals and the grand total', () => {
    expect(withMargins([[1, 2], [3, 4]])).toEqual([[1, 2, 3], [3, 4, 7], [4, 6, 10]]);
  });
});

describe('recoverableCells agrees with the algebra', () => {
  it.each<[string, boolean[][], [number, number][]]>([
    ['one hidden cell in a line: recomputed from the total', [[true, false, false], [false, false, false], [false, false, false]], [[0, 0]]],
    ['two in a line, none in their columns: both recomputed from the column totals', [[true, true, false], [false, false, false], [false, false, false]], [[0, 0], [0, 1]]],
    ['a rectangle: none can be recomputed', [[true, true, false], [true, true, false], [false, false, false]], []],
  ])('%s', (_name, hidden, expected) => {
    const sort = (x: [number, number][]) => [...x].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(sort(recoverableCells(hidden))).toEqual(sort(expected));
    expect(sort(recoverableByAlgebra(hidden))).toEqual(sort(expected));
  });
  it('finds the bridge between two protected rectangles', () => {
    // Two 2×2 rectangles joined by one hidden cell: each line and column has two hidden cells,
    // yet the joining cell is recomputable.
    const h = Array.from({ length: 5 }, () => new Array<boolean>(5).fill(false));
    for (const [r, c] of [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [1, 2]] as const) h[r]![c] = true;
    expect(recoverableCells(h)).toEqual([[1, 2]]);
    expect(recoverableByAlgebra(h)).toEqual([[1, 2]]);
  });
});

describe('suppressTable', () => {
  it('hides a small category and one more, so that the total does not give it away (one line)', () => {
    // Women 4, men 30, other 12; k = 10.
    const r = suppressTable([[4, 30, 12]], 10);
    // With one line, the column totals repeat it: the 4 is hidden in both places.
    expect(r.primary).toBe(2);
    expect(r.hidden[0]).toEqual([true, false, true, false]);
    expect(r.hidden[1]).toEqual([true, false, true, false]);
    expect(recoverableByAlgebra(r.hidden)).toEqual([]);
  });

  it('leaves a table alone when every cell rests on enough answers, and keeps empty cells shown', () => {
    const r = suppressTable([[12, 0, 40], [15, 22, 30]], 10);
    expect(hiddenCount(r.hidden)).toBe(0);
  });

  it('hides a small total along with what would give it away', () => {
    const r = suppressTable([[3, 4], [20, 30]], 10);
    expect(r.hidden[0]![2]).toBe(true); // the first line's total, 7
    expect(recoverableByAlgebra(r.hidden)).toEqual([]);
  });

  it('protects every small cell of random tables against differencing totals and sub-totals', () => {
    let seed = 20261126;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 200; t++) {
      const rows = 1 + Math.floor(random() * 6);
      const cols = 2 + Math.floor(random() * 6);
      const table = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random() < 0.15 ? 0 : Math.floor(random() * 40))));
      const k = 5 + Math.floor(random() * 8);
      const r = suppressTable(table, k);
      const grid = withMargins(table);
      // Every small cell is hidden, and no hidden cell can be recomputed.
      grid.forEach((line, i) => line.forEach((n, j) => n > 0 && n < k && expect(r.hidden[i]![j], `table ${t} cell ${i},${j}`).toBe(true)));
      expect(recoverableByAlgebra(r.hidden), `table ${t}: ${JSON.stringify(table)} k=${k}`).toEqual([]);
      expect(recoverableCells(r.hidden)).toEqual([]);
    }
  });
});
