import { describe, expect, it } from 'vitest';
import { atoms, suppressHierarchy, type AreaCell, type Reader } from './territory-suppression.ts';

/**
 * The attacker: a reader who sees every area's n, the values shown and (for a member) its own
 * answers everywhere. Every area with children gives one equation, area − Σ children = 0, on the
 * part of the answers the reader does not know. The plain sum of some unknowns is recomputed when
 * its vector lies in the span of those equations restricted to the unknowns (the rank does not
 * grow when it is added).
 */
function algebra(cells: readonly AreaCell[], hidden: ReadonlySet<string>, reader: Reader) {
  const n = (c: AreaCell) => [...c.contributions.values()].reduce((a, b) => a + b, 0);
  const others = (c: AreaCell) => n(c) - (reader === null ? 0 : (c.contributions.get(reader) ?? 0));
  const unknowns = cells.filter((c) => hidden.has(c.id) && others(c) > 0).map((c) => c.id);
  const index = new Map(unknowns.map((id, i) => [id, i]));
  const equations: number[][] = [];
  for (const parent of cells) {
    const kids = cells.filter((c) => c.parent === parent.id);
    if (kids.length === 0) continue;
    const eq = new Array<number>(unknowns.length).fill(0);
    if (index.has(parent.id)) eq[index.get(parent.id)!] = 1;
    for (const kid of kids) if (index.has(kid.id)) eq[index.get(kid.id)!] = -1;
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
  const determined = (ids: readonly string[]) => {
    const v = new Array<number>(unknowns.length).fill(0);
    for (const id of ids) v[index.get(id)!] = 1;
    return rank([...equations, v]) === base;
  };
  return { unknowns, determined, others };
}

/** Sets of one to three hidden areas with no area inside another: groups of distinct answers. */
function disjointGroups(cells: readonly AreaCell[], ids: readonly string[]): string[][] {
  const parentOf = new Map(cells.map((c) => [c.id, c.parent]));
  const ancestors = (id: string) => {
    const out = new Set<string>();
    for (let p = parentOf.get(id); p; p = parentOf.get(p)) out.add(p);
    return out;
  };
  const apart = (a: string, b: string) => !ancestors(a).has(b) && !ancestors(b).has(a);
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i++) {
    groups.push([ids[i]!]);
    for (let j = i + 1; j < ids.length; j++) {
      if (!apart(ids[i]!, ids[j]!)) continue;
      groups.push([ids[i]!, ids[j]!]);
      for (let l = j + 1; l < ids.length; l++) if (apart(ids[i]!, ids[l]!) && apart(ids[j]!, ids[l]!)) groups.push([ids[i]!, ids[j]!, ids[l]!]);
    }
  }
  return groups;
}

/** A small random generator, seeded, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A nation of régions of départements, answers of a few organisations spread with many small
 * counts, and sometimes answers placed in no département. Areas add up exactly, as in the app.
 */
function randomTree(rand: () => number): AreaCell[] {
  const organisations = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) => `org${i}`);
  const leaves: { id: string; parent: string; contributions: Map<string, number> }[] = [];
  const regions = 1 + Math.floor(rand() * 5);
  const regionIds: string[] = [];
  for (let r = 0; r < regions; r++) {
    regionIds.push(`R${r}`);
    const departements = 1 + Math.floor(rand() * 5);
    for (let d = 0; d < departements; d++) {
      const contributions = new Map<string, number>();
      for (const o of organisations) {
        const x = rand();
        // Mostly nothing or a few answers, sometimes many.
        const n = x < 0.45 ? 0 : x < 0.8 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 30);
        if (n > 0) contributions.set(o, n);
      }
      leaves.push({ id: `D${r}.${d}`, parent: `R${r}`, contributions });
    }
  }
  if (rand() < 0.5) {
    const contributions = new Map<string, number>();
    const o = organisations[Math.floor(rand() * organisations.length)]!;
    contributions.set(o, 1 + Math.floor(rand() * 6));
    leaves.push({ id: 'unplaced', parent: 'FR', contributions });
  }
  const sum = (parts: { contributions: Map<string, number> }[]) => {
    const total = new Map<string, number>();
    for (const p of parts) for (const [o, n] of p.contributions) total.set(o, (total.get(o) ?? 0) + n);
    return total;
  };
  const regionCells = regionIds.map((id) => ({ id, parent: 'FR', contributions: sum(leaves.filter((l) => l.parent === id)) }));
  const nation = { id: 'FR', parent: null, contributions: sum([...regionCells, ...leaves.filter((l) => l.parent === 'FR')]) };
  return [nation, ...regionCells, ...leaves];
}

