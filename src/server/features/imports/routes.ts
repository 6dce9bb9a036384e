import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import { importErrors, importMappingBody, importStatus, importView, uploadImportQuery } from '../../../contracts/imports.ts';
import { problem } from '../../../contracts/common.ts';
import { Invalid, TooLarge } from '../../../domain/errors.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import * as service from './service.ts';

const orgParams = z.object({ orgId: id });
const importParams = orgParams.extend({ importId: id });

/** The file travels as the raw request body: no base64, no multipart, 100,000 lines fit. */
const FILE_TYPES = ['application/octet-stream', 'text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];

export function importRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx;
  // A check or a load under way finishes (or rolls back) before the database closes.
  app.addHook('onClose', async () => service.settleImportJobs());
  // Encapsulated: the raw-body parsers and the large body limit apply to the upload only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: config.importMaxBytes }, (_request, body, done) => done(null, body));
    const mb = Math.round(config.importMaxBytes / (1024 * 1024));
    typed(scope).post('/api/organisations/:orgId/imports', {
      schema: {
        operationId: 'createImport',
        tags: ['imports'],
        security,
        summary: 'Upload a CSV or XLSX file (raw body, application/octet-stream) to import responses into a campaign or activity figures; returns a preview and a suggested mapping',
        params: orgParams,
        querystring: uploadImportQuery,
        response: { 201: importView, ...errorResponses, 413: problem },
      },
      bodyLimit: config.importMaxBytes,
      errorHandler: (error: FastifyError) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          throw new TooLarge('file_too_large', `Le fichier est trop gros : ${mb} Mo au plus. Coupez-le en plusieurs fichiers.`, `The file is too large: ${mb} MB at most. Split it into several files.`);
        }
        throw error;
      },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        if (!Buffer.isBuffer(request.body)) {
          throw new Invalid('file_required', 'Envoyez le fichier lui-même dans le corps de la requête (application/octet-stream).', 'Send the file itself as the request body (application/octet-stream).');
        }
        return reply.status(201).send(await service.createImport(db, config, actor.userId, request.params.orgId, request.query, request.body));
      },
    });
  });

  const r = typed(app);
  const tags = ['imports'];
  const logFailure = (err: unknown) => app.log.error({ err }, 'import job failed');
  r.get('/api/organisations/:orgId/imports/:importId', {
    schema: { operationId: 'getImport', tags, security, params: importParams, response: { 200: importView, ...errorResponses } },
    handler: async (request) => service.getImport(db, requireActor(request).userId, request.params.orgId, request.params.importId),
  });

  r.get('/api/organisations/:orgId/imports/:importId/status', {
    schema: { operationId: 'getImportStatus', tags, security, summary: 'Where the check or the loading is (processed out of total)', params: importParams, response: { 200: importStatus, ...errorResponses } },
    handler: async (request) => service.getImportStatus(db, requireActor(request).userId, request.params.orgId, request.params.importId),
  });

  r.get('/api/organisations/:orgId/imports/:importId/errors', {
    schema: { operationId: 'getImportErrors', tags, security, summary: 'Every line in error, with the column and the reason (French and English)', params: importParams, response: { 200: importErrors, ...errorResponses } },
    handler: async (request) => service.getImportErrors(db, requireActor(request).userId, request.params.orgId, request.params.importId),
  });

  r.post('/api/organisations/:orgId/imports/:importId/validate', {
    schema: {
      operationId: 'validateImport',
      tags,
      security,
      summary: 'Save the mapping (per column: a question id, indicator/period/value, or null) and check every line in the background',
      params: importParams,
      body: importMappingBody,
      response: { 202: importView, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(202).send(await service.validateImport(db, requireActor(request).userId, request.params.orgId, request.params.importId, request.body.mapping, logFailure)),
  });

  r.post('/api/organisations/:orgId/imports/:importId/commit', {
    schema: {
      operationId: 'commitImport',
      tags,
      security,
      summary: 'Load a checked file in one transaction, in the background: every line or none',
      params: importParams,
      response: { 202: importView, ...errorResponses },
    },
    handler: async (request, reply) => reply.status(202).send(await service.commitImport(db, requireActor(request).userId, request.params.orgId, request.params.importId, logFailure)),
  });
}
