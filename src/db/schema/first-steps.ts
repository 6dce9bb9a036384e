import { check, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { MissionGrid, PlanRow, StakeholderEntry } from '../../contracts/first-steps.ts';
import { users } from './auth.ts';
import { organisations } from './organisations.ts';

/**
 * An organisation's "first steps" path (premiers pas): the mission clarification grid, the
 * stakeholder and effects map and the collection plan, with where the person stopped.
 * `revision` grows by one at each save; a save names the revision it read (optimistic
 * concurrency), so two people editing at once do not overwrite each other silently.
 */
export const firstSteps = pgTable(
  'first_steps',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    mission: jsonb('mission').$type<MissionGrid>().notNull(),
    stakeholders: jsonb('stakeholders').$type<StakeholderEntry[]>().notNull().default([]),
    plan: jsonb('plan').$type<PlanRow[]>().notNull().default([]),
    currentStep: integer('current_step').notNull().default(1),
    completedSteps: integer('completed_steps').array().notNull().default(sql`'{}'::int[]`),
    revision: integer('revision').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [check('first_steps_current_step', sql`${t.currentStep} between 1 and 4`)],
);
