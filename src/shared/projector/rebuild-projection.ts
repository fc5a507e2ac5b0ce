import type { EventStore } from '../event-store/event-store.port';
import type { ReadStore } from '../read-store/read-store.port';
import type { Projection } from './projection';
import { ProjectionWorker } from './projection-worker';

/** How far a rebuild has come: events projected, the position reached and the head it runs to. */
export interface RebuildProgress {
  events: number;
  position: number;
  head: number;
}

/**
 * Rebuilds one read model offline (the CLI): clears it and its checkpoint, then replays every
 * event it handles up to the store's head as it is now, flushing a batch with its checkpoint every
 * `batchSize` events. Its secondary indexes are dropped while it is written and built again at the
 * end (unique ones stay: they are the projection's own check); should the rebuild stop half way,
 * the projector ensures them when it starts. Returns how many events were read from the store
 * (those the projection handles). Run it while no projector is projecting the same read model.
 */
export async function rebuildProjection(
  eventStore: EventStore,
  readStore: ReadStore,
  projection: Projection,
  { batchSize = 5_000, onProgress }: { batchSize?: number; onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<number> {
  const worker = new ProjectionWorker(projection, readStore, { startsEmpty: true });
  const secondaryIndexes = (projection.indexes ?? []).filter((index) => !index.unique);
  await worker.prepare();
  for (const index of secondaryIndexes) await readStore.dropIndex(worker.collection, index);
  await readStore.clear(worker.collection);
  await readStore.resetCheckpoint(worker.checkpointName);
  await worker.prepare({ ensureIndexes: false });
  const head = await eventStore.headPosition();
  let count = 0;
  let after: number | undefined;
  for (;;) {
    const page = await eventStore.readAll({
      ...(after === undefined ? {} : { fromPosition: after }),
      maxCount: batchSize,
      eventTypes: projection.handles,
    });
    const upToHead = page.filter((event) => event.position <= head);
    for (const event of upToHead) await worker.handle(event);
    count += upToHead.length;
    const done = upToHead.length < batchSize;
    // the checkpoint reaches the head, past the events of types this projection does not read
    if (done) worker.passedThrough(head);
    await worker.flush();
    onProgress?.({ events: count, position: done ? head : upToHead.at(-1)!.position, head });
    if (done) break;
    after = upToHead[upToHead.length - 1]!.position;
  }
  for (const index of secondaryIndexes) await readStore.ensureIndex(worker.collection, index);
  return count;
}
