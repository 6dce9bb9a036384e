import { describe, expect, it } from 'vitest';
import { createLimiter, RateLimited } from './rate-limit.ts';

describe('createLimiter', () => {
  it('lets max hits through per window, then refuses with the seconds left, then forgets', () => {
    let t = 0;
    const limiter = createLimiter({ max: 3, windowMs: 60_000, now: () => t });
    for (let i = 0; i < 3; i++) limiter.hit('a');
    expect(() => limiter.hit('a')).toThrow(RateLimited);
    limiter.hit('b');
    t = 30_000;
    try {
      limiter.hit('a');
    } catch (error) {
      expect((error as RateLimited).retryAfterSeconds).toBe(30);
    }
    t = 60_000;
    expect(() => limiter.hit('a')).not.toThrow();
  });
});
