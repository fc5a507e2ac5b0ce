import type { RecordedEvent } from '../event-store/event-store.port';
import type { ChangeSet, Document, Filter, ReadStore } from '../read-store/read-store.port';
import type { ProjectedDocument, Projection } from './projection';
import { PARKED_EVENTS_COLLECTION, ProjectionWorker } from './projection-worker';
import type { ParkedEvent } from './projection-worker';
import { projectionHealth } from './projection-health';

/** Just enough of a read store, in memory: documents, checkpoints, equality filters; `failing` makes reads and writes throw. */
class MemoryReadStore {
  readonly collections = new Map<string, Map<string, Document>>();
  readonly checkpoints = new Map<string, number>();
  failing = false;
  private of(collection: string) {
    let docs = this.collections.get(collection);
    if (!docs) this.collections.set(collection, (docs = new Map()));
    return docs;
  }
  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    if (this.failing) throw new Error('read store unavailable');
    return (this.of(collection).get(id) as T | undefined) ?? null;
  }
  async find<T extends Document>(collection: string, filter: Filter = {}): Promise<T[]> {
    return [...this.of(collection).values()].filter((doc) => Object.entries(filter).every(([k, v]) => doc[k] === v)) as T[];
  }
  async ensureIndex(): Promise<void> {}
  async getCheckpoint(name: string) {
    return this.checkpoints.get(name);
  }
  async apply(changes: ChangeSet): Promise<void> {
    if (this.failing) throw new Error('read store unavailable');
    for (const { collection, doc } of changes.upserts) this.of(collection).set(doc._id, doc);
    for (const { collection, id } of changes.deletes) this.of(collection).delete(id);
    if (changes.checkpoint) this.checkpoints.set(changes.checkpoint.name, changes.checkpoint.position);
  }
}

interface Tally extends ProjectedDocument {
  points: number;
}

/** Sums points per employee; throws on an event with null data or a bad date, like a real projection would. */
const tally: Projection<Tally> = {
  name: 'tally',
  version: 1,
  handles: ['DeductionApplied'],
  documentIds: (event) => [(event.data as { employeeId: string }).employeeId],
  evolve: (doc, event, id) => {
    const data = event.data as { points: number; occurredOn: string };
    if (Number.isNaN(Date.parse(data.occurredOn))) throw new RangeError(`bad date ${data.occurredOn}`);
    return { _id: id, points: (doc?.points ?? 0) + data.points } as Tally;
  },
};

function deduction(position: number, data: unknown): RecordedEvent {
  return {
    id: `e${position}`,
    type: 'DeductionApplied',
    data,
    streamName: 'deduction-x',
    revision: 0,
    position,
    metadata: { actor: 'user:a', correlationId: 'c', causationId: 'c', occurredAt: '2026-03-10T00:00:00Z', recordedAt: '2026-03-10T00:00:00Z', subjects: [] },
  } as unknown as RecordedEvent;
}

const good = (position: number, points: number) => deduction(position, { employeeId: 'E-1', points, occurredOn: '2026-03-10' });

