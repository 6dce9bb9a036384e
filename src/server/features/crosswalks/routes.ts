import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id, ok } from '../../../contracts/common.ts';
import { createCrosswalkBody, crosswalk, crosswalkPreview, previewCrosswalkBody, updateCrosswalkBody } from '../../../contracts/crosswalks.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

const orgParams = z.object({ orgId: id });
const crosswalkParams = orgParams.extend({ crosswalkId: id });

export function crosswalkRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['crosswalks'];

  r.get('/api/organisations/:orgId/crosswalks', {
    schema: {
      operationId: 'listCrosswalks',
      tags,
      security,
      summary: 'The organisation’s crosswalks: its own questions mapped onto common indicators',
      params: orgParams,
      response: { 200: z.array(crosswalk), ...errorResponses },
    },
    handler: async (request) => service.listCrosswalks(db, requireActor(request).userId, request.params.orgId),
  });

  r.post('/api/organisations/:orgId/crosswalks', {
    schema: {
      operationId: 'createCrosswalk',
      tags,
      security,
      summary: 'Map one of the organisation’s questions onto a common indicator with a conversion rule',
      params: orgParams,
      body: createCrosswalkBody,
      response: { 201: crosswalk, ...errorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await service.createCrosswalk(db, requireActor(request).userId, request.params.orgId, request.body)),
  });

  r.post('/api/organisations/:orgId/crosswalks/preview', {
    schema: {
      operationId: 'previewCrosswalk',
      tags,
      security,
      summary: 'What a rule makes of the organisation’s existing answers, without saving it',
      params: orgParams,
      body: previewCrosswalkBody,
      response: { 200: crosswalkPreview, ...errorResponses },
    },
    handler: async (request) => service.previewCrosswalk(db, requireActor(request).userId, request.params.orgId, request.body),
  });

  r.put('/api/organisations/:orgId/crosswalks/:crosswalkId', {
    schema: {
      operationId: 'updateCrosswalk',
      tags,
      security,
      summary: 'Change a crosswalk’s rule; the body names the revision it read (409 when stale)',
      params: crosswalkParams,
      body: updateCrosswalkBody,
      response: { 200: crosswalk, ...errorResponses },
    },
    handler: async (request) => service.updateCrosswalk(db, requireActor(request).userId, request.params.orgId, request.params.crosswalkId, request.body),
  });

  r.delete('/api/organisations/:orgId/crosswalks/:crosswalkId', {
    schema: { operationId: 'deleteCrosswalk', tags, security, summary: 'Remove a crosswalk', params: crosswalkParams, response: { 200: ok, ...errorResponses } },
    handler: async (request) => {
      await service.deleteCrosswalk(db, requireActor(request).userId, request.params.orgId, request.params.crosswalkId);
      return { ok: true as const };
    },
  });
}
