import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id, ok } from '../../../contracts/common.ts';
import { availableIndicator, framework, indicator, indicatorInput, indicatorPatch, nodeInput, nodePatch, tocNode } from '../../../contracts/frameworks.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { getOrganisation } from '../organisations/service.ts';
import * as service from './service.ts';

const fwParams = z.object({ frameworkId: id });

export function frameworkRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['frameworks'];

  r.get('/api/frameworks/:frameworkId', {
    schema: { operationId: 'getFramework', tags, security, summary: 'A framework with its draft and latest adopted version', params: fwParams, response: { 200: framework, ...errorResponses } },
    handler: async (request) => service.getFramework(db, requireActor(request).userId, request.params.frameworkId),
  });

  r.post('/api/frameworks/:frameworkId/indicators', {
    schema: { operationId: 'createIndicator', tags, security, summary: 'Add an indicator to the framework’s draft', params: fwParams, body: indicatorInput, response: { 201: indicator, ...errorResponses } },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createIndicator(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });

  const indicatorParams = fwParams.extend({ indicatorId: id });
  r.patch('/api/frameworks/:frameworkId/indicators/:indicatorId', {
    schema: { operationId: 'updateIndicator', tags, security, params: indicatorParams, body: indicatorPatch, response: { 200: indicator, ...errorResponses } },
    handler: async (request) =>
      service.updateIndicator(db, requireActor(request).userId, request.params.frameworkId, request.params.indicatorId, request.body),
  });

  r.delete('/api/frameworks/:frameworkId/indicators/:indicatorId', {
    schema: { operationId: 'deleteIndicator', tags, security, params: indicatorParams, response: { 200: ok, ...errorResponses } },
    handler: async (request) => {
      await service.deleteIndicator(db, requireActor(request).userId, request.params.frameworkId, request.params.indicatorId);
      return { ok: true as const };
    },
  });

  r.post('/api/frameworks/:frameworkId/nodes', {
    schema: { operationId: 'createNode', tags, security, summary: 'Add a theory-of-change node to the draft', params: fwParams, body: nodeInput, response: { 201: tocNode, ...errorResponses } },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createNode(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });

  const nodeParams = fwParams.extend({ nodeId: id });
  r.patch('/api/frameworks/:frameworkId/nodes/:nodeId', {
    schema: { operationId: 'updateNode', tags, security, params: nodeParams, body: nodePatch, response: { 200: tocNode, ...errorResponses } },
    handler: async (request) => service.updateNode(db, requireActor(request).userId, request.params.frameworkId, request.params.nodeId, request.body),
  });

  r.delete('/api/frameworks/:frameworkId/nodes/:nodeId', {
    schema: { operationId: 'deleteNode', tags, security, params: nodeParams, response: { 200: ok, ...errorResponses } },
    handler: async (request) => {
      await service.deleteNode(db, requireActor(request).userId, request.params.frameworkId, request.params.nodeId);
      return { ok: true as const };
    },
  });

  r.post('/api/frameworks/:frameworkId/adopt', {
    schema: { operationId: 'adoptFramework', tags, security, summary: 'Adopt the draft: it becomes the version results use', params: fwParams, response: { 200: framework, ...errorResponses } },
    handler: async (request) => service.adoptFramework(db, requireActor(request).userId, request.params.frameworkId),
  });

  r.get('/api/organisations/:orgId/indicators', {
    schema: {
      operationId: 'listIndicators',
      tags,
      security,
      summary: 'Indicators the organisation can collect or report on (common and specific)',
      params: z.object({ orgId: id }),
      response: { 200: z.array(availableIndicator), ...errorResponses },
    },
    handler: async (request) => {
      const org = await getOrganisation(db, requireActor(request).userId, request.params.orgId);
      return service.listAvailableIndicators(db, org.id, org.specificFrameworkId);
    },
  });
}
