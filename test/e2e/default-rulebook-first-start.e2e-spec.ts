import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { ManualClock, startTestApp } from '../support/test-app';

const published = async (app: Awaited<ReturnType<typeof startTestApp>>['app']) =>
  (await app.get<EventStore>(EVENT_STORE).readStream('rulebook-default')).filter((e) => e.type === 'RulebookVersionPublished');

describe('the shipped default rulebook on first start', () => {
  const clock = new ManualClock(new Date('2026-03-10T01:00:00.000Z'));
  let dataDir: string;
  beforeEach(() => {
    dataDir = makeTempDir('first-start');
  });
  afterEach(() => removeDir(dataDir));

  it('given an empty store, then the first start publishes it once, as the system, and a restart publishes nothing more', async () => {
    const first = await startTestApp(clock, dataDir);
    try {
      const events = await published(first.app);
      expect(events).toHaveLength(1);
      expect(events[0].metadata.actor).toBe('system:first-start');
      expect((events[0].data as { rulebook: { version: number; rules: unknown[] } }).rulebook).toMatchObject({ version: 1, rules: expect.any(Array) });
      expect((events[0].data as { rulebook: { rules: unknown[] } }).rulebook.rules).toHaveLength(defaultRulebook.rules.length);
    } finally {
      await first.app.close();
    }
    const again = await startTestApp(clock, dataDir);
    try {
      expect(await published(again.app)).toHaveLength(1);
    } finally {
      await again.app.close();
    }
  });

  it('given DEFAULT_RULEBOOK=none, then the service starts without one', async () => {
    const { app } = await startTestApp(clock, undefined, { DEFAULT_RULEBOOK: 'none' });
    try {
      expect(await published(app)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
