import { z } from 'zod';
import { id, locale } from './common.ts';

export const email = z.email().max(200).transform((v) => v.trim().toLowerCase());
export const password = z.string().min(10, 'at least 10 characters').max(200);

export const signUpBody = z.object({
  email,
  password,
  name: z.string().trim().min(1).max(120),
  locale: locale.default('fr'),
});
export const signInBody = z.object({ email, password: z.string().min(1).max(200) });

export const user = z.object({
  id,
  email: z.string(),
  name: z.string(),
  locale,
});
export type User = z.infer<typeof user>;

export const apiToken = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createApiTokenBody = z.object({ name: z.string().trim().min(1).max(80) });
/** The secret is returned once, at creation. */
export const createdApiToken = apiToken.extend({ token: z.string() });
