import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import {
  activityFigure,
  campaign,
  createCampaignBody,
  createQuestionnaireBody,
  publicQuestion,
  questionnaire,
  questionnaireRevision,
  fieldQuestionnaire,
  recordActivityFigureBody,
  submitAssistedResponseBody,
  submitResponseBody,
  submitResponseResult,
} from '../../../contracts/collection.ts';
import { problem } from '../../../contracts/common.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { ifMatchHeaders } from '../../../contracts/frameworks.ts';
import { parseIfMatch } from '../frameworks/service.ts';
import * as service from './service.ts';
import { submitAssistedResponse } from '../participation/service.ts';
import { submitPublicResponse } from '../participation/service.ts';

const orgParams = z.object({ orgId: id });

export function collectionRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['collection'];

  r.get('/api/organisations/:orgId/questionnaires', {
    schema: { operationId: 'listQuestionnaires', tags, security, params: orgParams, response: { 200: z.array(questionnaire), ...errorResponses } },
    handler: async (request) => service.listQuestionnaires(db, requireActor(request).userId, request.params.orgId),
  });

  r.post('/api/organisations/:orgId/questionnaires', {
    schema: {
      operationId: 'createQuestionnaire',
      tags,
      security,
      summary: 'Build a questionnaire; questions may be tied to indicators',
      params: orgParams,
      body: createQuestionnaireBody,
      response: { 201: questionnaire, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createQuestionnaire(db, requireActor(request).userId, request.params.orgId, request.body)),
  });

  r.get('/api/organisations/:orgId/questionnaires/:questionnaireId', {
    schema: { operationId: 'getQuestionnaire', tags, security, params: orgParams.extend({ questionnaireId: id }), response: { 200: questionnaire, ...errorResponses } },
    handler: async (request) => service.getQuestionnaire(db, requireActor(request).userId, request.params.orgId, request.params.questionnaireId),
  });

  r.put('/api/organisations/:orgId/questionnaires/:questionnaireId', {
    schema: {
      operationId: 'updateQuestionnaire',
      tags,
      security,
      summary: 'Change a questionnaire: in place while it has no answers, otherwise as a new version (old answers keep their meaning; open campaigns move to it)',
      params: orgParams.extend({ questionnaireId: id }),
      headers: ifMatchHeaders,
      body: createQuestionnaireBody,
      response: { 200: questionnaireRevision, ...errorResponses },
    },
    handler: async (request) =>
      service.updateQuestionnaire(db, requireActor(request).userId, request.params.orgId, request.params.questionnaireId, request.body, parseIfMatch(request.headers['if-match'])),
  });

  r.get('/api/organisations/:orgId/campaigns', {
    schema: { operationId: 'listCampaigns', tags, security, params: orgParams, response: { 200: z.array(campaign), ...errorResponses } },
    handler: async (request) => service.listCampaigns(db, requireActor(request).userId, request.params.orgId),
  });

  r.post('/api/organisations/:orgId/campaigns', {
    schema: {
      operationId: 'createCampaign',
      tags,
      security,
      summary: 'Open a campaign: a questionnaire, a period, the population served and a public link',
      params: orgParams,
      body: createCampaignBody,
      response: { 201: campaign, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createCampaign(db, requireActor(request).userId, request.params.orgId, request.body)),
  });

  r.patch('/api/organisations/:orgId/campaigns/:campaignId', {
    schema: {
      operationId: 'updateCampaign',
      tags,
      security,
      params: orgParams.extend({ campaignId: id }),
      body: z.object({ status: z.enum(['open', 'closed']) }).strict(),
      response: { 200: campaign, ...errorResponses },
    },
    handler: async (request) =>
      service.updateCampaign(db, requireActor(request).userId, request.params.orgId, request.params.campaignId, request.body),
  });

  const slugParams = z.object({ slug: z.string().min(4).max(40).regex(/^[a-z0-9-]+$/) });
  r.get('/api/public/campaigns/:slug', {
    schema: {
      operationId: 'getPublicCampaign',
      tags: ['public'],
      summary: 'What a respondent needs to answer a campaign',
      params: slugParams,
      response: {
        200: z.object({ name: z.string(), organisationName: z.string(), title: z.string(), introFr: z.string(), open: z.boolean(), questions: z.array(publicQuestion), invitationOnly: z.boolean(), pairing: z.enum(['before', 'after']).nullable(), pairingCodeOptional: z.boolean() }),
        404: problem,
      },
    },
    handler: async (request) => {
      const { found, questions } = await service.getPublicCampaign(db, request.params.slug);
      return {
        name: found.campaign.name,
        organisationName: found.organisationName,
        title: found.questionnaire.title,
        introFr: found.questionnaire.introFr,
        open: found.campaign.status === 'open',
        questions: questions.map(service.presentQuestion),
        invitationOnly: found.campaign.invitationOnly,
        pairing: found.campaign.pairing,
        pairingCodeOptional: found.campaign.pairingCodeOptional,
      };
    },
  });

  r.post('/api/public/campaigns/:slug/responses', {
    schema: {
      operationId: 'submitResponse',
      tags: ['public'],
      summary: 'Submit one anonymous response; the same clientId twice stores one response',
      params: slugParams,
      body: submitResponseBody,
      response: { 201: submitResponseResult, 200: submitResponseResult, 400: problem, 403: problem, 404: problem, 409: problem, 413: problem, 429: problem },
    },
    bodyLimit: 256 * 1024,
    handler: async (request, reply) => {
      const { invitationToken, pairingCode, ...rest } = request.body;
      const result = await submitPublicResponse(db, request.params.slug, { ...rest, invitationToken, pairingCode }, 'api');
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  });

  r.get('/api/organisations/:orgId/campaigns/:campaignId/field', {
    schema: {
      operationId: 'getFieldQuestionnaire',
      tags,
      security,
      summary: 'The questionnaire of a campaign for field collection (contributors); the web app keeps it for offline use',
      params: orgParams.extend({ campaignId: id }),
      response: { 200: fieldQuestionnaire, ...errorResponses },
    },
    handler: async (request, reply) => {
      // The service worker keeps its own copy for offline use; the browser's HTTP cache does not.
      reply.header('cache-control', 'private, no-cache');
      return service.getFieldQuestionnaire(db, requireActor(request).userId, request.params.orgId, request.params.campaignId);
    },
  });

  r.post('/api/organisations/:orgId/campaigns/:campaignId/responses', {
    schema: {
      operationId: 'submitAssistedResponse',
      tags,
      security,
      summary:
        'Enter a response as a field worker (paper form or together with the person): same checks as a public submission, marked as assisted; the same clientId twice stores one response',
      params: orgParams.extend({ campaignId: id }),
      body: submitAssistedResponseBody,
      response: { 201: submitResponseResult, 200: submitResponseResult, ...errorResponses, 413: problem },
    },
    bodyLimit: 256 * 1024,
    handler: async (request, reply) => {
      const result = await submitAssistedResponse(db, requireActor(request).userId, request.params.orgId, request.params.campaignId, request.body);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  });

  r.get('/api/organisations/:orgId/activity-figures', {
    schema: { operationId: 'listActivityFigures', tags, security, params: orgParams, response: { 200: z.array(activityFigure), ...errorResponses } },
    handler: async (request) => service.listActivityFigures(db, requireActor(request).userId, request.params.orgId),
  });

  r.put('/api/organisations/:orgId/activity-figures', {
    schema: {
      operationId: 'recordActivityFigure',
      tags,
      security,
      summary: 'Record (or correct) an activity figure for an indicator and a period',
      params: orgParams,
      body: recordActivityFigureBody,
      response: { 200: activityFigure, ...errorResponses },
    },
    handler: async (request) => service.recordActivityFigure(db, requireActor(request).userId, request.params.orgId, request.body),
  });
}
