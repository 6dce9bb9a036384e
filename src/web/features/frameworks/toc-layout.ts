/**
 * Where each element of a theory of change goes in the diagram. Pure and deterministic: the
 * same nodes give the same picture, so exports are reproducible and the layout can be tested
 * without a browser. Text widths are estimated from character classes, not measured.
 *
 * The diagram reads from left to right, as French practice says it: activités → réalisations →
 * effets attendus → finalité. One column per kind; each node is drawn near the nodes it is
 * linked to; outcomes are grouped by stakeholder group.
 */
import type { Indicator, TocNode } from '../../api/types.ts';

type Kind = TocNode['kind'];
type Group = TocNode['stakeholderGroup'];

/** Columns from left to right. */
export const columnKinds: readonly Kind[] = ['activity', 'output', 'outcome', 'impact'];
const columnOf: Record<Kind, number> = { activity: 0, output: 1, outcome: 2, impact: 3 };
/** The order of stakeholder groups in the outcome column (null, "not said", last). */
export const groupOrder: readonly NonNullable<Group>[] = [
  'people_supported',
  'staff',
  'volunteers',
  'partners',
  'funders',
  'territory',
];

export const metrics = {
  pad: 16,
  header: 46,
  columnWidth: 204,
  columnGap: 44,
  nodePadX: 12,
  nodePadY: 10,
  kindLine: 12,
  kindGap: 5,
  fontSize: 13,
  lineHeight: 17,
  maxLines: 6,
  chipHeight: 18,
  chipGap: 4,
  chipTop: 8,
  chipFont: 10.5,
  chipRows: 2,
  nodeGap: 12,
  groupGap: 22,
  groupHeader: 26,
  bandInset: 8,
} as const;

/** Node width inside a column. */
export const nodeWidth = metrics.columnWidth;
const textWidthMax = nodeWidth - 2 * metrics.nodePadX;

export interface DiagramInput {
  nodes: readonly Pick<TocNode, 'id' | 'kind' | 'parentId' | 'stakeholderGroup'>[];
  indicators: readonly Pick<Indicator, 'code' | 'nodeId'>[];
  /** The label shown for a node (in the current language). */
  label: (id: string) => string;
}

export interface Chip {
  text: string;
  x: number;
  y: number;
  width: number;
  /** "+3": stands for indicators that did not fit. */
  more: boolean;
}

export interface LaidNode {
  id: string;
  kind: Kind;
  column: number;
  group: Group;
  /** The parent drawn in the diagram (null when absent or unknown). */
  parentId: string | null;
  /** A non-impact node linked to nothing above it. */
  orphan: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  codes: string[];
  chips: Chip[];
}

export interface LaidEdge {
  /** The child. */
  from: string;
  /** The parent. */
  to: string;
  d: string;
}

export interface GroupBand {
  group: Group;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Column {
  kind: Kind;
  x: number;
  width: number;
  /** Node ids from top to bottom. */
  ids: string[];
}

export interface DiagramLayout {
  width: number;
  height: number;
  /** Where the content ends (the legend goes below). */
  contentBottom: number;
  columns: Column[];
  nodes: LaidNode[];
  edges: LaidEdge[];
  bands: GroupBand[];
}

// --- Text -----------------------------------------------------------------------------------

const narrow = new Set("iljtfrI!|.,:;'’()[] ");
const wide = new Set('mwMWœŒæÆ@%');

/** Estimated width in pixels of `text` in a sans-serif font of `size` pixels (bold is wider). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    // Measured on the wider sans-serif fonts (DejaVu Sans), so that text fits in all of them.
    if (narrow.has(ch)) em += 0.33;
    else if (wide.has(ch)) em += 0.92;
    else if (ch >= 'A' && ch <= 'Z') em += 0.72;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else em += 0.58;
  }
  return em * size * (bold ? 1.2 : 1);
}

/** Estimated width of `text` in a monospace font of `size` pixels. */
export function monoWidth(text: string, size: number): number {
  return [...text].length * 0.61 * size;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces when it can (a word too long
 * for a line is cut). Beyond `maxLines` the last line ends with an ellipsis.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  maxLines: number,
  bold = false,
): string[] {
  const width = (value: string) => textWidth(value, size, bold);
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const push = (value: string) => {
    lines.push(value);
  };
  for (let word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) push(line);
    line = '';
    while (width(word) > maxWidth) {
      let cut = word.length - 1;
      while (cut > 1 && width(word.slice(0, cut)) > maxWidth) cut -= 1;
      push(word.slice(0, cut));
      word = word.slice(cut);
    }
    line = word;
  }
  if (line) push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (width(last) > maxWidth && last.length > 1) {
    last = `${last.slice(0, -2).trimEnd()}…`;
  }
  kept[maxLines - 1] = last;
  return kept;
}

