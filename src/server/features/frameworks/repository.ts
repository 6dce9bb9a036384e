import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import {
  auditEvents,
  collectives,
  frameworkBallots,
  frameworkComments,
  frameworkProposals,
  frameworks,
  frameworkVersions,
  frameworkVotes,
  indicators,
  organisationAdoptions,
  organisations,
  tocNodes,
  users,
} from '../../../db/schema/index.ts';
import type { Computation } from '../../../contracts/frameworks.ts';
import { definitionKey } from '../../../domain/definitions.ts';

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
        revision: n.revision,
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
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), inArray(frameworkVersions.status, ['adopted', 'retired']), eq(indicators.code, code)))
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
  disaggregations: string[];
  nodeId: string | null;
}

function shareOptionsOf(c: Computation): string[] {
  return c.type === 'share' ? c.options : [];
}

/** Columns kept in step with the definition: share options for SQL, and the definition key. */
function derived(values: Partial<IndicatorValues>, current?: { computation: Computation; disaggregations: string[] }) {
  if (!values.computation && !values.disaggregations) return {};
  const computation = values.computation ?? current!.computation;
  const disaggregations = values.disaggregations ?? current!.disaggregations;
  return { shareOptions: shareOptionsOf(computation), definitionKey: definitionKey({ computation, disaggregations }) };
}

export async function insertIndicator(db: Conn, versionId: string, values: IndicatorValues) {
  const [{ next } = { next: 0 }] = await db
    .select({ next: sql<number>`coalesce(max(${indicators.position}) + 1, 0)::int` })
    .from(indicators)
    .where(eq(indicators.versionId, versionId));
  const [row] = await db
    .insert(indicators)
    .values({ ...values, versionId, position: Number(next), shareOptions: shareOptionsOf(values.computation), definitionKey: definitionKey(values) })
    .returning();
  await touchVersion(db, versionId);
  return row!;
}

export async function updateIndicator(db: Conn, indicatorId: string, values: Partial<IndicatorValues>, current: { versionId: string; computation: Computation; disaggregations: string[] }) {
  const [row] = await db
    .update(indicators)
    .set({ ...values, ...derived(values, current), revision: sql`${indicators.revision} + 1` })
    .where(eq(indicators.id, indicatorId))
    .returning();
  await touchVersion(db, current.versionId);
  return row!;
}

/** Every change to a version's content bumps its revision. */
export async function touchVersion(db: Conn, versionId: string) {
  await db.update(frameworkVersions).set({ revision: sql`${frameworkVersions.revision} + 1` }).where(eq(frameworkVersions.id, versionId));
}

export async function deleteIndicator(db: Conn, indicatorId: string, versionId: string) {
  await db.delete(indicators).where(eq(indicators.id, indicatorId));
  await touchVersion(db, versionId);
}

export async function insertNode(
  db: Conn,
  versionId: string,
  values: { kind: 'impact' | 'outcome' | 'output' | 'activity'; labelFr: string; labelEn: string; stakeholderGroup: string | null; parentId: string | null },
) {
  const [row] = await db.insert(tocNodes).values({ ...values, versionId }).returning();
  await touchVersion(db, versionId);
  return row!;
}

export async function updateNode(
  db: Conn,
  nodeId: string,
  versionId: string,
  values: Partial<{ kind: 'impact' | 'outcome' | 'output' | 'activity'; labelFr: string; labelEn: string; stakeholderGroup: string | null; parentId: string | null }>,
) {
  const [row] = await db
    .update(tocNodes)
    .set({ ...values, revision: sql`${tocNodes.revision} + 1` })
    .where(eq(tocNodes.id, nodeId))
    .returning();
  await touchVersion(db, versionId);
  return row!;
}

export async function deleteNode(db: Conn, nodeId: string, versionId: string) {
  await db.delete(tocNodes).where(eq(tocNodes.id, nodeId));
  await touchVersion(db, versionId);
}

