import { Projector } from '../../src/shared/projector/projector';
import type { EventStore, RecordedEvent, SubscriptionHandler } from '../../src/shared/event-store/event-store.port';
import { deductionApplied } from '../../projections/testing/events';
import { openStores, quietLogger, snapshot, tallyProjection, type Stores } from './projector.fixture';

/**
 * A live event is written in the loop turn that delivered it: the subscription says when it has
 * delivered everything stored, and the projector flushes then instead of on a later turn (under
 * load a turn holds every request that was ready: ~64 at 64 clients).
 */
describe('Projector, live: the flush follows the delivery', () => {
  let stores: Stores;
  let running: Projector | undefined;

  beforeEach(() => {
    stores = openStores();
  });

  afterEach(async () => {
    jest.useRealTimers();
    await running?.stop();
    await stores.cleanup();
  });

  /** An event store whose subscription the test drives: it hands over the projector's handler. */
  function drivenStore(head: () => number): { store: EventStore; handler: () => SubscriptionHandler } {
    let captured: SubscriptionHandler | undefined;
    const store = {
      subscribeToAll: (handler: SubscriptionHandler) => {
        captured = handler;
        return { stop: async () => undefined };
      },
      headPosition: async () => head(),
    } as unknown as EventStore;
    return { store, handler: () => captured! };
  }

  const recorded = (position: number): RecordedEvent => {
    const event = deductionApplied({ deductionId: `D-${position}`, points: 2 });
    return { id: `event-${position}`, type: event.type, data: event.data, metadata: { subjects: ['employee:E-1'] } as RecordedEvent['metadata'], streamName: `deduction-D-${position}`, revision: 0, position };
  };

  const settle = async () => {
    for (let i = 0; i < 50; i++) await Promise.resolve();
  };

  it('writes the events delivered up to the head before the event loop turns again', async () => {
    let head = 0;
    const { store, handler } = drivenStore(() => head);
    running = new Projector(store, stores.readStore, [tallyProjection()], { logger: quietLogger() });
    await running.start();
    // only the next turn's callbacks are held back: promises and timers run as usual
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance', 'hrtime'] });

    head = 2;
    await handler().onEvent(recorded(1));
    await handler().onEvent(recorded(2));
    handler().onHeadReached?.();
    await settle();

    expect(running.position()).toBe(2);
    expect(await snapshot(stores.readStore, 'tally_v1')).toEqual([expect.objectContaining({ _id: 'E-1', events: 2, points: 4 })]);
  });

  it('still writes them on the next turn when the subscription never says it reached the head', async () => {
    let head = 0;
    const { store, handler } = drivenStore(() => head);
    running = new Projector(store, stores.readStore, [tallyProjection()], { logger: quietLogger() });
    await running.start();

    head = 1;
    await handler().onEvent(recorded(1));
    await new Promise((resolve) => setImmediate(resolve));
    await settle();

    expect(running.position()).toBe(1);
  });
});
