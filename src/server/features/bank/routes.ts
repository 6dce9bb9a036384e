import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addFromBankBody,
  bankEntry,
  bankQuery,
  collectiveBankEntry,
  collectiveBankEntryInput,
  collectiveBankEntryList,
  collectiveBankEntryPatch,
  proposeFromBankBody,
} from '../../../contracts/bank.ts';
import { id, ok } from '../../../contracts/common.ts';
import { ifMatchHeaders, indicator, proposal } from '../../../contracts/frameworks.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { parseIfMatch } from '../../revisions.ts';
import * as service from './service.ts';

export function bankRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['indicator bank'];

  r.get('/api/indicator-bank', {
    schema: {
      operationId: 'listBankEntries',
      tags,
      security,
      summary: 'Search the indicator bank (poverty and exclusion, child protection, ageing well, digital inclusion, cooperation, cross-cutting)',
      description: 'With collectiveId, the collective’s own entries come first (source: collective); the caller must be a member.',
      querystring: bankQuery,
      response: { 200: z.array(bankEntry), ...errorResponses },
    },
    handler: async (request) => service.listEntries(db, requireActor(request).userId, request.query),
  });

  r.post('/api/frameworks/:frameworkId/indicators/from-bank', {
    schema: {
      operationId: 'addIndicatorFromBank',
      tags,
      security,
      summary: 'Add a bank indicator (built-in, or of the framework’s collective) to the framework’s draft in one action',
      params: z.object({ frameworkId: id }),
      body: addFromBankBody,
      response: { 201: indicator, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.addFromBank(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });

  r.post('/api/frameworks/:frameworkId/proposals/from-bank', {
    schema: {
      operationId: 'proposeIndicatorFromBank',
      tags: ['co-construction'],
      security,
      summary: 'Propose a bank indicator (built-in, or of the collective) to the common framework in one action (member contributors)',
      params: z.object({ frameworkId: id }),
      body: proposeFromBankBody,
      response: { 201: proposal, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.proposeFromBank(db, requireActor(request).userId, request.params.frameworkId, request.body)),
  });

  const collectiveParams = z.object({ collectiveId: id });
  const entryParams = collectiveParams.extend({ entryId: id });

  r.get('/api/collectives/:collectiveId/bank-entries', {
    schema: {
      operationId: 'listCollectiveBankEntries',
      tags,
      security,
      summary: 'The collective’s own bank entries (members)',
      params: collectiveParams,
      response: { 200: collectiveBankEntryList, ...errorResponses },
    },
    handler: async (request) => service.listCollectiveEntries(db, requireActor(request).userId, request.params.collectiveId),
  });

  r.post('/api/collectives/:collectiveId/bank-entries', {
    schema: {
      operationId: 'createCollectiveBankEntry',
      tags,
      security,
      summary: 'Add an entry to the collective’s bank (coordinating organisation, admins of steering-committee members)',
      params: collectiveParams,
      body: collectiveBankEntryInput,
      response: { 201: collectiveBankEntry, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createCollectiveEntry(db, requireActor(request).userId, request.params.collectiveId, request.body)),
  });

  r.patch('/api/collectives/:collectiveId/bank-entries/:entryId', {
    schema: {
      operationId: 'updateCollectiveBankEntry',
      tags,
      security,
      summary: 'Change an entry of the collective’s bank (send its revision in If-Match)',
      description: 'With If-Match: "<revision>", a change made by someone else since that revision answers 409 edit_conflict instead of being overwritten.',
      params: entryParams,
      headers: ifMatchHeaders,
      body: collectiveBankEntryPatch,
      response: { 200: collectiveBankEntry, ...errorResponses },
    },
    handler: async (request) =>
      service.updateCollectiveEntry(
        db,
        requireActor(request).userId,
        request.params.collectiveId,
        request.params.entryId,
        request.body,
        parseIfMatch(request.headers['if-match']),
      ),
  });

  r.delete('/api/collectives/:collectiveId/bank-entries/:entryId', {
    schema: {
      operationId: 'deleteCollectiveBankEntry',
      tags,
      security,
      summary: 'Remove an entry from the collective’s bank (indicators already added stay; If-Match: its revision)',
      params: entryParams,
      headers: ifMatchHeaders,
      response: { 200: ok, ...errorResponses },
    },
    handler: async (request) => {
      await service.deleteCollectiveEntry(db, requireActor(request).userId, request.params.collectiveId, request.params.entryId, parseIfMatch(request.headers['if-match']));
      return { ok: true as const };
    },
  });
}