export async function setVersionStatus(db: Conn, versionId: string, status: 'draft' | 'proposed' | 'adopted' | 'retired') {
  await db
    .update(frameworkVersions)
    .set({
      status,
      ...(status === 'adopted' ? { adoptedAt: sql`now()` } : {}),
      ...(status === 'retired' ? { retiredAt: sql`now()` } : {}),
    })
    .where(eq(frameworkVersions.id, versionId));
}

export async function indicatorCounts(db: Conn, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ versionId: indicators.versionId, n: sql<number>`count(*)::int` })
    .from(indicators)
    .where(inArray(indicators.versionId, versionIds))
    .groupBy(indicators.versionId);
  return new Map(rows.map((r) => [r.versionId, Number(r.n)]));
}

export async function findVersion(db: Conn, versionId: string) {
  const rows = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).limit(1);
  return rows[0] ?? null;
}

/** Every node of every version of a framework: enough to follow nodes across versions. */
export async function allNodesOf(db: Conn, frameworkId: string) {
  return db
    .select({ id: tocNodes.id, originId: tocNodes.originId, versionId: tocNodes.versionId })
    .from(tocNodes)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, tocNodes.versionId))
    .where(eq(frameworkVersions.frameworkId, frameworkId));
}

// ——— Proposals and comments ———

export async function insertProposal(
  db: Conn,
  values: { frameworkId: string; organisationId: string; userId: string; action: (typeof frameworkProposals.$inferInsert)['action']; target: string | null; payload: Record<string, unknown>; rationale: string },
) {
  const [row] = await db.insert(frameworkProposals).values(values).returning();
  return row!;
}

const proposalColumns = {
  proposal: frameworkProposals,
  organisationName: organisations.name,
  authorName: sql<string>`coalesce(${users.name}, '')`,
  commentCount: sql<number>`(select count(*)::int from framework_comments c where c.proposal_id = ${frameworkProposals.id})`,
};

export async function listProposals(db: Conn, frameworkId: string) {
  return db
    .select(proposalColumns)
    .from(frameworkProposals)
    .innerJoin(organisations, eq(organisations.id, frameworkProposals.organisationId))
    .leftJoin(users, eq(users.id, frameworkProposals.userId))
    .where(eq(frameworkProposals.frameworkId, frameworkId))
    .orderBy(desc(frameworkProposals.createdAt));
}

