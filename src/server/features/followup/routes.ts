import { publicBase } from '../../public-base.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { id, problem } from '../../../contracts/common.ts';
import { binaryFile, campaignCounter, paperQuery } from '../../../contracts/followup.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { createLimiter } from '../../plugins/rate-limit.ts';
import * as service from './service.ts';

const campaignParams = z.object({ orgId: id, campaignId: id });

const file = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: binaryFile } },
});

function sendFile(reply: FastifyReply, f: service.DownloadFile) {
  return reply
    .type(f.contentType)
    .header('content-disposition', `attachment; filename="${f.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(f.body);
}

export function followupRoutes(app: FastifyInstance, { db, config }: AppContext) {
  const r = typed(app);
  const tags = ['collection'];
  // A PDF takes some work to draw: a person gets plenty for printing, not a flood.
  const paperLimiter = createLimiter({ max: 60, windowMs: 10 * 60_000 });

  // The same QR code in two formats: SVG to print at any size, PNG for documents and messages.
  const qrCodes = [
    {
      format: 'svg',
      operationId: 'getCampaignQrSvg',
      summary: 'as SVG (a download)',
      contentType: 'image/svg+xml',
      description: 'The QR code (SVG)',
    },
    {
      format: 'png',
      operationId: 'getCampaignQrPng',
      summary: 'as a 1024-pixel PNG (a download)',
      contentType: 'image/png',
      description: 'The QR code (PNG)',
    },
  ] as const;
  for (const qr of qrCodes) {
    r.get(`/api/organisations/:orgId/campaigns/:campaignId/qr.${qr.format}`, {
      schema: {
        operationId: qr.operationId,
        tags,
        security,
        summary: `QR code of the campaign’s public link, ${qr.summary}`,
        params: campaignParams,
        response: { 200: file(qr.contentType, qr.description), ...errorResponses },
      },
      handler: async (request, reply) =>
        sendFile(
          reply,
          await service.campaignQr(
            db,
            requireActor(request).userId,
            request.params.orgId,
            request.params.campaignId,
            publicBase(config, request),
            qr.format,
          ),
        ),
    });
  }

  r.get('/api/organisations/:orgId/campaigns/:campaignId/paper.pdf', {
    schema: {
      operationId: 'getCampaignPaper',
      tags,
      security,
      summary:
        'Paper version of the campaign’s questionnaire, to print (PDF, A4), with its QR code and link',
      description:
        'French by default; lang=en uses the English labels where the questionnaire has them.',
      params: campaignParams,
      querystring: paperQuery,
      response: {
        200: file('application/pdf', 'The questionnaire (PDF)'),
        ...errorResponses,
        429: problem,
      },
    },
    handler: async (request, reply) => {
      const { userId } = requireActor(request);
      paperLimiter.hit(userId);
      return sendFile(
        reply,
        await service.campaignPaper(
          db,
          userId,
          request.params.orgId,
          request.params.campaignId,
          publicBase(config, request),
          request.query.lang,
        ),
      );
    },
  });

  r.get('/api/organisations/:orgId/campaigns/:campaignId/counter', {
    schema: {
      operationId: 'getCampaignCounter',
      tags,
      security,
      summary:
        'Answers so far against the population served, margin of error at 95 % and answers still needed for ±3, ±5 and ±10 points',
      params: campaignParams,
      response: { 200: campaignCounter, ...errorResponses },
    },
    handler: async (request) =>
      service.campaignCounter(
        db,
        requireActor(request).userId,
        request.params.orgId,
        request.params.campaignId,
      ),
  });
}
