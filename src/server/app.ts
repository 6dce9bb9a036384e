import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/connect.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { authRoutes } from './features/auth/routes.ts';
import { bankRoutes } from './features/bank/routes.ts';
import { breakdownRoutes } from './features/breakdowns/routes.ts';
import { collectionRoutes } from './features/collection/routes.ts';
import { collectiveRoutes } from './features/collectives/routes.ts';
import { crosswalkRoutes } from './features/crosswalks/routes.ts';
import { firstStepsRoutes } from './features/first-steps/routes.ts';
import { frameworkRoutes } from './features/frameworks/routes.ts';
import { frameworkExportRoutes } from './features/frameworks/export/routes.ts';
import { followupRoutes } from './features/followup/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { importRoutes } from './features/imports/routes.ts';
import { responseRoutes } from './features/responses/routes.ts';
import { organisationRoutes } from './features/organisations/routes.ts';
import { respondentRoutes } from './features/respondent/routes.ts';
import { participationRoutes } from './features/participation/routes.ts';
import { registerPublicRateLimits } from './plugins/public-rate-limit.ts';
import { resultRoutes } from './features/results/routes.ts';
import { comparisonRoutes } from './features/comparison/routes.ts';
import { territoryRoutes } from './features/territories/routes.ts';
import { xlsFormRoutes } from './features/xlsform/routes.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean;
}

/**
 * Plugins load in a fixed order: outside plugins, then our own (errors, auth), then the
 * feature routes, then the web app's files.
 */
export async function buildApp({ config, database, logger = false }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          // Invitation secrets travel in paths: keep them out of the logs.
          serializers: {
            req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.replace(/\/invitations\/[^/?]+/, '/invitations/…').replace(/([?&]t=)[^&]+/, '$1…') }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    // A number of proxies in front: trust that many hops of X-Forwarded-For.
    trustProxy: typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    // Long ids reach validation (a clear 400) instead of the router's bare 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  });
  // An empty JSON body (a POST with a content type and nothing else, as many clients send)
  // counts as no body rather than an error; anything else goes through Fastify's safe parser.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void defaultJson(request, text, done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  // Pages and data travel compressed to browsers that ask for it: on an old phone with a weak
  // signal, the respondent page arrives in a few kilobytes.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Socle API',
        description:
          'Mesure d’impact social collective / collective social impact measurement. Errors are application/problem+json with a stable `code`.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'socle_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (socle_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', reply.getHeader('referrer-policy') ?? 'same-origin');
    if (!reply.getHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    return payload;
  });

  const hasWeb = existsSync(join(config.webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      setHeaders: (reply, path) => {
        const name = basename(path);
        // The service worker must be checked for updates on every visit, and may control the whole site.
        if (name === 'sw.js') {
          reply.header('cache-control', 'no-cache');
          reply.header('service-worker-allowed', '/');
        }
        if (name === 'manifest.webmanifest') reply.header('content-type', 'application/manifest+json; charset=utf-8');
        if (name === 'index.html') reply.header('cache-control', 'no-cache');
      },
    });
  }
  registerErrorHandling(app, { spaFallback: hasWeb });
  const publicLimits = registerPublicRateLimits(app, config);
  const ctx: AppContext = { db: database.db, databaseKind: database.kind, config, publicLimits };
  registerAuth(app, ctx.db, config);
  for (const routes of [healthRoutes, authRoutes, organisationRoutes, collectiveRoutes, frameworkRoutes, frameworkExportRoutes, bankRoutes, collectionRoutes, resultRoutes, respondentRoutes]) {
    routes(app, ctx);
  }
  xlsFormRoutes(app, ctx);
  crosswalkRoutes(app, ctx);
  firstStepsRoutes(app, ctx);
  followupRoutes(app, ctx);
  participationRoutes(app, ctx);
  importRoutes(app, ctx);
  responseRoutes(app, ctx);
  comparisonRoutes(app, ctx);
  breakdownRoutes(app, ctx);
  territoryRoutes(app, ctx);

  return app;
}
