import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { apiTokens, sessions, users } from '../../../db/schema/index.ts';

export async function findSessionUser(db: Db, sessionId: string, now: Date): Promise<string | null> {
  const rows = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0]?.userId ?? null;
}

export async function findTokenUser(db: Db, tokenHash: string): Promise<string | null> {
  const rows = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .returning({ userId: apiTokens.userId });
  return rows[0]?.userId ?? null;
}

export async function insertUser(db: Db, values: { email: string; name: string; passwordHash: string; locale: 'fr' | 'en' }) {
  const rows = await db.insert(users).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findUserByEmail(db: Db, email: string) {
  const rows = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return rows[0] ?? null;
}

export async function findUser(db: Db, userId: string) {
  const rows = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return rows[0] ?? null;
}

export async function updateUser(db: Db, userId: string, patch: { locale?: 'fr' | 'en'; name?: string }) {
  const rows = await db.update(users).set(patch).where(eq(users.id, userId)).returning();
  return rows[0] ?? null;
}

export async function insertSession(db: Db, values: { id: string; userId: string; expiresAt: Date }) {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function listTokens(db: Db, userId: string) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

export async function insertToken(db: Db, values: { userId: string; name: string; prefix: string; tokenHash: string }) {
  const rows = await db.insert(apiTokens).values(values).returning();
  return rows[0]!;
}

export async function revokeToken(db: Db, userId: string, tokenId: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, tokenId)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
