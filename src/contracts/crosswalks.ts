import { z } from 'zod';
import { id, period } from './common.ts';
import { computation, indicatorCode } from './frameworks.ts';
import { questionType } from './collection.ts';

/**
 * A conversion rule from an organisation's own question onto a common indicator. The shape is
 * checked here; what makes sense for a given question and indicator (ascending cuts, options
 * of the common set, a factor other than 0) is checked by `domain/crosswalk.ts`, which names
 * the field at fault.
 */
const finite = z.number().min(-1e12).max(1e12);
/** Counted but outside the common set. */
export const OUTSIDE_SET = '-';
export const crosswalkRule = z.discriminatedUnion('type', [
  /** Ascending cut points; a value equal to a cut belongs to the lower class. */
  z.object({ type: z.literal('cut_points'), cuts: z.array(finite).max(50), targetMin: finite.default(1) }).strict(),
  /** Source option value → an option of the common set, '-' (counted, outside the set) or null (not counted). */
  z.object({ type: z.literal('option_map'), map: z.record(z.string().min(1).max(60), z.string().min(1).max(60).nullable()) }).strict(),
  /** target = source × factor ÷ divisor + offset, rounded to `decimals` when given. */
  z
    .object({
      type: z.literal('linear'),
      factor: finite,
      divisor: finite.default(1),
      offset: finite.default(0),
      decimals: z.number().int().nullable().default(null),
    })
    .strict(),
]);
export type CrosswalkRuleInput = z.infer<typeof crosswalkRule>;
export const crosswalkRuleTypes = ['cut_points', 'option_map', 'linear'] as const;

export const crosswalk = z.object({
  id,
  organisationId: id,
  questionId: id,
  questionLabel: z.string(),
  questionType,
  questionnaireId: id,
  questionnaireTitle: z.string(),
  frameworkId: id,
  collectiveName: z.string(),
  indicatorCode: z.string(),
  /** Label of the indicator in the latest adopted version; empty when it is no longer there. */
  indicatorLabel: z.string(),
  rule: crosswalkRule,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Crosswalk = z.infer<typeof crosswalk>;

export const createCrosswalkBody = z
  .object({
    questionId: id,
    frameworkId: id,
    indicatorCode,
    rule: crosswalkRule,
  })
  .strict();

/** An update names the revision it read: a stale one gives 409. */
export const updateCrosswalkBody = z.object({ rule: crosswalkRule, revision: z.number().int().min(1) }).strict();

export const previewCrosswalkBody = createCrosswalkBody.extend({
  /** Only the answers of this period; all the organisation's answers when absent. */
  period: period.optional(),
});

const answerValue = z.object({ options: z.array(z.string()).nullable(), num: z.number().nullable() });
export const crosswalkPreview = z.object({
  period: z.string().nullable(),
  computation,
  /** Each distinct answer, what it becomes (null: not counted) and how many gave it. */
  rows: z.array(z.object({ source: answerValue, target: answerValue.nullable(), count: z.number().int() })),
  /** Answers that were given and do not count after conversion. */
  notCounted: z.number().int(),
  n: z.number().int(),
  hits: z.number().int(),
  sum: z.number(),
  /** The indicator's value from these answers alone (share, mean or count); null with no answer. */
  value: z.number().nullable(),
});
export type CrosswalkPreview = z.infer<typeof crosswalkPreview>;
