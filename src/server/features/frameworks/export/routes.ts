import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../../../contracts/common.ts';
import { exportQuery, frameworkExport, type FrameworkExport } from '../../../../contracts/framework-exports.ts';
import { binaryFile } from '../../../../contracts/followup.ts';
import { framework, ifMatchHeaders } from '../../../../contracts/frameworks.ts';
import { errorResponses, security, typed, type AppContext } from '../../../context.ts';
import { requireActor } from '../../../plugins/auth.ts';
import { parseIfMatch } from '../service.ts';
import * as service from './service.ts';

const fwParams = z.object({ frameworkId: id });

export function frameworkExportRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = typed(app);
  const tags = ['frameworks'];

  r.get('/api/frameworks/:frameworkId/export', {
    schema: {
      operationId: 'exportFramework',
      tags,
      security,
      summary: 'Export a version of the framework as JSON (socle-framework v1, re-importable), Word (.docx) or Excel (.xlsx)',
      description:
        'Default version: the latest adopted one, else the draft. With format=docx or xlsx the body is the file itself; with format=json it is the document described here.',
      params: fwParams,
      querystring: exportQuery,
      response: {
        // One status, three bodies: the client asks for one with `format`.
        200: {
          description: 'The framework: the socle-framework JSON document, or the Word or Excel file (a download)',
          content: {
            'application/json': { schema: frameworkExport },
            [service.contentTypes.docx]: { schema: binaryFile },
            [service.contentTypes.xlsx]: { schema: binaryFile },
          },
        },
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const file = await service.exportFramework(db, requireActor(request).userId, request.params.frameworkId, request.query);
      void reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store');
      // A Buffer is sent as it is (Fastify does not serialise it); the JSON document goes
      // through the response schema.
      return reply.send(file.body as FrameworkExport);
    },
  });

  r.post('/api/frameworks/:frameworkId/import', {
    schema: {
      operationId: 'importFramework',
      tags,
      security,
      summary: 'Replace the content of the framework’s draft by a socle-framework JSON document',
      params: fwParams,
      headers: ifMatchHeaders,
      body: frameworkExport,
      response: { 200: framework, ...errorResponses },
    },
    handler: async (request) =>
      service.importFramework(db, requireActor(request).userId, request.params.frameworkId, request.body, parseIfMatch(request.headers['if-match'])),
  });
}
