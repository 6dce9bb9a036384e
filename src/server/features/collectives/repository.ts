import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import type { Tx } from '../frameworks/repository.ts';
import { collectiveMembers, collectives, frameworks, frameworkVersions, memberships, organisations } from '../../../db/schema/index.ts';

export async function slugTaken(db: Db, slug: string) {
  const rows = await db.select({ id: collectives.id }).from(collectives).where(eq(collectives.slug, slug)).limit(1);
  return rows.length > 0;
}

export async function insertCollective(
  db: Db,
  values: { name: string; slug: string; coordinatorOrganisationId: string; suppressionThreshold: number; publicSuppressionThreshold?: number; decisionRule?: 'majority' | 'consensus'; quorumPercent?: number },
) {
  return db.transaction(async (tx) => {
    const [c] = await tx.insert(collectives).values(values).returning();
    await tx.insert(collectiveMembers).values({
      collectiveId: c!.id,
      organisationId: values.coordinatorOrganisationId,
      status: 'active',
      copil: true,
      joinedAt: sql`now()`,
    });
    const [fw] = await tx.insert(frameworks).values({ scope: 'common', collectiveId: c!.id }).returning();
    await tx.insert(frameworkVersions).values({ frameworkId: fw!.id, number: 1, status: 'draft' });
    return c!.id;
  });
}

const collectiveColumns = {
  id: collectives.id,
  name: collectives.name,
  slug: collectives.slug,
  coordinatorOrganisationId: collectives.coordinatorOrganisationId,
  coordinatorName: organisations.name,
  suppressionThreshold: collectives.suppressionThreshold,
  publicSuppressionThreshold: collectives.publicSuppressionThreshold,
  decisionRule: collectives.decisionRule,
  quorumPercent: collectives.quorumPercent,
  revision: collectives.revision,
  territoryLevel: collectives.territoryLevel,
  territoryCode: collectives.territoryCode,
  commonFrameworkId: frameworks.id,
};

export async function findCollective(db: Db, collectiveId: string) {
  const rows = await db
    .select(collectiveColumns)
    .from(collectives)
    .innerJoin(organisations, eq(organisations.id, collectives.coordinatorOrganisationId))
    .innerJoin(frameworks, eq(frameworks.collectiveId, collectives.id))
    .where(eq(collectives.id, collectiveId))
    .limit(1);
  return rows[0] ?? null;
}

/** The caller's organisations in a collective (any status), with the caller's role in each. */
export async function myParticipations(db: Db, userId: string, collectiveIds?: string[]) {
  const where = collectiveIds
    ? and(eq(memberships.userId, userId), inArray(collectiveMembers.collectiveId, collectiveIds))
    : eq(memberships.userId, userId);
  return db
    .select({
      collectiveId: collectiveMembers.collectiveId,
      organisationId: collectiveMembers.organisationId,
      status: collectiveMembers.status,
      copil: collectiveMembers.copil,
      role: memberships.role,
    })
    .from(collectiveMembers)
    .innerJoin(memberships, eq(memberships.organisationId, collectiveMembers.organisationId))
    .where(where);
}

export async function findCollectives(db: Db, collectiveIds: string[]) {
  if (collectiveIds.length === 0) return [];
  return db
    .select(collectiveColumns)
    .from(collectives)
    .innerJoin(organisations, eq(organisations.id, collectives.coordinatorOrganisationId))
    .innerJoin(frameworks, eq(frameworks.collectiveId, collectives.id))
    .where(inArray(collectives.id, collectiveIds))
    .orderBy(asc(collectives.name));
}

export async function listMembers(db: Db, collectiveId: string) {
  return db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      communeCode: organisations.communeCode,
      status: collectiveMembers.status,
      copil: collectiveMembers.copil,
      coordinator: sql<boolean>`${collectives.coordinatorOrganisationId} = ${organisations.id}`,
    })
    .from(collectiveMembers)
    .innerJoin(organisations, eq(organisations.id, collectiveMembers.organisationId))
    .innerJoin(collectives, eq(collectives.id, collectiveMembers.collectiveId))
    .where(eq(collectiveMembers.collectiveId, collectiveId))
    .orderBy(asc(organisations.name));
}

export async function activeMemberIds(db: Db, collectiveId: string): Promise<string[]> {
  const rows = await db
    .select({ id: collectiveMembers.organisationId })
    .from(collectiveMembers)
    .where(and(eq(collectiveMembers.collectiveId, collectiveId), eq(collectiveMembers.status, 'active')));
  return rows.map((r) => r.id);
}

