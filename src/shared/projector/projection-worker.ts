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
 * A batch taken for writing: its change set (documents and checkpoint) and what it holds, so the
 * worker can mark it stored once written, or take it back when the write failed.
 */
export interface TakenBatch {
  changes: ChangeSet;
  position: number;
  ids: string[];
  parked: ParkedEvent[];
}

/**
 * One projection's side of the runtime: its checkpoint, and the batch of changes made since the
 * last flush (a document cache, so several events on one document give one upsert). A batch is
 * only ever made of whole events; it lands in one `apply` together with its checkpoint. While one
 * batch is being written, events go on evolving into the next: the cache keeps the newest state
 * of every document changed since the last stored checkpoint, so a failed write is taken back and
 * written again with what came after it.
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
  /** Events processed since the last batch was taken. */
  bufferedEvents = 0;
  /** Last position of a batch taken for writing (>= flushedPosition: ahead while it is written). */
  private takenPosition = NO_POSITION;

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

  /** Whether anything evolved or parked is not yet taken for writing. */
  get hasPending(): boolean {
    return this.processedPosition > this.takenPosition || this.dirty.size > 0 || this.parkedInBatch.length > 0;
  }

  /** Whether a batch taken for writing is not yet stored. */
  get writing(): boolean {
    return this.takenPosition > this.flushedPosition;
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
    const batch = this.takeBatch();
    if (!batch) return;
    try {
      await this.readStore.apply(batch.changes);
    } catch (error) {
      this.giveBack(batch);
      throw error;
    }
    this.confirm(batch);
  }

  /**
   * The batch and its checkpoint as one change set, taken for writing (undefined: nothing to
   * write). Events evolved from now on go into the next batch. One batch at a time: the caller
   * confirms it or gives it back before taking another.
   */
  takeBatch(): TakenBatch | undefined {
    if (!this.hasPending) return undefined;
    if (this.writing) throw new Error(`${this.checkpointName}: a batch is already being written`);
    const position = this.processedPosition;
    const changes: ChangeSet = { upserts: [], deletes: [], checkpoint: { name: this.checkpointName, position } };
    // in id order: neighbouring documents share B-tree pages, so a batch writes each page once
    const ids = [...this.dirty].sort();
    for (const id of ids) {
      const doc = this.cache.get(id);
      if (doc) changes.upserts.push({ collection: this.collection, doc });
      else changes.deletes.push({ collection: this.collection, id });
    }
    const parked = this.parkedInBatch.splice(0);
    for (const event of parked) changes.upserts.push({ collection: PARKED_EVENTS_COLLECTION, doc: { ...event } });
    this.dirty.clear();
    this.bufferedEvents = 0;
    this.takenPosition = position;
    return { changes, position, ids, parked };
  }

  /** The batch is stored with its checkpoint. */
  confirm(batch: TakenBatch): void {
    for (const parked of batch.parked) if (!this.parkedPositions.includes(parked.position)) this.parkedPositions.push(parked.position);
    this.flushedPosition = batch.position;
    if (!this.takeoverPending) this.servedPosition = this.flushedPosition;
    if (this.rebuilding && !this.projection.writesOnce) {
      for (const id of batch.ids) this.rebuilding.written.add(id);
      if (this.cache.size > this.rebuilding.retain) this.evictStored();
    } else {
      // live, or a projection that writes once (never reads its documents back): nothing to keep
      this.evictStored();
    }
  }

  /** The batch was not stored: its documents (cached as they are now) and parked events go into the next. */
  giveBack(batch: TakenBatch): void {
    for (const id of batch.ids) this.dirty.add(id);
    this.parkedInBatch.unshift(...batch.parked);
    this.takenPosition = this.flushedPosition;
  }

  /** Drops the cached documents that are stored; those changed since the batch was taken are the next batch's. */
  private evictStored(): void {
    if (this.dirty.size === 0) return this.cache.clear();
    for (const id of this.cache.keys()) if (!this.dirty.has(id)) this.cache.delete(id);
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
    this.takenPosition = this.flushedPosition;
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
