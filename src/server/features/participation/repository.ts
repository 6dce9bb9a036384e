import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { answers, campaignInvitations, pairingCodes, questions } from '../../../db/schema/index.ts';

export type InvitationRow = typeof campaignInvitations.$inferSelect;

export async function listInvitations(db: Db, campaignId: string) {
  return db.select().from(campaignInvitations).where(eq(campaignInvitations.campaignId, campaignId)).orderBy(asc(campaignInvitations.createdAt), asc(campaignInvitations.email));
}

/** Adds the addresses not invited yet; returns the new rows. */
export async function insertInvitations(db: Db, rows: { campaignId: string; organisationId: string; email: string; token: string }[]) {
  if (rows.length === 0) return [];
  return db.insert(campaignInvitations).values(rows).onConflictDoNothing().returning();
}

export async function markSent(db: Db, ids: string[], what: 'sent' | 'reminded') {
  if (ids.length === 0) return;
  const set = what === 'sent' ? { sentAt: sql`now()` } : { remindedAt: sql`now()` };
  await db.update(campaignInvitations).set(set).where(inArray(campaignInvitations.id, ids));
}

export async function findInvitation(db: Db, campaignId: string, id: string) {
  const [row] = await db.select().from(campaignInvitations).where(and(eq(campaignInvitations.campaignId, campaignId), eq(campaignInvitations.id, id))).limit(1);
  return row ?? null;
}

export async function findInvitationByToken(db: Db, campaignId: string, token: string) {
  const [row] = await db.select().from(campaignInvitations).where(and(eq(campaignInvitations.campaignId, campaignId), eq(campaignInvitations.token, token))).limit(1);
  return row ?? null;
}

export async function revokeInvitation(db: Db, id: string) {
  const rows = await db
    .update(campaignInvitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(campaignInvitations.id, id), isNull(campaignInvitations.answeredOn)))
    .returning({ id: campaignInvitations.id });
  return rows.length > 0;
}

/**
 * Marks an invitation used, in the response's transaction. The update locks the row: a second
 * submission at the same moment waits, then finds it used and gets nothing back.
 */
export async function useInvitation(tx: Db, id: string): Promise<boolean> {
  const rows = await tx
    .update(campaignInvitations)
    .set({ answeredOn: sql`current_date` })
    .where(and(eq(campaignInvitations.id, id), isNull(campaignInvitations.answeredOn), isNull(campaignInvitations.revokedAt)))
    .returning({ id: campaignInvitations.id });
  return rows.length > 0;
}

/** Stores a response's code unless the campaign already has it; false when taken. */
export async function insertPairingCode(tx: Db, values: { responseId: string; campaignId: string; code: string }): Promise<boolean> {
  const rows = await tx.insert(pairingCodes).values(values).onConflictDoNothing().returning({ code: pairingCodes.code });
  return rows.length > 0;
}

export async function pairingCodeExists(db: Db, campaignId: string, code: string): Promise<boolean> {
  const rows = await db.select({ code: pairingCodes.code }).from(pairingCodes).where(and(eq(pairingCodes.campaignId, campaignId), eq(pairingCodes.code, code))).limit(1);
  return rows.length > 0;
}

export async function pairingCodeOf(db: Db, responseId: string): Promise<string | null> {
  const rows = await db.select({ code: pairingCodes.code }).from(pairingCodes).where(eq(pairingCodes.responseId, responseId)).limit(1);
  return rows[0]?.code ?? null;
}

/**
 * Per code, the answers of a campaign to the questions tied to indicators (every questionnaire
 * version the campaign was answered with). Only coded responses are read.
 */
export async function codedAnswers(db: Db, campaignId: string) {
  return db
    .select({
      code: pairingCodes.code,
      frameworkId: questions.indicatorFrameworkId,
      indicatorCode: questions.indicatorCode,
      num: answers.num,
      options: answers.options,
    })
    .from(pairingCodes)
    .innerJoin(answers, eq(answers.responseId, pairingCodes.responseId))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(and(eq(pairingCodes.campaignId, campaignId), sql`${questions.indicatorCode} is not null`));
}

export async function codesOf(db: Db, campaignId: string): Promise<string[]> {
  const rows = await db.select({ code: pairingCodes.code }).from(pairingCodes).where(eq(pairingCodes.campaignId, campaignId));
  return rows.map((r) => r.code);
}