export async function insertMember(db: Db, values: { collectiveId: string; organisationId: string; copil: boolean; status: 'invited' | 'active' }) {
  const rows = await db
    .insert(collectiveMembers)
    .values({ ...values, joinedAt: values.status === 'active' ? sql`now()` : null })
    .onConflictDoNothing()
    .returning({ organisationId: collectiveMembers.organisationId });
  return rows.length > 0;
}

export async function setCopil(db: Db, collectiveId: string, organisationId: string, copil: boolean) {
  const rows = await db
    .update(collectiveMembers)
    .set({ copil })
    .where(and(eq(collectiveMembers.collectiveId, collectiveId), eq(collectiveMembers.organisationId, organisationId)))
    .returning({ organisationId: collectiveMembers.organisationId });
  return rows.length > 0;
}

export async function activate(db: Db, collectiveId: string, organisationId: string) {
  const rows = await db
    .update(collectiveMembers)
    .set({ status: 'active', joinedAt: sql`now()` })
    .where(
      and(
        eq(collectiveMembers.collectiveId, collectiveId),
        eq(collectiveMembers.organisationId, organisationId),
        eq(collectiveMembers.status, 'invited'),
      ),
    )
    .returning({ organisationId: collectiveMembers.organisationId });
  return rows.length > 0;
}

export async function pendingInvitations(db: Db, organisationId: string) {
  return db
    .select({
      collectiveId: collectives.id,
      name: collectives.name,
      coordinatorName: organisations.name,
      copil: collectiveMembers.copil,
    })
    .from(collectiveMembers)
    .innerJoin(collectives, eq(collectives.id, collectiveMembers.collectiveId))
    .innerJoin(organisations, eq(organisations.id, collectives.coordinatorOrganisationId))
    .where(and(eq(collectiveMembers.organisationId, organisationId), eq(collectiveMembers.status, 'invited')))
    .orderBy(asc(collectives.name));
}

/** Collectives an organisation takes active part in, with their common framework. */
export async function activeCollectivesOf(db: Db, organisationId: string) {
  return db
    .select({ collectiveId: collectives.id, name: collectives.name, frameworkId: frameworks.id })
    .from(collectiveMembers)
    .innerJoin(collectives, eq(collectives.id, collectiveMembers.collectiveId))
    .innerJoin(frameworks, eq(frameworks.collectiveId, collectives.id))
    .where(and(eq(collectiveMembers.organisationId, organisationId), eq(collectiveMembers.status, 'active')))
    .orderBy(asc(collectives.name));
}

/** The collective's settings, locked until the end of the transaction: concurrent changes wait their turn. */
export async function lockCollective(tx: Tx, collectiveId: string) {
  const rows = await tx
    .select({
      name: collectives.name,
      suppressionThreshold: collectives.suppressionThreshold,
      publicSuppressionThreshold: collectives.publicSuppressionThreshold,
      decisionRule: collectives.decisionRule,
      quorumPercent: collectives.quorumPercent,
      territoryLevel: collectives.territoryLevel,
      territoryCode: collectives.territoryCode,
      revision: collectives.revision,
    })
    .from(collectives)
    .where(eq(collectives.id, collectiveId))
    .for('update');
  return rows[0] ?? null;
}

/** Every change of the settings bumps the collective's revision. */
export async function updateCollective(
  db: Db | Tx,
  collectiveId: string,
  values: Partial<{ name: string; suppressionThreshold: number; publicSuppressionThreshold: number; decisionRule: 'majority' | 'consensus'; quorumPercent: number; territoryLevel: 'departement' | 'region' | null; territoryCode: string | null }>,
) {
  if (Object.keys(values).length === 0) return;
  await db
    .update(collectives)
    .set({ ...values, revision: sql`${collectives.revision} + 1` })
    .where(eq(collectives.id, collectiveId));
}

/** Active COPIL member organisations of a collective, with their names. */
export async function copilOrganisations(db: Db, collectiveId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(collectiveMembers)
    .innerJoin(organisations, eq(organisations.id, collectiveMembers.organisationId))
    .where(and(eq(collectiveMembers.collectiveId, collectiveId), eq(collectiveMembers.status, 'active'), eq(collectiveMembers.copil, true)))
    .orderBy(asc(organisations.name));
}
