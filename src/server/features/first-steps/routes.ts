import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import { applyTemplateResult, firstSteps, saveFirstStepsBody } from '../../../contracts/first-steps.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

const params = z.object({ orgId: id });

export function firstStepsRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['first steps'];

  r.get('/api/organisations/:orgId/first-steps', {
    schema: {
      operationId: 'getFirstSteps',
      tags,
      security,
      summary: 'The organisation’s first-steps path (mission grid, stakeholder map, collection plan), what each step lacks and suggested bank indicators',
      params,
      response: { 200: firstSteps, ...errorResponses },
    },
    handler: async (request) => service.getFirstSteps(db, requireActor(request).userId, request.params.orgId),
  });

  r.put('/api/organisations/:orgId/first-steps', {
    schema: {
      operationId: 'saveFirstSteps',
      tags,
      security,
      summary: 'Save the first-steps path over the revision read (409 when someone saved in between)',
      params,
      body: saveFirstStepsBody,
      response: { 200: firstSteps, ...errorResponses },
    },
    handler: async (request) => service.saveFirstSteps(db, requireActor(request).userId, request.params.orgId, request.body),
  });

  r.post('/api/organisations/:orgId/first-steps/apply-template', {
    schema: {
      operationId: 'applyFirstStepsTemplate',
      tags,
      security,
      summary: 'Write the theory of change the grid and the map give into the specific framework’s draft (nodes already there are kept)',
      params,
      response: { 200: applyTemplateResult, ...errorResponses },
    },
    handler: async (request) => service.applyTemplate(db, requireActor(request).userId, request.params.orgId),
  });
}