describe('ProjectionWorker: poison events', () => {
  it('given an event the projection throws on, parks it with the error in the same write as the checkpoint and goes on', async () => {
    const store = new MemoryReadStore();
    const worker = new ProjectionWorker(tally, store as unknown as ReadStore);
    await worker.prepare();

    await worker.handle(good(1, 2));
    await worker.handle(deduction(2, null));
    await worker.handle(deduction(3, { employeeId: 'E-1', points: 5, occurredOn: 'not-a-date' }));
    await worker.handle(good(4, 1));
    await worker.flush();

    expect(store.checkpoints.get('tally_v1')).toBe(4);
    expect(store.collections.get('tally_v1')?.get('E-1')).toMatchObject({ points: 3, _position: 4 });
    const parked = [...(store.collections.get(PARKED_EVENTS_COLLECTION)?.values() ?? [])] as ParkedEvent[];
    expect(parked.map((p) => [p.projection, p.checkpoint, p.position, p.type])).toEqual([
      ['tally', 'tally_v1', 2, 'DeductionApplied'],
      ['tally', 'tally_v1', 3, 'DeductionApplied'],
    ]);
    expect(parked[1]!.error).toContain('bad date not-a-date');
    expect(worker.parkedPositions).toEqual([2, 3]);
  });

  it('given the read store fails, does not park: the error propagates and nothing moves, so the event is retried', async () => {
    const store = new MemoryReadStore();
    const worker = new ProjectionWorker(tally, store as unknown as ReadStore);
    await worker.prepare();
    store.failing = true;

    await expect(worker.handle(good(1, 2))).rejects.toThrow('read store unavailable');

    expect(worker.processedPosition).toBe(-1);
    expect(worker.parkedPositions).toEqual([]);
    store.failing = false;
    await worker.handle(good(1, 2));
    await worker.flush();
    expect(store.collections.get('tally_v1')?.get('E-1')).toMatchObject({ points: 2 });
    expect(store.collections.get(PARKED_EVENTS_COLLECTION)?.size ?? 0).toBe(0);
  });

  it('given the write of a batch with a parked event fails, neither the parking nor the checkpoint is stored; the replay parks it once', async () => {
    const store = new MemoryReadStore();
    const worker = new ProjectionWorker(tally, store as unknown as ReadStore);
    await worker.prepare();
    await worker.handle(deduction(1, null));
    store.failing = true;
    await expect(worker.flush()).rejects.toThrow();
    expect(store.collections.get(PARKED_EVENTS_COLLECTION)?.size ?? 0).toBe(0);
    expect(store.checkpoints.get('tally_v1')).toBeUndefined();

    store.failing = false;
    worker.discard();
    await worker.handle(deduction(1, null));
    await worker.flush();
    expect(store.collections.get(PARKED_EVENTS_COLLECTION)?.size).toBe(1);
    expect(store.checkpoints.get('tally_v1')).toBe(1);
  });

  it('remembers parked positions across a restart, and a new version of the projection does not inherit them (it retries them)', async () => {
    const store = new MemoryReadStore();
    const first = new ProjectionWorker(tally, store as unknown as ReadStore);
    await first.prepare();
    await first.handle(deduction(1, null));
    await first.flush();

    const restarted = new ProjectionWorker(tally, store as unknown as ReadStore);
    await restarted.prepare();
    expect(restarted.parkedPositions).toEqual([1]);

    const fixed: Projection<Tally> = { ...tally, version: 2, evolve: (doc, _event, id) => ({ _id: id, points: (doc?.points ?? 0) + 1 }) as Tally, documentIds: () => ['E-1'] };
    const next = new ProjectionWorker(fixed, store as unknown as ReadStore);
    await next.prepare();
    expect(next.parkedPositions).toEqual([]);
    await next.handle(deduction(1, null));
    await next.flush();
    expect(store.collections.get('tally_v2')?.get('E-1')).toMatchObject({ points: 1 });
    expect(next.parkedPositions).toEqual([]);
  });
});

describe('projectionHealth', () => {
  const options = { running: true, shouldRun: true, maxLag: 10 };

  it('is ok when caught up with nothing parked, with position, headPosition, lag and parked in its details', () => {
    expect(projectionHealth({ name: 'scores', position: 7, parked: [] }, 9, options)).toEqual({
      name: 'projection:scores',
      status: 'ok',
      details: { position: 7, headPosition: 9, lag: 2, parked: 0 },
    });
  });

  it('is degraded naming the projection and the parked positions while an event is parked', () => {
    const result = projectionHealth({ name: 'scores', position: 9, parked: [4, 6] }, 9, options);
    expect(result.status).toBe('degraded');
    expect(result.reason).toContain('scores');
    expect(result.reason).toContain('4, 6');
    expect(result.details).toMatchObject({ parked: 2 });
  });

  it('is degraded when further behind the head than the bound', () => {
    expect(projectionHealth({ name: 'scores', position: 5, parked: [] }, 16, options).status).toBe('degraded');
    expect(projectionHealth({ name: 'scores', position: 6, parked: [] }, 16, options).status).toBe('ok');
  });

  it('is failing when the projector is not running while it should', () => {
    expect(projectionHealth({ name: 'scores', position: 0, parked: [] }, 3, { ...options, running: false }).status).toBe('failing');
    expect(projectionHealth({ name: 'scores', position: 0, parked: [] }, 3, { ...options, running: false, shouldRun: false }).status).toBe('ok');
  });
});

