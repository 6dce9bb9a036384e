import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problem } from '../../../contracts/common.ts';
import { typed, type AppContext } from '../../context.ts';
import { ping } from './repository.ts';
import { Unavailable } from '../../../domain/errors.ts';

export function healthRoutes(app: FastifyInstance, { db, databaseKind }: AppContext) {
  typed(app).get('/api/health', {
    schema: {
      operationId: 'getHealth',
      tags: ['health'],
      summary: 'Is Socle up, and on which database',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }), 503: problem },
    },
    handler: async () => {
      try {
        await ping(db);
      } catch {
        throw new Unavailable('database_unavailable', 'La base de données ne répond pas.', 'The database does not answer.');
      }
      return { status: 'ok' as const, database: databaseKind };
    },
  });
}
