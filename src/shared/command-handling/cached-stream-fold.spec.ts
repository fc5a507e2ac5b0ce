import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import type { EventStore, ReadStreamOptions } from '../event-store/event-store.port';
import { CachedStreamFold } from './cached-stream-fold';

type Added = { type: 'Added'; data: { n: number } };
const sum = () => new CachedStreamFold<Added, number[]>((state, event) => [...state, event.data.n], []);
const added = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type: 'Added', data: { n }, metadata: { actor: 't', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z' } });

describe('CachedStreamFold', () => {
  let store: SqliteEventStore;
  let reads: (ReadStreamOptions | undefined)[];
  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:' });
    reads = [];
    const readStream = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementation((stream, options) => {
      reads.push(options);
      return readStream(stream, options);
    });
  });
  afterEach(() => store.close());

  it('folds the whole stream once, then reads only what was appended since', async () => {
    const fold = sum();
    await store.append('s-1', [added(1), added(2)], { expectedRevision: 'any' });
    expect(await fold.loadWithRevision(store, 's-1')).toMatchObject({ state: [1, 2], revision: 1 });
    await store.append('s-1', [added(3)], { expectedRevision: 'any' });
    expect(await fold.loadWithRevision(store, 's-1')).toMatchObject({ state: [1, 2, 3], revision: 2 });
    expect(await fold.load(store, 's-1')).toEqual([1, 2, 3]);
    expect(reads).toEqual([{ fromRevision: 0 }, { fromRevision: 2 }, { fromRevision: 3 }]);
  });

  it('answers a missing stream with the initial state and revision -1, and keeps stores apart', async () => {
    const fold = sum();
    const other: EventStore = new SqliteEventStore({ file: ':memory:' });
    try {
      await store.append('s-1', [added(1)], { expectedRevision: 'any' });
      expect(await fold.load(store, 's-1')).toEqual([1]);
      expect(await fold.loadWithRevision(other, 's-1')).toEqual({ state: [], revision: -1, position: 0 });
    } finally {
      await other.close();
    }
  });

  it('gives the same state as a fresh fold however the loads interleave', async () => {
    const fold = sum();
    await store.append('s-1', [added(1)], { expectedRevision: 'any' });
    const [first, second] = await Promise.all([fold.load(store, 's-1'), store.append('s-1', [added(2)], { expectedRevision: 'any' }).then(() => fold.load(store, 's-1'))]);
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(second).toEqual([1, 2]);
    expect(await sum().load(store, 's-1')).toEqual(await fold.load(store, 's-1'));
  });

  it('with types, reads only those and still keeps the revision of the stream\'s last event, whatever its type', async () => {
    const fold = new CachedStreamFold<Added, number[]>((state, event) => [...state, event.data.n], [], ['Added']);
    const noted = (n: number) => ({ ...added(n), type: 'Noted' });
    await store.append('s-1', [added(1), noted(2), added(3), noted(4)], { expectedRevision: 'any' });

    expect(await fold.loadWithRevision(store, 's-1')).toMatchObject({ state: [1, 3], revision: 3 });
    await store.append('s-1', [noted(5)], { expectedRevision: 3 });
    expect(await fold.loadWithRevision(store, 's-1')).toMatchObject({ state: [1, 3], revision: 4 });
    await store.append('s-1', [added(6)], { expectedRevision: 4 });
    expect(await fold.loadWithRevision(store, 's-1')).toMatchObject({ state: [1, 3, 6], revision: 5 });
    expect(await fold.loadWithRevision(store, 's-1')).toMatchObject({ state: [1, 3, 6], revision: 5 });

    const typed = reads.filter((options) => options?.direction !== 'backwards');
    expect(typed).toEqual([0, 4, 5, 6].map((fromRevision) => ({ fromRevision, eventTypes: ['Added'] })));
  });

  it('with types, leaves an event appended between its two reads to the next load instead of skipping it', async () => {
    const fold = new CachedStreamFold<Added, number[]>((state, event) => [...state, event.data.n], [], ['Added']);
    await store.append('s-1', [added(1)], { expectedRevision: 'any' });
    const readStream = SqliteEventStore.prototype.readStream.bind(store);
    let raced = false;
    jest.spyOn(store, 'readStream').mockImplementation(async (stream, options) => {
      const events = await readStream(stream, options);
      // right after the fold's first read, whichever it is, someone appends
      if (!raced) {
        raced = true;
        await store.append('s-1', [added(2)], { expectedRevision: 0 });
      }
      return events;
    });

    await fold.loadWithRevision(store, 's-1');
    expect(await fold.loadWithRevision(store, 's-1')).toMatchObject({ state: [1, 2], revision: 1 });
  });
});
