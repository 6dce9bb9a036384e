import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { breakdown, breakdownQuery, breakdownsAvailable, breakdownsQuery, crossTab, crossTabQuery } from '../../../contracts/breakdowns.ts';
import { id } from '../../../contracts/common.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

export function breakdownRoutes(app: FastifyInstance, { db, config }: AppContext) {
  const source = config.resultsSource;
  const r = typed(app);
  const tags = ['results'];
  const collectiveParams = z.object({ collectiveId: id });
  const orgParams = z.object({ orgId: id });

  r.get('/api/collectives/:collectiveId/breakdowns', {
    schema: {
      operationId: 'listCollectiveBreakdowns',
      tags,
      security,
      summary: 'The breakdowns on offer: common single-choice indicators, with their options',
      params: collectiveParams,
      querystring: breakdownsQuery,
      response: { 200: breakdownsAvailable, ...errorResponses },
    },
    handler: async (request) => service.collectiveBreakdowns(db, requireActor(request).userId, request.params.collectiveId, request.query),
  });

  r.get('/api/organisations/:orgId/breakdowns', {
    schema: {
      operationId: 'listOrganisationBreakdowns',
      tags,
      security,
      summary: 'The breakdowns on offer for the organisation’s figures: single-choice indicators of its frameworks',
      params: orgParams,
      querystring: breakdownsQuery,
      response: { 200: breakdownsAvailable, ...errorResponses },
    },
    handler: async (request) => service.organisationBreakdowns(db, requireActor(request).userId, request.params.orgId, request.query),
  });

  r.get('/api/collectives/:collectiveId/breakdown', {
    schema: {
      operationId: 'getCollectiveBreakdown',
      tags,
      security,
      summary: 'Each indicator of the collective split by the options of one single-choice indicator (by = its code); small cells, and cells that would give them away, hidden',
      params: collectiveParams,
      querystring: breakdownQuery,
      response: { 200: breakdown, ...errorResponses },
    },
    handler: async (request) => service.collectiveBreakdown(db, requireActor(request).userId, request.params.collectiveId, request.query, source),
  });

  r.get('/api/organisations/:orgId/breakdown', {
    schema: {
      operationId: 'getOrganisationBreakdown',
      tags,
      security,
      summary: 'Each indicator of the organisation split by the options of one single-choice indicator (by = frameworkId:code); nothing hidden',
      params: orgParams,
      querystring: breakdownQuery,
      response: { 200: breakdown, ...errorResponses },
    },
    handler: async (request) => service.organisationBreakdown(db, requireActor(request).userId, request.params.orgId, request.query, source),
  });

  r.get('/api/collectives/:collectiveId/crosstab', {
    schema: {
      operationId: 'getCollectiveCrossTab',
      tags,
      security,
      summary: 'One common indicator split by two breakdowns at once, with its margins; protected like the breakdowns',
      params: collectiveParams,
      querystring: crossTabQuery,
      response: { 200: crossTab, ...errorResponses },
    },
    handler: async (request) => service.collectiveCrossTab(db, requireActor(request).userId, request.params.collectiveId, request.query, source),
  });

  r.get('/api/organisations/:orgId/crosstab', {
    schema: {
      operationId: 'getOrganisationCrossTab',
      tags,
      security,
      summary: 'One indicator of the organisation split by two breakdowns at once, with its margins; nothing hidden',
      params: orgParams,
      querystring: crossTabQuery.extend({ frameworkId: id }),
      response: { 200: crossTab, ...errorResponses },
    },
    handler: async (request) => service.organisationCrossTab(db, requireActor(request).userId, request.params.orgId, request.query, source),
  });
}
