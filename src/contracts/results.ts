import { z } from 'zod';
import { id } from './common.ts';
import { computation, frameworkScope, indicatorKind, polarity, stakeholderGroup } from './frameworks.ts';

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
  /** Of those, organisations whose data comes in through a crosswalk (their own question converted). */
  crosswalkOrganisations: z.number().int(),
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
  indicators: z.array(indicatorResult),
});
export type Results = z.infer<typeof results>;
