import { type AnyPgColumn, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Computation } from '../../contracts/frameworks.ts';
import { collectives, organisations } from './organisations.ts';

/**
 * A framework is owned either by a collective (the common one) or by an organisation (its
 * specific indicators); exactly one owner is set.
 */
export const frameworks = pgTable(
  'frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scope: text('scope', { enum: ['common', 'specific'] }).notNull(),
    collectiveId: uuid('collective_id').references(() => collectives.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('frameworks_collective_key').on(t.collectiveId),
    uniqueIndex('frameworks_organisation_key').on(t.organisationId),
    check(
      'frameworks_one_owner',
      sql`(${t.scope} = 'common' and ${t.collectiveId} is not null and ${t.organisationId} is null) or (${t.scope} = 'specific' and ${t.organisationId} is not null and ${t.collectiveId} is null)`,
    ),
  ],
);

export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status', { enum: ['draft', 'adopted'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('framework_versions_number_key').on(t.frameworkId, t.number),
    // At most one draft at a time per framework.
    uniqueIndex('framework_versions_one_draft').on(t.frameworkId).where(sql`status = 'draft'`),
  ],
);

export const tocNodes = pgTable(
  'toc_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['impact', 'outcome', 'output', 'activity'] }).notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull().default(''),
    stakeholderGroup: text('stakeholder_group'),
    parentId: uuid('parent_id').references((): AnyPgColumn => tocNodes.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    /** The node of the previous version this one was copied from, to follow a node across versions. */
    originId: uuid('origin_id'),
  },
  (t) => [index('toc_nodes_version_idx').on(t.versionId)],
);

/**
 * Indicators belong to a version; their `code` is their identity across versions, which is
 * what questions and activity figures refer to.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull().default(''),
    kind: text('kind', { enum: ['output', 'outcome', 'impact'] }).notNull(),
    stakeholderGroup: text('stakeholder_group').notNull(),
    unit: text('unit').notNull().default(''),
    polarity: text('polarity', { enum: ['higher_is_better', 'lower_is_better', 'neutral'] }).notNull(),
    computation: jsonb('computation').$type<Computation>().notNull(),
    /** Copied out of `computation` so that SQL can test membership without JSON work per row. */
    shareOptions: text('share_options').array().notNull().default(sql`'{}'::text[]`),
    nodeId: uuid('node_id').references(() => tocNodes.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('indicators_version_code_key').on(t.versionId, t.code)],
);
