import type { RecordedEvent } from '../event-store/event-store.port';
import type { ChangeSet, ReadStore } from '../read-store/read-store.port';
import { collectionOf } from '../../../projections/projection';
import type { ProjectedDocument, Projection } from '../../../projections/projection';

/** Position meaning "no event yet". */
export const NO_POSITION = -1;

/**
 * One projection's side of the runtime: its checkpoint, and the batch of changes made since the
 * last flush (a document cache, so several events on one document give one upsert). A batch is
 * only ever made of whole events; it lands in one `apply` together with its checkpoint.
 */
export class ProjectionWorker {
  readonly name: string;
  readonly collection: string;
  /** Checkpoint name: the projection's name and version, like its collection. */
  readonly checkpointName: string;
  /** Last position whose changes are stored together with the checkpoint. */
  flushedPosition = NO_POSITION;
  /** Last position evolved into the batch (>= flushedPosition). */
  processedPosition = NO_POSITION;
  /** Events processed since the last flush. */
  bufferedEvents = 0;

  private readonly handled: ReadonlySet<string>;
  private readonly cache = new Map<string, ProjectedDocument | null>();
  private readonly dirty = new Set<string>();

  constructor(
    readonly projection: Projection,
    private readonly readStore: ReadStore,
  ) {
    this.name = projection.name;
    this.collection = collectionOf(projection);
    this.checkpointName = collectionOf(projection);
    this.handled = new Set(projection.handles);
  }

  /** Ensures the indexes and loads the checkpoint; forgets any batch. */
  async prepare(): Promise<void> {
    for (const index of this.projection.indexes ?? []) await this.readStore.ensureIndex(this.collection, index);
    const checkpoint = await this.readStore.getCheckpoint(this.checkpointName);
    this.flushedPosition = checkpoint ?? NO_POSITION;
    this.discard();
  }

  get hasPending(): boolean {
    return this.processedPosition > this.flushedPosition || this.dirty.size > 0;
  }

  /**
   * Evolves the event into the batch, unless this projection is already past it. Either the whole
   * event is taken into the batch or, if evolve or a read throws, none of it.
   */
  async handle(event: RecordedEvent): Promise<void> {
    if (event.position <= this.processedPosition) return;
    if (this.handled.has(event.type)) await this.evolve(event);
    this.processedPosition = event.position;
    this.bufferedEvents += 1;
  }

  /** Writes the batch and the checkpoint in one `apply`. On failure the batch is kept, to retry. */
  async flush(): Promise<void> {
    if (!this.hasPending) return;
    const changes: ChangeSet = { upserts: [], deletes: [], checkpoint: { name: this.checkpointName, position: this.processedPosition } };
    for (const id of this.dirty) {
      const doc = this.cache.get(id);
      if (doc) changes.upserts.push({ collection: this.collection, doc });
      else changes.deletes.push({ collection: this.collection, id });
    }
    await this.readStore.apply(changes);
    this.flushedPosition = this.processedPosition;
    this.bufferedEvents = 0;
    this.dirty.clear();
    this.cache.clear();
  }

  /** Forgets the batch: the events in it will be delivered again from the checkpoint. */
  discard(): void {
    this.processedPosition = this.flushedPosition;
    this.bufferedEvents = 0;
    this.dirty.clear();
    this.cache.clear();
  }

  private async evolve(event: RecordedEvent): Promise<void> {
    const ids = new Set(this.projection.documentIds(event));
    const changes = new Map<string, ProjectedDocument | null>();
    for (const id of ids) {
      const current = await this.load(id);
      // The replay guard: a document already holding this event is not evolved again.
      if (current && (current._position ?? NO_POSITION) >= event.position) continue;
      const next = this.projection.evolve(current, event, id);
      if (next === current || (next === null && current === null)) continue;
      changes.set(id, next === null ? null : ({ ...next, _id: id, _position: event.position } as ProjectedDocument));
    }
    for (const [id, doc] of changes) {
      this.cache.set(id, doc);
      this.dirty.add(id);
    }
  }

  private async load(id: string): Promise<ProjectedDocument | null> {
    if (this.cache.has(id)) return this.cache.get(id) ?? null;
    const doc = await this.readStore.get<ProjectedDocument>(this.collection, id);
    this.cache.set(id, doc);
    return doc;
  }
}
