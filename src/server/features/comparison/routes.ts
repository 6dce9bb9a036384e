import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import { comparison, comparisonQuery, comparisonTrend, comparisonTrendQuery } from '../../../contracts/comparison.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

export function comparisonRoutes(app: FastifyInstance, { db, config }: AppContext) {
  const source = config.resultsSource;
  const r = typed(app);
  const tags = ['results'];

  r.get('/api/organisations/:orgId/comparison', {
    schema: {
      operationId: 'getOrganisationComparison',
      tags,
      security,
      summary: 'The organisation against the sector for a period: its figure, the collective’s, the members’ quartiles and its rank',
      params: z.object({ orgId: id }),
      querystring: comparisonQuery,
      response: { 200: comparison, ...errorResponses },
    },
    handler: async (request) => service.organisationComparison(db, requireActor(request).userId, request.params.orgId, request.query, source),
  });

  r.get('/api/organisations/:orgId/comparison/trend', {
    schema: {
      operationId: 'getOrganisationComparisonTrend',
      tags,
      security,
      summary: 'One common indicator over every period for the organisation and the sector, series numbered alike so that lines stop at breaks',
      params: z.object({ orgId: id }),
      querystring: comparisonTrendQuery,
      response: { 200: comparisonTrend, ...errorResponses },
    },
    handler: async (request) => service.comparisonTrend(db, requireActor(request).userId, request.params.orgId, request.query, source),
  });
}
