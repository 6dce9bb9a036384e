import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CrosswalkRule } from '../../domain/crosswalk.ts';
import { users } from './auth.ts';
import { questions } from './collection.ts';
import { frameworks } from './frameworks.ts';
import { organisations } from './organisations.ts';

/**
 * A crosswalk maps one of an organisation's own questions onto an indicator of a common
 * framework with a conversion rule (`domain/crosswalk.ts`). The indicator is named by its
 * code, like questions and activity figures, so it follows the framework across versions.
 */
export const crosswalks = pgTable(
  'crosswalks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    rule: jsonb('rule').$type<CrosswalkRule>().notNull(),
    /** The indicator's definition key the rule was written for: after a series break it no longer applies. */
    indicatorDefinition: text('indicator_definition').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped on every change; an update names the revision it read (409 when stale). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    uniqueIndex('crosswalks_question_indicator_key').on(t.questionId, t.frameworkId, t.indicatorCode),
    index('crosswalks_org_idx').on(t.organisationId),
    index('crosswalks_indicator_idx').on(t.frameworkId, t.indicatorCode),
  ],
);