const cell = (id: string, parent: string | null, contributions: Record<string, number>): AreaCell => ({ id, parent, contributions: new Map(Object.entries(contributions)) });

/** Groups of distinct answers (up to three hidden areas) a reader can recompute, with fewer than k answers of others. */
function smallRecovered(tree: readonly AreaCell[], hidden: ReadonlySet<string>, reader: Reader, k: number): string[][] {
  const { unknowns, determined, others } = algebra(tree, hidden, reader);
  return disjointGroups(tree, unknowns).filter((group) => {
    if (!determined(group)) return false;
    const pooled = group.reduce((sum, id) => sum + others(tree.find((x) => x.id === id)!), 0);
    return pooled > 0 && pooled < k;
  });
}

describe('atoms: what a reader can work out, as the algebra says', () => {
  const tree = [
    cell('FR', null, { a: 30 }),
    cell('R1', 'FR', { a: 20 }),
    cell('R2', 'FR', { a: 10 }),
    cell('D1', 'R1', { a: 3 }),
    cell('D2', 'R1', { a: 17 }),
    cell('D3', 'R2', { a: 10 }),
  ];
  it.each<[string, string[], [string, string[]][]]>([
    ['one hidden département under a shown région: région minus the other', ['D1'], [['R1', ['D1']]]],
    ['two hidden départements of one région: their sum, not each', ['D1', 'D2'], [['R1', ['D1', 'D2']]]],
    ['a hidden région with all its départements shown: nothing unknown beneath', ['R2'], []],
    ['a hidden région and one of its départements, the nation shown: the département', ['R1', 'D1'], [['FR', ['D1']]]],
    ['two régions and a département of each: the two départements together', ['R1', 'R2', 'D1', 'D3'], [['FR', ['D1', 'D3']]]],
  ])('%s', (_name, hidden, expected) => {
    const set = new Set(hidden);
    expect(atoms(tree, set, null).map((x) => [x.known, [...x.leaves].sort()])).toEqual(expected);
    const { determined } = algebra(tree, set, null);
    for (const [, leaves] of expected) expect(determined(leaves)).toBe(true);
  });

  it('agrees on random trees and random hidden sets, for every reader', () => {
    const rand = random(7);
    for (let i = 0; i < 300; i++) {
      const tree = randomTree(rand);
      const hidden = new Set(tree.filter(() => rand() < 0.35).map((c) => c.id));
      for (const reader of [null, 'org0', 'org1']) {
        const found = atoms(tree, hidden, reader);
        const { unknowns, determined } = algebra(tree, hidden, reader);
        // Each atom's sum is pinned down…
        for (const atom of found) expect(determined(atom.leaves), `tree ${i}: ${atom.leaves.join('+')}`).toBe(true);
        // …and every group of hidden départements that is pinned down is made of whole atoms.
        const leaves = unknowns.filter((id) => !tree.some((c) => c.parent === id));
        for (const group of disjointGroups(tree, leaves)) {
          if (!determined(group)) continue;
          const inGroup = new Set(group);
          const covering = found.filter((atom) => atom.leaves.some((l) => inGroup.has(l)));
          expect(covering.every((atom) => atom.leaves.every((l) => inGroup.has(l))), `tree ${i}: ${group.join('+')}`).toBe(true);
          expect(covering.flatMap((atom) => atom.leaves).length).toBe(group.length);
        }
      }
    }
  });
});