// --- Nodes ----------------------------------------------------------------------------------

/** Chips for indicator codes, in rows inside the node; what does not fit becomes "+n". */
export function layoutChips(codes: readonly string[], maxWidth: number): Chip[] {
  const { chipHeight, chipGap, chipFont, chipRows } = metrics;
  const width = (text: string) => Math.ceil(monoWidth(text, chipFont) + 12);
  const chips: Chip[] = [];
  let x = 0;
  let row = 0;
  for (let i = 0; i < codes.length; i += 1) {
    const text = codes[i]!;
    const w = Math.min(width(text), maxWidth);
    const rest = codes.length - i - 1;
    const reserve = rest > 0 && row === chipRows - 1 ? width(`+${rest}`) + chipGap : 0;
    if (x > 0 && x + w + reserve > maxWidth) {
      if (row === chipRows - 1) {
        const more = `+${codes.length - i}`;
        chips.push({
          text: more,
          x,
          y: row * (chipHeight + chipGap),
          width: width(more),
          more: true,
        });
        return chips;
      }
      row += 1;
      x = 0;
    }
    chips.push({ text, x, y: row * (chipHeight + chipGap), width: w, more: false });
    x += w + chipGap;
  }
  return chips;
}

function nodeHeight(lines: number, chips: readonly Chip[]): number {
  const m = metrics;
  const rows =
    chips.length === 0 ? 0 : Math.max(...chips.map((c) => c.y)) / (m.chipHeight + m.chipGap) + 1;
  const chipBlock = rows === 0 ? 0 : m.chipTop + rows * m.chipHeight + (rows - 1) * m.chipGap;
  return m.nodePadY * 2 + m.kindLine + m.kindGap + lines * m.lineHeight + chipBlock;
}

// --- Order ----------------------------------------------------------------------------------

const groupIndex = (group: Group) =>
  group === null ? groupOrder.length : groupOrder.indexOf(group);

/**
 * Orders each column, from the impact column leftwards: a node follows the position of its
 * parent, a node whose parent is in the same column comes right after it, outcomes are grouped
 * by stakeholder group, and orphans come last. Ties keep the input order.
 */
function orderColumns(nodes: readonly LaidNode[], index: ReadonlyMap<string, number>): string[][] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const columns: string[][] = columnKinds.map(() => []);
  /** Position of a placed node in its column, between 0 and 1. */
  const place = new Map<string, number>();
  for (let c = columnKinds.length - 1; c >= 0; c -= 1) {
    const members = nodes.filter((n) => n.column === c);
    const grouped = c === columnOf.outcome;
    const sameColumnParent = (n: LaidNode) => {
      const parent = n.parentId ? byId.get(n.parentId) : undefined;
      return parent && parent.column === c && (!grouped || parent.group === n.group)
        ? parent
        : undefined;
    };
    const key = (n: LaidNode): number => {
      const parent = n.parentId ? byId.get(n.parentId) : undefined;
      if (!parent) return n.orphan ? 3 : 0; // impact roots first, orphans last
      const p = place.get(parent.id);
      return p === undefined ? 2 : p; // parent to the left (unusual): after the linked ones
    };
    const sorted = (list: LaidNode[]) =>
      [...list].sort(
        (a, b) =>
          (grouped ? groupIndex(a.group) - groupIndex(b.group) : 0) ||
          key(a) - key(b) ||
          index.get(a.id)! - index.get(b.id)!,
      );
    const children = new Map<string, LaidNode[]>();
    const tops: LaidNode[] = [];
    for (const n of members) {
      const parent = sameColumnParent(n);
      if (parent) children.set(parent.id, [...(children.get(parent.id) ?? []), n]);
      else tops.push(n);
    }
    const out: string[] = [];
    const seen = new Set<string>();
    const emit = (n: LaidNode) => {
      if (seen.has(n.id)) return;
      seen.add(n.id);
      out.push(n.id);
      for (const child of sorted(children.get(n.id) ?? [])) emit(child);
    };
    for (const n of sorted(tops)) emit(n);
    // Only a loop of parents in one column is left: keep it, in input order.
    for (const n of sorted(members)) emit(n);
    out.forEach((id, i) => place.set(id, (i + 0.5) / out.length));
    columns[c] = out;
  }
  return columns;
}

