import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { createLimiter, RateLimited } from './rate-limit.ts';

const WINDOW_MS = 10 * 60_000;

/**
 * Limits on the public, unauthenticated routes (the respondent page /r/:slug… and
 * /api/public/campaigns/:slug…), per client address, in 10-minute windows.
 *
 * The figure has to let a real collection day through. A whole group in one room often answers
 * on one shared tablet, or on their phones behind the venue's one Wi-Fi box, so every answer
 * comes from one address: a person needs about 1–2 minutes per questionnaire, so even 10
 * tablets side by side send about 100 answers in 10 minutes. Hence 120 answers stored per
 * address and campaign (SOCLE_PUBLIC_SUBMISSIONS), and 5 times as many page loads and page
 * turns (form, next and back, a corrected page, thank-you page, language switch). IPv6
 * addresses count by /64 network, so that one device cannot escape by changing its address. Across all campaigns an address may make
 * 10 times the answer figure of requests of any kind (a federation's event with several
 * campaigns in one hall). Anything beyond is a script, not people.
 */
export interface PublicLimits {
  /** Counts one answer stored for this campaign from this address; throws RateLimited beyond. */
  submission(slug: string, ip: string): void;
}

/**
 * The part of an address that stands for one place: an IPv4 address, or the /64 network of an
 * IPv6 one (a single home or phone can take any address in its /64).
 */
export function addressKey(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function registerPublicRateLimits(app: FastifyInstance, config: Pick<Config, 'publicSubmissionsPerWindow'>): PublicLimits {
  const max = config.publicSubmissionsPerWindow;
  const submissions = createLimiter({ max, windowMs: WINDOW_MS });
  const views = createLimiter({ max: max * 5, windowMs: WINDOW_MS });
  const global = createLimiter({ max: max * 10, windowMs: WINDOW_MS });
  const keyOf = (slug: unknown, ip: string) => `${typeof slug === 'string' ? slug.slice(0, 60) : ''}|${addressKey(ip)}`;

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? '';
    const page = route.startsWith('/r/:slug');
    if (!page && !route.startsWith('/api/public/campaigns/:slug')) return;
    const key = keyOf((request.params as { slug?: unknown }).slug, request.ip);
    try {
      global.hit(addressKey(request.ip));
      // A POST of the form is a page turn (next, back, a language): the answer itself is
      // counted by the page when it is stored. A POST to the API is an answer.
      (request.method === 'POST' && !page ? submissions : views).hit(key);
    } catch (error) {
      if (!(error instanceof RateLimited) || !page) throw error;
      return reply
        .status(429)
        .header('retry-after', String(error.retryAfterSeconds))
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'")
        .header('cache-control', 'no-store')
        .send(tooManyPage(error.retryAfterSeconds));
    }
  });
  return { submission: (slug, ip) => submissions.hit(keyOf(slug, ip)) };
}

function tooManyPage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Trop de réponses d’un coup / Too many answers at once</title><meta name="robots" content="noindex"><style>body{font:1.0625rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}</style></head><body><main><h1>Trop de réponses d’un coup</h1><p>Beaucoup de réponses sont arrivées de cet appareil ou de ce réseau en peu de temps. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''} : rien de ce qui a déjà été envoyé n’est perdu.</p><h2 lang="en">Too many answers at once</h2><p lang="en">Many answers came from this device or network in a short time. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}: nothing already sent is lost.</p></main></body></html>`;
}
