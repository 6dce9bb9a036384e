import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { collectives, frameworks, frameworkVersions, indicators, organisations, tocNodes } from '../../../db/schema/index.ts';
import type { Computation } from '../../../contracts/frameworks.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Db | Tx;

export async function findFramework(db: Conn, frameworkId: string) {
  const rows = await db
    .select({
      id: frameworks.id,
      scope: frameworks.scope,
      collectiveId: frameworks.collectiveId,
      organisationId: frameworks.organisationId,
      name: sql<string>`coalesce(${collectives.name}, ${organisations.name})`,
    })
    .from(frameworks)
    .leftJoin(collectives, eq(collectives.id, frameworks.collectiveId))
    .leftJoin(organisations, eq(organisations.id, frameworks.organisationId))
    .where(eq(frameworks.id, frameworkId))
    .limit(1);
  return rows[0] ?? null;
}

export async function versionsOf(db: Conn, frameworkId: string) {
  return db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, frameworkId)).orderBy(desc(frameworkVersions.number));
}

export async function nodesOf(db: Conn, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db.select().from(tocNodes).where(inArray(tocNodes.versionId, versionIds)).orderBy(asc(tocNodes.position), asc(tocNodes.labelFr));
}

export async function indicatorsOf(db: Conn, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db.select().from(indicators).where(inArray(indicators.versionId, versionIds)).orderBy(asc(indicators.position), asc(indicators.code));
}

/** Latest adopted version of each framework. */
export async function latestAdoptedVersions(db: Conn, frameworkIds: string[]) {
  if (frameworkIds.length === 0) return [];
  return db
    .selectDistinctOn([frameworkVersions.frameworkId], { id: frameworkVersions.id, frameworkId: frameworkVersions.frameworkId, number: frameworkVersions.number })
    .from(frameworkVersions)
    .where(and(inArray(frameworkVersions.frameworkId, frameworkIds), eq(frameworkVersions.status, 'adopted')))
    .orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.number));
}

export async function lockFramework(tx: Tx, frameworkId: string) {
  await tx.execute(sql`select id from frameworks where id = ${frameworkId} for update`);
}

/**
 * Opens a draft copied from the latest adopted version (or an empty one). Each copied row
 * remembers where it came from, so that an edit aimed at the adopted version finds its copy.
 */
export async function openDraft(tx: Tx, frameworkId: string) {
  const versions = await versionsOf(tx, frameworkId);
  const existing = versions.find((v) => v.status === 'draft');
  if (existing) return existing;
  const base = versions.find((v) => v.status === 'adopted');
  const [draft] = await tx
    .insert(frameworkVersions)
    .values({ frameworkId, number: (versions[0]?.number ?? 0) + 1, status: 'draft' })
    .returning();
  if (!base) return draft!;
  const oldNodes = await nodesOf(tx, [base.id]);
  const newIds = new Map<string, string>();
  for (const n of oldNodes) newIds.set(n.id, crypto.randomUUID());
  if (oldNodes.length > 0) {
    await tx.insert(tocNodes).values(
      oldNodes.map((n) => ({
        id: newIds.get(n.id)!,
        versionId: draft!.id,
        kind: n.kind,
        labelFr: n.labelFr,
        labelEn: n.labelEn,
        stakeholderGroup: n.stakeholderGroup,
        parentId: null,
        position: n.position,
        originId: n.id,
      })),
    );
    for (const n of oldNodes) {
      if (n.parentId && newIds.has(n.parentId)) {
        await tx.update(tocNodes).set({ parentId: newIds.get(n.parentId)! }).where(eq(tocNodes.id, newIds.get(n.id)!));
      }
    }
  }
  const oldIndicators = await indicatorsOf(tx, [base.id]);
  if (oldIndicators.length > 0) {
    await tx.insert(indicators).values(
      oldIndicators.map(({ id: _id, versionId: _v, nodeId, ...rest }) => ({
        ...rest,
        versionId: draft!.id,
        nodeId: nodeId ? (newIds.get(nodeId) ?? null) : null,
      })),
    );
  }
  return draft!;
}

