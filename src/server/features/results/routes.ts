import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import { collectiveResultsQuery, results, resultsQuery, trend, trendQuery } from '../../../contracts/results.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

export function resultRoutes(app: FastifyInstance, { db, config }: AppContext) {
  const source = config.resultsSource;
  const r = typed(app);
  const tags = ['results'];

  r.get('/api/organisations/:orgId/results', {
    schema: {
      operationId: 'getOrganisationResults',
      tags,
      security,
      summary: 'Each indicator’s value for the organisation and a period, with n and 95% interval',
      params: z.object({ orgId: id }),
      querystring: resultsQuery,
      response: { 200: results, ...errorResponses },
    },
    handler: async (request) => service.organisationResults(db, requireActor(request).userId, request.params.orgId, request.query, source),
  });

  r.get('/api/collectives/:collectiveId/results', {
    schema: {
      operationId: 'getCollectiveResults',
      tags,
      security,
      summary: 'The collective’s pooled figures for a period (within one of its départements or régions with `territory`); cells under the threshold are suppressed',
      params: z.object({ collectiveId: id }),
      querystring: collectiveResultsQuery,
      response: { 200: results, ...errorResponses },
    },
    handler: async (request) => service.collectiveResults(db, requireActor(request).userId, request.params.collectiveId, request.query, source),
  });

  r.get('/api/organisations/:orgId/trend', {
    schema: {
      operationId: 'getOrganisationTrend',
      tags,
      security,
      summary: 'One indicator over every period for the organisation, one series per definition (breaks never pooled)',
      params: z.object({ orgId: id }),
      querystring: trendQuery.extend({ frameworkId: id }),
      response: { 200: trend, ...errorResponses },
    },
    handler: async (request) => service.organisationTrend(db, requireActor(request).userId, request.params.orgId, request.query, source),
  });

  r.get('/api/collectives/:collectiveId/trend', {
    schema: {
      operationId: 'getCollectiveTrend',
      tags,
      security,
      summary: 'One common indicator over every period for the collective, one series per definition; small cells suppressed',
      params: z.object({ collectiveId: id }),
      querystring: trendQuery,
      response: { 200: trend, ...errorResponses },
    },
    handler: async (request) => service.collectiveTrend(db, requireActor(request).userId, request.params.collectiveId, request.query, source),
  });
}
