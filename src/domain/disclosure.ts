/**
 * Disclosure control for breakdowns and cross-tabs of a collective's figures.
 *
 * What is shown: every cell's n (how many answers), and, for cells not hidden, the figure (a
 * share, a mean, a count) with its interval. Since n is public, a share's figure gives its
 * number of "hits" (value × n) and a mean's gives its sum (and, through the interval, its sum of
 * squares): these are the sensitive quantities. All of them add up along the same lines as n
 * (cells of a breakdown add up to the total, a cross-tab's cells to its margins), so a hidden
 * cell can be recovered exactly when the equations of the lines shown pin it down — whatever the
 * quantity. The rules below make sure they never do:
 *
 * 1. A cell is hidden when it rests on 1 to k − 1 answers, or when, once its largest
 *    contributing member's answers are taken away, 1 to k − 1 answers remain (each member knows
 *    its own answers and could subtract them: `tooSmall`, the rule of `suppressForOthers`).
 * 2. A cell is hidden when the rest of a total it is part of (total − cell) is too small in the
 *    same sense: otherwise subtracting the cell from the total, or a filtered request from the
 *    unfiltered one, gives the rest away.
 * 3. Complementary suppression: other cells are hidden until no hidden cell can be recomputed
 *    from the cells and totals shown — by an outsider, or by a member who also knows the cells
 *    made only of its own answers — and until the hidden cells of a line whose total is shown
 *    add up to a group that is not itself too small.
 *
 * Cells without answers (n = 0) are never hidden: their n already says there is nothing.
 * Totals are given, never chosen: a breakdown's total is the figure the results already show,
 * and a cross-tab's margins are the breakdowns already shown, so that two requests never show
 * the same figure one way in one and another way in the other.
 */
import { recoverableCells } from './complementary-suppression.ts';

/** The answers behind a cell: all of them, and per member in one order shared by the table. */
export interface Answers {
  n: number;
  /** Answers of each contributing organisation; the same length and order in every cell. */
  byMember: readonly number[];
}

export const answersOf = (n: number, byMember: readonly number[] = []): Answers => ({ n, byMember });

export function addAnswers(a: Answers, b: Answers): Answers {
  const length = Math.max(a.byMember.length, b.byMember.length);
  return { n: a.n + b.n, byMember: Array.from({ length }, (_, i) => (a.byMember[i] ?? 0) + (b.byMember[i] ?? 0)) };
}

export function subtractAnswers(a: Answers, b: Answers): Answers {
  return addAnswers(a, { n: -b.n, byMember: b.byMember.map((x) => -x) });
}

const sumAnswers = (cells: readonly Answers[]): Answers => cells.reduce(addAnswers, answersOf(0));

/**
 * Too few answers to show: 1 to k − 1 of them, or 1 to k − 1 once the largest member's are
 * taken away (the same rule as `suppressForOthers` for a collective's whole figure).
 */