// --- Vertical positions ---------------------------------------------------------------------

/**
 * The tops closest (least squares, weighted) to `desired` such that each item starts at least
 * `space[i]` below the previous top: pool-adjacent-violators on the shifted values.
 */
export function fitInOrder(
  desired: readonly number[],
  space: readonly number[],
  weight: readonly number[],
): number[] {
  const offset: number[] = [];
  let sum = 0;
  for (let i = 0; i < desired.length; i += 1) {
    sum += i === 0 ? 0 : space[i - 1]!;
    offset.push(sum);
  }
  const blocks: { value: number; weight: number; count: number }[] = [];
  desired.forEach((d, i) => {
    blocks.push({ value: d - offset[i]!, weight: weight[i]!, count: 1 });
    while (
      blocks.length > 1 &&
      blocks[blocks.length - 2]!.value > blocks[blocks.length - 1]!.value
    ) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      const w = a.weight + b.weight;
      blocks.push({
        value: (a.value * a.weight + b.value * b.weight) / w,
        weight: w,
        count: a.count + b.count,
      });
    }
  });
  const out: number[] = [];
  for (const b of blocks)
    for (let k = 0; k < b.count; k += 1) out.push(b.value + offset[out.length]!);
  return out;
}

interface Slot {
  node: LaidNode;
  /** Room above the node inside its slot (the group label for the first outcome of a group). */
  above: number;
  /** Gap after this slot before the next one. */
  after: number;
}

function slotsOf(
  ids: readonly string[],
  byId: ReadonlyMap<string, LaidNode>,
  grouped: boolean,
  hasBands: boolean,
): Slot[] {
  const nodes = ids.map((id) => byId.get(id)!);
  return nodes.map((node, i) => {
    const prev = nodes[i - 1];
    const next = nodes[i + 1];
    const startsGroup = grouped && hasBands && (!prev || prev.group !== node.group);
    const endsGroup = grouped && hasBands && next !== undefined && next.group !== node.group;
    return {
      node,
      above: startsGroup ? metrics.groupHeader : 0,
      after: endsGroup ? metrics.groupGap : metrics.nodeGap,
    };
  });
}

// --- Edges ----------------------------------------------------------------------------------

const r = (v: number) => Math.round(v * 10) / 10;

function edgePath(child: LaidNode, parent: LaidNode, port: number): string {
  const cy = child.y + child.height / 2;
  const py = parent.column > child.column ? port : parent.y + parent.height / 2;
  if (parent.column === child.column) {
    // A bracket on the right side of the column.
    const x = child.x + child.width;
    const bend = 22;
    return `M${r(x)},${r(cy)} C${r(x + bend)},${r(cy)} ${r(x + bend)},${r(py)} ${r(x)},${r(py)}`;
  }
  const rightwards = parent.column > child.column;
  const x1 = rightwards ? child.x + child.width : child.x;
  const x2 = rightwards ? parent.x : parent.x + parent.width;
  const mid = (x1 + x2) / 2;
  return `M${r(x1)},${r(cy)} C${r(mid)},${r(cy)} ${r(mid)},${r(py)} ${r(x2)},${r(py)}`;
}

// --- The whole diagram ----------------------------------------------------------------------

const RELAX_ROUNDS = 12;

