import { definitionChanges, type DefinitionChange } from './definitions.ts';

/**
 * A readable difference between two versions of a framework. Indicators are matched by
 * code (their identity across versions); theory-of-change nodes by lineage (the first node a
 * copy descends from), so that renaming or moving a node reads as a change, not as a removal
 * and an addition.
 */

export interface IndicatorSnapshot {
  code: string;
  labelFr: string;
  labelEn: string;
  kind: string;
  stakeholderGroup: string;
  unit: string;
  polarity: string;
  computation: { type: string; options?: readonly string[] };
  disaggregations: readonly string[];
  /** Lineage of the node it hangs on. */
  node: string | null;
}

export interface NodeSnapshot {
  lineage: string;
  kind: string;
  labelFr: string;
  labelEn: string;
  stakeholderGroup: string | null;
  parent: string | null;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface VersionDiff {
  indicators: {
    added: IndicatorSnapshot[];
    removed: IndicatorSnapshot[];
    changed: { code: string; labelFr: string; labelEn: string; changes: FieldChange[]; seriesBreak: DefinitionChange[] }[];
  };
  nodes: {
    added: NodeSnapshot[];
    removed: NodeSnapshot[];
    changed: { lineage: string; labelFr: string; labelEn: string; changes: FieldChange[] }[];
  };
  /** True when nothing differs. */
  same: boolean;
}

const INDICATOR_FIELDS = ['labelFr', 'labelEn', 'kind', 'stakeholderGroup', 'unit', 'polarity', 'computation', 'disaggregations', 'node'] as const;
const NODE_FIELDS = ['kind', 'labelFr', 'labelEn', 'stakeholderGroup', 'parent'] as const;

/** Order-insensitive for lists of options and disaggregations, strict otherwise. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify((value as unknown[]).map((v) => canonical(v)).sort());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${k}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function fieldChanges<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields.filter((f) => canonical(before[f]) !== canonical(after[f])).map((f) => ({ field: f, before: before[f], after: after[f] }));
}

export function diffVersions(
  from: { indicators: readonly IndicatorSnapshot[]; nodes: readonly NodeSnapshot[] },
  to: { indicators: readonly IndicatorSnapshot[]; nodes: readonly NodeSnapshot[] },
): VersionDiff {
  const oldInd = new Map(from.indicators.map((i) => [i.code, i]));
  const newInd = new Map(to.indicators.map((i) => [i.code, i]));
  const oldNodes = new Map(from.nodes.map((n) => [n.lineage, n]));
  const newNodes = new Map(to.nodes.map((n) => [n.lineage, n]));
  const indicators: VersionDiff['indicators'] = {
    added: to.indicators.filter((i) => !oldInd.has(i.code)),
    removed: from.indicators.filter((i) => !newInd.has(i.code)),
    changed: [],
  };
  for (const after of to.indicators) {
    const before = oldInd.get(after.code);
    if (!before) continue;
    const changes = fieldChanges(before, after, INDICATOR_FIELDS);
    if (changes.length > 0) {
      indicators.changed.push({ code: after.code, labelFr: after.labelFr, labelEn: after.labelEn, changes, seriesBreak: definitionChanges(before, after) });
    }
  }
  const nodes: VersionDiff['nodes'] = {
    added: to.nodes.filter((n) => !oldNodes.has(n.lineage)),
    removed: from.nodes.filter((n) => !newNodes.has(n.lineage)),
    changed: [],
  };
  for (const after of to.nodes) {
    const before = oldNodes.get(after.lineage);
    if (!before) continue;
    const changes = fieldChanges(before, after, NODE_FIELDS);
    if (changes.length > 0) nodes.changed.push({ lineage: after.lineage, labelFr: after.labelFr, labelEn: after.labelEn, changes });
  }
  const same = [indicators.added, indicators.removed, indicators.changed, nodes.added, nodes.removed, nodes.changed].every((l) => l.length === 0);
  return { indicators, nodes, same };
}

/**
 * The lineage of each node: follow `originId` back to the first version's node. Nodes whose
 * origin is unknown (deleted data) start their own lineage.
 */
export function nodeLineages(nodes: readonly { id: string; originId: string | null }[]): Map<string, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, string>();
  for (const node of nodes) {
    let current = node;
    const seen = new Set<string>();
    while (current.originId && byId.has(current.originId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.originId)!;
    }
    out.set(node.id, current.originId && !byId.has(current.originId) ? current.originId : current.id);
  }
  return out;
}
