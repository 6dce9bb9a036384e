/**
 * Small-cell suppression on a hierarchy of areas (nation → régions → départements, and the
 * answers placed in none). Every area's figure is the sum of its children's, so hiding the small
 * ones is not enough: a région shown with one hidden département gives it away (région minus the
 * others), and two hidden départements give their sum away. Other areas are hidden until no
 * small group of answers can be recomputed.
 *
 * Who could recompute: anyone reading the figures (they see every area's n and the values shown),
 * and each member organisation, which also knows its own answers in every area and can take them
 * away. For a reader `a`, an area is known when it is shown or holds no answers of others than
 * `a`. Seen from the leaves (départements and unplaced answers, which share no answer), each known
 * area P pins down the sum of the unknown leaves beneath it; those beneath a smaller known area
 * are pinned down by that one already. So what the reader can work out is exactly, for each known
 * P, the sum over its **atom**: the unknown leaves under P that lie under no other known area
 * inside P (the areas form a laminar family: these atoms are disjoint and span every sum the
 * figures determine, single hidden areas included). Hence the rule: every atom holds no answers
 * of others than the reader, or at least k (as any figure shown does; the rule of
 * `suppressForOthers`).
 *
 * While an atom holds 1 to k − 1, one of the known areas bounding it is hidden too — a shown
 * département first (a sibling of the small one), the smallest, otherwise a région — and the
 * check runs again. The root is never hidden for this: it is the collective's own figure,
 * published on its results; its atom is the root minus what the reader knows, at least k answers
 * of others whenever a shown area could still be hidden (tested).
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
  byId: Map<string, AreaCell>;
  n: Map<string, number>;
  children: Map<string, AreaCell[]>;
}

function model(cells: readonly AreaCell[]): Model {
  const n = new Map(cells.map((c) => [c.id, [...c.contributions.values()].reduce((a, b) => a + b, 0)]));
  const children = new Map<string, AreaCell[]>();
  for (const c of cells) if (c.parent !== null) children.set(c.parent, [...(children.get(c.parent) ?? []), c]);
  return { cells: [...cells], byId: new Map(cells.map((c) => [c.id, c])), n, children };
}

const othersOf = (m: Model, c: AreaCell, reader: Reader) => m.n.get(c.id)! - (reader === null ? 0 : (c.contributions.get(reader) ?? 0));

export interface Atom {
  /** The known area whose figure pins the atom's sum down. */
  known: string;
  /** The unknown leaves whose sum it is. */
  leaves: string[];
  /** Their answers of others than the reader. */
  others: number;
  /** The known areas inside `known` that bound it (shown, or the reader's own). */
  bounds: string[];
}

/** What a reader can work out from the figures shown: one sum per known area (see above). */
export function atoms(cells: readonly AreaCell[], hidden: ReadonlySet<string>, reader: Reader): Atom[] {
  return atomsOf(model(cells), hidden, reader);
}

function atomsOf(m: Model, hidden: ReadonlySet<string>, reader: Reader): Atom[] {
  const known = (c: AreaCell) => !hidden.has(c.id) || othersOf(m, c, reader) === 0;
  const out: Atom[] = [];
  for (const p of m.cells) {
    if (!known(p) || !m.children.has(p.id)) continue;
    const atom: Atom = { known: p.id, leaves: [], others: 0, bounds: [] };
    const stack = [...(m.children.get(p.id) ?? [])];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (known(c)) atom.bounds.push(c.id);
      else if (m.children.has(c.id)) stack.push(...m.children.get(c.id)!);
      else {
        atom.leaves.push(c.id);
        atom.others += othersOf(m, c, reader);
      }
    }
    if (atom.leaves.length > 0) out.push(atom);
  }
  return out;
}

/**
 * Hides every area resting on 1 to k − 1 answers (or on so few beside its largest contributor's),
 * then, one at a time, areas bounding a small atom until no reader can work out a small group.
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
      for (const atom of atomsOf(m, hidden, reader)) {
        if (atom.others === 0 || atom.others >= k) continue;
        const pick = widen(m, hidden, reader, atom);
        if (pick) return pick;
      }
    }
    return null;
  }
}

/**
 * The area to hide so that a small atom grows: one bounding it, shown, not the root, holding
 * answers of others than the reader. A département first (its answers join the atom at once), the
 * closest to the known area, the smallest.
 */
function widen(m: Model, hidden: ReadonlySet<string>, reader: Reader, atom: Atom): AreaCell | null {
  let best: { cell: AreaCell; rank: [number, number, number] } | null = null;
  for (const id of atom.bounds) {
    const c = m.byId.get(id)!;
    if (hidden.has(c.id) || c.parent === null || othersOf(m, c, reader) <= 0) continue;
    const rank: [number, number, number] = [m.children.has(c.id) ? 1 : 0, c.parent === atom.known ? 0 : 1, m.n.get(c.id)!];
    if (isBefore(rank, best?.rank)) best = { cell: c, rank };
  }
  return best?.cell ?? null;
}

function isBefore(a: [number, number, number], b: [number, number, number] | undefined): boolean {
  if (!b) return true;
  return (a[0] - b[0] || a[1] - b[1] || a[2] - b[2]) < 0;
}
