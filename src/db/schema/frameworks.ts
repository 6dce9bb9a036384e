import { type AnyPgColumn, bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Computation } from '../../contracts/frameworks.ts';
import { users } from './auth.ts';
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
    /** draft → proposed (under a COPIL vote, frozen) → adopted → retired. */
    status: text('status', { enum: ['draft', 'proposed', 'adopted', 'retired'] }).notNull(),
    /** Bumped by every change to the version's content, for optimistic concurrency. */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('framework_versions_number_key').on(t.frameworkId, t.number),
    // At most one open version (draft or under vote) at a time per framework.
    uniqueIndex('framework_versions_one_draft').on(t.frameworkId).where(sql`status in ('draft', 'proposed')`),
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
    revision: integer('revision').notNull().default(0),
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
    /** Breakdowns the figures are given by (e.g. sexe, tranche_age): part of the definition. */
    disaggregations: text('disaggregations').array().notNull().default(sql`'{}'::text[]`),
    /** `definitionKey()` of computation, options and disaggregations (src/domain/definitions.ts). */
    definitionKey: text('definition_key').notNull(),
    nodeId: uuid('node_id').references(() => tocNodes.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    revision: integer('revision').notNull().default(0),
  },
  (t) => [uniqueIndex('indicators_version_code_key').on(t.versionId, t.code)],
);

/** A change a member proposes to the open version of a common framework. */
export const frameworkProposals = pgTable(
  'framework_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action', { enum: ['add_indicator', 'edit_indicator', 'remove_indicator', 'add_node', 'edit_node', 'remove_node'] }).notNull(),
    /** The indicator code or node id the change is about (none for additions). */
    target: text('target'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    rationale: text('rationale').notNull().default(''),
    status: text('status', { enum: ['open', 'accepted', 'rejected', 'withdrawn'] }).notNull().default('open'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('framework_proposals_framework_idx').on(t.frameworkId, t.createdAt)],
);

/** Discussion: on a proposal, or on the framework's open version when `proposalId` is null. */
export const frameworkComments = pgTable(
  'framework_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id').references(() => frameworkProposals.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('framework_comments_framework_idx').on(t.frameworkId, t.createdAt)],
);

/**
 * A COPIL vote on a version. The rule, the quorum and the electorate (the COPIL member
 * organisations) are fixed when the vote opens.
 */
export const frameworkVotes = pgTable(
  'framework_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    rule: text('rule', { enum: ['majority', 'consensus'] }).notNull(),
    quorumPercent: integer('quorum_percent').notNull(),
    electorate: uuid('electorate').array().notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome', { enum: ['adopted', 'rejected', 'no_quorum', 'cancelled'] }),
  },
  (t) => [
    index('framework_votes_version_idx').on(t.versionId),
    // One open vote per version.
    uniqueIndex('framework_votes_one_open').on(t.versionId).where(sql`closed_at is null`),
  ],
);

export const frameworkBallots = pgTable(
  'framework_ballots',
  {
    voteId: uuid('vote_id')
      .notNull()
      .references(() => frameworkVotes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    choice: text('choice', { enum: ['for', 'against', 'abstain'] }).notNull(),
    comment: text('comment').notNull().default(''),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.organisationId] })],
);

/** Which adopted version of a collective's common framework an organisation works with. */
export const organisationAdoptions = pgTable(
  'organisation_adoptions',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    collectiveId: uuid('collective_id')
      .notNull()
      .references(() => collectives.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'restrict' }),
    adoptedBy: uuid('adopted_by').references(() => users.id, { onDelete: 'set null' }),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.collectiveId] })],
);

/** Who did what, when: every change to a framework and its decisions. Never updated. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order events happened in, even within one transaction. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept even if the user is deleted. */
    userName: text('user_name').notNull().default(''),
    frameworkId: uuid('framework_id').references(() => frameworks.id, { onDelete: 'cascade' }),
    collectiveId: uuid('collective_id').references(() => collectives.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_events_framework_idx').on(t.frameworkId, t.at), index('audit_events_organisation_idx').on(t.organisationId, t.at)],
);
