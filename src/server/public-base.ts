import type { FastifyRequest } from 'fastify';
import type { Config } from './config.ts';

/**
 * The address respondents' links start with (QR codes, paper versions, invitations): SOCLE_PUBLIC_URL when set, otherwise the
 * address the person reached the server at (a plain host name, or the configured default).
 */
export function publicBase(config: Config, request: FastifyRequest): string {
  if (config.publicUrlConfigured) return config.publicUrl;
  const host = request.host;
  return /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(host)
    ? `${request.protocol}://${host}`
    : config.publicUrl;
}
