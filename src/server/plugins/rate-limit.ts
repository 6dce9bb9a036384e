import { DomainError } from '../../domain/errors.ts';

export class RateLimited extends DomainError {
  readonly kind = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(
      'too_many_attempts',
      `Trop de tentatives : réessayez dans ${retryAfterSeconds} secondes.`,
      `Too many attempts: try again in ${retryAfterSeconds} seconds.`,
    );
  }
}

/**
 * A fixed-window counter per key, in memory. Enough to slow down password guessing on one
 * server; it forgets everything at restart, which is acceptable for that purpose.
 */
export function createLimiter(options: { max: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    hit(key: string): void {
      const t = now();
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
      }
      const w = windows.get(key);
      if (!w || w.resetAt <= t) {
        windows.set(key, { count: 1, resetAt: t + options.windowMs });
        return;
      }
      w.count += 1;
      if (w.count > options.max) throw new RateLimited(Math.max(1, Math.ceil((w.resetAt - t) / 1000)));
    },
  };
}
