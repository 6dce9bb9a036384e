import { publicBase } from '../../public-base.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import { campaignInvitation, createdInvitations, createInvitationsBody, pairedChangeResult, remindedInvitations } from '../../../contracts/participation.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { createMailer } from '../../mailer.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

const campaignParams = z.object({ orgId: id, campaignId: id });

/** Invitations (one-time links) and before/after change, for the organisation. */
export function participationRoutes(app: FastifyInstance, { db, config }: AppContext) {
  const r = typed(app);
  const tags = ['collection'];
  const mailer = createMailer(config);
  const base = '/api/organisations/:orgId/campaigns/:campaignId';

  r.get(`${base}/invitations`, {
    schema: { operationId: 'listCampaignInvitations', tags, security, summary: 'Invitations of a campaign: address, sent and reminded dates, answered or not', params: campaignParams, response: { 200: z.array(campaignInvitation), ...errorResponses } },
    handler: async (request) => service.listInvitations(db, publicBase(config, request), requireActor(request).userId, request.params.orgId, request.params.campaignId),
  });

  r.post(`${base}/invitations`, {
    schema: {
      operationId: 'createCampaignInvitations',
      tags,
      security,
      summary: 'Invite a pasted list of addresses: one one-time link each, e-mailed when SMTP is configured, otherwise returned for copying',
      params: campaignParams,
      body: createInvitationsBody,
      response: { 201: createdInvitations, ...errorResponses },
    },
    bodyLimit: 256 * 1024,
    handler: async (request, reply) =>
      reply.status(201).send(await service.createInvitations(db, mailer, publicBase(config, request), requireActor(request).userId, request.params.orgId, request.params.campaignId, request.body)),
  });

  r.post(`${base}/invitations/remind`, {
    schema: { operationId: 'remindCampaignInvitations', tags, security, summary: 'Remind everyone invited who has not answered (records when)', params: campaignParams, response: { 200: remindedInvitations, ...errorResponses } },
    handler: async (request) => service.remindInvitations(db, mailer, publicBase(config, request), requireActor(request).userId, request.params.orgId, request.params.campaignId),
  });

  r.post(`${base}/invitations/:invitationId/revoke`, {
    schema: { operationId: 'revokeCampaignInvitation', tags, security, summary: 'Withdraw an invitation not yet used: its link stops working', params: campaignParams.extend({ invitationId: id }), response: { 200: campaignInvitation, ...errorResponses } },
    handler: async (request) =>
      service.revokeInvitation(db, publicBase(config, request), requireActor(request).userId, request.params.orgId, request.params.campaignId, request.params.invitationId),
  });

  r.get(`${base}/paired-change`, {
    schema: {
      operationId: 'getPairedChange',
      tags: ['results'],
      security,
      summary: 'Before/after change per indicator, over the people who answered both campaigns with the same code',
      params: campaignParams,
      response: { 200: pairedChangeResult, ...errorResponses },
    },
    handler: async (request) => service.getPairedChange(db, requireActor(request).userId, request.params.orgId, request.params.campaignId),
  });
}
