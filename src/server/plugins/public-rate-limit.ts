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
 * tablets side by side send about 100 answers in 10 minutes. Hence 120 answers (POST) per
 * address and campaign (SOCLE_PUBLIC_SUBMISSIONS), and 5 times as many page loads (form, a
 * corrected form, thank-you page, language switch). Across all campaigns an address may make
 * 10 times the answer figure of requests of any kind (a federation's event with several
 * campaigns in one hall). Anything beyond is a script, not people.
 */
export function registerPublicRateLimits(app: FastifyInstance, config: Pick<Config, 'publicSubmissionsPerWindow'>) {
  const max = config.publicSubmissionsPerWindow;
  const submissions = createLimiter({ max, windowMs: WINDOW_MS });
  const views = createLimiter({ max: max * 5, windowMs: WINDOW_MS });
  const global = createLimiter({ max: max * 10, windowMs: WINDOW_MS });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? '';
    const page = route.startsWith('/r/:slug');
    if (!page && !route.startsWith('/api/public/campaigns/:slug')) return;
    const slug = (request.params as { slug?: unknown }).slug;
    const key = `${typeof slug === 'string' ? slug.slice(0, 60) : ''}|${request.ip}`;
    try {
      global.hit(request.ip);
      (request.method === 'POST' ? submissions : views).hit(key);
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
}

function tooManyPage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Trop de réponses d’un coup / Too many answers at once</title><meta name="robots" content="noindex"><style>body{font:1.0625rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}</style></head><body><main><h1>Trop de réponses d’un coup</h1><p>Beaucoup de réponses sont arrivées de cet appareil ou de ce réseau en peu de temps. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''} : rien de ce qui a déjà été envoyé n’est perdu.</p><h2 lang="en">Too many answers at once</h2><p lang="en">Many answers came from this device or network in a short time. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}: nothing already sent is lost.</p></main></body></html>`;
}
