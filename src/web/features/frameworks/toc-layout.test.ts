import { describe, expect, it } from 'vitest';
import type { TocNode } from '../../api/types.ts';
import {
  fitInOrder,
  layoutChips,
  layoutDiagram,
  metrics,
  moveFocus,
  textWidth,
  wrapText,
  type DiagramLayout,
} from './toc-layout.ts';

type N = Pick<TocNode, 'id' | 'kind' | 'parentId' | 'stakeholderGroup'>;
const node = (
  id: string,
  kind: TocNode['kind'],
  parentId: string | null = null,
  stakeholderGroup: TocNode['stakeholderGroup'] = null,
): N => ({
  id,
  kind,
  parentId,
  stakeholderGroup,
});
const labels: Record<string, string> = {};
const layout = (nodes: N[], indicators: { code: string; nodeId: string | null }[] = []) =>
  layoutDiagram({ nodes, indicators, label: (id) => labels[id] ?? `Élément ${id}` });

/** Nodes of a column do not overlap and keep at least the node gap between them. */
function overlaps(l: DiagramLayout): string[] {
  const found: string[] = [];
  const boxes = [...l.nodes.map((n) => ({ name: n.id, x: n.x, y: n.y, w: n.width, h: n.height }))];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const apart =
        a.x + a.w <= b.x ||
        b.x + b.w <= a.x ||
        a.y + a.h + metrics.nodeGap - 0.5 <= b.y ||
        b.y + b.h + metrics.nodeGap - 0.5 <= a.y;
      if (!apart) found.push(`${a.name}/${b.name}`);
    }
  }
  for (let i = 0; i < l.bands.length; i += 1) {
    for (let j = i + 1; j < l.bands.length; j += 1) {
      const a = l.bands[i]!;
      const b = l.bands[j]!;
      if (!(a.y + a.height <= b.y || b.y + b.height <= a.y))
        found.push(`band ${a.group}/${b.group}`);
    }
  }
  // A node lies inside its own group's band and outside the others.
  for (const n of l.nodes.filter((x) => x.kind === 'outcome')) {
    for (const b of l.bands) {
      const inside = n.y >= b.y && n.y + n.height <= b.y + b.height;
      const apart = n.y + n.height <= b.y || b.y + b.height <= n.y;
      if (b.group === n.group ? !inside : !apart) found.push(`${n.id} in band ${b.group}`);
    }
  }
  return found;
}

const inside = (l: DiagramLayout) =>
  l.nodes.every(
    (n) =>
      n.x >= 0 &&
      n.y >= metrics.pad + metrics.header &&
      n.x + n.width <= l.width &&
      n.y + n.height <= l.contentBottom,
  );

const groups = [
  'people_supported',
  'staff',
  'volunteers',
  'partners',
  'funders',
  'territory',
] as const;

/** A chain impact → outcome → output → activity, repeated under several outcomes and nested deeper. */
function deep(): N[] {
  const list: N[] = [node('i', 'impact')];
  for (let k = 0; k < 4; k += 1) {
    list.push(node(`o${k}`, 'outcome', 'i', groups[k % 2]));
    list.push(node(`o${k}b`, 'outcome', `o${k}`, groups[k % 2])); // an outcome under an outcome
    list.push(node(`r${k}`, 'output', `o${k}b`));
    list.push(node(`a${k}`, 'activity', `r${k}`));
  }
  return list;
}

/** Sixty nodes: two impacts, 18 outcomes over 6 groups, outputs and activities under them, orphans. */
function big(): N[] {
  const list: N[] = [node('i1', 'impact'), node('i2', 'impact')];
  for (let k = 0; k < 18; k += 1) {
    list.push(node(`o${k}`, 'outcome', k % 3 === 0 ? 'i2' : 'i1', groups[(k * 5) % 6]));
    if (k % 2 === 0) list.push(node(`r${k}`, 'output', `o${k}`));
    if (k % 2 === 0) list.push(node(`r${k}x`, 'output', `o${k}`));
    if (k % 2 === 0) list.push(node(`a${k}`, 'activity', `r${k}`));
    if (k % 2 === 0) list.push(node(`a${k}x`, 'activity', `r${k}x`));
    if (k % 6 === 0) list.push(node(`alone${k}`, 'activity'));
  }
  list.push(node('lost', 'output', 'nowhere'));
  return list;
}

