import { z } from 'zod';
import { id } from './common.ts';
import { computation, polarity } from './frameworks.ts';
import { indicatorResult, interval, trend } from './results.ts';

export const comparisonQuery = z.object({
  collectiveId: id,
  period: z.string().max(20).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

const figure = z.object({
  /** null when there is no answer, or (for the sector) when the figure is suppressed. */
  value: z.number().nullable(),
  n: z.number().int(),
  ci: interval.nullable(),
});

/**
 * The members' values, as quartiles only (type 7, docs/statistics.md): never a member's value,
 * the lowest or the highest. Hidden unless enough members have enough answers.
 */
export const memberDistribution = z.discriminatedUnion('shown', [
  z.object({
    shown: z.literal(true),
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    /** Members compared: each has at least the collective's threshold of answers. */
    members: z.number().int(),
  }),
  z.object({
    shown: z.literal(false),
    reason: z.literal('too_few_members'),
    membersWithEnoughAnswers: z.number().int(),
    minimumMembers: z.number().int(),
    threshold: z.number().int(),
  }),
]);

export const comparisonIndicator = z.object({
  frameworkId: id,
  code: z.string(),
  label: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  unit: z.string(),
  polarity,
  computation,
  /** The organisation's own figure, never suppressed for itself. */
  organisation: figure,
  /** The collective's pooled figure (small cells suppressed) and its sector estimates. */
  sector: figure.extend({
    suppressed: z.boolean(),
    /** Members whose answers are in the figure. */
    organisations: z.number().int(),
    estimates: indicatorResult.shape.sector,
  }),
  distribution: memberDistribution,
  /** "r of N": 1 is the best according to the polarity; ties share a rank. */
  rank: z.object({ rank: z.number().int(), of: z.number().int(), tied: z.boolean() }).nullable(),
  /** Why there is no rank: neutral indicator, own answers under the threshold, or distribution hidden. */
  rankWithheld: z.enum(['no_direction', 'own_too_few_answers', 'distribution_hidden']).nullable(),
});

export const comparison = z.object({
  organisationId: id,
  collective: z.object({ id, name: z.string(), suppressionThreshold: z.number().int() }),
  /** Members with enough answers needed before a distribution is shown. */
  minimumMembers: z.number().int(),
  /** The common framework, in the version the organisation uses (its choice, else the latest adopted). */
  framework: z.object({ frameworkId: id, versionNumber: z.number().int().nullable(), chosen: z.boolean() }),
  period: z.string().nullable(),
  /** Periods with data among the members, newest first. */
  periods: z.array(z.string()),
  indicators: z.array(comparisonIndicator),
});
export type Comparison = z.infer<typeof comparison>;
export type ComparisonIndicator = z.infer<typeof comparisonIndicator>;

export const comparisonTrendQuery = z.object({
  collectiveId: id,
  code: z.string().min(1).max(30),
  lang: z.enum(['fr', 'en']).optional(),
});

/**
 * One indicator over every period for the organisation and for the sector (the collective's
 * members, small cells suppressed). Series are numbered alike on both sides: a point of another
 * series than the one before is a break, and lines stop there.
 */
export const comparisonTrend = z.object({
  collectiveId: id,
  frameworkId: id,
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  computation,
  currentSeries: z.number().int(),
  series: trend.shape.series,
  /** Oldest first. */
  periods: z.array(z.string()),
  organisation: trend.shape.points,
  sector: trend.shape.points,
});
export type ComparisonTrend = z.infer<typeof comparisonTrend>;
