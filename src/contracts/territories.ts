import { z } from 'zod';
import { communeCode, id, period } from './common.ts';
import { computation } from './frameworks.ts';

export const territoryLevel = z.enum(['departement', 'region']);
export type TerritoryLevelName = z.infer<typeof territoryLevel>;

/** A département or a région by its INSEE code (`69`, `2A`, `971`; `84`). */
export const territoryInput = z.object({
  level: territoryLevel,
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'INSEE code of a département or région'),
});
export const territory = territoryInput.extend({ name: z.string() });
export type TerritoryRef = z.infer<typeof territory>;

/** `departement:69` or `region:84`, in a query string. */
export const territoryParam = z.string().regex(/^(?:departement|region):[0-9AB]{2,3}$/, 'departement:<code> or region:<code>');

export const commune = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  departementName: z.string(),
  region: z.string(),
  regionName: z.string(),
  postalCodes: z.array(z.string()),
});
export type Commune = z.infer<typeof commune>;

export const communeSearchQuery = z.object({
  /** A name (accents ignored), an INSEE code or a postal code, or their beginning. */
  q: z.string().trim().min(1).max(80),
  limit: z.coerce.number().int().min(1).max(20).default(20),
});

export const territoryReference = z.object({
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  departements: z.array(z.object({ code: z.string(), name: z.string(), region: z.string() })),
});

export const siteBody = z.object({
  name: z.string().trim().min(2).max(160),
  communeCode,
});
export const updateSiteBody = siteBody.partial().strict();
export const site = z.object({
  id,
  organisationId: id,
  name: z.string(),
  commune,
  /** Campaigns held at this site. */
  campaigns: z.number().int(),
  createdAt: z.string(),
});
export type Site = z.infer<typeof site>;

export const mapQuery = z.object({
  /** A common indicator's code (a share, a mean or a count); the first such indicator when left out. */
  code: z.string().min(1).max(30).optional(),
  level: territoryLevel.default('departement'),
  period: period.optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

const interval = z.object({ low: z.number(), high: z.number() });
/** One area's figure. `value` and `ci` are null when there is no answer or the figure is hidden. */
export const areaFigure = z.object({
  value: z.number().nullable(),
  /** Answers behind the figure, shown even when the value is hidden. */
  n: z.number().int(),
  ci: interval.nullable(),
  suppressed: z.boolean(),
  /** Member organisations with answers in the area. */
  organisations: z.number().int(),
});
export const mapArea = areaFigure.extend({
  code: z.string(),
  name: z.string(),
  /** The région of a département; null for a région. */
  region: z.string().nullable(),
});

export const collectiveMap = z.object({
  collectiveId: id,
  /** The indicators that can be mapped (shares, means and counts of the common framework). */
  indicators: z.array(z.object({ code: z.string(), label: z.string(), computation })),
  indicator: z.object({ code: z.string(), label: z.string(), unit: z.string(), computation }).nullable(),
  level: territoryLevel,
  period: z.string().nullable(),
  periods: z.array(z.string()),
  suppressionThreshold: z.number().int(),
  /** A territorial collective's territory: its figures count only answers collected there. */
  territory: territory.nullable(),
  /** Every answer (the nation, or the collective's territory): the collective's own figure. */
  total: areaFigure.extend({ name: z.string() }),
  /** Answers that are in the total but in no département (no commune known, or outside the 101). */
  unplaced: areaFigure,
  /** Every département (or région) of the nation or the territory, with or without answers. */
  areas: z.array(mapArea),
});
export type CollectiveMap = z.infer<typeof collectiveMap>;

const place = z.object({ communeCode: z.string(), communeName: z.string().nullable() });
export const coverage = z.object({
  collectiveId: id,
  territory: territory.nullable(),
  /** Every département of the nation (or territory), with the active members acting there. */
  departements: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      region: z.string(),
      regionName: z.string(),
      organisations: z.array(
        z.object({
          organisationId: id,
          name: z.string(),
          /** The organisation's own commune, when it lies in this département. */
          seat: place.nullable(),
          sites: z.array(place.extend({ id, name: z.string() })),
        }),
      ),
    }),
  ),
  regions: z.array(z.object({ code: z.string(), name: z.string(), organisations: z.number().int(), departements: z.number().int(), covered: z.number().int() })),
  /** Active members with neither a commune nor a site. */
  unlocated: z.array(z.object({ organisationId: id, name: z.string() })),
  /** A territorial collective's members acting only outside its territory. */
  outside: z.array(z.object({ organisationId: id, name: z.string() })),
});
export type Coverage = z.infer<typeof coverage>;
