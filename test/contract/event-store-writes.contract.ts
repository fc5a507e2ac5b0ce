import {
  AppendResult,
  DuplicateEventIdError,
  EventStore,
  ReadStreamOptions,
} from '../../src/shared/event-store/event-store.port';
import type { EventStoreFixture, EventStoreTraits } from './event-store.contract';
import {
  expectRecentInstant,
  expectStrictlyIncreasing,
  expectWrongRevision,
  metadataFor,
  newEvent,
  newStream,
  own,
  rejectionOf,
  typesIn,
} from './event-store-contract.helpers';

/** Appending: what is stored, expected revisions, idempotent retries. */
export function appendContract(current: () => EventStoreFixture, traits: EventStoreTraits): void {
  let store: EventStore;
  beforeEach(() => {
    store = current().store;
  });
  const types = (stream: string, options?: ReadStreamOptions): Promise<string[]> => typesIn(store, stream, options);

  describe('appending and reading back', () => {
    it('stores type, data and metadata, and adds stream name, revision, position and recordedAt', async () => {
      const stream = newStream();
      const metadata = metadataFor('employee:E-1', 'department:D-1');
      const event = newEvent('TicketRaised', { ticketId: 'T-1', lines: [{ amount: 12.5 }] }, metadata);

      const result = await store.append(stream, [event], { expectedRevision: 'no_stream' });

      const [stored] = await store.readStream(stream);
      expect(stored).toMatchObject({ id: event.id, type: 'TicketRaised', data: event.data, streamName: stream });
      expect(stored.revision).toBe(0);
      expect(stored.position).toBe(result.position);
      expect(stored.metadata).toEqual({ ...metadata, recordedAt: expect.any(String) });
      expectRecentInstant(stored.metadata.recordedAt);
    });

    it('keeps metadata without subjects as it was given', async () => {
      const stream = newStream();
      const metadata = metadataFor();
      await store.append(stream, [newEvent('Noted', {}, metadata)]);

      const [stored] = await store.readStream(stream);

      expect(stored.metadata).toEqual({ ...metadata, recordedAt: expect.any(String) });
    });

    it('numbers a stream from revision 0 and reports the last revision and position of an append', async () => {
      const stream = newStream();

      const first = await store.append(stream, [newEvent('A'), newEvent('B')]);
      const second = await store.append(stream, [newEvent('C')]);

      const events = await store.readStream(stream);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(first).toEqual({ nextExpectedRevision: 1, position: events[1].position });
      expect(second).toEqual({ nextExpectedRevision: 2, position: events[2].position });
    });

    it('gives strictly increasing global positions across streams', async () => {
      const [a, b] = [newStream(), newStream()];
      const checkpoint = await store.headPosition();

      const results = [
        await store.append(a, [newEvent('A1')]),
        await store.append(b, [newEvent('B1'), newEvent('B2')]),
        await store.append(a, [newEvent('A2')]),
      ];

      expectStrictlyIncreasing(results.map((r) => r.position));
      const ours = own(await store.readAll({ fromPosition: checkpoint, maxCount: 1000 }), a, b);
      expect(ours.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
      expectStrictlyIncreasing(ours.map((e) => e.position));
    });

    it('reports a head position at least as far as the last append', async () => {
      const result = await store.append(newStream(), [newEvent('A')]);

      expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
    });
  });

  describe('expected revision', () => {
    it("'any' appends whether or not the stream exists", async () => {
      const stream = newStream();

      await store.append(stream, [newEvent('A')], { expectedRevision: 'any' });
      await store.append(stream, [newEvent('B')], { expectedRevision: 'any' });
      await store.append(stream, [newEvent('C')]);

      expect(await types(stream)).toEqual(['A', 'B', 'C']);
    });

    it("'no_stream' appends to a new stream and fails with the actual revision on an existing one", async () => {
      const stream = newStream();
      await store.append(stream, [newEvent('A')], { expectedRevision: 'no_stream' });

      const error = await rejectionOf(store.append(stream, [newEvent('B')], { expectedRevision: 'no_stream' }));

      expectWrongRevision(error, stream, 'no_stream', 0);
      expect(await types(stream)).toEqual(['A']);
    });

    it("'stream_exists' fails with 'no_stream' on a new stream and appends to an existing one", async () => {
      const stream = newStream();

      const error = await rejectionOf(store.append(stream, [newEvent('A')], { expectedRevision: 'stream_exists' }));
      expectWrongRevision(error, stream, 'stream_exists', 'no_stream');
      expect(await store.readStream(stream)).toEqual([]);

      await store.append(stream, [newEvent('A')]);
      await store.append(stream, [newEvent('B')], { expectedRevision: 'stream_exists' });
      expect(await types(stream)).toEqual(['A', 'B']);
    });

    it('an exact revision appends when it is the revision of the last event', async () => {
      const stream = newStream();
      await store.append(stream, [newEvent('A'), newEvent('B')]);

      const result = await store.append(stream, [newEvent('C')], { expectedRevision: 1 });

      expect(result.nextExpectedRevision).toBe(2);
      expect(await types(stream)).toEqual(['A', 'B', 'C']);
    });

    it('an exact revision fails with the actual revision when the stream has moved on', async () => {
      const stream = newStream();
      await store.append(stream, [newEvent('A'), newEvent('B')]);

      const error = await rejectionOf(store.append(stream, [newEvent('C')], { expectedRevision: 0 }));

      expectWrongRevision(error, stream, 0, 1);
      expect(await types(stream)).toEqual(['A', 'B']);
    });

    it("an exact revision fails with 'no_stream' when the stream does not exist", async () => {
      const stream = newStream();

      const error = await rejectionOf(store.append(stream, [newEvent('A')], { expectedRevision: 0 }));

      expectWrongRevision(error, stream, 0, 'no_stream');
    });

    it('of concurrent appends with the same exact revision exactly one wins', async () => {
      const stream = newStream();
      await store.append(stream, [newEvent('Opened')]);

      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.append(stream, [newEvent(`Racer${i}`)], { expectedRevision: 0 })),
      );

      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(losers).toHaveLength(7);
      for (const loser of losers) expectWrongRevision(loser.reason, stream, 0, 1);
      expect(await store.readStream(stream)).toHaveLength(2);
    });
  });

  describe('idempotent appends', () => {
    it('a retry of the same append returns the original result and stores nothing new', async () => {
      const stream = newStream();
      const events = [newEvent('A'), newEvent('B')];
      const original = await store.append(stream, events, { expectedRevision: 'no_stream' });

      const retried = await store.append(stream, events, { expectedRevision: 'no_stream' });

      expect(retried).toEqual(original);
      expect(await types(stream)).toEqual(['A', 'B']);
    });

    it('a retry succeeds whatever its expected revision, even after the stream moved on', async () => {
      const stream = newStream();
      const events = [newEvent('A')];
      const original = await store.append(stream, events, { expectedRevision: 'no_stream' });
      await store.append(stream, [newEvent('B')]);

      const retries: AppendResult[] = [];
      for (const expectedRevision of ['no_stream', 'any', 'stream_exists', 0, 7] as const) {
        retries.push(await store.append(stream, events, { expectedRevision }));
      }

      expect(retries).toEqual(retries.map(() => original));
      expect(await types(stream)).toEqual(['A', 'B']);
    });

    it('concurrent retries of one append store it once', async () => {
      const stream = newStream();
      const events = [newEvent('A'), newEvent('B')];

      const results = await Promise.all([1, 2, 3].map(() => store.append(stream, events, { expectedRevision: 'any' })));

      expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(await types(stream)).toEqual(['A', 'B']);
    });

    const canTell = traits.rejectsIdReuseAcrossStreams;
    (canTell ? it : it.skip)(`reusing an event id for another stream fails with DuplicateEventIdError${canTell ? '' : ' (skipped: this store keeps no index of event ids across streams)'}`, async () => {
      const [first, second] = [newStream(), newStream()];
      const event = newEvent('A');
      await store.append(first, [event]);

      const error = await rejectionOf(store.append(second, [event]));

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ code: 'duplicate_event_id', eventId: event.id, streamName: second });
      expect(await store.readStream(second)).toEqual([]);
    });

    it('an append that starts with a stored event but adds others is not a retry', async () => {
      const stream = newStream();
      const stored = newEvent('A');
      await store.append(stream, [stored]);

      const error = await rejectionOf(store.append(stream, [stored, newEvent('B')]));

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(await types(stream)).toEqual(['A']);
    });
  });

}