export async function findProposal(db: Conn, proposalId: string) {
  const rows = await db
    .select(proposalColumns)
    .from(frameworkProposals)
    .innerJoin(organisations, eq(organisations.id, frameworkProposals.organisationId))
    .leftJoin(users, eq(users.id, frameworkProposals.userId))
    .where(eq(frameworkProposals.id, proposalId))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockProposal(tx: Tx, proposalId: string) {
  await tx.execute(sql`select id from framework_proposals where id = ${proposalId} for update`);
}

export async function decideProposal(db: Conn, proposalId: string, values: { status: 'accepted' | 'rejected' | 'withdrawn'; decidedBy: string; decisionNote: string }) {
  await db
    .update(frameworkProposals)
    .set({ ...values, decidedAt: sql`now()` })
    .where(eq(frameworkProposals.id, proposalId));
}

export async function insertComment(db: Conn, values: { frameworkId: string; proposalId: string | null; organisationId: string | null; userId: string; body: string }) {
  const [row] = await db.insert(frameworkComments).values(values).returning();
  return row!;
}

export async function listComments(db: Conn, frameworkId: string, proposalId: string | null) {
  return db
    .select({
      id: frameworkComments.id,
      proposalId: frameworkComments.proposalId,
      body: frameworkComments.body,
      createdAt: frameworkComments.createdAt,
      authorName: sql<string>`coalesce(${users.name}, '')`,
      organisationName: sql<string>`coalesce(${organisations.name}, '')`,
    })
    .from(frameworkComments)
    .leftJoin(users, eq(users.id, frameworkComments.userId))
    .leftJoin(organisations, eq(organisations.id, frameworkComments.organisationId))
    .where(and(eq(frameworkComments.frameworkId, frameworkId), proposalId ? eq(frameworkComments.proposalId, proposalId) : isNull(frameworkComments.proposalId)))
    .orderBy(asc(frameworkComments.createdAt));
}

// ——— Votes ———

export async function insertVote(db: Conn, values: { versionId: string; rule: 'majority' | 'consensus'; quorumPercent: number; electorate: string[]; openedBy: string }) {
  const [row] = await db.insert(frameworkVotes).values(values).returning();
  return row!;
}

/** The open vote of a version, or else its latest closed one. */
export async function currentVote(db: Conn, versionId: string) {
  const rows = await db
    .select()
    .from(frameworkVotes)
    .where(eq(frameworkVotes.versionId, versionId))
    .orderBy(sql`${frameworkVotes.closedAt} is null desc`, desc(frameworkVotes.openedAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function ballotsOf(db: Conn, voteId: string) {
  return db.select().from(frameworkBallots).where(eq(frameworkBallots.voteId, voteId));
}

export async function castBallot(db: Conn, values: { voteId: string; organisationId: string; userId: string; choice: 'for' | 'against' | 'abstain'; comment: string }) {
  await db
    .insert(frameworkBallots)
    .values(values)
    .onConflictDoUpdate({
      target: [frameworkBallots.voteId, frameworkBallots.organisationId],
      set: { userId: values.userId, choice: values.choice, comment: values.comment, castAt: sql`now()` },
    });
}

export async function closeVote(db: Conn, voteId: string, values: { closedBy: string; outcome: 'adopted' | 'rejected' | 'no_quorum' | 'cancelled' }) {
  await db
    .update(frameworkVotes)
    .set({ ...values, closedAt: sql`now()` })
    .where(eq(frameworkVotes.id, voteId));
}

export async function organisationNames(db: Conn, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ——— Audit trail ———

export async function audit(
  db: Conn,
  values: { userId: string; frameworkId?: string | null; collectiveId?: string | null; organisationId?: string | null; action: string; detail?: Record<string, unknown> },
) {
  await db.execute(sql`
    insert into audit_events (at, user_id, user_name, framework_id, collective_id, organisation_id, action, detail)
    select clock_timestamp(), ${values.userId}, coalesce((select name from users where id = ${values.userId}), ''),
      ${values.frameworkId ?? null}, ${values.collectiveId ?? null}, ${values.organisationId ?? null},
      ${values.action}, ${JSON.stringify(values.detail ?? {})}::jsonb`);
}

export async function listAudit(db: Conn, frameworkId: string, limit: number) {
  return db.select().from(auditEvents).where(eq(auditEvents.frameworkId, frameworkId)).orderBy(desc(auditEvents.seq)).limit(limit);
}

/** Events about one organisation (its crosswalks, its proposals, ballots and adoptions). */
export async function listOrganisationAudit(db: Conn, organisationId: string, limit: number) {
  return db.select().from(auditEvents).where(eq(auditEvents.organisationId, organisationId)).orderBy(desc(auditEvents.seq)).limit(limit);
}

// ——— Organisations adopting a common version ———

export async function adoptionsOf(db: Conn, organisationId: string) {
  return db.select().from(organisationAdoptions).where(eq(organisationAdoptions.organisationId, organisationId));
}

export async function setAdoption(db: Conn, values: { organisationId: string; collectiveId: string; versionId: string; adoptedBy: string }) {
  await db
    .insert(organisationAdoptions)
    .values(values)
    .onConflictDoUpdate({
      target: [organisationAdoptions.organisationId, organisationAdoptions.collectiveId],
      set: { versionId: values.versionId, adoptedBy: values.adoptedBy, adoptedAt: sql`now()` },
    });
}

export async function countIndicators(db: Conn, versionId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(indicators).where(eq(indicators.versionId, versionId));
  return Number(row?.n ?? 0);
}