export async function findIndicator(db: Conn, indicatorId: string) {
  const rows = await db
    .select({ indicator: indicators, version: frameworkVersions })
    .from(indicators)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, indicators.versionId))
    .where(eq(indicators.id, indicatorId))
    .limit(1);
  return rows[0] ?? null;
}

export async function findIndicatorByCode(db: Conn, versionId: string, code: string) {
  const rows = await db.select().from(indicators).where(and(eq(indicators.versionId, versionId), eq(indicators.code, code))).limit(1);
  return rows[0] ?? null;
}

export async function findNode(db: Conn, nodeId: string) {
  const rows = await db
    .select({ node: tocNodes, version: frameworkVersions })
    .from(tocNodes)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, tocNodes.versionId))
    .where(eq(tocNodes.id, nodeId))
    .limit(1);
  return rows[0] ?? null;
}

/** The node itself and every node above it (bounded, in case of bad data). */
export async function ancestorsOf(db: Conn, nodeId: string): Promise<string[]> {
  const out: string[] = [];
  let current: string | null = nodeId;
  while (current && out.length < 1000 && !out.includes(current)) {
    out.push(current);
    const rows: { parentId: string | null }[] = await db.select({ parentId: tocNodes.parentId }).from(tocNodes).where(eq(tocNodes.id, current)).limit(1);
    current = rows[0]?.parentId ?? null;
  }
  return out;
}

export async function codeEverAdopted(db: Conn, frameworkId: string, code: string): Promise<boolean> {
  const rows = await db
    .select({ id: indicators.id })
    .from(indicators)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, indicators.versionId))
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, 'adopted'), eq(indicators.code, code)))
    .limit(1);
  return rows.length > 0;
}

export async function findNodeByOrigin(db: Conn, versionId: string, originId: string) {
  const rows = await db.select().from(tocNodes).where(and(eq(tocNodes.versionId, versionId), eq(tocNodes.originId, originId))).limit(1);
  return rows[0] ?? null;
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
  nodeId: string | null;
}

function shareOptionsOf(c: Computation): string[] {
  return c.type === 'share' ? c.options : [];
}

export async function insertIndicator(db: Conn, versionId: string, values: IndicatorValues) {
  const [{ next } = { next: 0 }] = await db
    .select({ next: sql<number>`coalesce(max(${indicators.position}) + 1, 0)::int` })
    .from(indicators)
    .where(eq(indicators.versionId, versionId));
  const [row] = await db
    .insert(indicators)
    .values({ ...values, versionId, position: Number(next), shareOptions: shareOptionsOf(values.computation) })
    .returning();
  return row!;
}

export async function updateIndicator(db: Conn, indicatorId: string, values: Partial<IndicatorValues>) {
  const [row] = await db
    .update(indicators)
    .set({ ...values, ...(values.computation ? { shareOptions: shareOptionsOf(values.computation) } : {}) })
    .where(eq(indicators.id, indicatorId))
    .returning();
  return row!;
}

export async function deleteIndicator(db: Conn, indicatorId: string) {
  await db.delete(indicators).where(eq(indicators.id, indicatorId));
}

export async function insertNode(
  db: Conn,
  versionId: string,
  values: { kind: 'impact' | 'outcome' | 'output' | 'activity'; labelFr: string; labelEn: string; stakeholderGroup: string | null; parentId: string | null },
) {
  const [row] = await db.insert(tocNodes).values({ ...values, versionId }).returning();
  return row!;
}

export async function updateNode(db: Conn, nodeId: string, values: Partial<{ kind: 'impact' | 'outcome' | 'output' | 'activity'; labelFr: string; labelEn: string; stakeholderGroup: string | null; parentId: string | null }>) {
  const [row] = await db.update(tocNodes).set(values).where(eq(tocNodes.id, nodeId)).returning();
  return row!;
}

export async function deleteNode(db: Conn, nodeId: string) {
  await db.delete(tocNodes).where(eq(tocNodes.id, nodeId));
}

export async function adoptDraft(db: Conn, versionId: string) {
  await db.update(frameworkVersions).set({ status: 'adopted', adoptedAt: sql`now()` }).where(eq(frameworkVersions.id, versionId));
}

export async function countIndicators(db: Conn, versionId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(indicators).where(eq(indicators.versionId, versionId));
  return Number(row?.n ?? 0);
}
