import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { collectiveBankEntries, collectives } from '../../../db/schema/index.ts';
import type { CollectiveBankEntryInput } from '../../../contracts/bank.ts';
import type { Tx } from '../frameworks/repository.ts';

type Conn = Db | Tx;

const columns = {
  id: collectiveBankEntries.id,
  collectiveId: collectiveBankEntries.collectiveId,
  collectiveName: collectives.name,
  entry: collectiveBankEntries.entry,
  revision: collectiveBankEntries.revision,
  createdAt: collectiveBankEntries.createdAt,
  updatedAt: collectiveBankEntries.updatedAt,
};

export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

export async function listEntries(db: Db, collectiveId: string) {
  return db
    .select(columns)
    .from(collectiveBankEntries)
    .innerJoin(collectives, eq(collectives.id, collectiveBankEntries.collectiveId))
    .where(eq(collectiveBankEntries.collectiveId, collectiveId))
    .orderBy(asc(collectiveBankEntries.createdAt), asc(collectiveBankEntries.id));
}

export async function findEntry(db: Conn, entryId: string) {
  const rows = await db
    .select(columns)
    .from(collectiveBankEntries)
    .innerJoin(collectives, eq(collectives.id, collectiveBankEntries.collectiveId))
    .where(eq(collectiveBankEntries.id, entryId))
    .limit(1);
  return rows[0] ?? null;
}

/** The entry, locked until the end of the transaction: concurrent edits of it wait their turn. */
export async function lockEntry(tx: Tx, collectiveId: string, entryId: string) {
  const rows = await tx
    .select(columns)
    .from(collectiveBankEntries)
    .innerJoin(collectives, eq(collectives.id, collectiveBankEntries.collectiveId))
    .where(and(eq(collectiveBankEntries.id, entryId), eq(collectiveBankEntries.collectiveId, collectiveId)))
    .limit(1)
    .for('update', { of: collectiveBankEntries });
  return rows[0] ?? null;
}

export async function insertEntry(db: Conn, values: { collectiveId: string; entry: CollectiveBankEntryInput; createdBy: string }) {
  const [row] = await db.insert(collectiveBankEntries).values(values).returning({ id: collectiveBankEntries.id });
  return row!.id;
}

export async function updateEntry(db: Conn, collectiveId: string, entryId: string, entry: CollectiveBankEntryInput) {
  const rows = await db
    .update(collectiveBankEntries)
    .set({ entry, updatedAt: sql`now()`, revision: sql`${collectiveBankEntries.revision} + 1` })
    .where(and(eq(collectiveBankEntries.id, entryId), eq(collectiveBankEntries.collectiveId, collectiveId)))
    .returning({ id: collectiveBankEntries.id });
  return rows.length > 0;
}

export async function deleteEntry(db: Conn, collectiveId: string, entryId: string) {
  const rows = await db
    .delete(collectiveBankEntries)
    .where(and(eq(collectiveBankEntries.id, entryId), eq(collectiveBankEntries.collectiveId, collectiveId)))
    .returning({ id: collectiveBankEntries.id });
  return rows.length > 0;
}
