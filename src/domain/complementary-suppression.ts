/**
 * Complementary suppression for a table with its totals. Hiding the cells that rest on fewer than
 * k answers is not enough: a hidden cell can be recomputed from its row total minus the cells
 * shown, or from a column. Here other cells are hidden too, until no hidden cell can be
 * recomputed from what is shown.
 *
 * The table is seen with its margins as one (R+1) × (C+1) grid: the last row holds the column
 * totals, the last column the row totals, the corner the grand total. Every line of that grid is
 * one linear equation. Hidden cells are the edges of a bipartite graph between lines (rows) and
 * columns; what is shown fixes the sum along each line, so the hidden values can move along any
 * cycle of hidden cells without changing a total. A hidden cell is recoverable exactly when it
 * lies on no cycle: when it is a bridge of that graph. So: hide, then while some hidden cell is a
 * bridge, hide one more cell that closes a cycle through it.
 */

export interface SuppressionResult {
  /** `hidden[r][c]` for the (R+1) × (C+1) grid, margins included (last row, last column). */
  hidden: boolean[][];
  /** Cells hidden because they rest on fewer than k answers. */
  primary: number;
  /** Cells hidden only so that the others cannot be recomputed. */
  complementary: number;
}

/** The grid with its margins: interior counts, then row totals, column totals and the grand total. */
export function withMargins(table: readonly (readonly number[])[]): number[][] {
  const cols = table[0]?.length ?? 0;
  const grid = table.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: cols + 1 }, (_, c) => grid.reduce((a, row) => a + row[c]!, 0));
  grid.push(totals);
  return grid;
}

/** The hidden cells that are bridges of the rows–columns graph: each could be recomputed. */
export function recoverableCells(hidden: readonly (readonly boolean[])[]): [number, number][] {
  const rows = hidden.length;
  const cols = hidden[0]?.length ?? 0;
  // Nodes 0..rows-1 are lines, rows..rows+cols-1 columns; one edge per hidden cell.
  const edges: [number, number][] = [];
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: rows + cols }, () => []);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!hidden[r]![c]) continue;
      const e = edges.length;
      edges.push([r, c]);
      adjacency[r]!.push({ to: rows + c, edge: e });
      adjacency[rows + c]!.push({ to: r, edge: e });
    }
  }
  // Tarjan's bridges, iteratively (tables can be a hundred lines long).
  const order = new Array<number>(rows + cols).fill(-1);
  const low = new Array<number>(rows + cols).fill(0);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let start = 0; start < rows + cols; start++) {
    if (order[start] !== -1) continue;
    const stack: { node: number; viaEdge: number; next: number }[] = [{ node: start, viaEdge: -1, next: 0 }];
    order[start] = low[start] = time++;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const links = adjacency[top.node]!;
      if (top.next < links.length) {
        const { to, edge } = links[top.next++]!;
        if (edge === top.viaEdge) continue;
        if (order[to] === -1) {
          order[to] = low[to] = time++;
          stack.push({ node: to, viaEdge: edge, next: 0 });
        } else low[top.node] = Math.min(low[top.node]!, order[to]!);
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          low[parent.node] = Math.min(low[parent.node]!, low[top.node]!);
          if (low[top.node]! > order[parent.node]!) bridges.push(edges[top.viaEdge]!);
        }
      }
    }
  }
  return bridges;
}

/**
 * Hides every cell (margins included) resting on 1 to k − 1 answers, then as few others as this
 * simple rule finds so that none can be recomputed: for a recoverable cell, the smallest shown
 * cell of its line that is not yet hidden (or of its column when the line has none left).
 */
export function suppressTable(table: readonly (readonly number[])[], k: number): SuppressionResult {
  const grid = withMargins(table);
  const rows = grid.length;
  const cols = grid[0]!.length;
  const hidden = grid.map((row) => row.map((n) => n > 0 && n < k));
  const primary = hidden.flat().filter(Boolean).length;
  let complementary = 0;
  // Each round hides one more cell; there are finitely many.
  for (let guard = 0; guard < rows * cols; guard++) {
    const recoverable = recoverableCells(hidden);
    if (recoverable.length === 0) break;
    const [r, c] = recoverable[0]!;
    const pick = smallestShown(grid, hidden, r, c);
    if (!pick) break;
    hidden[pick[0]]![pick[1]] = true;
    complementary += 1;
  }
  return { hidden, primary, complementary };
}

/** The smallest shown cell on line r or column c, preferring cells with answers over empty ones. */
function smallestShown(grid: number[][], hidden: boolean[][], r: number, c: number): [number, number] | null {
  const candidates: [number, number][] = [];
  for (let j = 0; j < grid[r]!.length; j++) if (!hidden[r]![j]) candidates.push([r, j]);
  for (let i = 0; i < grid.length; i++) if (!hidden[i]![c]) candidates.push([i, c]);
  if (candidates.length === 0) return null;
  const rank = ([i, j]: [number, number]) => {
    const n = grid[i]![j]!;
    return n === 0 ? Number.MAX_SAFE_INTEGER : n;
  };
  return candidates.reduce((best, x) => (rank(x) < rank(best) ? x : best));
}
