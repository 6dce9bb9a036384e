import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { frameworks, frameworkVersions, invitations, memberships, organisations, users } from '../../../db/schema/index.ts';
import type { Role } from '../../../contracts/common.ts';

export async function findRole(db: Db, userId: string, organisationId: string): Promise<Role | null> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
    .limit(1);
  return rows[0]?.role ?? null;
}

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  slug: organisations.slug,
  kind: organisations.kind,
  communeCode: organisations.communeCode,
  populationServed: organisations.populationServed,
  role: memberships.role,
  specificFrameworkId: frameworks.id,
};

export async function listForUser(db: Db, userId: string) {
  return db
    .select(organisationColumns)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(frameworks, eq(frameworks.organisationId, organisations.id))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function findForUser(db: Db, userId: string, organisationId: string) {
  const rows = await db
    .select(organisationColumns)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(frameworks, eq(frameworks.organisationId, organisations.id))
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findBySlug(db: Db, slug: string) {
  const rows = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return rows[0] ?? null;
}

export async function findById(db: Db, organisationId: string) {
  const rows = await db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  return rows[0] ?? null;
}

export async function slugTaken(db: Db, slug: string) {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return rows.length > 0;
}

/** Creates the organisation, its first admin and its (empty) specific framework, in one transaction. */
export async function insertOrganisation(
  db: Db,
  userId: string,
  values: { name: string; slug: string; kind: 'association' | 'network_head' | 'authority' | 'other'; communeCode?: string; populationServed?: number },
) {
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organisations).values(values).returning();
    await tx.insert(memberships).values({ organisationId: org!.id, userId, role: 'admin' });
    const [fw] = await tx.insert(frameworks).values({ scope: 'specific', organisationId: org!.id }).returning();
    await tx.insert(frameworkVersions).values({ frameworkId: fw!.id, number: 1, status: 'draft' });
    return org!.id;
  });
}

export async function listMembers(db: Db, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
}

export async function insertInvitation(
  db: Db,
  values: { organisationId: string; role: Role; email: string | null; tokenHash: string; createdBy: string; expiresAt: Date },
) {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function findOpenInvitation(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

/** Marks the invitation used and adds the membership; a role already held is kept if higher. */
export async function acceptInvitation(db: Db, invitationId: string, organisationId: string, userId: string, role: Role) {
  return db.transaction(async (tx) => {
    const used = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: userId })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (used.length === 0) return false;
    await tx
      .insert(memberships)
      .values({ organisationId, userId, role })
      .onConflictDoUpdate({
        target: [memberships.organisationId, memberships.userId],
        set: {
          role: sql`case when array_position(array['viewer','contributor','admin'], ${memberships.role}) >= array_position(array['viewer','contributor','admin'], excluded.role) then ${memberships.role} else excluded.role end`,
        },
      });
    return true;
  });
}

export async function specificFrameworkIdOf(db: Db, organisationId: string): Promise<string | null> {
  const rows = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.organisationId, organisationId)).limit(1);
  return rows[0]?.id ?? null;
}
