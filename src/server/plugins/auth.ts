import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '../../domain/errors.ts';
import type { Config } from '../config.ts';
import type { Db } from '../../db/connect.ts';
import { findSessionUser, findTokenUser } from '../features/auth/repository.ts';
import { hashSecret } from '../security.ts';

export const SESSION_COOKIE = 'socle_session';
export const SESSION_DAYS = 30;

export interface Actor {
  userId: string;
  via: 'session' | 'token';
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new Unauthenticated('unauthenticated', 'Connectez-vous pour continuer.', 'Sign in to continue.');
  }
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, config: Config, secret: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}

/**
 * Resolves who is calling (session cookie or Bearer token) and guards cookie-authenticated
 * writes against cross-site requests: a browser always sends Origin on such requests, so a
 * missing or foreign Origin is refused. Bearer tokens are not sent by browsers on their own,
 * so they need no such check.
 */
export function registerAuth(app: FastifyInstance, db: Db, config: Config) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) {
        throw new Unauthenticated('invalid_token', 'Jeton d’API invalide.', 'Invalid API token.');
      }
      const userId = await findTokenUser(db, hashSecret(match[1]));
      if (!userId) throw new Unauthenticated('invalid_token', 'Jeton d’API invalide ou révoqué.', 'Invalid or revoked API token.');
      request.actor = { userId, via: 'token' };
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    const unsafe = !SAFE_METHODS.has(request.method);
    const origin = request.headers.origin;
    if (unsafe && origin !== undefined && !config.trustedOrigins.includes(origin) && !request.url.startsWith('/r/')) {
      throw new Forbidden('cross_site_request', 'Requête refusée : elle vient d’un autre site.', 'Request refused: it comes from another site.');
    }
    if (!secret) return;
    const userId = await findSessionUser(db, hashSecret(secret), new Date());
    if (!userId) return;
    if (unsafe && origin === undefined && !request.url.startsWith('/r/')) {
      throw new Forbidden('origin_required', 'Requête refusée : en-tête Origin manquant.', 'Request refused: the Origin header is missing.');
    }
    request.actor = { userId, via: 'session' };
  });
}
