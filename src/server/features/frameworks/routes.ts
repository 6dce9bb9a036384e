import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id, ok } from '../../../contracts/common.ts';
import {
  adoption,
  adoptVersionBody,
  auditEvent,
  availableIndicator,
  ballotInput,
  comment,
  commentInput,
  decideProposalBody,
  diffQuery,
  framework,
  frameworkVersion,
  ifMatchHeaders,
  indicator,
  indicatorInput,
  indicatorPatch,
  nodeInput,
  nodePatch,
  proposal,
  proposalInput,
  tocNode,
  versionDiff,
  voteState,
} from '../../../contracts/frameworks.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { getOrganisation } from '../organisations/service.ts';
import * as service from './service.ts';

const fwParams = z.object({ frameworkId: id });

export function frameworkRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['frameworks'];

  r.get('/api/frameworks/:frameworkId', {
    schema: { operationId: 'getFramework', tags, security, summary: 'A framework with its draft and latest adopted version', params: fwParams, response: { 200: framework, ...errorResponses } },
    handler: async (request) => service.getFramework(db, requireActor(request).userId, request.params.frameworkId),
  });

  r.post('/api/frameworks/:frameworkId/indicators', {
    schema: { operationId: 'createIndicator', tags, security, summary: 'Add an indicator to the framework’s draft', params: fwParams, body: indicatorInput, response: { 201: indicator, ...errorResponses } },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createIndicator(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });

  const indicatorParams = fwParams.extend({ indicatorId: id });
  r.patch('/api/frameworks/:frameworkId/indicators/:indicatorId', {
    schema: { operationId: 'updateIndicator', tags, security, summary: 'Change an indicator in the draft (send its revision in If-Match)', params: indicatorParams, headers: ifMatchHeaders, body: indicatorPatch, response: { 200: indicator, ...errorResponses } },
    handler: async (request) =>
      service.updateIndicator(db, requireActor(request).userId, request.params.frameworkId, request.params.indicatorId, request.body, service.parseIfMatch(request.headers['if-match'])),
  });

  r.delete('/api/frameworks/:frameworkId/indicators/:indicatorId', {
    schema: { operationId: 'deleteIndicator', tags, security, summary: 'Remove an indicator from the draft', params: indicatorParams, headers: ifMatchHeaders, response: { 200: ok, ...errorResponses } },
    handler: async (request) => {
      await service.deleteIndicator(db, requireActor(request).userId, request.params.frameworkId, request.params.indicatorId, service.parseIfMatch(request.headers['if-match']));
      return { ok: true as const };
    },
  });

  r.post('/api/frameworks/:frameworkId/nodes', {
    schema: { operationId: 'createNode', tags, security, summary: 'Add a theory-of-change node to the draft', params: fwParams, body: nodeInput, response: { 201: tocNode, ...errorResponses } },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createNode(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });

  const nodeParams = fwParams.extend({ nodeId: id });
  r.patch('/api/frameworks/:frameworkId/nodes/:nodeId', {
    schema: { operationId: 'updateNode', tags, security, summary: 'Change a theory-of-change node in the draft (send its revision in If-Match)', params: nodeParams, headers: ifMatchHeaders, body: nodePatch, response: { 200: tocNode, ...errorResponses } },
    handler: async (request) =>
      service.updateNode(db, requireActor(request).userId, request.params.frameworkId, request.params.nodeId, request.body, service.parseIfMatch(request.headers['if-match'])),
  });

  r.delete('/api/frameworks/:frameworkId/nodes/:nodeId', {
    schema: { operationId: 'deleteNode', tags, security, summary: 'Remove a node from the draft', params: nodeParams, headers: ifMatchHeaders, response: { 200: ok, ...errorResponses } },
    handler: async (request) => {
      await service.deleteNode(db, requireActor(request).userId, request.params.frameworkId, request.params.nodeId, service.parseIfMatch(request.headers['if-match']));
      return { ok: true as const };
    },
  });

  r.post('/api/frameworks/:frameworkId/adopt', {
    schema: {
      operationId: 'adoptFramework',
      tags,
      security,
      summary: 'Adopt the draft at once: an organisation’s own framework, or a common one whose COPIL is the coordinator alone (otherwise a vote is needed)',
      params: fwParams,
      headers: ifMatchHeaders,
      response: { 200: framework, ...errorResponses },
    },
    handler: async (request) => service.adoptFramework(db, requireActor(request).userId, request.params.frameworkId, service.parseIfMatch(request.headers['if-match'])),
  });

  const versionParams = fwParams.extend({ versionId: id });
  r.get('/api/frameworks/:frameworkId/versions/:versionId', {
    schema: { operationId: 'getFrameworkVersion', tags, security, summary: 'One version of a framework with its nodes and indicators', params: versionParams, response: { 200: frameworkVersion, ...errorResponses } },
    handler: async (request) => service.getVersion(db, requireActor(request).userId, request.params.frameworkId, request.params.versionId),
  });

  r.post('/api/frameworks/:frameworkId/versions/:versionId/retire', {
    schema: { operationId: 'retireFrameworkVersion', tags, security, summary: 'Retire an adopted version older than the latest: organisations can no longer choose it', params: versionParams, response: { 200: framework, ...errorResponses } },
    handler: async (request) => service.retireVersion(db, requireActor(request).userId, request.params.frameworkId, request.params.versionId),
  });

  r.get('/api/frameworks/:frameworkId/diff', {
    schema: {
      operationId: 'diffFrameworkVersions',
      tags,
      security,
      summary: 'What changed between two versions (default: the latest adopted against the open one), with series breaks',
      params: fwParams,
      querystring: diffQuery,
      response: { 200: versionDiff, ...errorResponses },
    },
    handler: async (request) => service.diffFrameworkVersions(db, requireActor(request).userId, request.params.frameworkId, request.query),
  });

  r.get('/api/frameworks/:frameworkId/audit', {
    schema: {
      operationId: 'listFrameworkAudit',
      tags,
      security,
      summary: 'Every change and decision on the framework: who, when, what (newest first)',
      params: fwParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.array(auditEvent), ...errorResponses },
    },
    handler: async (request) => service.listAudit(db, requireActor(request).userId, request.params.frameworkId, request.query.limit),
  });

  r.get('/api/organisations/:orgId/audit', {
    schema: {
      operationId: 'listOrganisationAudit',
      tags,
      security,
      summary: 'The organisation’s own trail: its crosswalks’ changes, and its proposals, ballots and adoptions (members; newest first)',
      description: 'Crosswalks are seen by the organisation only, so their changes are in this trail rather than in the common framework’s.',
      params: z.object({ orgId: id }),
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.array(auditEvent), ...errorResponses },
    },
    handler: async (request) => service.listOrganisationAudit(db, requireActor(request).userId, request.params.orgId, request.query.limit),
  });

  // ——— Co-construction of a common framework ———
  const coTags = ['co-construction'];
  r.get('/api/frameworks/:frameworkId/proposals', {
    schema: { operationId: 'listProposals', tags: coTags, security, summary: 'Changes members proposed to the common framework, newest first', params: fwParams, response: { 200: z.array(proposal), ...errorResponses } },
    handler: async (request) => service.listProposals(db, requireActor(request).userId, request.params.frameworkId),
  });

  r.post('/api/frameworks/:frameworkId/proposals', {
    schema: {
      operationId: 'createProposal',
      tags: coTags,
      security,
      summary: 'Propose adding, changing or removing an indicator or a node (contributors of member organisations)',
      params: fwParams,
      body: proposalInput,
      response: { 201: proposal, ...errorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await service.createProposal(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });

  const proposalParams = fwParams.extend({ proposalId: id });
  r.post('/api/frameworks/:frameworkId/proposals/:proposalId/decision', {
    schema: {
      operationId: 'decideProposal',
      tags: coTags,
      security,
      summary: 'Accept (apply to the draft) or reject a proposal (coordinators)',
      params: proposalParams,
      body: decideProposalBody,
      response: { 200: proposal, ...errorResponses },
    },
    handler: async (request) => service.decideProposal(db, requireActor(request).userId, request.params.frameworkId, request.params.proposalId, request.body),
  });

  r.post('/api/frameworks/:frameworkId/proposals/:proposalId/withdraw', {
    schema: { operationId: 'withdrawProposal', tags: coTags, security, summary: 'Withdraw one’s own open proposal', params: proposalParams, response: { 200: proposal, ...errorResponses } },
    handler: async (request) => service.withdrawProposal(db, requireActor(request).userId, request.params.frameworkId, request.params.proposalId),
  });

  r.get('/api/frameworks/:frameworkId/comments', {
    schema: {
      operationId: 'listComments',
      tags: coTags,
      security,
      summary: 'A discussion thread: of a proposal, or the framework’s general one',
      params: fwParams,
      querystring: z.object({ proposalId: id.optional() }),
      response: { 200: z.array(comment), ...errorResponses },
    },
    handler: async (request) => service.listComments(db, requireActor(request).userId, request.params.frameworkId, request.query.proposalId ?? null),
  });

  r.post('/api/frameworks/:frameworkId/comments', {
    schema: { operationId: 'createComment', tags: coTags, security, summary: 'Comment in a thread', params: fwParams, body: commentInput, response: { 201: comment, ...errorResponses } },
    handler: async (request, reply) => reply.status(201).send(await service.createComment(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });

  r.get('/api/frameworks/:frameworkId/vote', {
    schema: { operationId: 'getVote', tags: coTags, security, summary: 'The COPIL vote on the open version, or the last one held (null if none)', params: fwParams, response: { 200: voteState.nullable(), ...errorResponses } },
    handler: async (request) => service.getVote(db, requireActor(request).userId, request.params.frameworkId),
  });

  r.post('/api/frameworks/:frameworkId/vote', {
    schema: {
      operationId: 'openVote',
      tags: coTags,
      security,
      summary: 'Put the draft to the COPIL’s vote; it is frozen until the vote closes (coordinators; If-Match: the draft’s revision)',
      params: fwParams,
      headers: ifMatchHeaders,
      response: { 201: voteState, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.openVote(db, requireActor(request).userId, request.params.frameworkId, service.parseIfMatch(request.headers['if-match']))),
  });

  r.post('/api/frameworks/:frameworkId/vote/ballots', {
    schema: { operationId: 'castBallot', tags: coTags, security, summary: 'Vote for, against or abstain, for a COPIL organisation (its admins)', params: fwParams, body: ballotInput, response: { 200: voteState, ...errorResponses } },
    handler: async (request) => service.castBallot(db, requireActor(request).userId, request.params.frameworkId, request.body),
  });

  r.post('/api/frameworks/:frameworkId/vote/close', {
    schema: {
      operationId: 'closeVote',
      tags: coTags,
      security,
      summary: 'Close the vote: the version is adopted if the collective’s rule and quorum are met, otherwise it returns to draft (coordinators)',
      params: fwParams,
      response: { 200: voteState, ...errorResponses },
    },
    handler: async (request) => service.closeVote(db, requireActor(request).userId, request.params.frameworkId),
  });

  r.post('/api/frameworks/:frameworkId/vote/cancel', {
    schema: { operationId: 'cancelVote', tags: coTags, security, summary: 'Cancel the open vote; the version returns to draft (coordinators)', params: fwParams, response: { 200: voteState, ...errorResponses } },
    handler: async (request) => service.closeVote(db, requireActor(request).userId, request.params.frameworkId, true),
  });

  r.get('/api/organisations/:orgId/adoptions', {
    schema: {
      operationId: 'listAdoptions',
      tags,
      security,
      summary: 'For each collective, which adopted version of its common framework the organisation uses',
      params: z.object({ orgId: id }),
      response: { 200: z.array(adoption), ...errorResponses },
    },
    handler: async (request) => {
      const org = await getOrganisation(db, requireActor(request).userId, request.params.orgId);
      return service.listAdoptions(db, org.id);
    },
  });

  r.put('/api/organisations/:orgId/adoptions/:collectiveId', {
    schema: {
      operationId: 'adoptCommonVersion',
      tags,
      security,
      summary: 'Adopt an adopted version of a collective’s common framework (organisation admins)',
      params: z.object({ orgId: id, collectiveId: id }),
      body: adoptVersionBody,
      response: { 200: adoption, ...errorResponses },
    },
    handler: async (request) => service.adoptCommonVersion(db, requireActor(request).userId, request.params.orgId, request.params.collectiveId, request.body.versionId),
  });

  r.get('/api/organisations/:orgId/indicators', {
    schema: {
      operationId: 'listIndicators',
      tags,
      security,
      summary: 'Indicators the organisation can collect or report on (common and specific)',
      params: z.object({ orgId: id }),
      response: { 200: z.array(availableIndicator), ...errorResponses },
    },
    handler: async (request) => {
      const org = await getOrganisation(db, requireActor(request).userId, request.params.orgId);
      return service.listAvailableIndicators(db, org.id, org.specificFrameworkId);
    },
  });
}
