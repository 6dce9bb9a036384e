import { z } from 'zod';

export const id = z.uuid();
export const slug = z
  .string()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes');

/** A reporting period: a year ("2026"), a half ("2026-S1"), a quarter ("2026-T2") or a month ("2026-03"). */
export const period = z
  .string()
  .regex(/^\d{4}(?:-(?:S[12]|T[1-4]|0[1-9]|1[0-2]))?$/, 'period like 2026, 2026-S1, 2026-T2 or 2026-03');

export const locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof locale>;

export const roles = ['admin', 'contributor', 'viewer'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** French INSEE commune code: 5 characters, Corsica uses 2A/2B. */
export const communeCode = z.string().regex(/^(?:\d{5}|2[AB]\d{3})$/, 'INSEE commune code');

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  detailEn: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problem>;

export const ok = z.object({ ok: z.literal(true) });
