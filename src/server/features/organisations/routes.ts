import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import {
  createInvitationBody,
  createOrganisationBody,
  invitation,
  invitationPreview,
  organisation,
  organisationMember,
} from '../../../contracts/organisations.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

export const orgParams = z.object({ orgId: id });

export function organisationRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['organisations'];

  r.get('/api/organisations', {
    schema: { operationId: 'listOrganisations', tags, security, summary: 'Organisations the caller belongs to', response: { 200: z.array(organisation), ...errorResponses } },
    handler: async (request) => service.listMyOrganisations(db, requireActor(request).userId),
  });

  r.post('/api/organisations', {
    schema: { operationId: 'createOrganisation', tags, security, summary: 'Create an organisation (the caller becomes its admin)', body: createOrganisationBody, response: { 201: organisation, ...errorResponses } },
    handler: async (request, reply) => reply.status(201).send(await service.createOrganisation(db, requireActor(request).userId, request.body)),
  });

  r.get('/api/organisations/:orgId', {
    schema: { operationId: 'getOrganisation', tags, security, params: orgParams, response: { 200: organisation, ...errorResponses } },
    handler: async (request) => service.getOrganisation(db, requireActor(request).userId, request.params.orgId),
  });

  r.get('/api/organisations/:orgId/members', {
    schema: { operationId: 'listOrganisationMembers', tags, security, params: orgParams, response: { 200: z.array(organisationMember), ...errorResponses } },
    handler: async (request) => service.listMembers(db, requireActor(request).userId, request.params.orgId),
  });

  r.post('/api/organisations/:orgId/invitations', {
    schema: {
      operationId: 'createInvitation',
      tags,
      security,
      summary: 'Create a one-time invitation link to join the organisation with a role',
      params: orgParams,
      body: createInvitationBody,
      response: { 201: invitation, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createInvitation(db, requireActor(request).userId, request.params.orgId, request.body)),
  });

  const tokenParams = z.object({ token: z.string().min(10).max(100) });
  r.get('/api/invitations/:token', {
    schema: { operationId: 'getInvitation', tags, params: tokenParams, response: { 200: invitationPreview, ...errorResponses } },
    handler: async (request) => service.previewInvitation(db, request.params.token),
  });

  r.post('/api/invitations/:token/accept', {
    schema: { operationId: 'acceptInvitation', tags, security, params: tokenParams, response: { 200: organisation, ...errorResponses } },
    handler: async (request) => service.acceptInvitation(db, requireActor(request).userId, request.params.token),
  });
}
