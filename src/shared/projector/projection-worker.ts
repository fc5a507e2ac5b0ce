import type { RecordedEvent } from '../event-store/event-store.port';
import type { ChangeSet, Document, ReadStore } from '../read-store/read-store.port';
import { collectionOf } from './projection';
import type { ProjectedDocument, Projection } from './projection';

/** How many documents a rebuild keeps in memory between its flushes (beyond that it reads them back). */
const RETAINED_DOCUMENTS = 20_000;

/** Position meaning "no event yet". */
export const NO_POSITION = -1;

/** The read-store collection holding events a projection could not apply (one doc per projection × event). */
export const PARKED_EVENTS_COLLECTION = 'projection_parked_events';

/** Which collection of a projection queries read: one doc per projection name, moved on takeover. */
export const SERVED_READ_MODELS_COLLECTION = 'projection_served_read_models';

export interface ServedReadModel extends Document {
  /** The projection's name. */
  _id: string;
  collection: string;
  checkpoint: string;
}

/** An event a projection threw on, parked for it (written with that projection's checkpoint). */
export interface ParkedEvent extends Document {
  _id: string;
  /** The projection's checkpoint name (name and version): a new version does not see old parkings. */
  checkpoint: string;
  projection: string;
  position: number;
  type: string;
  streamName: string;
  error: string;
  parkedAt: string;
}

