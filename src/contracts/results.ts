import { z } from 'zod';
import { id } from './common.ts';
import { computation, frameworkScope, indicatorKind, polarity, stakeholderGroup } from './frameworks.ts';
import { territory, territoryParam } from './territories.ts';

export const interval = z.object({ low: z.number(), high: z.number() });

export const indicatorResult = z.object({
  frameworkId: id,
  scope: frameworkScope,
  code: z.string(),
  label: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  kind: indicatorKind,
  stakeholderGroup,
  unit: z.string(),
  polarity,
  computation,
  /** null when there is no data or the figure is suppressed. */
  value: z.number().nullable(),
  /** Answers (or reported figures) behind the value. */
  n: z.number().int(),
  /** 95% interval: Wilson for shares, t for means; null otherwise. */
  ci: interval.nullable(),
  suppressed: z.boolean(),
  /** Organisations whose data is in the figure. */
  organisations: z.number().int(),
  /** Answers of the period collected under another definition (a series break): left out. */
  otherDefinitionN: z.number().int(),
  /** Of those, organisations whose data comes in through a crosswalk (their own question converted). */
  crosswalkOrganisations: z.number().int(),
  /**
   * A collective's share or mean two ways (docs/statistics.md): every answer alike, and each
   * member weighed by the people it serves; with the representativity flag and its reasons.
   * Null for an organisation's own figures, counts and activity figures, or when suppressed.
   */
  sector: z
    .object({
      pooled: z.object({ value: z.number().nullable(), ci: interval.nullable() }),
      weighted: z.object({ value: z.number().nullable(), ci: interval.nullable() }).nullable(),
      /** Members with people served but no answer: left out of the weighted figure. */
      membersWithoutAnswers: z.number().int(),
      populationWithoutAnswers: z.number(),
      /** People served by the members that say how many (null when none does), and answers ÷ those people. */
      populationServed: z.number().int().nullable(),
      responseRate: z.number().nullable(),
      representative: z.boolean(),
      reasons: z.array(z.object({ code: z.string(), fr: z.string(), en: z.string() })),
      rule: z.object({ fr: z.string(), en: z.string() }),
    })
    .nullable(),
});
export type IndicatorResult = z.infer<typeof indicatorResult>;

export const resultsQuery = z.object({
  period: z.string().max(20).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

export const results = z.object({
  scope: z.enum(['organisation', 'collective']),
  id,
  name: z.string(),
  period: z.string().nullable(),
  periods: z.array(z.string()),
  suppressionThreshold: z.number().int().nullable(),
  /** The territory the collective's figures are read for (its own, or the one asked for); null: everywhere. */
  territory: territory.nullable(),
  /** The frameworks shown: common ones first (the version in use), then the specific one. */
  frameworks: z.array(
    z.object({
      frameworkId: id,
      scope: frameworkScope,
      name: z.string(),
      versionNumber: z.number().int().nullable(),
      /** For a common framework in an organisation's view: it adopted this version itself. */
      chosen: z.boolean(),
    }),
  ),
  indicators: z.array(indicatorResult),
});

/** A collective's results, for one of its départements or régions (`departement:69`, `region:84`). */
export const collectiveResultsQuery = resultsQuery.extend({ territory: territoryParam.optional() });

export const trendQuery = z.object({
  code: z.string().min(1).max(30),
  lang: z.enum(['fr', 'en']).optional(),
});
export const trend = z.object({
  frameworkId: id,
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  computation,
  /** The series of the definition shown today. */
  currentSeries: z.number().int(),
  /** One series per definition the indicator has had; a new series is a break. */
  series: z.array(
    z.object({
      number: z.number().int(),
      definitionKey: z.string(),
      type: z.string(),
      options: z.array(z.string()),
      disaggregations: z.array(z.string()),
      /** The version that adopted this definition first (null: never adopted). */
      fromVersion: z.number().int().nullable(),
    }),
  ),
  /** Oldest first. */
  periods: z.array(z.string()),
  points: z.array(
    z.object({
      period: z.string(),
      series: z.number().int(),
      value: z.number().nullable(),
      n: z.number().int(),
      ci: interval.nullable(),
      suppressed: z.boolean(),
    }),
  ),
});
export type Trend = z.infer<typeof trend>;
export type Results = z.infer<typeof results>;
