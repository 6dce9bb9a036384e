import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { campaigns } from './collection.ts';
import { organisations } from './organisations.ts';
import type { LineError } from '../../domain/imports/lines.ts';

/** A line's error as the check found it (src/domain/imports), kept until the file is loaded. */
export type StoredLineError = LineError;

/**
 * A file being imported into an organisation: responses into one of its campaigns, or
 * activity figures. The file's table is kept (as JSON text) between the preview, the check and
 * the load; `state` and `processed/total` tell the web app where the work is, even after a
 * page reload. The table is emptied once loaded.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['responses', 'activity'] }).notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull().default(''),
    /** SHA-256 of the file's bytes: with the line number it names each imported response. */
    fileHash: text('file_hash').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    sheet: text('sheet'),
    /** Sheet names of a workbook (the one read is `sheet`). */
    sheets: jsonb('sheets').$type<string[]>().notNull().default([]),
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** The first lines, for the preview (the whole table is in `tableJson`). */
    preview: jsonb('preview').$type<{ line: number; cells: (string | number | null)[] }[]>().notNull(),
    suggestedMapping: jsonb('suggested_mapping').$type<(string | null)[]>().notNull(),
    lineCount: integer('line_count').notNull(),
    /** `{ headers, rows: [{ line, cells }] }` as JSON; '' once loaded. */
    tableJson: text('table_json').notNull(),
    mapping: jsonb('mapping').$type<(string | null)[]>(),
    state: text('state', { enum: ['uploaded', 'validating', 'invalid', 'valid', 'loading', 'loaded', 'failed'] })
      .notNull()
      .default('uploaded'),
    processed: integer('processed').notNull().default(0),
    total: integer('total').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errorLines: integer('error_lines').notNull().default(0),
    /** The errors found by the last check (the first MAX_STORED_ERRORS of them). */
    errors: jsonb('errors').$type<StoredLineError[]>().notNull().default([]),
    /** Lines loaded, and lines already there from an earlier import of the same file. */
    inserted: integer('inserted').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failureFr: text('failure_fr'),
    failureEn: text('failure_en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('imports_org_idx').on(t.organisationId, t.createdAt)],
);