/** Thrown by the projection's own code (documentIds/evolve): the event is poison for it, not the store. */
class ProjectionApplyError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

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
  /** Events parked in the current batch, written with its checkpoint. */
  private readonly parkedInBatch: ParkedEvent[] = [];
  /**
   * The collection queries read. While a new version is rebuilt beside it this is the previous
   * version's (complete up to `servedPosition`); it moves to `collection` once that has caught up.
   */
  servedCollection: string;
  servedPosition = NO_POSITION;
  /** True while queries are served from another collection than the one being built. */
  takeoverPending = false;
  /** Positions parked for this projection (stored ones and those of the batch once flushed). */
  parkedPositions: number[] = [];

  /**
   * Rebuild only: the collection was empty when the worker started, so a document it has not
   * written since is absent (no read), and documents stay cached across flushes while they fit.
   */
  private readonly rebuilding?: { written: Set<string>; retain: number };

  constructor(
    readonly projection: Projection,
    private readonly readStore: ReadStore,
    options: { startsEmpty?: boolean } = {},
  ) {
    this.name = projection.name;
    this.collection = collectionOf(projection);
    this.checkpointName = collectionOf(projection);
    this.servedCollection = this.collection;
    this.handled = new Set(projection.handles);
    if (options.startsEmpty) this.rebuilding = { written: new Set(), retain: RETAINED_DOCUMENTS };
  }

  /** Ensures the indexes and loads the checkpoint; forgets any batch. */
  async prepare({ ensureIndexes = true }: { ensureIndexes?: boolean } = {}): Promise<void> {
    if (ensureIndexes) for (const index of this.projection.indexes ?? []) await this.readStore.ensureIndex(this.collection, index);
    const checkpoint = await this.readStore.getCheckpoint(this.checkpointName);
    this.flushedPosition = checkpoint ?? NO_POSITION;
    const parked = await this.readStore.find<ParkedEvent>(PARKED_EVENTS_COLLECTION, { checkpoint: this.checkpointName }, { sort: { position: 1 } });
    this.parkedPositions = parked.map((doc) => doc.position);
    const served = await this.readStore.get<ServedReadModel>(SERVED_READ_MODELS_COLLECTION, this.name);
    this.takeoverPending = served?.collection !== this.collection;
    if (served && this.takeoverPending) {
      this.servedCollection = served.collection;
      this.servedPosition = (await this.readStore.getCheckpoint(served.checkpoint)) ?? NO_POSITION;
    } else {
      this.servedCollection = this.collection;
      this.servedPosition = this.flushedPosition;
    }
    this.discard();
  }

  get hasPending(): boolean {
    return this.processedPosition > this.flushedPosition || this.dirty.size > 0 || this.parkedInBatch.length > 0;
  }

  /**
   * Evolves the event into the batch, unless this projection is already past it. Either the whole
   * event is taken into the batch or none of it. If the projection's own code throws on the event
   * (a poison event), the event is parked for this projection (in the batch, so durably with its
   * checkpoint) and the projection goes on; if the read store throws, the error propagates and the
   * event is retried, never parked.
   */
  async handle(event: RecordedEvent, now: () => Date = () => new Date()): Promise<void> {
    if (event.position <= this.processedPosition) return;
    if (this.handled.has(event.type)) {
      try {
        await this.evolve(event);
      } catch (error) {
        if (!(error instanceof ProjectionApplyError)) throw error;
        this.park(event, error.cause, now());
      }
    }
    this.processedPosition = event.position;
    this.bufferedEvents += 1;
  }

  /** Writes the batch and the checkpoint in one `apply`. On failure the batch is kept, to retry. */
  async flush(): Promise<void> {
    const changes = this.pendingChanges();
    if (!changes) return;
    await this.readStore.apply(changes);
    this.markFlushed();
  }

  /** The batch and its checkpoint as one change set (undefined: nothing to write). */
  pendingChanges(): ChangeSet | undefined {
    if (!this.hasPending) return undefined;
    const changes: ChangeSet = { upserts: [], deletes: [], checkpoint: { name: this.checkpointName, position: this.processedPosition } };
    // in id order: neighbouring documents share B-tree pages, so a batch writes each page once
    for (const id of [...this.dirty].sort()) {
      const doc = this.cache.get(id);
      if (doc) changes.upserts.push({ collection: this.collection, doc });
      else changes.deletes.push({ collection: this.collection, id });
    }
    for (const parked of this.parkedInBatch) changes.upserts.push({ collection: PARKED_EVENTS_COLLECTION, doc: { ...parked } });
    return changes;
  }

  /** After the change set of `pendingChanges` was applied: the batch is stored, start the next. */
  markFlushed(): void {
    for (const parked of this.parkedInBatch) if (!this.parkedPositions.includes(parked.position)) this.parkedPositions.push(parked.position);
    this.parkedInBatch.length = 0;
    this.flushedPosition = this.processedPosition;
    if (!this.takeoverPending) this.servedPosition = this.flushedPosition;
    this.bufferedEvents = 0;
    // a projection that writes once never reads its documents back: nothing to keep
    if (this.rebuilding && !this.projection.writesOnce) {
      for (const id of this.dirty) this.rebuilding.written.add(id);
      if (this.cache.size > this.rebuilding.retain) this.cache.clear();
    } else {
      this.cache.clear();
    }
    this.dirty.clear();
  }

  /** Rebuild only: every event up to `position` was read; those this projection skipped change nothing. */
  passedThrough(position: number): void {
    if (position > this.processedPosition) this.processedPosition = position;
  }

  /**
   * Once this version has caught up with `headPosition`, queries move to it: the served record
   * points at its collection from now on. Returns true when it took over now.
   */
  async takeOverIfCaughtUp(headPosition: number): Promise<boolean> {
    if (!this.takeoverPending || this.hasPending || this.flushedPosition < headPosition) return false;
    const record: ServedReadModel = { _id: this.name, collection: this.collection, checkpoint: this.checkpointName };
    await this.readStore.apply({ upserts: [{ collection: SERVED_READ_MODELS_COLLECTION, doc: record }], deletes: [] });
    this.servedCollection = this.collection;
    this.servedPosition = this.flushedPosition;
    this.takeoverPending = false;
    return true;
  }

  /** Forgets the batch: the events in it will be delivered again from the checkpoint. */
  discard(): void {
    this.processedPosition = this.flushedPosition;
    this.bufferedEvents = 0;
    this.dirty.clear();
    this.cache.clear();
    this.parkedInBatch.length = 0;
  }

  private park(event: RecordedEvent, cause: unknown, at: Date): void {
    this.parkedInBatch.push({
      _id: `${this.checkpointName}@${event.position}`,
      checkpoint: this.checkpointName,
      projection: this.name,
      position: event.position,
      type: event.type,
      streamName: event.streamName,
      error: cause instanceof Error ? cause.message : String(cause),
      parkedAt: at.toISOString(),
    });
  }

  private async evolve(event: RecordedEvent): Promise<void> {
    const ids = new Set(applying(() => this.projection.documentIds(event)));
    const changes = new Map<string, ProjectedDocument | null>();
    for (const id of ids) {
      const current = await this.load(id);
      // The replay guard: a document already holding this event is not evolved again.
      if (current && (current._position ?? NO_POSITION) >= event.position) continue;
      const next = applying(() => this.projection.evolve(current, event, id));
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
    if (this.projection.writesOnce) return null;
    if (this.rebuilding && !this.rebuilding.written.has(id)) return null;
    const doc = await this.readStore.get<ProjectedDocument>(this.collection, id);
    this.cache.set(id, doc);
    return doc;
  }
}

/** Runs the projection's own code, marking what it throws as a poison event (not a store failure). */
function applying<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new ProjectionApplyError(error);
  }
}