describe('layoutDiagram', () => {
  const cases: {
    name: string;
    nodes: N[];
    indicators?: { code: string; nodeId: string | null }[];
    check: (l: DiagramLayout) => void;
  }[] = [
    {
      name: 'empty framework',
      nodes: [],
      check: (l) => {
        expect(l.nodes).toEqual([]);
        expect(l.edges).toEqual([]);
        expect(l.columns.map((c) => c.ids)).toEqual([[], [], [], []]);
        expect(l.width).toBeGreaterThan(0);
      },
    },
    {
      name: 'single impact',
      nodes: [node('i', 'impact')],
      check: (l) => {
        expect(l.columns.map((c) => c.ids)).toEqual([[], [], [], ['i']]);
        expect(l.nodes[0]!.orphan).toBe(false);
        expect(l.nodes[0]!.y).toBe(metrics.pad + metrics.header);
        expect(l.edges).toEqual([]);
        expect(l.bands).toEqual([]);
      },
    },
    {
      name: 'columns read from activities (left) to impact (right)',
      nodes: [
        node('i', 'impact'),
        node('o', 'outcome', 'i'),
        node('r', 'output', 'o'),
        node('a', 'activity', 'r'),
      ],
      check: (l) => {
        const x = (id: string) => l.nodes.find((n) => n.id === id)!.x;
        expect(x('a')).toBeLessThan(x('r'));
        expect(x('r')).toBeLessThan(x('o'));
        expect(x('o')).toBeLessThan(x('i'));
        expect(l.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['o>i', 'r>o', 'a>r']);
        // A straight chain is drawn on one line.
        const centres = l.nodes.map((n) => n.y + n.height / 2);
        for (const c of centres) expect(Math.abs(c - centres[0]!)).toBeLessThanOrEqual(1);
      },
    },
    {
      name: 'orphans: no parent or an unknown parent go last in their column, without an edge',
      nodes: [
        node('i', 'impact'),
        node('lost', 'outcome', 'missing'),
        node('o', 'outcome', 'i'),
        node('alone', 'activity'),
        node('self', 'output', 'self'),
      ],
      check: (l) => {
        expect(l.columns[2]!.ids).toEqual(['o', 'lost']);
        const orphans = l.nodes
          .filter((n) => n.orphan)
          .map((n) => n.id)
          .sort();
        expect(orphans).toEqual(['alone', 'lost', 'self']);
        expect(l.edges.map((e) => e.from)).toEqual(['o']);
      },
    },
    {
      name: 'many outcomes per group: grouped in the stakeholder order, one band each',
      nodes: [
        node('i', 'impact'),
        node('v1', 'outcome', 'i', 'volunteers'),
        node('p1', 'outcome', 'i', 'people_supported'),
        node('n1', 'outcome', 'i'),
        node('v2', 'outcome', 'i', 'volunteers'),
        node('p2', 'outcome', 'i', 'people_supported'),
        node('p3', 'outcome', 'i', 'people_supported'),
      ],
      check: (l) => {
        expect(l.columns[2]!.ids).toEqual(['p1', 'p2', 'p3', 'v1', 'v2', 'n1']);
        expect(l.bands.map((b) => b.group)).toEqual(['people_supported', 'volunteers', null]);
        expect(overlaps(l)).toEqual([]);
      },
    },
    {
      name: 'no band when no outcome names its group',
      nodes: [node('i', 'impact'), node('o1', 'outcome', 'i'), node('o2', 'outcome', 'i')],
      check: (l) => expect(l.bands).toEqual([]),
    },
    {
      name: 'deep chains, with outcomes under outcomes',
      nodes: deep(),
      check: (l) => {
        expect(l.columns[2]!.ids).toEqual(['o0', 'o0b', 'o2', 'o2b', 'o1', 'o1b', 'o3', 'o3b']);
        // Outputs follow their parents' order.
        expect(l.columns[1]!.ids).toEqual(['r0', 'r2', 'r1', 'r3']);
        expect(l.edges).toHaveLength(deep().length - 1);
        expect(overlaps(l)).toEqual([]);
        expect(inside(l)).toBe(true);
      },
    },
    {
      name: 'about sixty nodes: no overlap, inside the drawing',
      nodes: big(),
      check: (l) => {
        expect(l.nodes).toHaveLength(big().length);
        expect(l.nodes.length).toBeGreaterThanOrEqual(60);
        expect(overlaps(l)).toEqual([]);
        expect(inside(l)).toBe(true);
        expect(l.width).toBe(4 * metrics.columnWidth + 3 * metrics.columnGap + 2 * metrics.pad);
      },
    },
    {
      name: 'indicators hang on their node; unknown nodes are ignored',
      nodes: [node('i', 'impact'), node('o', 'outcome', 'i')],
      indicators: [
        { code: 'C01', nodeId: 'o' },
        { code: 'C02', nodeId: 'o' },
        { code: 'X', nodeId: 'gone' },
        { code: 'Y', nodeId: null },
      ],
      check: (l) => {
        const o = l.nodes.find((n) => n.id === 'o')!;
        const i = l.nodes.find((n) => n.id === 'i')!;
        expect(o.codes).toEqual(['C01', 'C02']);
        expect(o.chips.map((c) => c.text)).toEqual(['C01', 'C02']);
        expect(i.codes).toEqual([]);
      },
    },
    {
      name: 'a loop of parents in one column is still drawn once each',
      nodes: [node('a', 'outcome', 'b'), node('b', 'outcome', 'a')],
      check: (l) => {
        expect(l.columns[2]!.ids).toEqual(['a', 'b']);
        expect(overlaps(l)).toEqual([]);
      },
    },
  ];

  it.each(cases)('$name', ({ nodes, indicators, check }) => {
    check(layout(nodes, indicators));
  });

  it('the overlap check finds two nodes drawn on top of each other', () => {
    const l = layout([node('i', 'impact'), node('o1', 'outcome', 'i'), node('o2', 'outcome', 'i')]);
    expect(overlaps(l)).toEqual([]);
    l.nodes[2]!.y = l.nodes[1]!.y + 5;
    expect(overlaps(l)).toEqual(['o1/o2']);
  });

  it('is deterministic', () => {
    expect(layout(big())).toEqual(layout(big()));
  });
});

