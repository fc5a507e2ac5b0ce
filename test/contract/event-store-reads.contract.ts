import { EventStore, ReadStreamOptions, RecordedEvent } from '../../src/shared/event-store/event-store.port';
import type { EventStoreFixture } from './event-store.contract';
import {
  expectStrictlyIncreasing,
  metadataFor,
  newEvent,
  newStream,
  newSubject,
  own,
  sleep,
  typesIn,
  typesOf,
} from './event-store-contract.helpers';

/** Reading a stream, all events, and by subject. */
export function readContract(current: () => EventStoreFixture): void {
  let store: EventStore;
  beforeEach(() => {
    store = current().store;
  });
  const types = (stream: string, options?: ReadStreamOptions): Promise<string[]> => typesIn(store, stream, options);

  describe('reading a stream', () => {
    let stream: string;
    beforeEach(async () => {
      stream = newStream();
      await store.append(stream, ['E0', 'E1', 'E2', 'E3', 'E4'].map((type) => newEvent(type)));
    });

    it('reads forwards from the start by default', async () => {
      expect(await types(stream)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
    });

    it('reads forwards from an inclusive revision, at most maxCount', async () => {
      expect(await types(stream, { fromRevision: 2 })).toEqual(['E2', 'E3', 'E4']);
      expect(await types(stream, { maxCount: 2 })).toEqual(['E0', 'E1']);
      expect(await types(stream, { fromRevision: 1, maxCount: 2 })).toEqual(['E1', 'E2']);
      expect(await types(stream, { fromRevision: 5 })).toEqual([]);
    });

    it('reads backwards from the end by default, or from an inclusive revision', async () => {
      expect(await types(stream, { direction: 'backwards' })).toEqual(['E4', 'E3', 'E2', 'E1', 'E0']);
      expect(await types(stream, { direction: 'backwards', fromRevision: 2 })).toEqual(['E2', 'E1', 'E0']);
      expect(await types(stream, { direction: 'backwards', maxCount: 2 })).toEqual(['E4', 'E3']);
    });

    it('reads only events of the types asked for, maxCount counting those, either way', async () => {
      await store.append(stream, [newEvent('E1'), newEvent('E5')]);
      const eventTypes = ['E1', 'E3'];

      expect(await types(stream, { eventTypes })).toEqual(['E1', 'E3', 'E1']);
      expect(await types(stream, { eventTypes, fromRevision: 2, maxCount: 1 })).toEqual(['E3']);
      expect(await types(stream, { eventTypes, direction: 'backwards', maxCount: 2 })).toEqual(['E1', 'E3']);
      expect((await store.readStream(stream, { eventTypes, direction: 'backwards', fromRevision: 4 })).map((e) => e.revision)).toEqual([3, 1]);
      expect(await types(stream, { eventTypes: [] })).toEqual([]);
    });

    it('returns an empty list for a stream that does not exist', async () => {
      expect(await store.readStream(newStream())).toEqual([]);
      expect(await store.readStream(newStream(), { direction: 'backwards' })).toEqual([]);
    });
  });

  describe('reading all events', () => {
    let stream: string;
    let events: RecordedEvent[];
    beforeEach(async () => {
      stream = newStream();
      await store.append(stream, ['E0', 'E1', 'E2'].map((type) => newEvent(type)));
      events = await store.readStream(stream);
    });
    const position = (revision: number): number => events[revision].position;

    it('reads forwards after an exclusive position', async () => {
      const read = await store.readAll({ fromPosition: position(0), maxCount: 1000 });

      expect(read[0].position).toBeGreaterThan(position(0));
      expect(typesOf(own(read, stream))).toEqual(['E1', 'E2']);
    });

    it('reads backwards before an exclusive position', async () => {
      const read = await store.readAll({ direction: 'backwards', fromPosition: position(2), maxCount: 1000 });

      expect(read[0].position).toBeLessThan(position(2));
      expect(typesOf(own(read, stream))).toEqual(['E1', 'E0']);
    });

    it('reads at most maxCount events, the nearest to the starting point', async () => {
      const forwards = await store.readAll({ fromPosition: position(0), maxCount: 1 });
      const backwards = await store.readAll({ direction: 'backwards', fromPosition: position(2), maxCount: 1 });

      expect(forwards).toHaveLength(1);
      expect(forwards[0].position).toBeGreaterThan(position(0));
      expect(forwards[0].position).toBeLessThanOrEqual(position(1));
      expect(backwards).toHaveLength(1);
      expect(backwards[0].position).toBeLessThan(position(2));
      expect(backwards[0].position).toBeGreaterThanOrEqual(position(1));
    });

    it('reads only events of the types asked for, maxCount counting those', async () => {
      const [kept, alsoKept] = [`Kept-${stream}`, `AlsoKept-${stream}`];
      await store.append(stream, [newEvent(kept), newEvent('Other'), newEvent(alsoKept), newEvent('Other'), newEvent(kept)]);
      const eventTypes = [kept, alsoKept];

      expect(typesOf(await store.readAll({ fromPosition: position(2), eventTypes }))).toEqual([kept, alsoKept, kept]);
      expect(typesOf(await store.readAll({ fromPosition: position(2), eventTypes, maxCount: 2 }))).toEqual([kept, alsoKept]);
      expect(typesOf(await store.readAll({ direction: 'backwards', eventTypes, maxCount: 2 }))).toEqual([kept, alsoKept]);
      expect(await store.readAll({ fromPosition: position(2), eventTypes: [] })).toEqual([]);
    });

    it('reads forwards from the start and backwards from the end by default', async () => {
      const first = await store.readAll({ maxCount: 1 });
      const newest = await store.readAll({ direction: 'backwards', maxCount: 1000 });

      expect(first).toHaveLength(1);
      expect(first[0].position).toBeLessThanOrEqual(position(0));
      expectStrictlyIncreasing(newest.map((e) => -e.position));
      expect(typesOf(own(newest, stream))).toEqual(['E2', 'E1', 'E0']);
    });
  });

  describe('reading by subject', () => {
    it('reads every event that lists the subject, across streams, in global order', async () => {
      const subject = newSubject();
      const [a, b] = [newStream(), newStream()];
      await store.append(a, [newEvent('A1', {}, metadataFor(subject)), newEvent('A2', {}, metadataFor())]);
      await store.append(b, [newEvent('B1', {}, metadataFor('department:D-9', subject))]);
      await store.append(a, [newEvent('A3', {}, metadataFor(subject))]);

      const read = await store.readBySubject(subject);

      expect(typesOf(read)).toEqual(['A1', 'B1', 'A3']);
      expectStrictlyIncreasing(read.map((e) => e.position));
      expect(typesOf(await store.readBySubject(subject, { maxCount: 2 }))).toEqual(['A1', 'B1']);
      expect(typesOf(await store.readBySubject(subject, { afterPosition: read[0].position, maxCount: 1 }))).toEqual(['B1']);
      expect(typesOf(await store.readBySubject(subject, { afterPosition: read[1].position }))).toEqual(['A3']);
      expect(await store.readBySubject(newSubject())).toEqual([]);
    });

    it('finds stored events added to a subject afterwards, once each, in global order, the events unchanged', async () => {
      const subject = newSubject();
      const stream = newStream();
      await store.append(stream, [newEvent('Old1', {}, metadataFor()), newEvent('Old2', {}, metadataFor())]);
      await store.append(stream, [newEvent('New', {}, metadataFor(subject))]);
      const [old1, old2] = await store.readStream(stream);

      await store.indexSubjects([{ event: old2, subjects: [subject] }, { event: old1, subjects: [subject, subject] }]);
      await store.indexSubjects([{ event: old1, subjects: [subject] }]);

      const read = await store.readBySubject(subject);
      expect(typesOf(read)).toEqual(['Old1', 'Old2', 'New']);
      expect(read[0]).toEqual(old1);
      expect((await store.readStream(stream))[0]).toEqual(old1);
    });

    it('reads only events recorded at or before recordedUpTo', async () => {
      const subject = newSubject();
      const stream = newStream();
      await store.append(stream, [newEvent('Early', {}, metadataFor(subject))]);
      const [early] = await store.readStream(stream);
      await sleep(50);
      await store.append(stream, [newEvent('Late', {}, metadataFor(subject))]);

      const upToEarly = await store.readBySubject(subject, { recordedUpTo: early.metadata.recordedAt });

      expect(typesOf(upToEarly)).toEqual(['Early']);
      expect(typesOf(await store.readBySubject(subject))).toEqual(['Early', 'Late']);
    });
  });

}