describe('suppressHierarchy', () => {
  it('hides the next smallest sibling of a lone small département', () => {
    const tree = [
      cell('FR', null, { a: 40, b: 20 }),
      cell('R1', 'FR', { a: 40, b: 20 }),
      cell('D1', 'R1', { b: 3 }),
      cell('D2', 'R1', { a: 20, b: 10 }),
      cell('D3', 'R1', { a: 20, b: 7 }),
    ];
    const s = suppressHierarchy(tree, 5);
    expect([...s.primary]).toEqual(['D1']);
    expect([...s.complementary]).toEqual(['D3']);
  });

  it('hides across régions when a member could take its own answers away from the nation', () => {
    // D1 holds a's 3 answers; R1 is hidden too, b's 6 answers dominating it. b knows its own D2
    // and the nation's 60 answers of a: with R2 and R3 shown, R1 − D2 would give a's 3 away.
    const tree = [
      cell('FR', null, { a: 60, b: 6 }),
      cell('R1', 'FR', { a: 3, b: 6 }),
      cell('R2', 'FR', { a: 30 }),
      cell('R3', 'FR', { a: 27 }),
      cell('D1', 'R1', { a: 3 }),
      cell('D2', 'R1', { b: 6 }),
      cell('D3', 'R2', { a: 30 }),
      cell('D4', 'R3', { a: 27 }),
    ];
    const s = suppressHierarchy(tree, 5);
    expect(s.primary).toEqual(new Set(['D1', 'R1']));
    expect(s.hidden.has('D2')).toBe(true);
    expect(s.hidden.has('R2') || s.hidden.has('R3')).toBe(true);
    expect(s.hidden.has('FR')).toBe(false);
    for (const reader of [null, 'a', 'b']) expect(smallRecovered(tree, s.hidden, reader, 5)).toEqual([]);
  });

  it('protects a small organisation from a member that knows its own answers', () => {
    // Outsiders see two hidden départements and cannot tell them apart; member a knows D2 is all
    // its own, so D1 (b's three answers) would come out of R1 − D3 − D2.
    const tree = [
      cell('FR', null, { a: 28, b: 23 }),
      cell('R1', 'FR', { a: 28, b: 23 }),
      cell('D1', 'R1', { b: 3 }),
      cell('D2', 'R1', { a: 8 }),
      cell('D3', 'R1', { a: 20, b: 20 }),
    ];
    const s = suppressHierarchy(tree, 5);
    expect(s.primary).toEqual(new Set(['D1']));
    expect(s.hidden.has('D3')).toBe(true);
    expect(smallRecovered(tree, s.hidden, 'a', 5)).toEqual([]);
    // Hiding D1 alone would not do: a recomputes it.
    expect(smallRecovered(tree, new Set(['D1', 'D2']), 'a', 5)).toEqual([['D1']]);
  });

  it('never hides the root for others: it is the collective’s published figure', () => {
    const tree = [cell('FR', null, { a: 10, b: 10 }), cell('R1', 'FR', { a: 7, b: 10 }), cell('R2', 'FR', { a: 3 })];
    const s = suppressHierarchy(tree, 5);
    expect(s.hidden.has('FR')).toBe(false);
    expect(s.hidden).toEqual(new Set(['R1', 'R2']));
  });

  it('leaves areas without answers alone', () => {
    const tree = [cell('FR', null, { a: 12 }), cell('R1', 'FR', { a: 12 }), cell('D1', 'R1', { a: 12 }), cell('D2', 'R1', {})];
    expect(suppressHierarchy(tree, 5).hidden.size).toBe(0);
  });

  it('hides one more département when two hidden ones would add up to a small group', () => {
    // Vaucluse and Var hidden (2 answers each) cannot be told apart, but together they are the
    // région minus the Bouches-du-Rhône: 4 answers. The Bouches-du-Rhône is hidden too.
    const tree = [
      cell('FR', null, { a: 30, b: 20 }),
      cell('R93', 'FR', { a: 30, b: 20 }),
      cell('D13', 'R93', { a: 30, b: 16 }),
      cell('D84', 'R93', { b: 2 }),
      cell('D83', 'R93', { b: 2 }),
    ];
    const s = suppressHierarchy(tree, 5);
    expect(s.primary).toEqual(new Set(['D84', 'D83']));
    expect(s.complementary).toEqual(new Set(['D13']));
  });

  it('no reader recovers a hidden area of few answers, nor a few hidden ones pooled, over 1,000 random trees', () => {
    const rand = random(2026);
    let primary = 0;
    let complementary = 0;
    for (let i = 0; i < 1000; i++) {
      const tree = randomTree(rand);
      const k = rand() < 0.5 ? 5 : 3;
      const s = suppressHierarchy(tree, k);
      primary += s.primary.size;
      complementary += s.complementary.size;
      expect(s.complementary.has('FR')).toBe(false);
      const organisations = [...new Set(tree.flatMap((c) => [...c.contributions.keys()]))];
      for (const reader of [null, ...organisations]) {
        const { unknowns, determined, others } = algebra(tree, s.hidden, reader);
        for (const group of disjointGroups(tree, unknowns)) {
          if (!determined(group)) continue;
          const pooled = group.reduce((sum, id) => sum + others(tree.find((x) => x.id === id)!), 0);
          // What may come out is a group of at least k answers of others (as any shown figure is).
          expect(pooled === 0 || pooled >= k, `tree ${i}, reader ${reader}, areas ${group.join('+')}: ${pooled} answers of others recomputed`).toBe(true);
        }
      }
    }
    // The trees do exercise both rules.
    expect(primary).toBeGreaterThan(500);
    expect(complementary).toBeGreaterThan(200);
  });
});
