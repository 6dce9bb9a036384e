import { type AnyPgColumn, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import type { Condition } from '../../domain/conditions.ts';
import type { QuestionTranslation } from '../../domain/questionnaire-text.ts';
import { frameworks } from './frameworks.ts';
import { organisations } from './organisations.ts';
import { users } from './auth.ts';
import { sites } from './territories.ts';

export interface StoredOption {
  value: string;
  labelFr: string;
  labelEn: string;
}

export interface StoredSection {
  titleFr: string;
  titleEn: string;
  introFr: string;
  translations: Record<string, { title?: string; intro?: string }>;
}

export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    introFr: text('intro_fr').notNull().default(''),
    /** Languages offered beside French (ISO 639 codes). */
    languages: text('languages').array().notNull().default(['en']),
    /** Title and intro in other languages. */
    translations: jsonb('translations').$type<Record<string, { title?: string; intro?: string }>>().notNull().default({}),
    /** One page each on the respondent page; questions name theirs by index. */
    sections: jsonb('sections').$type<StoredSection[]>().notNull().default([]),
    /** Editing a questionnaire that has answers makes a new version; the old one keeps its answers. */
    version: integer('version').notNull().default(1),
    previousId: uuid('previous_id').references((): AnyPgColumn => questionnaires.id, { onDelete: 'set null' }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** Bumped by every in-place edit: an edit names the revision it read (If-Match). */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('questionnaires_org_idx').on(t.organisationId)],
);

export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The name conditions (and imports) use; unique in its questionnaire. */
    key: text('key').notNull().default(''),
    section: integer('section').notNull().default(0),
    type: text('type', { enum: ['single', 'multiple', 'scale', 'number', 'text', 'date', 'ranking', 'grid', 'faces'] }).notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull().default(''),
    helpFr: text('help_fr').notNull().default(''),
    helpEn: text('help_en').notNull().default(''),
    /** Easy-read (FALC) wording in French; other languages' are in `translations`. */
    easyFr: text('easy_fr').notNull().default(''),
    translations: jsonb('translations').$type<Record<string, QuestionTranslation>>().notNull().default({}),
    required: boolean('required').notNull().default(false),
    options: jsonb('options').$type<StoredOption[]>().notNull().default([]),
    /** A grid's rows. */
    items: jsonb('items').$type<StoredOption[]>().notNull().default([]),
    showIf: jsonb('show_if').$type<Condition>(),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    indicatorFrameworkId: uuid('indicator_framework_id').references(() => frameworks.id, {
      onDelete: 'set null',
    }),
    indicatorCode: text('indicator_code'),
    /** The indicator's definition key when the question was made: answers pool only under it. */
    indicatorDefinition: text('indicator_definition'),
  },
  (t) => [
    uniqueIndex('questions_position_key').on(t.questionnaireId, t.position),
    index('questions_indicator_idx').on(t.indicatorFrameworkId, t.indicatorCode),
  ],
);

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    period: text('period').notNull(),
    populationServed: integer('population_served'),
    slug: text('slug').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    /** Who answers: the people supported, staff, volunteers or partners. */
    audience: text('audience', { enum: ['beneficiaries', 'staff', 'volunteers', 'partners'] }).notNull().default('beneficiaries'),
    /** Only one-time invitation links are accepted (campaign_invitations). */
    invitationOnly: boolean('invitation_only').notNull().default(false),
    /** Before/after: a "before" campaign hands out pseudonymous codes, an "after" one asks for them. */
    pairing: text('pairing', { enum: ['before', 'after'] }),
    /** For an "after" campaign: its "before" campaign (same organisation). */
    pairedWithCampaignId: uuid('paired_with_campaign_id').references((): AnyPgColumn => campaigns.id, { onDelete: 'set null' }),
    /** For an "after" campaign: people may answer without a code. */
    pairingCodeOptional: boolean('pairing_code_optional').notNull().default(false),
    /** Where the campaign is held; its responses count for that site's commune. */
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaigns_slug_key').on(t.slug), index('campaigns_org_idx').on(t.organisationId)],
);

/** Anonymous: no user, no address, no IP is stored with a response. */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    clientId: uuid('client_id').notNull(),
    /** The questionnaire version answered (a campaign can move to a newer one). */
    questionnaireId: uuid('questionnaire_id').references(() => questionnaires.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: ['web', 'api', 'import'] }).notNull(),
    /**
     * Entered by a field worker: from a paper form, or together with the person. Only counted
     * ("12 saisies assistées"), never a dimension of the results.
     */
    assisted: text('assisted', { enum: ['paper', 'with_person'] }),
    /** The member who entered an assisted response (the worker, not the respondent). */
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * INSEE code of the commune the response counts for, fixed when it is stored (the campaign's
     * site, else the organisation's commune), so that moving a site later does not move answers.
     */
    communeCode: text('commune_code'),
  },
  (t) => [
    uniqueIndex('responses_client_key').on(t.campaignId, t.clientId),
    index('responses_org_period_idx').on(t.organisationId, t.period),
  ],
);

export const answers = pgTable(
  'answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    /** Chosen option values (one for single choice). */
    options: text('options').array(),
    num: doublePrecision('num'),
    text: text('text'),
  },
  (t) => [uniqueIndex('answers_key').on(t.responseId, t.questionId), index('answers_question_idx').on(t.questionId)],
);

export const activityFigures = pgTable(
  'activity_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    /** The indicator's definition key when the figure was entered. */
    definition: text('definition').notNull().default('sum:|'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('activity_figures_key').on(t.organisationId, t.frameworkId, t.indicatorCode, t.period)],
);
