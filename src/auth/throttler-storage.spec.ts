import { RateLimiterThrottlerStorage } from './throttler-storage';

const MINUTE = 60_000;

describe('RateLimiterThrottlerStorage', () => {
  it('counts each key in its window, blocks past the limit for the block duration, and leaves other keys alone', async () => {
    const storage = new RateLimiterThrottlerStorage();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await storage.increment('principal:a', MINUTE, 3, MINUTE, 'default'));
    expect(hits.map((hit) => [hit.totalHits, hit.isBlocked])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
    expect(hits[3].timeToBlockExpire).toBeGreaterThan(55);
    expect(hits[3].timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(hits[0].timeToExpire).toBeLessThanOrEqual(60);

    const other = await storage.increment('principal:b', MINUTE, 3, MINUTE, 'default');
    expect([other.totalHits, other.isBlocked]).toEqual([1, false]);
    // another throttler counts apart, even for the same key
    const unauthenticated = await storage.increment('principal:a', MINUTE, 3, 0, 'unauthenticated');
    expect([unauthenticated.totalHits, unauthenticated.isBlocked]).toEqual([1, false]);
  });

  it('without a block duration, goes on counting past the limit (the unauthenticated throttle compares the total)', async () => {
    const storage = new RateLimiterThrottlerStorage();
    let last = await storage.increment('address:1', MINUTE, 2, 0, 'unauthenticated');
    for (let i = 0; i < 3; i++) last = await storage.increment('address:1', MINUTE, 2, 0, 'unauthenticated');
    expect([last.totalHits, last.isBlocked]).toEqual([4, true]);
  });

  it('lets a blocked client in again once its block is over, in a new window', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T10:00:00Z') });
    try {
      const storage = new RateLimiterThrottlerStorage();
      await storage.increment('principal:a', MINUTE, 1, MINUTE, 'default');
      expect((await storage.increment('principal:a', MINUTE, 1, MINUTE, 'default')).isBlocked).toBe(true);
      jest.advanceTimersByTime(MINUTE - 1_000);
      expect((await storage.increment('principal:a', MINUTE, 1, MINUTE, 'default')).isBlocked).toBe(true);
      jest.advanceTimersByTime(1_001);
      expect(await storage.increment('principal:a', MINUTE, 1, MINUTE, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps one counter per client and window whatever the count: 200,000 requests from one client in one window', async () => {
    const storage = new RateLimiterThrottlerStorage();
    let last = { totalHits: 0, isBlocked: false };
    for (let i = 0; i < 200_000; i++) last = await storage.increment('address:1', MINUTE, 150_000, 0, 'unauthenticated');
    expect(last).toMatchObject({ totalHits: 200_000, isBlocked: true });
  });
});
