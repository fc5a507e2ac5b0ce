import { EventStore, Subscription } from '../../src/shared/event-store/event-store.port';
import type { EventStoreFixture } from './event-store.contract';
import { newEvent, newStream, until } from './event-store-contract.helpers';

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
      let finishHandler!: () => void;
      const handlerMayFinish = new Promise<void>((resolve) => (finishHandler = resolve));

      subscription = store.subscribeToAll(
        {
          onEvent: async (event) => {
            if (event.streamName !== stream) return;
            started = true;
            await handlerMayFinish;
            handled.push(event.type);
          },
        },
        { fromPosition: checkpoint },
      );
      // a second subscription tells when the store has delivered what was appended after the stop
      const witnessed: string[] = [];
      const witness = store.subscribeToAll({ onEvent: (event) => void (event.streamName === stream && witnessed.push(event.type)) }, { fromPosition: checkpoint });
      try {
        const { position } = await store.append(stream, [newEvent('Slow')]);
        await until(async () => started);
        let stopped = false;
        const stopping = subscription.stop().then(() => (stopped = true));
        await store.append(stream, [newEvent('AfterStop')]);
        await until(async () => witnessed.includes('AfterStop'));

        expect(stopped).toBe(false);
        finishHandler();
        await stopping;
        expect(handled).toEqual(['Slow']);
        expect(subscription.lastPosition).toBe(position);
      } finally {
        finishHandler();
        await witness.stop();
      }
    });
  });

}
