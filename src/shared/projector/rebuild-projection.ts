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
 * event up to the store's head as it is now, flushing a batch with its checkpoint every
 * `batchSize` events. Returns how many events were replayed. Run it while no projector is
 * projecting the same read model.
 */
export async function rebuildProjection(
  eventStore: EventStore,
  readStore: ReadStore,
  projection: Projection,
  { batchSize = 5_000, onProgress }: { batchSize?: number; onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<number> {
  const worker = new ProjectionWorker(projection, readStore);
  await readStore.clear(worker.collection);
  await readStore.resetCheckpoint(worker.checkpointName);
  await worker.prepare();
  const head = await eventStore.headPosition();
  let count = 0;
  let after: number | undefined;
  for (;;) {
    const page = await eventStore.readAll({ ...(after === undefined ? {} : { fromPosition: after }), maxCount: batchSize });
    const upToHead = page.filter((event) => event.position <= head);
    for (const event of upToHead) await worker.handle(event);
    count += upToHead.length;
    await worker.flush();
    onProgress?.({ events: count, position: upToHead.at(-1)?.position ?? head, head });
    if (upToHead.length < batchSize) return count;
    after = upToHead[upToHead.length - 1]!.position;
  }
}
