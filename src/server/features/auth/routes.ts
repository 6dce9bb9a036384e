import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiToken, createApiTokenBody, createdApiToken, signInBody, signUpBody, user } from '../../../contracts/auth.ts';
import { id, locale, ok, problem } from '../../../contracts/common.ts';
import { organisation } from '../../../contracts/organisations.ts';
import { errorResponses, security, typed, type AppContext } from '../../context.ts';
import { clearSessionCookie, requireActor, SESSION_COOKIE, SESSION_DAYS, setSessionCookie } from '../../plugins/auth.ts';
import { listMyOrganisations } from '../organisations/service.ts';
import * as service from './service.ts';
import { createLimiter } from '../../plugins/rate-limit.ts';

export function authRoutes(app: FastifyInstance, { db, config }: AppContext) {
  const r = typed(app);
  const tags = ['auth'];
  // Password guessing is slowed per address and account; account creation per address.
  const signInLimiter = createLimiter({ max: config.authAttemptsPerWindow, windowMs: 15 * 60_000 });
  const signUpLimiter = createLimiter({ max: config.authAttemptsPerWindow * 3, windowMs: 15 * 60_000 });

  r.post('/api/auth/sign-up', {
    schema: { operationId: 'signUp', tags, summary: 'Create an account and sign in', body: signUpBody, response: { 201: z.object({ user }), ...errorResponses, 429: problem } },
    handler: async (request, reply) => {
      signUpLimiter.hit(request.ip);
      const created = await service.signUp(db, request.body);
      const session = await service.openSession(db, created.id, SESSION_DAYS);
      setSessionCookie(reply, config, session.secret, session.expiresAt);
      return reply.status(201).send({ user: created });
    },
  });

  r.post('/api/auth/sign-in', {
    schema: { operationId: 'signIn', tags, summary: 'Sign in with email and password', body: signInBody, response: { 200: z.object({ user }), ...errorResponses, 429: problem } },
    handler: async (request, reply) => {
      signInLimiter.hit(`${request.ip}|${request.body.email}`);
      const found = await service.checkPassword(db, request.body.email, request.body.password);
      const session = await service.openSession(db, found.id, SESSION_DAYS);
      setSessionCookie(reply, config, session.secret, session.expiresAt);
      return { user: found };
    },
  });

  r.post('/api/auth/sign-out', {
    schema: { operationId: 'signOut', tags, summary: 'Sign out (ends this session)', response: { 200: ok, ...errorResponses } },
    handler: async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) await service.closeSession(db, secret);
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  });

  r.get('/api/me', {
    schema: { operationId: 'getMe', tags, security, summary: 'The signed-in user and their organisations', response: { 200: z.object({ user, organisations: z.array(organisation) }), ...errorResponses } },
    handler: async (request) => {
      const actor = requireActor(request);
      return { user: await service.getUser(db, actor.userId), organisations: await listMyOrganisations(db, actor.userId) };
    },
  });

  r.patch('/api/me', {
    schema: {
      operationId: 'updateMe',
      tags,
      security,
      body: z.object({ locale: locale.optional(), name: z.string().trim().min(1).max(120).optional() }).strict(),
      response: { 200: z.object({ user }), ...errorResponses },
    },
    handler: async (request) => ({ user: await service.updateMe(db, requireActor(request).userId, request.body) }),
  });

  r.get('/api/tokens', {
    schema: { operationId: 'listApiTokens', tags, security, response: { 200: z.array(apiToken), ...errorResponses } },
    handler: async (request) => service.listApiTokens(db, requireActor(request).userId),
  });

  r.post('/api/tokens', {
    schema: {
      operationId: 'createApiToken',
      tags,
      security,
      summary: 'Create a personal API token (the secret is shown once)',
      body: createApiTokenBody,
      response: { 201: createdApiToken, ...errorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await service.createApiToken(db, requireActor(request).userId, request.body.name)),
  });

  r.delete('/api/tokens/:tokenId', {
    schema: { operationId: 'revokeApiToken', tags, security, params: z.object({ tokenId: id }), response: { 200: ok, ...errorResponses } },
    handler: async (request) => {
      await service.revokeApiToken(db, requireActor(request).userId, request.params.tokenId);
      return { ok: true as const };
    },
  });
}