export function layoutDiagram(input: DiagramInput): DiagramLayout {
  const m = metrics;
  const ids = new Set(input.nodes.map((n) => n.id));
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const codes = new Map<string, string[]>();
  for (const indicator of input.indicators) {
    if (indicator.nodeId && ids.has(indicator.nodeId)) {
      codes.set(indicator.nodeId, [...(codes.get(indicator.nodeId) ?? []), indicator.code]);
    }
  }
  const columnX = (c: number) => m.pad + c * (m.columnWidth + m.columnGap);

  const nodes: LaidNode[] = input.nodes.map((n) => {
    const parentId = n.parentId && n.parentId !== n.id && ids.has(n.parentId) ? n.parentId : null;
    const lines = wrapText(
      input.label(n.id),
      textWidthMax,
      m.fontSize,
      m.maxLines,
      n.kind === 'impact',
    );
    const nodeCodes = codes.get(n.id) ?? [];
    const chips = layoutChips(nodeCodes, textWidthMax);
    return {
      id: n.id,
      kind: n.kind,
      column: columnOf[n.kind],
      group: n.stakeholderGroup,
      parentId,
      orphan: parentId === null && n.kind !== 'impact',
      x: columnX(columnOf[n.kind]),
      y: 0,
      width: nodeWidth,
      height: nodeHeight(lines.length, chips),
      lines,
      codes: nodeCodes,
      chips,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const order = orderColumns(nodes, index);
  const outcomes = nodes.filter((n) => n.kind === 'outcome');
  // Bands only help when at least one outcome names its stakeholder group.
  const hasBands = outcomes.some((n) => n.group !== null);
  const slots = order.map((column, c) => slotsOf(column, byId, c === columnOf.outcome, hasBands));

  // Links across columns pull nodes towards each other.
  const links = new Map<string, string[]>();
  for (const n of nodes) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (!parent || parent.column === n.column) continue;
    links.set(n.id, [...(links.get(n.id) ?? []), parent.id]);
    links.set(parent.id, [...(links.get(parent.id) ?? []), n.id]);
  }
  const top = m.pad + m.header;
  const centre = (n: LaidNode) => n.y + n.height / 2;
  const place = (column: Slot[], tops: readonly number[]) =>
    column.forEach((s, i) => {
      s.node.y = tops[i]! + s.above;
    });
  const stack = (column: Slot[]) => {
    let y = top;
    const tops = column.map((s) => {
      const t = y;
      y += s.above + s.node.height + s.after;
      return t;
    });
    return tops;
  };
  slots.forEach((column) => place(column, stack(column)));

  const relax = (column: Slot[]) => {
    if (column.length === 0) return;
    const desired = column.map((s) => {
      const linked = links.get(s.node.id) ?? [];
      if (linked.length === 0) return s.node.y - s.above;
      const mean = linked.reduce((sum, id) => sum + centre(byId.get(id)!), 0) / linked.length;
      return mean - s.node.height / 2 - s.above;
    });
    const space = column.map((s) => s.above + s.node.height + s.after);
    const weight = column.map((s) => ((links.get(s.node.id) ?? []).length > 0 ? 1 : 0.25));
    place(column, fitInOrder(desired, space, weight));
  };
  for (let round = 0; round < RELAX_ROUNDS; round += 1) {
    const sweep = round % 2 === 0 ? [0, 1, 2, 3] : [3, 2, 1, 0];
    for (const c of sweep) relax(slots[c]!);
  }

  // Move everything so that the highest slot starts at the top.
  const firstTops = slots.flatMap((column) =>
    column[0] ? [column[0].node.y - column[0].above] : [],
  );
  const shift = firstTops.length ? top - Math.min(...firstTops) : 0;
  for (const n of nodes) n.y = Math.round(n.y + shift);
  // A node linked to nothing across columns stays just below the node above it, rather than
  // being pushed down by its neighbours.
  for (const column of slots) {
    for (let i = 1; i < column.length; i += 1) {
      const s = column[i]!;
      if ((links.get(s.node.id) ?? []).length > 0) continue;
      const prev = column[i - 1]!;
      s.node.y = Math.min(s.node.y, prev.node.y + prev.node.height + prev.after + s.above);
    }
  }

  const bands: GroupBand[] = [];
  if (hasBands) {
    for (const column of [slots[columnOf.outcome]!]) {
      let start = 0;
      for (let i = 0; i <= column.length; i += 1) {
        if (i < column.length && column[i]!.node.group === column[start]!.node.group) continue;
        const first = column[start]!.node;
        const last = column[i - 1]!.node;
        bands.push({
          group: first.group,
          x: first.x - m.bandInset,
          y: first.y - m.groupHeader,
          width: first.width + 2 * m.bandInset,
          height: last.y + last.height - first.y + m.groupHeader + m.bandInset,
        });
        start = i;
      }
    }
  }

  // Links arrive on the left side of their parent spread over its middle half, in the order
  // of the children, so that they do not cross at the arrow heads.
  const ports = new Map<string, number>();
  for (const parent of nodes) {
    const children = nodes
      .filter((n) => n.parentId === parent.id && n.column < parent.column)
      .sort((a, b) => centre(a) - centre(b) || index.get(a.id)! - index.get(b.id)!);
    children.forEach((child, k) => {
      const spread = children.length === 1 ? 0.5 : 0.25 + (0.5 * k) / (children.length - 1);
      ports.set(child.id, parent.y + parent.height * spread);
    });
  }
  const edges: LaidEdge[] = nodes
    .filter((n) => n.parentId !== null)
    .map((n) => {
      const parent = byId.get(n.parentId!)!;
      return {
        from: n.id,
        to: parent.id,
        d: edgePath(n, parent, ports.get(n.id) ?? centre(parent)),
      };
    });

  const bottoms = [...nodes.map((n) => n.y + n.height), ...bands.map((b) => b.y + b.height)];
  const contentBottom = Math.max(top + 40, ...bottoms);
  return {
    width: columnX(columnKinds.length - 1) + m.columnWidth + m.pad,
    height: contentBottom + m.pad,
    contentBottom,
    columns: columnKinds.map((kind, c) => ({
      kind,
      x: columnX(c),
      width: m.columnWidth,
      ids: order[c]!,
    })),
    nodes,
    edges,
    bands,
  };
}

// --- Keyboard -------------------------------------------------------------------------------

export type Move = 'up' | 'down' | 'left' | 'right' | 'first' | 'last';

/**
 * The node focused after a move from `id`. Up and down stay in the column; right goes to the
 * parent (towards the impact), left to the first linked child (towards the activities); when
 * there is no link, left and right go to the nearest node of the next non-empty column.
 */
export function moveFocus(layout: DiagramLayout, id: string | null, move: Move): string | null {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const current = id ? byId.get(id) : undefined;
  const all = layout.columns.flatMap((c) => c.ids);
  if (!current) return firstNode(layout);
  const column = layout.columns[current.column]!.ids;
  const at = column.indexOf(current.id);
  const centre = (n: LaidNode) => n.y + n.height / 2;
  const nearestIn = (c: number, step: 1 | -1): string | null => {
    for (let k = c + step; k >= 0 && k < layout.columns.length; k += step) {
      const ids = layout.columns[k]!.ids;
      if (ids.length === 0) continue;
      let best = ids[0]!;
      for (const other of ids) {
        if (
          Math.abs(centre(byId.get(other)!) - centre(current)) <
          Math.abs(centre(byId.get(best)!) - centre(current))
        )
          best = other;
      }
      return best;
    }
    return null;
  };
  switch (move) {
    case 'up':
      return column[Math.max(0, at - 1)] ?? current.id;
    case 'down':
      return column[Math.min(column.length - 1, at + 1)] ?? current.id;
    case 'first':
      return column[0] ?? current.id;
    case 'last':
      return column[column.length - 1] ?? current.id;
    case 'right': {
      if (current.parentId && current.parentId !== current.id) return current.parentId;
      return nearestIn(current.column, 1) ?? current.id;
    }
    case 'left': {
      const children = all
        .map((other) => byId.get(other)!)
        .filter((n) => n.parentId === current.id && n.column < current.column)
        .sort((a, b) => b.column - a.column || a.y - b.y);
      return children[0]?.id ?? nearestIn(current.column, -1) ?? current.id;
    }
  }
}

/** Where focus lands first: the top impact goal, else the first node of the rightmost column. */
export function firstNode(layout: DiagramLayout): string | null {
  for (let c = layout.columns.length - 1; c >= 0; c -= 1) {
    const first = layout.columns[c]!.ids[0];
    if (first) return first;
  }
  return null;
}

// --- Legend ---------------------------------------------------------------------------------

export interface LegendItem {
  key: string;
  label: string;
  x: number;
  y: number;
}

/** Legend entries in rows under the diagram: a 12-pixel swatch then the label. */
export function layoutLegend(
  labels: readonly { key: string; label: string; swatch?: number }[],
  top: number,
  width: number,
): { items: LegendItem[]; height: number } {
  const m = metrics;
  const size = 12;
  const rowHeight = 20;
  const items: LegendItem[] = [];
  let x = m.pad;
  let y = top;
  for (const { key, label, swatch = 14 } of labels) {
    const w = swatch + 6 + textWidth(label, size) + 22;
    if (x > m.pad && x + w > width - m.pad) {
      x = m.pad;
      y += rowHeight;
    }
    items.push({ key, label, x, y });
    x += w;
  }
  return { items, height: labels.length === 0 ? 0 : y - top + rowHeight };
}
