import type { ThrottlerStorage } from '@nestjs/throttler';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** What the guard reads back (the package does not export the type from its index). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The throttler's counters, one per key and window, in this process's memory (rate-limiter-flexible).
 *
 * @nestjs/throttler's own storage (6.7) keeps a timestamp per hit and filters the whole list on
 * every request: at the default limit (600,000 a minute per principal) a client sending 500
 * requests a second has ~30,000 in its list after a minute, and each of its requests then spends
 * milliseconds filtering them (2.4 ms for 30,000 on this machine): the more requests, the more each
 * costs. Without a block duration (the unauthenticated throttle) it also spreads the list into
 * `Math.min(...hits)`, which overflows the stack past ~120,000 entries. A counter per fixed window
 * costs the same whatever the rate. The window starts with a key's first request, so a client can
 * make up to twice the limit across the boundary of two windows: a guard against floods, not a quota.
 */
export class RateLimiterThrottlerStorage implements ThrottlerStorage {
  private readonly limiters = new Map<string, RateLimiterMemory>();

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const limiter = this.limiter(throttlerName, ttl, limit, blockDuration);
    try {
      const res = await limiter.consume(key);
      return { totalHits: res.consumedPoints, timeToExpire: seconds(res.msBeforeNext), isBlocked: false, timeToBlockExpire: 0 };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const wait = seconds(error.msBeforeNext);
      return { totalHits: error.consumedPoints, timeToExpire: wait, isBlocked: true, timeToBlockExpire: wait };
    }
  }

  private limiter(throttlerName: string, ttl: number, limit: number, blockDuration: number): RateLimiterMemory {
    const id = `${throttlerName}:${ttl}:${limit}:${blockDuration}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: id, points: limit, duration: ttl / 1000, blockDuration: blockDuration / 1000 });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
