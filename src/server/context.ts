import type { PublicLimits } from './plugins/public-rate-limit.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, DatabaseKind } from '../db/connect.ts';
import type { Config } from './config.ts';
import { problem } from '../contracts/common.ts';

export interface AppContext {
  db: Db;
  databaseKind: DatabaseKind;
  config: Config;
  /** Counts answers stored from the public page (src/server/plugins/public-rate-limit.ts). */
  publicLimits: PublicLimits;
}

export type App = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
} as const;

export const security: { [label: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
