import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { communeCode, id, ok } from '../../../contracts/common.ts';
import { collectiveMap, commune, communeSearchQuery, coverage, mapQuery, site, siteBody, territoryReference, updateSiteBody } from '../../../contracts/territories.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

export function territoryRoutes(app: FastifyInstance, { db, config }: AppContext) {
  const r = typed(app);
  const tags = ['territories'];
  const siteParams = z.object({ orgId: id, siteId: id });

  r.get('/api/territories', {
    schema: { operationId: 'getTerritories', tags, security, summary: 'The 18 régions and 101 départements (INSEE codes and names)', response: { 200: territoryReference, ...errorResponses } },
    handler: async (request) => {
      requireActor(request);
      return service.reference();
    },
  });

  r.get('/api/territories/communes', {
    schema: {
      operationId: 'searchCommunes',
      tags,
      security,
      summary: 'Current communes by name (accents ignored), INSEE code or postal code; at most 20, best first',
      querystring: communeSearchQuery,
      response: { 200: z.array(commune), ...errorResponses },
    },
    handler: async (request) => {
      requireActor(request);
      return service.searchCommunes(request.query);
    },
  });

  r.get('/api/territories/communes/:code', {
    schema: { operationId: 'getCommune', tags, security, params: z.object({ code: communeCode }), response: { 200: commune, ...errorResponses } },
    handler: async (request) => {
      requireActor(request);
      return service.getCommune(request.params.code);
    },
  });

  r.get('/api/organisations/:orgId/sites', {
    schema: { operationId: 'listSites', tags, security, summary: 'The places where the organisation works, each in a commune', params: z.object({ orgId: id }), response: { 200: z.array(site), ...errorResponses } },
    handler: async (request) => service.listSites(db, requireActor(request).userId, request.params.orgId),
  });

  r.post('/api/organisations/:orgId/sites', {
    schema: { operationId: 'createSite', tags, security, summary: 'Add a site (admins); its commune must be a current INSEE commune', params: z.object({ orgId: id }), body: siteBody, response: { 201: site, ...errorResponses } },
    handler: async (request, reply) => reply.status(201).send(await service.createSite(db, requireActor(request).userId, request.params.orgId, request.body)),
  });

  r.patch('/api/organisations/:orgId/sites/:siteId', {
    schema: {
      operationId: 'updateSite',
      tags,
      security,
      summary: 'Rename a site or move it to another commune (admins); answers already kept stay where they were collected',
      params: siteParams,
      body: updateSiteBody,
      response: { 200: site, ...errorResponses },
    },
    handler: async (request) => service.updateSite(db, requireActor(request).userId, request.params.orgId, request.params.siteId, request.body),
  });

  r.delete('/api/organisations/:orgId/sites/:siteId', {
    schema: { operationId: 'deleteSite', tags, security, summary: 'Remove a site (admins); its campaigns go on without one', params: siteParams, response: { 200: ok, ...errorResponses } },
    handler: async (request) => {
      await service.deleteSite(db, requireActor(request).userId, request.params.orgId, request.params.siteId);
      return { ok: true as const };
    },
  });

  r.get('/api/collectives/:collectiveId/map', {
    schema: {
      operationId: 'getCollectiveMap',
      tags,
      security,
      summary: 'One common indicator by département or région for a period, with n and 95% interval; small areas hidden so that none can be recomputed from the totals',
      params: z.object({ collectiveId: id }),
      querystring: mapQuery,
      response: { 200: collectiveMap, ...errorResponses },
    },
    handler: async (request) => service.collectiveMap(db, requireActor(request).userId, request.params.collectiveId, request.query, config.resultsSource),
  });

  r.get('/api/collectives/:collectiveId/coverage', {
    schema: {
      operationId: 'getCollectiveCoverage',
      tags,
      security,
      summary: 'Where the active members act (their commune and their sites), département by département, and where none does',
      params: z.object({ collectiveId: id }),
      response: { 200: coverage, ...errorResponses },
    },
    handler: async (request) => service.collectiveCoverage(db, requireActor(request).userId, request.params.collectiveId),
  });
}
