import type { Problem } from '../../contracts/index.ts';

/** An error answered by the API (application/problem+json) or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function fallbackProblem(status: number, title: string): Problem {
  return {
    type: 'about:blank',
    title,
    status,
    code: status === 0 ? 'network' : 'http_error',
    detail:
      status === 0
        ? 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.'
        : `Le serveur a répondu par une erreur (${status}). Réessayez dans un instant.`,
    detailEn:
      status === 0
        ? 'The server does not answer. Check your connection and try again.'
        : `The server answered with an error (${status}). Try again in a moment.`,
  };
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { detail?: unknown }).detail === 'string' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the Socle API with the session cookie. A body is sent as JSON, a file (Blob) as it is;
 * a request without a body carries no content type (Fastify refuses an empty JSON body).
 */
export async function api<T>(method: Method, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body instanceof Blob) {
    // A file travels as it is.
    headers['content-type'] = 'application/octet-stream';
    init.body = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, fallbackProblem(0, 'Network error'));
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    throw new ApiError(
      response.status,
      isProblem(data) ? data : fallbackProblem(response.status, response.statusText),
    );
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body);
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** `If-Match` for a revision read earlier: a concurrent change answers 409 instead of being overwritten. */
export const ifMatch = (revision: number | undefined): Record<string, string> =>
  revision === undefined ? {} : { 'if-match': `"${revision}"` };

/** Encodes one path segment. */
export const seg = (value: string) => encodeURIComponent(value);

/** The message of one field error, if the server sent one for `field` (or a path ending in it). */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.problem.errors?.find(
    (e) =>
      e.field === field ||
      e.field === `body.${field}` ||
      e.field === `/${field.replaceAll('.', '/')}` ||
      e.field === `body/${field.replaceAll('.', '/')}`,
  );
  return found?.message;
}

export const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;
