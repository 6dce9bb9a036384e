import { z } from 'zod';
import { id, locale } from './common.ts';
import { computation, frameworkScope } from './frameworks.ts';
import { interval } from './results.ts';

/** One option of a breakdown; `option` null is the "not answered" cell. */
export const breakdownOption = z.object({
  /**
   * The option's value; null for the people counted in the figure without an answer to the
   * breakdown question (they skipped it, their questionnaire did not ask it, or their answer
   * reached the indicator through a crosswalk): with them, the cells add up to the total.
   */
  option: z.string().nullable(),
  label: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
});

/** A figure of a breakdown or cross-tab: hidden ones keep their n (docs/statistics.md). */
export const cellFigure = z.object({
  value: z.number().nullable(),
  n: z.number().int(),
  ci: interval.nullable(),
  suppressed: z.boolean(),
});
export type CellFigure = z.infer<typeof cellFigure>;

/** A single-choice indicator that any indicator can be broken down by. */
export const breakdownDimension = z.object({
  /** What to send as `by`: the code in a collective, `<frameworkId>:<code>` for an organisation. */
  by: z.string(),
  frameworkId: id,
  code: z.string(),
  label: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  /** The options, as the questions tied to the indicator offer them (most recent first). */
  options: z.array(breakdownOption.extend({ option: z.string() })),
});
export type BreakdownDimension = z.infer<typeof breakdownDimension>;

export const breakdownsQuery = z.object({ lang: locale.optional() });
export const breakdownsAvailable = z.object({ breakdowns: z.array(breakdownDimension) });

const byParam = z.string().min(1).max(80);

export const breakdownQuery = z.object({
  by: byParam,
  period: z.string().max(20).optional(),
  lang: locale.optional(),
});

const resultsHeader = {
  scope: z.enum(['organisation', 'collective']),
  id,
  name: z.string(),
  period: z.string().nullable(),
  periods: z.array(z.string()),
  /** The k below which cells are hidden; null for an organisation's own figures (never hidden). */
  suppressionThreshold: z.number().int().nullable(),
};

const indicatorHeader = {
  frameworkId: id,
  scope: frameworkScope,
  code: z.string(),
  label: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  unit: z.string(),
  computation,
};

export const breakdown = z.object({
  ...resultsHeader,
  by: breakdownDimension,
  /** Every indicator of the results but activity figures, broken down. */
  indicators: z.array(
    z.object({
      ...indicatorHeader,
      /** The indicator's figure, as the results show it. */
      total: cellFigure,
      /** One cell per option, then "not answered": they add up to the total. */
      cells: z.array(cellFigure.extend(breakdownOption.shape)),
    }),
  ),
});
export type Breakdown = z.infer<typeof breakdown>;

export const crossTabQuery = z.object({
  code: z.string().min(1).max(30),
  by: byParam,
  by2: byParam,
  period: z.string().max(20).optional(),
  lang: locale.optional(),
});

export const crossTab = z.object({
  ...resultsHeader,
  indicator: z.object(indicatorHeader),
  rowsBy: breakdownDimension,
  columnsBy: breakdownDimension,
  /** The second breakdown's options, then "not answered". */
  columns: z.array(breakdownOption),
  /** The first breakdown's options, then "not answered"; each with its cells and its total. */
  rows: z.array(
    breakdownOption.extend({
      /** Empty when the cross-tab is withheld. */
      cells: z.array(cellFigure),
      total: cellFigure,
    }),
  ),
  columnTotals: z.array(cellFigure),
  total: cellFigure,
  /**
   * The inner cells are not given, not even their n: knowing which of them are empty would let
   * the two breakdowns' figures be subtracted into a group of fewer than k answers.
   */
  withheld: z.boolean(),
});
export type CrossTab = z.infer<typeof crossTab>;
