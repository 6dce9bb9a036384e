import { doublePrecision, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { frameworks } from './frameworks.ts';
import { organisations } from './organisations.ts';

/**
 * Mergeable partial sums of the answers, kept up to date in the transaction that stores,
 * edits or deletes a response (src/server/features/results/partials-repository.ts), so that
 * figures are read from here rather than from every answer (docs/database.md).
 *
 * One row per indicator × definition × organisation × period × cell of a dimension:
 * - dimension '' (cell ''): every answer;
 * - dimension 'commune': cell is the INSEE code of the commune where the response was collected;
 * - dimension '<frameworkId>:<code>' (a single-choice indicator): cell is the option the same
 *   respondent chose there, so any indicator can be broken down by it.
 */
export const indicatorPartials = pgTable(
  'indicator_partials',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    dimension: text('dimension').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The definition key the answers were collected under (series breaks never pool). */
    definition: text('definition').notNull(),
    cell: text('cell').notNull(),
    /** Answers with a number, answers with options, every answer. */
    nNum: integer('n_num').notNull(),
    nOptions: integer('n_options').notNull(),
    nAll: integer('n_all').notNull(),
    /** Answers choosing one of the definition's share options. */
    hits: integer('hits').notNull(),
    sum: doublePrecision('sum').notNull(),
    sumSquares: doublePrecision('sum_squares').notNull(),
  },
  (t) => [
    primaryKey({ name: 'indicator_partials_pk', columns: [t.frameworkId, t.period, t.dimension, t.indicatorCode, t.organisationId, t.definition, t.cell] }),
    index('indicator_partials_trend_idx').on(t.frameworkId, t.indicatorCode, t.dimension),
    index('indicator_partials_org_idx').on(t.organisationId),
  ],
);
