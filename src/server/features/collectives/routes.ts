import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import {
  addCollectiveMemberBody,
  collective,
  collectiveDetail,
  collectiveMember,
  createCollectiveBody,
  updateCollectiveBody,
  updateCollectiveMemberBody,
} from '../../../contracts/organisations.ts';
import { ifMatchHeaders } from '../../../contracts/frameworks.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { parseIfMatch } from '../../revisions.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

const collectiveParams = z.object({ collectiveId: id });

export function collectiveRoutes(app: FastifyInstance, { db, config }: AppContext) {
  const r = typed(app);
  const tags = ['collectives'];

  r.get('/api/collectives', {
    schema: { operationId: 'listCollectives', tags, security, summary: 'Collectives the caller’s organisations take part in', response: { 200: z.array(collective), ...errorResponses } },
    handler: async (request) => service.listCollectives(db, requireActor(request).userId),
  });

  r.post('/api/collectives', {
    schema: { operationId: 'createCollective', tags, security, summary: 'Create a collective coordinated by one of the caller’s organisations', body: createCollectiveBody, response: { 201: collective, ...errorResponses } },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createCollective(db, requireActor(request).userId, request.body, config.suppressionThreshold)),
  });

  r.get('/api/collectives/:collectiveId', {
    schema: { operationId: 'getCollective', tags, security, params: collectiveParams, response: { 200: collectiveDetail, ...errorResponses } },
    handler: async (request) => service.getCollective(db, requireActor(request).userId, request.params.collectiveId),
  });

  r.patch('/api/collectives/:collectiveId', {
    schema: {
      operationId: 'updateCollective',
      tags,
      security,
      summary: 'Change the collective’s name, suppression threshold, COPIL decision rule or territory (coordinator admins; If-Match: its revision)',
      description: 'With If-Match: "<revision>", a change made by someone else since that revision answers 409 edit_conflict instead of being overwritten.',
      params: collectiveParams,
      headers: ifMatchHeaders,
      body: updateCollectiveBody,
      response: { 200: collectiveDetail, ...errorResponses },
    },
    handler: async (request) =>
      service.updateCollective(db, requireActor(request).userId, request.params.collectiveId, request.body, parseIfMatch(request.headers['if-match'])),
  });

  r.post('/api/collectives/:collectiveId/members', {
    schema: {
      operationId: 'addCollectiveMember',
      tags,
      security,
      summary: 'Invite an organisation (by its identifier) into the collective; its admins accept',
      params: collectiveParams,
      body: addCollectiveMemberBody,
      response: { 201: collectiveMember, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.addMember(db, requireActor(request).userId, request.params.collectiveId, request.body)),
  });

  r.patch('/api/collectives/:collectiveId/members/:orgId', {
    schema: {
      operationId: 'updateCollectiveMember',
      tags,
      security,
      summary: 'Mark or unmark a member as part of the steering committee (COPIL)',
      params: collectiveParams.extend({ orgId: id }),
      body: updateCollectiveMemberBody,
      response: { 200: collectiveMember, ...errorResponses },
    },
    handler: async (request) =>
      service.updateMember(db, requireActor(request).userId, request.params.collectiveId, request.params.orgId, request.body),
  });

  r.get('/api/organisations/:orgId/collective-invitations', {
    schema: {
      operationId: 'listCollectiveInvitations',
      tags,
      security,
      params: z.object({ orgId: id }),
      response: { 200: z.array(z.object({ collectiveId: id, name: z.string(), coordinatorName: z.string(), copil: z.boolean() })), ...errorResponses },
    },
    handler: async (request) => service.listInvitations(db, requireActor(request).userId, request.params.orgId),
  });

  r.post('/api/organisations/:orgId/collective-invitations/:collectiveId/accept', {
    schema: {
      operationId: 'acceptCollectiveMembership',
      tags,
      security,
      params: z.object({ orgId: id, collectiveId: id }),
      response: { 200: collective, ...errorResponses },
    },
    handler: async (request) =>
      service.acceptMembership(db, requireActor(request).userId, request.params.orgId, request.params.collectiveId),
  });
}
