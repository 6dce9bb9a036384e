import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addFromBankBody, bankEntry, bankQuery } from '../../../contracts/bank.ts';
import { id } from '../../../contracts/common.ts';
import { indicator } from '../../../contracts/frameworks.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

export function bankRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['indicator bank'];

  r.get('/api/indicator-bank', {
    schema: {
      operationId: 'listBankEntries',
      tags,
      security,
      summary: 'Search the indicator bank (poverty and exclusion, child protection, ageing well, digital inclusion, cooperation, cross-cutting)',
      querystring: bankQuery,
      response: { 200: z.array(bankEntry), ...errorResponses },
    },
    handler: async (request) => {
      requireActor(request);
      return service.listEntries(request.query);
    },
  });

  r.post('/api/frameworks/:frameworkId/indicators/from-bank', {
    schema: {
      operationId: 'addIndicatorFromBank',
      tags,
      security,
      summary: 'Add a bank indicator to the framework’s draft in one action',
      params: z.object({ frameworkId: id }),
      body: addFromBankBody,
      response: { 201: indicator, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.addFromBank(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });
}
