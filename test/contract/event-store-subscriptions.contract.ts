import { EventStore, Subscription } from '../../src/shared/event-store/event-store.port';
import type { EventStoreFixture } from './event-store.contract';
import { newEvent, newStream, sleep, until } from './event-store-contract.helpers';

/** Subscribing to all events: catch-up, live delivery, retries and stop. */
export function subscriptionContract(current: () => EventStoreFixture): void {
  let store: EventStore;
  beforeEach(() => {
    store = current().store;
  });

  describe('subscribing to all events', () => {
    let subscription: Subscription | undefined;
    afterEach(async () => subscription?.stop());

    it('delivers the events after the checkpoint in order, reports caught up, then delivers live appends', async () => {
      const stream = newStream();
      await store.append(stream, ['E0', 'E1', 'E2'].map((type) => newEvent(type)));
      const [e0] = await store.readStream(stream);
      const log: string[] = [];

      subscription = store.subscribeToAll(
        {
          onEvent: (event) => void (event.streamName === stream && log.push(event.type)),
          onCaughtUp: () => void log.push('caught up'),
        },
        { fromPosition: e0.position },
      );
      await until(async () => log.includes('caught up'));
      await store.append(stream, [newEvent('E3')]);
      await until(async () => log.includes('E3'));

      expect(log).toEqual(['E1', 'E2', 'caught up', 'E3']);
      expect(subscription.lastPosition).toBeGreaterThanOrEqual((await store.readStream(stream))[3].position);
    });

    it('redelivers the event whose handler threw, losing and duplicating nothing', async () => {
      const stream = newStream();
      const checkpoint = await store.headPosition();
      await store.append(stream, ['E0', 'E1', 'E2'].map((type) => newEvent(type)));
      const handled: string[] = [];
      const errors: unknown[] = [];
      let failed = false;

      subscription = store.subscribeToAll(
        {
          onEvent: (event) => {
            if (event.streamName !== stream) return;
            if (event.type === 'E1' && !failed) {
              failed = true;
              throw new Error('projection failed once');
            }
            handled.push(event.type);
          },
          onError: (error) => void errors.push(error),
        },
        { fromPosition: checkpoint, retryDelayMs: 10 },
      );
      await until(async () => handled.includes('E2'));
      await store.append(stream, [newEvent('E3')]);
      await until(async () => handled.includes('E3'));

      expect(handled).toEqual(['E0', 'E1', 'E2', 'E3']);
      expect(errors).toEqual([new Error('projection failed once')]);
    });

    it('stop() waits for the handler in flight and ends delivery', async () => {
      const stream = newStream();
      const checkpoint = await store.headPosition();
      const handled: string[] = [];
      let started = false;

      subscription = store.subscribeToAll(
        {
          onEvent: async (event) => {
            if (event.streamName !== stream) return;
            started = true;
            await sleep(100);
            handled.push(event.type);
          },
        },
        { fromPosition: checkpoint },
      );
      const { position } = await store.append(stream, [newEvent('Slow')]);
      await until(async () => started);
      await subscription.stop();

      expect(handled).toEqual(['Slow']);
      expect(subscription.lastPosition).toBe(position);
      await store.append(stream, [newEvent('AfterStop')]);
      await sleep(600);
      expect(handled).toEqual(['Slow']);
    });
  });

}
