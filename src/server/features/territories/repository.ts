import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { collectiveMembers, organisations, sites } from '../../../db/schema/index.ts';

const siteColumns = {
  id: sites.id,
  organisationId: sites.organisationId,
  name: sites.name,
  communeCode: sites.communeCode,
  createdAt: sites.createdAt,
  campaigns: sql<number>`(select count(*)::int from campaigns c where c.site_id = sites.id)`,
};

export async function listSites(db: Db, organisationId: string) {
  return db.select(siteColumns).from(sites).where(eq(sites.organisationId, organisationId)).orderBy(asc(sites.name), asc(sites.createdAt));
}

export async function findSite(db: Db, organisationId: string, siteId: string) {
  const rows = await db.select(siteColumns).from(sites).where(and(eq(sites.organisationId, organisationId), eq(sites.id, siteId))).limit(1);
  return rows[0] ?? null;
}

export async function insertSite(db: Db, organisationId: string, values: { name: string; communeCode: string }) {
  const [row] = await db.insert(sites).values({ ...values, organisationId }).returning({ id: sites.id });
  return row!.id;
}

export async function updateSite(db: Db, organisationId: string, siteId: string, values: Partial<{ name: string; communeCode: string }>) {
  if (Object.keys(values).length === 0) return;
  await db.update(sites).set(values).where(and(eq(sites.organisationId, organisationId), eq(sites.id, siteId)));
}

/** Campaigns held there keep running without a site (the foreign key sets it to null). */
export async function deleteSite(db: Db, organisationId: string, siteId: string) {
  const rows = await db.delete(sites).where(and(eq(sites.organisationId, organisationId), eq(sites.id, siteId))).returning({ id: sites.id });
  return rows.length > 0;
}

/** A collective's active members with their own commune. */
export async function activeMembersWithCommune(db: Db, collectiveId: string) {
  return db
    .select({ organisationId: organisations.id, name: organisations.name, communeCode: organisations.communeCode })
    .from(collectiveMembers)
    .innerJoin(organisations, eq(organisations.id, collectiveMembers.organisationId))
    .where(and(eq(collectiveMembers.collectiveId, collectiveId), eq(collectiveMembers.status, 'active')))
    .orderBy(asc(organisations.name));
}

/** The sites of these organisations. */
export async function sitesOf(db: Db, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({ id: sites.id, organisationId: sites.organisationId, name: sites.name, communeCode: sites.communeCode })
    .from(sites)
    .where(inArray(sites.organisationId, [...organisationIds]))
    .orderBy(asc(sites.name));
}

/** Whether a campaign can be held at this site: it belongs to the campaign's organisation. */
export async function siteBelongsTo(db: Db, organisationId: string, siteId: string) {
  const rows = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.organisationId, organisationId), eq(sites.id, siteId))).limit(1);
  return rows.length > 0;
}
