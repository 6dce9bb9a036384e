import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type FieldError } from '../../domain/errors.ts';
import { RateLimited } from './rate-limit.ts';
import type { Problem } from '../../contracts/common.ts';

const statusOf: Record<DomainError['kind'], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemOf(
  status: number,
  code: string,
  detail: string,
  detailEn: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `https://socle.dev/problems/${code}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    detail,
    detailEn,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

interface PgLike {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** PostgreSQL error codes, mapped in this one place (Drizzle wraps them in `cause`). */
function fromPostgres(wrapped: PgLike): Problem | null {
  const error: PgLike = typeof wrapped.code === 'string' && /^[0-9A-Z]{5}$/.test(wrapped.code) ? wrapped : (wrapped.cause ?? {});
  switch (error.code ?? '') {
    case '23505':
      return problemOf(409, 'already_exists', 'Cet élément existe déjà.', 'This item already exists.', error.constraint ? [{ field: error.constraint, message: 'already exists' }] : undefined);
    case '23503':
      return problemOf(409, 'referenced', 'Cet élément est lié à d’autres données.', 'This item is linked to other data.');
    case '23514':
    case '23502':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    // A NUL character, or bytes that are not text: PostgreSQL refuses them in text.
    case '22021':
    case '22P05':
      return problemOf(400, 'invalid_value', 'Une valeur est invalide.', 'A value is invalid.');
    case '40001':
    case '40P01':
      return problemOf(409, 'concurrent_change', 'Une autre modification a eu lieu en même temps ; réessayez.', 'Another change happened at the same time; try again.');
    default:
      return null;
  }
}

function send(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).type('application/problem+json').send(p);
}

function zodFields(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const where = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  return error.validation.map((v) => {
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    return {
      field: path ? `${where}.${path}` : where,
      message: v.message ?? 'invalid',
      code: typeof v.params?.issue === 'object' && v.params.issue && 'code' in v.params.issue ? String(v.params.issue.code) : undefined,
    };
  });
}

export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSeconds));
      return send(reply, problemOf(statusOf[error.kind], error.code, error.messageFr, error.messageEn, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(
        reply,
        problemOf(400, 'validation_failed', 'Certaines valeurs sont invalides.', 'Some values are invalid.', zodFields(error)),
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, problemOf(500, 'internal_error', 'Erreur interne.', 'Internal error.'));
    }
    const pgProblem = fromPostgres(error);
    if (pgProblem) return send(reply, pgProblem);
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, problemOf(413, 'body_too_large', 'La requête est trop volumineuse.', 'The request is too large.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, problemOf(415, 'unsupported_media_type', 'Format de requête non pris en charge.', 'Unsupported request format.'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, problemOf(400, 'malformed_body', 'Le corps de la requête est mal formé.', 'The request body is malformed.'));
      default:
        break;
    }
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      return send(reply, problemOf(status, 'bad_request', 'Requête invalide.', 'Bad request.'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, problemOf(500, 'internal_error', 'Erreur interne : l’équipe technique doit regarder les journaux.', 'Internal error: check the server logs.'));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Client-side routes of the web app (/invitations/…, /results…) get the app's page.
    if (options.spaFallback && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/r/') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return send(reply, problemOf(404, 'route_not_found', 'Cette adresse n’existe pas.', `No route ${request.method} ${path}.`));
  });
}
