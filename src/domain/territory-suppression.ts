/**
 * Small-cell suppression on a hierarchy of areas (nation → régions → départements, and the
 * answers placed in none). Every area's figure is the sum of its children's, so hiding the small
 * ones is not enough: a région shown with one hidden département gives it away (région minus the
 * others). Other areas are hidden until no hidden figure can be recomputed.
 *
 * Who could recompute: anyone reading the figures (they see every area's n and the values shown),
 * and each member organisation, which also knows its own answers in every area and can take them
 * away. For a reader `a`, the unknowns are the hidden areas holding answers of others than `a`;
 * every area with children is one equation (area = Σ children). As in
 * `complementary-suppression.ts`, the unknowns are the edges of a graph — here between the
 * equations and a "ground" node standing for no equation (a département or the unplaced answers
 * sit in one equation only, the root in its own only) — and an unknown can be recomputed exactly
 * when it is a bridge of that graph. Since the equations form a tree, every cycle goes through
 * the ground, and a hidden area with no other hidden area beside it in an equation is a bridge.
 *
 * What must not come out is an area hidden for its few answers: one where the answers of others
 * than `a` number 1 to k − 1 (the rule of `suppressForOthers`). While one is a bridge, the
 * smallest shown area in the same equation is hidden too (a sibling first, the parent area
 * otherwise), repeatedly. The root is never hidden for this: it is the collective's own figure,
 * published on its results; when nothing else can be hidden, what comes out is the root minus
 * areas the reader knows, which is no smaller than the root's share of others (tested).
 */
import { suppressForOthers } from './suppression.ts';

export interface AreaCell {
  id: string;
  /** null for the root: the total of everything, shown wherever the collective's figure is. */
  parent: string | null;
  /** Answers in the area, per organisation. */
  contributions: ReadonlyMap<string, number>;
}

export interface HierarchySuppression {
  hidden: Set<string>;
  /** Hidden for their own few answers. */
  primary: Set<string>;
  /** Hidden only so that the others cannot be recomputed. */
  complementary: Set<string>;
}

/** A reader: null for anyone, else an organisation that knows its own answers. */
export type Reader = string | null;

interface Model {
  cells: AreaCell[];
  n: Map<string, number>;
  /** Equation index (1…) of each area with children; 0 is the ground. */
  equation: Map<string, number>;
  children: Map<string, string[]>;
}

function model(cells: readonly AreaCell[]): Model {
  const n = new Map(cells.map((c) => [c.id, [...c.contributions.values()].reduce((a, b) => a + b, 0)]));
  const children = new Map<string, string[]>();
  for (const c of cells) if (c.parent !== null) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const equation = new Map<string, number>();
  for (const c of cells) if (children.has(c.id)) equation.set(c.id, equation.size + 1);
  return { cells: [...cells], n, equation, children };
}

const othersOf = (m: Model, c: AreaCell, reader: Reader) => m.n.get(c.id)! - (reader === null ? 0 : (c.contributions.get(reader) ?? 0));

/** The two equations an area takes part in: as a child of its parent, and as the total of its children. */
function ends(m: Model, c: AreaCell): [number, number] {
  return [c.parent === null ? 0 : m.equation.get(c.parent)!, m.equation.get(c.id) ?? 0];
}

interface Edge {
  cell: AreaCell;
  u: number;
  v: number;
}

/** Bridges of a multigraph (iterative Tarjan); self-loops are never bridges. */
function bridges(nodes: number, edges: readonly Edge[]): number[] {
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: nodes }, () => []);
  edges.forEach((e, i) => {
    if (e.u === e.v) return;
    adjacency[e.u]!.push({ to: e.v, edge: i });
    adjacency[e.v]!.push({ to: e.u, edge: i });
  });
  const order = new Array<number>(nodes).fill(-1);
  const low = new Array<number>(nodes).fill(0);
  const found: number[] = [];
  let time = 0;
  for (let start = 0; start < nodes; start++) {
    if (order[start] !== -1) continue;
    order[start] = low[start] = time++;
    const stack = [{ node: start, via: -1, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const links = adjacency[top.node]!;
      if (top.next < links.length) {
        const { to, edge } = links[top.next++]!;
        if (edge === top.via) continue;
        if (order[to] === -1) {
          order[to] = low[to] = time++;
          stack.push({ node: to, via: edge, next: 0 });
        } else low[top.node] = Math.min(low[top.node]!, order[to]!);
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          low[parent.node] = Math.min(low[parent.node]!, low[top.node]!);
          if (low[top.node]! > order[parent.node]!) found.push(top.via);
        }
      }
    }
  }
  return found;
}

