import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: ['association', 'network_head', 'authority', 'other'] }).notNull(),
    communeCode: text('commune_code'),
    populationServed: integer('population_served'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_slug_key').on(t.slug)],
);

export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'contributor', 'viewer'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'contributor', 'viewer'] }).notNull(),
    email: text('email'),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('invitations_token_key').on(t.tokenHash)],
);

export const collectives = pgTable(
  'collectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    coordinatorOrganisationId: uuid('coordinator_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    suppressionThreshold: integer('suppression_threshold').notNull().default(5),
    /** The threshold for anything shown outside the collective (impact pages, public reports). */
    publicSuppressionThreshold: integer('public_suppression_threshold').notNull().default(10),
    /**
     * A territorial collective (a département's solidarity contract, say) reads its figures
     * within its territory: 'departement' or 'region' with its INSEE code; null for national.
     */
    territoryLevel: text('territory_level', { enum: ['departement', 'region'] }),
    territoryCode: text('territory_code'),
    /** How the COPIL decides on a framework version (src/domain/votes.ts). */
    decisionRule: text('decision_rule', { enum: ['majority', 'consensus'] }).notNull().default('consensus'),
    quorumPercent: integer('quorum_percent').notNull().default(50),
    /** Bumped by every change of the settings: a change sent with a stale one (If-Match) gets a 409. */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('collectives_slug_key').on(t.slug)],
);

export const collectiveMembers = pgTable(
  'collective_members',
  {
    collectiveId: uuid('collective_id')
      .notNull()
      .references(() => collectives.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['invited', 'active'] }).notNull(),
    copil: boolean('copil').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.collectiveId, t.organisationId] }),
    index('collective_members_org_idx').on(t.organisationId),
  ],
);