describe('ProjectionWorker: a projection that writes each document once', () => {
  /** A line per event, its id carrying the position: nothing to read before writing it. */
  const lines: Projection<Tally> = {
    name: 'lines',
    version: 1,
    handles: ['DeductionApplied'],
    writesOnce: true,
    documentIds: (event) => [`${event.position}`],
    evolve: (doc, event, id) => ({ _id: id, points: (doc?.points ?? 0) + (event.data as { points: number }).points }) as Tally,
  };

  it('writes its lines without reading the store, and a replay writes the same lines again', async () => {
    const store = new MemoryReadStore();
    const worker = new ProjectionWorker(lines, store as unknown as ReadStore);
    await worker.prepare();
    const reads = jest.spyOn(store, 'get');

    await worker.handle(good(1, 2));
    await worker.handle(good(2, 3));
    await worker.flush();
    worker.flushedPosition = -1; // a crash before the checkpoint: the events come again
    worker.discard();
    await worker.handle(good(1, 2));
    await worker.flush();

    expect(reads).not.toHaveBeenCalled();
    expect([...(store.collections.get('lines_v1')?.values() ?? [])]).toEqual([
      { _id: '1', points: 2, _position: 1 },
      { _id: '2', points: 3, _position: 2 },
    ]);
  });

  it('writes its batch in id order, whatever order the events touched the documents', async () => {
    const store = new MemoryReadStore();
    const applied = jest.spyOn(store, 'apply');
    const worker = new ProjectionWorker(tally, store as unknown as ReadStore);
    await worker.prepare();
    for (const [position, employeeId] of [[1, 'E-3'], [2, 'E-1'], [3, 'E-2']] as const) {
      await worker.handle(deduction(position, { employeeId, points: 1, occurredOn: '2026-03-10' }));
    }
    await worker.flush();
    expect(applied.mock.calls[0]![0].upserts.map((upsert) => upsert.doc._id)).toEqual(['E-1', 'E-2', 'E-3']);
  });
});

describe('ProjectionWorker: rebuilding into an empty collection', () => {
  const onE = (employeeId: string, position: number, points: number) => deduction(position, { employeeId, points, occurredOn: '2026-03-10' });

  it('never reads a document it has not written, keeps what it wrote across flushes, and ends where a live worker ends', async () => {
    const events = [onE('E-1', 1, 2), onE('E-2', 2, 1), onE('E-1', 3, 3), onE('E-3', 4, 5), onE('E-2', 5, 4)];
    const live = new MemoryReadStore();
    const liveWorker = new ProjectionWorker(tally, live as unknown as ReadStore);
    await liveWorker.prepare();
    for (const event of events) await liveWorker.handle(event);
    await liveWorker.flush();

    const rebuilt = new MemoryReadStore();
    const reads: string[] = [];
    const get = rebuilt.get.bind(rebuilt);
    rebuilt.get = async <T extends Document>(collection: string, id: string) => {
      if (collection === 'tally_v1') reads.push(id);
      return get<T>(collection, id);
    };
    const worker = new ProjectionWorker(tally, rebuilt as unknown as ReadStore, { startsEmpty: true });
    await worker.prepare();
    for (const event of events) {
      await worker.handle(event);
      await worker.flush(); // a flush after every event: documents outlive their batch
    }

    expect(reads).toEqual([]);
    expect(rebuilt.collections.get('tally_v1')).toEqual(live.collections.get('tally_v1'));
    expect(rebuilt.checkpoints.get('tally_v1')).toBe(5);
  });

  it('reads a document it wrote once a failed batch was discarded, and moves its checkpoint past events it skipped', async () => {
    const store = new MemoryReadStore();
    const worker = new ProjectionWorker(tally, store as unknown as ReadStore, { startsEmpty: true });
    await worker.prepare();
    await worker.handle(onE('E-1', 1, 2));
    await worker.flush();
    worker.discard();
    const reads: string[] = [];
    const get = store.get.bind(store);
    store.get = async <T extends Document>(collection: string, id: string) => {
      if (collection === 'tally_v1') reads.push(id);
      return get<T>(collection, id);
    };

    await worker.handle(onE('E-1', 2, 3));
    worker.passedThrough(9);
    await worker.flush();

    expect(reads).toEqual(['E-1']);
    expect(store.collections.get('tally_v1')?.get('E-1')).toMatchObject({ points: 5, _position: 2 });
    expect(store.checkpoints.get('tally_v1')).toBe(9);
  });
});

