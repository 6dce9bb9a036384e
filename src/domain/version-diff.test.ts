import { describe, expect, it } from 'vitest';
import { diffVersions, nodeLineages, type IndicatorSnapshot, type NodeSnapshot } from './version-diff.ts';

const ind = (code: string, extra: Partial<IndicatorSnapshot> = {}): IndicatorSnapshot => ({
  code,
  labelFr: `Indicateur ${code}`,
  labelEn: '',
  kind: 'outcome',
  stakeholderGroup: 'people_supported',
  unit: '%',
  polarity: 'higher_is_better',
  computation: { type: 'share', options: ['4', '5'] },
  disaggregations: [],
  node: null,
  ...extra,
});
const node = (lineage: string, extra: Partial<NodeSnapshot> = {}): NodeSnapshot => ({ lineage, kind: 'outcome', labelFr: `Nœud ${lineage}`, labelEn: '', stakeholderGroup: null, parent: null, ...extra });

describe('diffVersions', () => {
  it('two empty versions are the same', () => {
    expect(diffVersions({ indicators: [], nodes: [] }, { indicators: [], nodes: [] }).same).toBe(true);
  });

  it('reordering options is not a change', () => {
    const d = diffVersions({ indicators: [ind('A')], nodes: [] }, { indicators: [ind('A', { computation: { type: 'share', options: ['5', '4'] } })], nodes: [] });
    expect(d.same).toBe(true);
  });

  it.each([
    { name: 'label only', after: { labelFr: 'Autre' }, fields: ['labelFr'], seriesBreak: [] },
    { name: 'options', after: { computation: { type: 'share', options: ['5'] } }, fields: ['computation'], seriesBreak: ['options'] },
    { name: 'computation', after: { computation: { type: 'mean' } }, fields: ['computation'], seriesBreak: ['computation'] },
    { name: 'disaggregations', after: { disaggregations: ['sexe'] }, fields: ['disaggregations'], seriesBreak: ['disaggregations'] },
    { name: 'moved to a node', after: { node: 'n1' }, fields: ['node'], seriesBreak: [] },
  ])('indicator change: $name', ({ after, fields, seriesBreak }) => {
    const d = diffVersions({ indicators: [ind('A')], nodes: [] }, { indicators: [ind('A', after)], nodes: [] });
    expect(d.same).toBe(false);
    expect(d.indicators.changed).toHaveLength(1);
    expect(d.indicators.changed[0]!.changes.map((c) => c.field)).toEqual(fields);
    expect(d.indicators.changed[0]!.seriesBreak).toEqual(seriesBreak);
  });

  it('lists added and removed indicators and nodes, and node changes by lineage', () => {
    const d = diffVersions(
      { indicators: [ind('A'), ind('B')], nodes: [node('n1'), node('n2')] },
      { indicators: [ind('B'), ind('C')], nodes: [node('n1', { labelFr: 'Renommé', parent: 'n3' }), node('n3', { kind: 'impact' })] },
    );
    expect(d.indicators.added.map((i) => i.code)).toEqual(['C']);
    expect(d.indicators.removed.map((i) => i.code)).toEqual(['A']);
    expect(d.indicators.changed).toEqual([]);
    expect(d.nodes.added.map((n) => n.lineage)).toEqual(['n3']);
    expect(d.nodes.removed.map((n) => n.lineage)).toEqual(['n2']);
    expect(d.nodes.changed).toEqual([
      {
        lineage: 'n1',
        labelFr: 'Renommé',
        labelEn: '',
        changes: [
          { field: 'labelFr', before: 'Nœud n1', after: 'Renommé' },
          { field: 'parent', before: null, after: 'n3' },
        ],
      },
    ]);
  });
});

describe('nodeLineages', () => {
  it('follows copies back to the first version', () => {
    const lineages = nodeLineages([
      { id: 'v1a', originId: null },
      { id: 'v2a', originId: 'v1a' },
      { id: 'v3a', originId: 'v2a' },
      { id: 'v3b', originId: null },
      { id: 'v2x', originId: 'gone' },
    ]);
    expect(Object.fromEntries(lineages)).toEqual({ v1a: 'v1a', v2a: 'v1a', v3a: 'v1a', v3b: 'v3b', v2x: 'gone' });
  });

  it('survives a loop in bad data', () => {
    const lineages = nodeLineages([
      { id: 'a', originId: 'b' },
      { id: 'b', originId: 'a' },
    ]);
    expect(lineages.size).toBe(2);
  });
});