function unknownEdges(m: Model, hidden: ReadonlySet<string>, reader: Reader): Edge[] {
  return m.cells.filter((c) => hidden.has(c.id) && othersOf(m, c, reader) > 0).map((cell) => {
    const [u, v] = ends(m, cell);
    return { cell, u, v };
  });
}

/** The hidden areas whose answers from others than `reader` can be recomputed from what is shown. */
export function recoverableAreas(cells: readonly AreaCell[], hidden: ReadonlySet<string>, reader: Reader): string[] {
  const m = model(cells);
  const edges = unknownEdges(m, hidden, reader);
  return bridges(m.equation.size + 1, edges).map((i) => edges[i]!.cell.id);
}

/** The nodes reachable from `start` without the edge `skip`. */
function reachable(nodes: number, edges: readonly Edge[], start: number, skip: number): Set<number> {
  const adjacency: number[][] = Array.from({ length: nodes }, () => []);
  edges.forEach((e, i) => {
    if (i === skip) return;
    adjacency[e.u]!.push(e.v);
    adjacency[e.v]!.push(e.u);
  });
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of adjacency[queue.pop()!]!) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * The next area to hide so that `bridge` stops being recomputable by `reader`: a shown area (not
 * the root) that `reader` does not know, touching the side of the bridge cut off from the ground.
 * Preferred: in the bridge's own equation, a child rather than the parent area, the smallest n.
 */
function nextToHide(m: Model, hidden: ReadonlySet<string>, reader: Reader, edges: Edge[], bridge: number): AreaCell | null {
  const { u, v } = edges[bridge]!;
  const nodes = m.equation.size + 1;
  const fromU = reachable(nodes, edges, u, bridge);
  const [side, near] = fromU.has(0) ? [reachable(nodes, edges, v, bridge), v] : [fromU, u];
  let best: { cell: AreaCell; rank: [number, number, number] } | null = null;
  for (const c of m.cells) {
    if (hidden.has(c.id) || c.parent === null || othersOf(m, c, reader) <= 0) continue;
    const [cu, cv] = ends(m, c);
    if (!side.has(cu) && !side.has(cv)) continue;
    const asChild = cu === near;
    const rank: [number, number, number] = [asChild || cv === near ? 0 : 1, asChild ? 0 : 1, m.n.get(c.id)!];
    if (!best || compare(rank, best.rank) < 0) best = { cell: c, rank };
  }
  return best?.cell ?? null;
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Hides every area resting on 1 to k − 1 answers (or on so few beside its largest contributor's),
 * then, area by area, enough others that no reader can recompute a hidden one.
 */
export function suppressHierarchy(cells: readonly AreaCell[], k: number): HierarchySuppression {
  const m = model(cells);
  const primary = new Set<string>();
  for (const c of m.cells) {
    const n = m.n.get(c.id)!;
    const largest = Math.max(0, ...c.contributions.values());
    if (suppressForOthers({ value: null, n, ci: null }, largest, k).suppressed) primary.add(c.id);
  }
  const hidden = new Set(primary);
  const complementary = new Set<string>();
  const sensitive = (c: AreaCell, reader: Reader) => {
    const others = othersOf(m, c, reader);
    return others > 0 && others < k;
  };
  // Each step hides one more area: at most as many steps as areas.
  for (let step = 0; step < m.cells.length; step++) {
    const next = findNext();
    if (!next) break;
    hidden.add(next.id);
    complementary.add(next.id);
  }
  return { hidden, primary, complementary };

  function findNext(): AreaCell | null {
    // Readers who know more than anyone: the organisations with answers in a hidden area.
    const readers: Reader[] = [null, ...[...new Set(m.cells.filter((c) => hidden.has(c.id)).flatMap((c) => [...c.contributions].filter(([, n]) => n > 0).map(([o]) => o)))].sort()];
    for (const reader of readers) {
      const edges = unknownEdges(m, hidden, reader);
      for (const b of bridges(m.equation.size + 1, edges)) {
        if (!sensitive(edges[b]!.cell, reader)) continue;
        const pick = nextToHide(m, hidden, reader, edges, b);
        if (pick) return pick;
      }
    }
    return null;
  }
}