describe('ProjectionWorker: the next batch evolves while one is being written', () => {
  const employee = (position: number, employeeId: string, points: number) => deduction(position, { employeeId, points, occurredOn: '2026-03-10' });

  /** A worker that has evolved E-1's first deduction (2 points, position 1). */
  async function workerAfterFirstEvent() {
    const store = new MemoryReadStore();
    const worker = new ProjectionWorker(tally, store as unknown as ReadStore);
    await worker.prepare();
    await worker.handle(employee(1, 'E-1', 2));
    return { store, worker };
  }

  it('given a batch taken for writing, events after it go into the next batch, which starts from the documents as they are now', async () => {
    const { store, worker } = await workerAfterFirstEvent();
    const first = worker.takeBatch()!;

    await worker.handle(employee(2, 'E-1', 3));
    await worker.handle(employee(3, 'E-2', 1));
    expect(() => worker.takeBatch()).toThrow(/already being written/);
    await store.apply(first.changes);
    worker.confirm(first);
    const second = worker.takeBatch()!;

    expect(first.changes.upserts).toEqual([{ collection: 'tally_v1', doc: { _id: 'E-1', points: 2, _position: 1 } }]);
    expect(first.changes.checkpoint).toEqual({ name: 'tally_v1', position: 1 });
    expect(second.changes.upserts.map(({ doc }) => doc)).toEqual([
      { _id: 'E-1', points: 5, _position: 2 },
      { _id: 'E-2', points: 1, _position: 3 },
    ]);
    expect(second.changes.checkpoint).toEqual({ name: 'tally_v1', position: 3 });
    expect(worker.flushedPosition).toBe(1);
  });

  it('given the write of a batch fails, the next batch holds its documents as they are now, its parked events and the newest checkpoint', async () => {
    const { store, worker } = await workerAfterFirstEvent();
    await worker.handle(deduction(2, null));
    const failed = worker.takeBatch()!;
    await worker.handle(employee(3, 'E-1', 3));
    await worker.handle(employee(4, 'E-2', 1));

    worker.giveBack(failed);
    await worker.flush();

    expect(store.checkpoints.get('tally_v1')).toBe(4);
    expect(store.collections.get('tally_v1')?.get('E-1')).toEqual({ _id: 'E-1', points: 5, _position: 3 });
    expect(store.collections.get('tally_v1')?.get('E-2')).toEqual({ _id: 'E-2', points: 1, _position: 4 });
    expect([...(store.collections.get(PARKED_EVENTS_COLLECTION)?.values() ?? [])]).toEqual([expect.objectContaining({ position: 2 })]);
    expect(worker.parkedPositions).toEqual([2]);
  });

  it('given a batch is stored while the next one is evolving, the documents of the next one are not read back from the store', async () => {
    const { store, worker } = await workerAfterFirstEvent();
    const first = worker.takeBatch()!;
    await worker.handle(employee(2, 'E-1', 3)); // evolved from the cached document: the store has nothing yet
    await store.apply(first.changes);
    worker.confirm(first);
    const reads = jest.spyOn(store, 'get');

    await worker.handle(employee(3, 'E-1', 4));
    await worker.flush();

    expect(reads).not.toHaveBeenCalled();
    expect(store.collections.get('tally_v1')?.get('E-1')).toEqual({ _id: 'E-1', points: 9, _position: 3 });
  });
});
