import { EventStore } from '../../src/shared/event-store/event-store.port';
import { metadataFor, newEvent, newStream, newSubject, typesOf } from './event-store-contract.helpers';
import { readContract } from './event-store-reads.contract';
import { subscriptionContract } from './event-store-subscriptions.contract';
import { appendContract } from './event-store-writes.contract';

export interface EventStoreFixture {
  store: EventStore;
  /** Opens a new store on the same data. The test closes `store` before calling it. */
  reopen: () => Promise<EventStore>;
  /** Closes whatever is still open (closing twice must be harmless) and removes the data. */
  cleanup: () => Promise<void>;
}

/** What an adapter may differ in, known when the suite is defined: a test it cannot pass is skipped, saying why. */
export interface EventStoreTraits {
  /**
   * Whether the adapter rejects an event id already used in another stream. EventStoreDB keeps
   * no index of event ids across streams, so its adapter cannot (a documented difference).
   */
  rejectsIdReuseAcrossStreams: boolean;
}

/**
 * What every EventStore adapter promises (see event-store.port.ts). Each test gets a fresh fixture
 * and uses streams and subjects of its own, so the suite also runs against a shared server: reads
 * of $all are filtered to the test's own streams before asserting.
 */
export function eventStoreContract(name: string, setup: () => Promise<EventStoreFixture>, traits: EventStoreTraits = { rejectsIdReuseAcrossStreams: true }): void {
  describe(`${name} (event store contract)`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await setup();
      store = fixture.store;
    });
    afterEach(async () => fixture.cleanup());

    const current = (): EventStoreFixture => fixture;
    appendContract(current, traits);
    readContract(current);
    subscriptionContract(current);

    it('keeps its events across close and reopen', async () => {
      const stream = newStream();
      const subject = newSubject();
      await store.append(stream, [newEvent('A', { n: 1 }, metadataFor(subject)), newEvent('B')]);
      const before = await store.readStream(stream);
      await store.close();

      const reopened = await fixture.reopen();

      expect(await reopened.readStream(stream)).toEqual(before);
      expect(typesOf(await reopened.readBySubject(subject))).toEqual(['A']);
      expect(await reopened.headPosition()).toBeGreaterThanOrEqual(before[1].position);
      await reopened.append(stream, [newEvent('C')], { expectedRevision: 1 });
      await reopened.close();
    });
  });
}
