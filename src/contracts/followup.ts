import { z } from 'zod';

/** How far a campaign has got, and how precise its figures are so far (src/domain/sample-size.ts). */
export const campaignCounter = z.object({
  campaignId: z.string(),
  status: z.enum(['open', 'closed']),
  answers: z.number().int(),
  /** The population served, as stated for the campaign; null when unknown. */
  population: z.number().int().nullable(),
  /** Answers ÷ population (at most 1); null when the population is unknown. */
  responseRate: z.number().nullable(),
  /** Margin of error at 95 % for a proportion (worst case p = 0.5), a fraction; null before the first answer. */
  margin: z.number().nullable(),
  /** The same in whole points, as said to people (“± 8 points”). */
  marginPoints: z.number().int().nullable(),
  /** For a few margins (in points): answers needed in all and answers still to collect. */
  targets: z.array(
    z.object({ points: z.number().int(), needed: z.number().int(), remaining: z.number().int() }),
  ),
  /** The "not representative" flag with its reasons and the rule (src/domain/estimators.ts). */
  representative: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), fr: z.string(), en: z.string() })),
  rule: z.object({ fr: z.string(), en: z.string() }),
});
export type CampaignCounter = z.infer<typeof campaignCounter>;

export const paperQuery = z.object({ lang: z.enum(['fr', 'en']).default('fr') });

/** A file in the body (OpenAPI: `type: string, format: binary`). */
export const binaryFile = z.string().meta({ format: 'binary' });
