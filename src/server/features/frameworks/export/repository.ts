import { eq } from 'drizzle-orm';
import { indicators, tocNodes } from '../../../../db/schema/index.ts';
import type { Computation } from '../../../../contracts/frameworks.ts';
import { definitionKey } from '../../../../domain/definitions.ts';
import { touchVersion, type Tx } from '../repository.ts';

export interface NodeValues {
  id: string;
  kind: 'impact' | 'outcome' | 'output' | 'activity';
  labelFr: string;
  labelEn: string;
  stakeholderGroup: string | null;
  parentId: string | null;
}

export interface IndicatorValues {
  code: string;
  labelFr: string;
  labelEn: string;
  kind: 'output' | 'outcome' | 'impact';
  stakeholderGroup: string;
  unit: string;
  polarity: 'higher_is_better' | 'lower_is_better' | 'neutral';
  computation: Computation;
  disaggregations: string[];
  nodeId: string | null;
}

/**
 * Replaces everything a draft holds by the given nodes and indicators, in the given order.
 * Nodes come parents first (the caller orders them), so each parent exists when its child is
 * written.
 */
export async function replaceDraftContent(tx: Tx, draftId: string, nodes: NodeValues[], items: IndicatorValues[]) {
  // A node that comes back with the same kind and label keeps the origin of the one it
  // replaces, so that it is still followed across versions (diffs, edits aimed at old ids).
  const previous = await tx.select({ kind: tocNodes.kind, labelFr: tocNodes.labelFr, originId: tocNodes.originId }).from(tocNodes).where(eq(tocNodes.versionId, draftId));
  const originOf = new Map(previous.filter((n) => n.originId).map((n) => [`${n.kind}|${n.labelFr}`, n.originId]));
  await tx.delete(indicators).where(eq(indicators.versionId, draftId));
  await tx.delete(tocNodes).where(eq(tocNodes.versionId, draftId));
  if (nodes.length > 0) {
    await tx.insert(tocNodes).values(nodes.map((n, position) => ({ ...n, versionId: draftId, position, originId: originOf.get(`${n.kind}|${n.labelFr}`) ?? null })));
  }
  if (items.length > 0) {
    await tx.insert(indicators).values(
      items.map((i, position) => ({
        ...i,
        versionId: draftId,
        position,
        shareOptions: i.computation.type === 'share' ? i.computation.options : [],
        definitionKey: definitionKey(i),
      })),
    );
  }
  await touchVersion(tx, draftId);
}
