import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent, Subscription } from '../../src/shared/event-store/event-store.port';
import { EsdbEventStore } from '../../src/shared/event-store/eventstoredb/esdb-event-store';
import type { EsdbSubscription } from '../../src/shared/event-store/eventstoredb/esdb-subscription';
import { EsdbDouble } from '../doubles/esdb/esdb-double.server';

function events(count: number, prefix: string, payloadBytes = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type: `${prefix}${i}`,
    data: { i, payload: 'x'.repeat(payloadBytes) },
    metadata: { actor: 'system:test', correlationId: 'c-1', causationId: 'c-1', occurredAt: '2024-05-01T00:00:00Z' },
  }));
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventStoreDB adapter under faults (protocol double)', () => {
  let double: EsdbDouble;
  const stores: EsdbEventStore[] = [];
  let subscription: Subscription | undefined;
  const open = async (options?: Parameters<typeof EsdbEventStore.connect>[1]): Promise<EsdbEventStore> => {
    const store = await EsdbEventStore.connect(double.connectionString, options);
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    double = await EsdbDouble.start();
  });
  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
    for (const store of stores.splice(0)) await store.close();
    await double.stop();
  });

  it('resubscribes from its checkpoint when the server drops the subscription mid-stream: every event once, in order', async () => {
    const store = await open();
    const stream = `faultTest-${randomUUID()}`;
    for (let batch = 0; batch < 4; batch += 1) await store.append(stream, events(50, `E${batch}-`));
    double.appendSystemEvent();
    const expected = (await store.readStream(stream)).map((event) => event.id);
    const seen: string[] = [];
    const errors: unknown[] = [];

    subscription = store.subscribeToAll(
      {
        onEvent: async (event) => {
          if (event.streamName !== stream) return;
          seen.push(event.id);
          if (seen.length === 60 || seen.length === 150) expect(double.dropSubscriptions()).toBe(1);
          await sleep(1);
        },
        onError: (error) => void errors.push(error),
      },
      { retryDelayMs: 20 },
    );
    await until(() => seen.length >= expected.length);
    const live = await store.append(stream, events(10, 'Live'));
    await until(() => subscription!.lastPosition === live.position);

    const all = (await store.readStream(stream)).map((event) => event.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(double.counters.subscriptions).toBeGreaterThanOrEqual(3);
  });

  it('rejects connect and appends while the server is unreachable, without crashing, and works once it starts', async () => {
    const stream = `faultTest-${randomUUID()}`;
    await double.stop();

    await expect(EsdbEventStore.connect(double.connectionString, { healthCheckTimeoutMs: 2000 })).rejects.toThrow(
      'EventStoreDB is not reachable',
    );
    const early = await open({ verifyConnection: false });
    expect(await early.checkHealth(1000)).toMatchObject({ healthy: false });
    await expect(early.append(stream, events(1, 'Early'))).rejects.toThrow();
    const delivered: RecordedEvent[] = [];
    const errors: unknown[] = [];
    subscription = early.subscribeToAll(
      { onEvent: (event) => void delivered.push(event), onError: (error) => void errors.push(error) },
      { retryDelayMs: 20, maxRetryDelayMs: 100 },
    );
    await until(() => errors.length >= 2);

    await double.start();

    const store = await open();
    await store.append(stream, events(2, 'A'));
    expect(await early.checkHealth()).toEqual({ healthy: true });
    await early.append(stream, events(1, 'B'), { expectedRevision: 1 });
    await until(() => delivered.length === 3);
    expect(delivered.map((event) => event.type)).toEqual(['A0', 'A1', 'B0']);
  });

  it('carries on from its checkpoint after the server restarts', async () => {
    const store = await open();
    const stream = `faultTest-${randomUUID()}`;
    await store.append(stream, events(3, 'Before'));
    const seen: string[] = [];
    const errors: unknown[] = [];
    subscription = store.subscribeToAll({ onEvent: (event) => void seen.push(event.type), onError: (error) => void errors.push(error) }, { retryDelayMs: 20, maxRetryDelayMs: 100 });
    await until(() => seen.length === 3);

    await double.stop();
    await until(() => errors.length >= 2); // the subscription lost the server, and a retry failed too
    await double.start();
    await store.append(stream, events(2, 'After'));

    await until(() => seen.length === 5);
    expect(seen).toEqual(['Before0', 'Before1', 'Before2', 'After0', 'After1']);
  });

  it('pauses the gRPC stream while the handler is slow instead of buffering every event', async () => {
    const store = await open({ subscriptionBufferSize: 16 });
    const stream = `faultTest-${randomUUID()}`;
    const total = 1500;
    for (let batch = 0; batch < total / 100; batch += 1) await store.append(stream, events(100, 'E', 1024));
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let handled = 0;

    subscription = store.subscribeToAll({
      onEvent: async () => {
        if (handled === 0) await blocked;
        handled += 1;
      },
    });
    // a client that kept reading would never leave the double waiting for it: it would send all 1,500
    await until(() => double.subscriptions.length === 1 && double.subscriptions[0].waitingForSubscriber);
    const sentWhileBlocked = double.subscriptions[0].sent;

    expect(handled).toBe(0);
    expect(sentWhileBlocked).toBeLessThan(total / 3);
    expect((subscription as EsdbSubscription).bufferedEvents).toBeLessThanOrEqual(16);

    release();
    await until(() => handled === total);
  });
});
