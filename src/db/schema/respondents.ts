import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns, responses } from './collection.ts';
import { organisations } from './organisations.ts';

/**
 * One-time invitation links (docs/decisions/006-invitations-and-pairing-codes.md). The
 * invitation knows whether its link was used (`answered_on`, a day, not a time) but never
 * which response it gave: the response stays unlinkable to the address.
 */
export const campaignInvitations = pgTable(
  'campaign_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The secret in the link (256 random bits, base64url). */
    token: text('token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the link was e-mailed (null: shown in the app for copying). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** The day the link was used; set in the same transaction as the response insert. */
    answeredOn: date('answered_on'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('campaign_invitations_token_key').on(t.token),
    uniqueIndex('campaign_invitations_email_key').on(t.campaignId, t.email),
    index('campaign_invitations_campaign_idx').on(t.campaignId),
  ],
);

/**
 * The pseudonymous before/after code of a response. Unique per campaign: one "before"
 * answer hands out a code once, one "after" answer uses it once. Never exported.
 */
export const pairingCodes = pgTable(
  'pairing_codes',
  {
    responseId: uuid('response_id')
      .primaryKey()
      .references(() => responses.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
  },
  (t) => [uniqueIndex('pairing_codes_campaign_code_key').on(t.campaignId, t.code)],
);