export function tooSmall(a: Answers, k: number): boolean {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer >= 1, got ${k}`);
  if (a.n <= 0) return false;
  if (a.n < k) return true;
  const others = a.n - Math.max(0, ...a.byMember);
  return others > 0 && others < k;
}

/**
 * Whether `who` learning the sum of this group would learn about 1 to k − 1 answers that are not
 * its own: an outsider (-1) knows no answer, a member knows its own.
 */
function exposes(g: Answers, who: number, k: number): boolean {
  const others = g.n - (who >= 0 ? (g.byMember[who] ?? 0) : 0);
  return others > 0 && others < k;
}

/**
 * Whether a group whose sum `who` can compute is too small for it: for an outsider (and every
 * member that knows no hidden cell, who knows as much), the group must pass `tooSmall`; for a
 * member, it must not rest on 1 to k − 1 answers of the others.
 */
function tooSmallFor(g: Answers, who: number, k: number): boolean {
  return who === -1 ? tooSmall(g, k) : exposes(g, who, k);
}

/**
 * Who may try to recompute a hidden cell: an outsider (-1), who knows only what is shown, and
 * each member that is the sole contributor of a hidden cell — it knows that cell without being
 * shown it. Other members know nothing more than an outsider about the hidden cells.
 */
function attackers(cells: readonly Answers[], hidden: readonly boolean[]): number[] {
  const members = new Set<number>();
  cells.forEach((c, i) => {
    if (!hidden[i] || c.n <= 0) return;
    c.byMember.forEach((x, m) => x === c.n && members.add(m));
  });
  return [-1, ...[...members].sort((a, b) => a - b)];
}

/** Whether attacker `who` knows the cell's figure without it being shown. */
function knownTo(c: Answers, who: number): boolean {
  return c.n <= 0 || (who >= 0 && c.n - (c.byMember[who] ?? 0) === 0);
}

export interface OneWayProtection {
  /** For each cell, whether it is hidden. */
  cells: boolean[];
  /** Whether the total is hidden (rule 1 only: the total is the indicator's figure). */
  total: boolean;
  /** Cells hidden by rules 1 and 2. */
  primary: number;
  /** Cells hidden only so that others cannot be recomputed. */
  complementary: number;
}

/**
 * One breakdown: cells that add up to a total (the "not answered" cell included, so that they
 * do). The total's hidden state is that of the indicator's figure (rule 1).
 *
 * An outsider can recompute no hidden cell. A member can recompute none that would tell it about
 * 1 to k − 1 answers of others (a member who alone made a hidden cell knows it, and may be able to
 * solve the line for another cell: that one must then rest on enough answers of the others).
 */
export function protectOneWay(cells: readonly Answers[], total: Answers, k: number): OneWayProtection {
  const totalHidden = tooSmall(total, k);
  const hidden = cells.map((c) => c.n > 0 && (tooSmall(c, k) || (!totalHidden && tooSmall(subtractAnswers(total, c), k))));
  const primary = hidden.filter(Boolean).length;
  let complementary = 0;
  for (let guard = 0; guard <= cells.length; guard++) {
    const who = oneWayViolation(cells, hidden, total, totalHidden, k);
    if (who === null) break;
    const pick = smallest(cells.map((c, i) => ({ c, i })).filter(({ c, i }) => !hidden[i] && c.n > 0 && !knownTo(c, who)));
    if (pick === null) {
      // Nothing left that would help: hide every cell (the total alone is then all that shows).
      cells.forEach((c, i) => (hidden[i] = hidden[i] || c.n > 0));
      break;
    }
    hidden[pick] = true;
    complementary += 1;
  }
  return { cells: hidden, total: totalHidden, primary, complementary };
}

/** The attacker who could learn too much from the line, or null when nobody could. */
function oneWayViolation(cells: readonly Answers[], hidden: readonly boolean[], total: Answers, totalHidden: boolean, k: number): number | null {
  const all = [...cells, total];
  const allHidden = [...hidden, totalHidden];
  for (const who of attackers(all, allHidden)) {
    const unknown = all.map((c, i) => allHidden[i]! && !knownTo(c, who));
    const count = unknown.filter(Boolean).length;
    if (count === 1) {
      // One unknown in the line's equation (cells − total = 0): it can be solved for.
      const i = unknown.indexOf(true);
      const x = all[i]!;
      const rest = i < cells.length && !totalHidden ? subtractAnswers(total, x) : null;
      if (who === -1 || exposes(x, who, k) || (rest !== null && exposes(rest, who, k))) return who;
    } else if (!totalHidden && tooSmallFor(sumAnswers(cells.filter((_, i) => unknown[i])), who, k)) {
      // The hidden cells of a line whose total is shown add up to a known group: not a small one.
      return who;
    }
  }
  return null;
}

function smallest(candidates: readonly { c: Answers; i: number }[]): number | null {
  let best: { c: Answers; i: number } | null = null;
  for (const x of candidates) if (best === null || x.c.n < best.c.n) best = x;
  return best?.i ?? null;
}

export interface CrossTabInput {
  /** R × C cells (rows: options of the first breakdown, columns: of the second). */
  cells: readonly (readonly Answers[])[];
  rowTotals: readonly Answers[];
  columnTotals: readonly Answers[];
  total: Answers;
}

export interface CrossTabProtection {
  /** The (R + 1) × (C + 1) grid: last column the row totals, last row the column totals. */
  hidden: boolean[][];
  /**
   * The cross-tab cannot be shown: the breakdowns already shown, once it is known which of its
   * cells are empty, would give a small group away. Only its margins (the breakdowns) may show.
   */
  withheld: boolean;
  primary: number;
  complementary: number;
}

type Cell = [number, number];
type Line = { row: number } | { column: number };

/** The grid with its margins, and what each attacker may learn from it. */
class Grid {
  readonly R: number;
  readonly C: number;
  constructor(
    readonly cells: Answers[][],
    readonly hidden: boolean[][],
    readonly k: number,
  ) {
    this.R = cells.length - 1;
    this.C = cells[0]!.length - 1;
  }

  at([r, c]: Cell) {
    return this.cells[r]![c]!;
  }

  isInner([r, c]: Cell) {
    return r < this.R && c < this.C;
  }

  /** The hidden cells `who` does not know, as the grid `recoverableCells` reads. */
  unknownTo(who: number, hidden = this.hidden): boolean[][] {
    return this.cells.map((line, r) => line.map((cell, c) => hidden[r]![c]! && !knownTo(cell, who)));
  }

  /** What recomputing this cell would tell `who`: too much if about 1 to k − 1 answers of others. */
  exposedBy(cell: Cell, who: number, hidden = this.hidden): boolean {
    const [r, c] = cell;
    const x = this.at(cell);
    if (exposes(x, who, this.k)) return true;
    // Knowing a cell also gives the rest of each total it is part of, when that total shows.
    const totals: Cell[] = this.isInner(cell) ? [[r, this.C], [this.R, c], [this.R, this.C]] : r === this.R && c === this.C ? [] : [[this.R, this.C]];
    return totals.some((t) => !hidden[t[0]]![t[1]] && exposes(subtractAnswers(this.at(t), x), who, this.k));
  }

  /** The inner lines whose total shows, with their cells. */
  innerLines(): { line: Line; cells: Cell[]; totalShown: boolean }[] {
    const out: { line: Line; cells: Cell[]; totalShown: boolean }[] = [];
    for (let r = 0; r < this.R; r++) out.push({ line: { row: r }, cells: Array.from({ length: this.C }, (_, c) => [r, c] as Cell), totalShown: !this.hidden[r]![this.C] });
    for (let c = 0; c < this.C; c++) out.push({ line: { column: c }, cells: Array.from({ length: this.R }, (_, r) => [r, c] as Cell), totalShown: !this.hidden[this.R]![c] });
    return out;
  }

  /** Every line of the grid, margins' own lines included. */
  allLines(): { cells: Cell[]; total: Cell }[] {
    const out: { cells: Cell[]; total: Cell }[] = [];
    for (let r = 0; r <= this.R; r++) out.push({ cells: Array.from({ length: this.C }, (_, c) => [r, c] as Cell), total: [r, this.C] });
    for (let c = 0; c <= this.C; c++) out.push({ cells: Array.from({ length: this.R }, (_, r) => [r, c] as Cell), total: [this.R, c] });
    return out;
  }
}

/**
 * A cross-tab with its margins. The margins are the two one-way breakdowns, protected exactly as
 * `protectOneWay` protects them on their own, and never changed here: only inner cells are hidden
 * to protect the table. Same promise as the one-way breakdown, for every line and column.
 */
export function protectCrossTab(input: CrossTabInput, k: number): CrossTabProtection {
  const R = input.rowTotals.length;
  const C = input.columnTotals.length;
  const rows = protectOneWay(input.rowTotals, input.total, k);
  const columns = protectOneWay(input.columnTotals, input.total, k);
  const cells: Answers[][] = [...input.cells.map((line, r) => [...line, input.rowTotals[r]!]), [...input.columnTotals, input.total]];
  const marginHidden = (r: number, c: number) => (r === R ? (c === C ? rows.total : columns.cells[c]!) : rows.cells[r]!);
  const hidden = cells.map((line, r) => line.map((_, c) => (r === R || c === C ? marginHidden(r, c) : false)));
  const grid = new Grid(cells, hidden, k);
  const counts = { primary: rows.primary + columns.primary, complementary: rows.complementary + columns.complementary };
  const withheld = (): CrossTabProtection => {
    for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) hidden[r]![c] = true;
    return { hidden, withheld: true, ...counts };
  };

  // First, every inner cell unknown: do the margins alone give something away? A cell of one
  // breakdown may turn out (the cross-tab's empty cells say so) to lie inside a cell of the
  // other, and their difference be a small group.
  const pinned = marginsAlone(grid);
  if (pinned === null) return withheld();
  const isPinned = (r: number, c: number) => pinned.some(([i, j]) => i === r && j === c);

  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (cells[r]![c]!.n <= 0 || isPinned(r, c)) continue;
      const cell = cells[r]![c]!;
      const rests = ([[r, C], [R, c], [R, C]] as Cell[]).filter(([i, j]) => !hidden[i]![j]).map(([i, j]) => subtractAnswers(cells[i]![j]!, cell));
      if (tooSmall(cell, k) || rests.some((x) => tooSmall(x, k))) {
        hidden[r]![c] = true;
        counts.primary += 1;
      }
    }
  }

  const candidate = (r: number, c: number, who: number) => r < R && c < C && !hidden[r]![c] && cells[r]![c]!.n > 0 && !isPinned(r, c) && !knownTo(cells[r]![c]!, who);
  for (let guard = 0; guard <= R * C; guard++) {
    const violation = crossTabViolation(grid);
    if (violation === null) break;
    const pick = violation.kind === 'line' ? smallestOf(grid, violation.cells.filter(([r, c]) => candidate(r, c, violation.who))) : closeCycle(grid, violation.who, violation.cell, candidate);
    if (pick === null) {
      // Nothing left that would help: hide every inner cell that can be (the margins alone were
      // checked above to give nothing away).
      for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (candidate(r, c, -1)) hidden[r]![c] = true;
      break;
    }
    hidden[pick[0]]![pick[1]] = true;
    counts.complementary += 1;
  }
  // Kept as a last guard: a table that could still be solved is not shown.
  if (crossTabViolation(grid) !== null) return withheld();
  return { hidden, withheld: false, ...counts };
}

/**
 * With every inner cell (with answers) unknown, what the margins pin down. Null when that is
 * already too much: a hidden margin, or a group of 1 to k − 1 answers (of others, for a member).
 * Otherwise, the inner cells an outsider can compute from the margins: shown as they are.
 */
function marginsAlone(grid: Grid): Cell[] | null {
  const open = grid.cells.map((line, r) => line.map((cell, c) => (r === grid.R || c === grid.C ? grid.hidden[r]![c]! : cell.n > 0)));
  let pinned: Cell[] = [];
  for (const who of attackers(grid.cells.flat(), open.flat())) {
    const unknown = grid.unknownTo(who, open);
    const solved = recoverableCells(unknown);
    for (const cell of solved) {
      if (!grid.isInner(cell) && who === -1) return null;
      if (grid.exposedBy(cell, who, open)) return null;
    }
    if (who === -1) pinned = solved.filter((cell) => grid.isInner(cell));
    const isSolved = (r: number, c: number) => solved.some(([i, j]) => i === r && j === c);
    for (const line of grid.allLines()) {
      if (open[line.total[0]]![line.total[1]]) continue;
      const rest = line.cells.filter(([r, c]) => unknown[r]![c] && !isSolved(r, c)).map((x) => grid.at(x));
      if (tooSmallFor(sumAnswers(rest), who, grid.k)) return null;
    }
  }
  return pinned;
}

type Violation = { kind: 'cell'; who: number; cell: Cell } | { kind: 'line'; who: number; cells: Cell[] };

/**
 * The first thing someone could learn that they should not: a hidden cell an outsider can
 * recompute, or one a member can recompute and that would tell it about a few answers of others;
 * or the hidden cells of a line whose total shows adding up to a small group.
 */
function crossTabViolation(grid: Grid): Violation | null {
  for (const who of attackers(grid.cells.flat(), grid.hidden.flat())) {
    const unknown = grid.unknownTo(who);
    const solved = recoverableCells(unknown);
    const exposed = solved.find((cell) => who === -1 || grid.exposedBy(cell, who));
    if (exposed) return { kind: 'cell', who, cell: exposed };
    const isSolved = (r: number, c: number) => solved.some(([i, j]) => i === r && j === c);
    for (const line of grid.innerLines()) {
      if (!line.totalShown) continue;
      const rest = line.cells.filter(([r, c]) => unknown[r]![c] && !isSolved(r, c));
      if (tooSmallFor(sumAnswers(rest.map((x) => grid.at(x))), who, grid.k)) return { kind: 'line', who, cells: line.cells };
    }
  }
  return null;
}

function smallestOf(grid: Grid, cells: readonly Cell[]): Cell | null {
  return cells.reduce<Cell | null>((best, x) => (best === null || grid.at(x).n < grid.at(best).n ? x : best), null);
}

/**
 * The cell to hide so that `cell` lies on a cycle of hidden cells `who` does not know, and so can
 * no longer be recomputed: among the cells of its line and column first, then any; the smallest
 * that works. When none works alone, the smallest of its line and column, to make progress.
 */
function closeCycle(grid: Grid, who: number, cell: Cell, candidate: (r: number, c: number, who: number) => boolean): Cell | null {
  const [r0, c0] = cell;
  const all: Cell[] = [];
  grid.cells.forEach((line, r) => line.forEach((_, c) => candidate(r, c, who) && all.push([r, c])));
  if (all.length === 0) return null;
  const bySize = (a: Cell, b: Cell) => grid.at(a).n - grid.at(b).n || a[0] - b[0] || a[1] - b[1];
  const near = all.filter(([r, c]) => r === r0 || c === c0).sort(bySize);
  const far = all.filter(([r, c]) => r !== r0 && c !== c0).sort(bySize);
  const unknown = grid.unknownTo(who);
  for (const [r, c] of [...near, ...far]) {
    unknown[r]![c] = true;
    const still = recoverableCells(unknown).some(([i, j]) => i === r0 && j === c0);
    unknown[r]![c] = false;
    if (!still) return [r, c];
  }
  return near[0] ?? far[0] ?? null;
}