describe('wrapText', () => {
  it.each([
    { text: 'Court', lines: ['Court'] },
    { text: '  deux   espaces ', lines: ['deux espaces'] },
    { text: 'un deux trois quatre cinq six sept huit neuf dix onze douze', max: 100, check: true },
  ])('wraps "$text"', ({ text, lines, max, check }) => {
    const out = wrapText(text, max ?? 200, 13, 6);
    if (lines) expect(out).toEqual(lines);
    if (check) {
      expect(out.length).toBeGreaterThan(1);
      expect(out.join(' ')).toBe(text);
      for (const line of out) expect(textWidth(line, 13)).toBeLessThanOrEqual(100);
    }
  });

  it('cuts a word longer than a line', () => {
    const out = wrapText('x'.repeat(40), 100, 13, 6);
    expect(out.join('')).toBe('x'.repeat(40));
    for (const line of out) expect(textWidth(line, 13)).toBeLessThanOrEqual(100);
  });

  it('ends with an ellipsis beyond the maximum number of lines', () => {
    const out = wrapText('mot '.repeat(60), 100, 13, 3);
    expect(out).toHaveLength(3);
    expect(out[2]!.endsWith('…')).toBe(true);
  });
});

describe('layoutChips', () => {
  it('puts chips in rows and folds what does not fit into "+n"', () => {
    const codes = Array.from({ length: 20 }, (_, i) => `IND-${i + 1}`);
    const chips = layoutChips(codes, 200);
    const last = chips[chips.length - 1]!;
    expect(last.more).toBe(true);
    expect(Number(last.text.slice(1)) + chips.length - 1).toBe(20);
    for (const c of chips) expect(c.x + c.width).toBeLessThanOrEqual(200);
    expect(new Set(chips.map((c) => c.y)).size).toBe(metrics.chipRows);
  });

  it('has no chip without codes', () => {
    expect(layoutChips([], 200)).toEqual([]);
  });
});

describe('fitInOrder', () => {
  it.each([
    { desired: [0, 100, 200], space: [50, 50, 50], out: [0, 100, 200] },
    // Two items wanting the same place share the displacement.
    { desired: [100, 100], space: [40, 40], out: [80, 120] },
    { desired: [300, 0], space: [10, 10], out: [145, 155] },
  ])('$desired with spaces $space', ({ desired, space, out }) => {
    expect(
      fitInOrder(
        desired,
        space,
        desired.map(() => 1),
      ),
    ).toEqual(out);
  });
});

describe('moveFocus', () => {
  const l = layout([
    node('i', 'impact'),
    node('o1', 'outcome', 'i'),
    node('o2', 'outcome', 'i'),
    node('r1', 'output', 'o2'),
    node('a1', 'activity', 'r1'),
    node('a2', 'activity'),
  ]);
  it.each([
    { from: null, move: 'down', to: 'i' },
    { from: 'i', move: 'left', to: 'o1' },
    { from: 'o1', move: 'down', to: 'o2' },
    { from: 'o2', move: 'down', to: 'o2' },
    { from: 'o2', move: 'up', to: 'o1' },
    { from: 'o2', move: 'right', to: 'i' },
    { from: 'o2', move: 'left', to: 'r1' },
    { from: 'r1', move: 'left', to: 'a1' },
    { from: 'a1', move: 'right', to: 'r1' },
    { from: 'a2', move: 'right', to: 'r1' },
    { from: 'o1', move: 'left', to: 'r1' },
    { from: 'a1', move: 'left', to: 'a1' },
    { from: 'a2', move: 'first', to: 'a1' },
    { from: 'o1', move: 'last', to: 'o2' },
  ] as const)('$from $move → $to', ({ from, move, to }) => {
    expect(moveFocus(l, from, move)).toBe(to);
  });
});
