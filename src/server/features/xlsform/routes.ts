import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../contracts/common.ts';
import { importXlsFormQuery, xlsFormImport } from '../../../contracts/xlsform.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { createLimiter } from '../../plugins/rate-limit.ts';
import { problem } from '../../../contracts/common.ts';
import { importXlsForm } from './service.ts';
import { notXlsx } from './workbook.ts';

export const XLSFORM_MAX_BYTES = 5 * 1024 * 1024;

export function xlsFormRoutes(app: FastifyInstance, { db }: AppContext) {
  // Reading a workbook costs memory and time: a few per minute and person is plenty.
  const limiter = createLimiter({ max: 20, windowMs: 60_000 });
  // The file travels as the raw body; the parser is scoped to this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      { parseAs: 'buffer', bodyLimit: XLSFORM_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    typed(scope).post('/api/organisations/:orgId/questionnaires/import-xlsform', {
      schema: {
        operationId: 'importXlsForm',
        tags: ['collection'],
        security,
        summary: 'Read an XLSForm (.xlsx from KoboToolbox or ODK): preview the questionnaire it makes and what cannot be carried over; with save=true, create it',
        description: 'Send the .xlsx file as the body (application/octet-stream), 5 MB at most.',
        consumes: ['application/octet-stream'],
        params: z.object({ orgId: id }),
        querystring: importXlsFormQuery,
        response: { 200: xlsFormImport, 201: xlsFormImport, ...errorResponses, 413: problem, 415: problem, 429: problem },
      },
      bodyLimit: XLSFORM_MAX_BYTES,
      handler: async (request, reply) => {
        const actor = requireActor(request);
        limiter.hit(actor.userId);
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw notXlsx();
        const save = request.query.save === 'true';
        const result = await importXlsForm(db, actor.userId, request.params.orgId, body, { save, filename: request.query.filename });
        return reply.status(save ? 201 : 200).send(result);
      },
    });
  });
}
