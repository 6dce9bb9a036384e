import { index, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CollectiveBankEntryInput } from '../../contracts/bank.ts';
import { users } from './auth.ts';
import { collectives } from './organisations.ts';

/**
 * A collective's own indicator bank entries, beside the built-in bank (which is data in
 * src/domain/indicator-bank). `entry` has a built-in entry's shape, without its id.
 */
export const collectiveBankEntries = pgTable(
  'collective_bank_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collectiveId: uuid('collective_id')
      .notNull()
      .references(() => collectives.id, { onDelete: 'cascade' }),
    entry: jsonb('entry').$type<CollectiveBankEntryInput>().notNull(),
    /** Bumped by every change: an edit sent with a stale one (If-Match) gets a 409. */
    revision: integer('revision').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collective_bank_entries_collective_idx').on(t.collectiveId)],
);
