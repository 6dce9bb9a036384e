import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import { correctResponseBody, responsePage, responsesQuery } from '../../../contracts/responses.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

export function responseRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['responses'];

  r.get('/api/organisations/:orgId/campaigns/:campaignId/responses', {
    schema: {
      operationId: 'listCampaignResponses',
      tags,
      security,
      summary: 'A campaign’s responses with their answers, newest first (admins)',
      params: z.object({ orgId: id, campaignId: id }),
      querystring: responsesQuery,
      response: { 200: responsePage, ...errorResponses },
    },
    handler: async (request) => service.listCampaignResponses(db, requireActor(request).userId, request.params.orgId, request.params.campaignId, request.query),
  });

  r.put('/api/organisations/:orgId/responses/:responseId', {
    schema: {
      operationId: 'correctResponse',
      tags,
      security,
      summary: 'Replace a response’s answers, checked as a submission; figures follow in the same transaction (admins)',
      params: z.object({ orgId: id, responseId: id }),
      body: correctResponseBody,
      response: { 204: z.null(), ...errorResponses },
    },
    bodyLimit: 256 * 1024,
    handler: async (request, reply) => {
      await service.correctResponse(db, requireActor(request).userId, request.params.orgId, request.params.responseId, request.body);
      return reply.status(204).send(null);
    },
  });

  r.delete('/api/organisations/:orgId/responses/:responseId', {
    schema: {
      operationId: 'deleteResponse',
      tags,
      security,
      summary: 'Delete a response and its answers; figures follow in the same transaction (admins)',
      params: z.object({ orgId: id, responseId: id }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await service.deleteResponse(db, requireActor(request).userId, request.params.orgId, request.params.responseId);
      return reply.status(204).send(null);
    },
  });
}
