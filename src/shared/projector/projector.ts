import type { EventStore, RecordedEvent, Subscription } from '../event-store/event-store.port';
import { checkpointsOf } from '../read-store/read-store.port';
import type { ReadStore } from '../read-store/read-store.port';
import type { Projection } from './projection';
import { NO_POSITION, PARKED_EVENTS_COLLECTION, ProjectionWorker } from './projection-worker';

export { rebuildProjection } from './rebuild-projection';

export interface ProjectorLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface ProjectorOptions {
  /** Events buffered before a flush during catch-up. Live events are flushed at once. */
  batchSize?: number;
  logger?: ProjectorLogger;
  /** Passed to the subscription: first delay before it resubscribes after an error. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export class ProjectionTimeoutError extends Error {
  readonly code = 'projection_timeout';
  constructor(
    readonly position: number,
    readonly reached: number,
    timeoutMs: number,
  ) {
    super(`read models did not reach position ${position} within ${timeoutMs} ms (they are at ${reached})`);
    this.name = 'ProjectionTimeoutError';
  }
}

interface Waiter {
  position: number;
  resolve(): void;
  timer: NodeJS.Timeout;
}

const silent: ProjectorLogger = { log: () => undefined, error: () => undefined };

/**
 * Runs pure projections from the event store into the read store. One subscription for all of
 * them, from the lowest checkpoint (one read of the log; each projection skips what its own
 * checkpoint already covers). Events are evolved into per-projection batches; a batch is flushed
 * with its checkpoint in one `apply` when it is full, or as soon as the subscription goes idle.
 * Events, the start of a flush and a stop are serialised; while one flush is being written (at
 * most one at a time), the next events evolve into the next batch, so a store that commits off
 * the event loop (the SQLite writer thread, MongoDB) does not hold the events up.
 */
export class Projector {
  private readonly workers: ProjectionWorker[];
  private readonly batchSize: number;
  private readonly logger: ProjectorLogger;
  private subscription: Subscription | undefined;
  private starting: Promise<void> | undefined;
  /** Bumped by every start and stop; callbacks of an older subscription are ignored. */
  private epoch = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Epoch of the subscription whose flush is scheduled, if any. */
  private flushScheduledFor: number | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs: number;
  private readonly waiters = new Set<Waiter>();
  /** The projections' batches being written, if any: one write at a time. */
  private flight: Promise<void> | undefined;
  /** A flush was asked for while one was being written: it follows when that one is stored. */
  private flushAgain = false;

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    projections: Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    const names = projections.map((projection) => projection.name);
    if (new Set(names).size !== names.length) throw new Error(`projection names must be unique: ${names.join(', ')}`);
    this.workers = projections.map((projection) => new ProjectionWorker(projection, readStore));
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.logger = options.logger ?? silent;
    this.retryDelayMs = options.retryDelayMs ?? 100;
  }

  get running(): boolean {
    return this.subscription !== undefined;
  }

  /** Prepares every read model (indexes, checkpoint) and subscribes. Does nothing if running. */
  start(): Promise<void> {
    if (this.subscription) return Promise.resolve();
    this.starting ??= this.subscribe().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async subscribe(): Promise<void> {
    const epoch = ++this.epoch;
    for (const worker of this.workers) await worker.prepare();
    if (epoch !== this.epoch) return; // stopped while preparing
    const from = Math.min(...this.workers.map((worker) => worker.flushedPosition));
    this.subscription = this.eventStore.subscribeToAll(
      {
        onEvent: (event) => this.enqueue(() => this.onEvent(event, epoch)),
        onCaughtUp: () => {
          if (epoch === this.epoch) this.scheduleFlush(epoch);
        },
        // the events just committed are written now, in the loop turn that committed them: a
        // flush left to the next turn waited for every request of that turn (~64 at 64 clients)
        onHeadReached: () => this.flushNow(epoch),
        onError: (error) => this.logger.error(describe('projection failed, retrying from the last delivered event', error)),
      },
      {
        ...(from > NO_POSITION && Number.isFinite(from) ? { fromPosition: from } : {}),
        ...(this.options.retryDelayMs !== undefined ? { retryDelayMs: this.options.retryDelayMs } : {}),
        ...(this.options.maxRetryDelayMs !== undefined ? { maxRetryDelayMs: this.options.maxRetryDelayMs } : {}),
      },
    );
    const at = this.workers.map((worker) => `${worker.checkpointName}@${worker.flushedPosition}`).join(', ');
    this.logger.log(`projecting ${at || 'nothing'}`);
    void this.settleWaiters();
  }

  /**
   * Stops the subscription, waits for the event in hand, and flushes the batch of whole events
   * with its checkpoint (or, if that fails, drops it: it will be replayed from the checkpoint).
   */
  async stop(): Promise<void> {
    this.epoch += 1;
    const subscription = this.subscription;
    this.subscription = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await subscription?.stop();
    await this.enqueue(async () => {
      try {
        await this.flushAll();
      } catch (error) {
        this.logger.error(describe('could not flush on stop; the batch will be replayed', error));
      }
      for (const worker of this.workers) worker.discard();
    });
  }

  /** The position every read model has reached (0 when none has projected anything). */
  position(): number {
    if (this.workers.length === 0) return Number.MAX_SAFE_INTEGER;
    return Math.max(0, Math.min(...this.workers.map((worker) => worker.flushedPosition)));
  }

  /** Each read model's checkpoint and parked positions, for health and the parked-events list. */
  states(): { name: string; checkpoint: string; position: number; servedCollection: string; servedPosition: number; parked: number[] }[] {
    return this.workers.map((worker) => ({
      name: worker.name,
      checkpoint: worker.checkpointName,
      position: Math.max(0, worker.flushedPosition),
      servedCollection: worker.servedCollection,
      servedPosition: Math.max(0, worker.servedPosition),
      parked: [...worker.parkedPositions],
    }));
  }

  /** Each read model's checkpoint, by projection name. */
  positions(): Record<string, number> {
    return Object.fromEntries(this.workers.map((worker) => [worker.name, Math.max(0, worker.flushedPosition)]));
  }

  /**
   * Resolves once every read model includes the event at `position` (or every stored event, when
   * the store holds nothing at or beyond it). Rejects with ProjectionTimeoutError after `timeoutMs`.
   */
  waitFor(position: number, timeoutMs = 5000): Promise<void> {
    if (this.reached(position)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new ProjectionTimeoutError(position, this.position(), timeoutMs));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      void this.settleWaiters();
    });
  }

  /** Stops, clears the read model and its checkpoint, and starts again: it replays from the start. */
  async rebuild(name: string): Promise<void> {
    const worker = this.workers.find((candidate) => candidate.name === name);
    if (!worker) throw new Error(`no projection named ${name}`);
    const wasRunning = this.running;
    await this.stop();
    await this.readStore.clear(worker.collection);
    await this.readStore.resetCheckpoint(worker.checkpointName);
    // Its parked events are retried by the replay (parked again if they still throw).
    const parked = await this.readStore.find(PARKED_EVENTS_COLLECTION, { checkpoint: worker.checkpointName });
    for (const doc of parked) await this.readStore.delete(PARKED_EVENTS_COLLECTION, doc._id);
    worker.parkedPositions = [];
    worker.flushedPosition = NO_POSITION;
    worker.discard();
    this.logger.log(`rebuilding ${worker.checkpointName} from the first event`);
    if (wasRunning) await this.start();
    else await worker.prepare();
  }

  private async onEvent(event: RecordedEvent, epoch: number): Promise<void> {
    if (epoch !== this.epoch) return;
    for (const worker of this.workers) await worker.handle(event);
    if (this.workers.some((worker) => worker.bufferedEvents >= this.batchSize)) {
      // a full batch waits for the one being written (a failed write stops the delivery: it is retried)
      await this.flight;
      this.startFlush(epoch);
    } else {
      this.scheduleFlush(epoch);
    }
  }

  /** Flushes right after the events in hand (next macrotask), so live events show up at once. */
  private scheduleFlush(epoch: number): void {
    if (this.flushScheduledFor === epoch) return;
    this.flushScheduledFor = epoch;
    setImmediate(() => {
      if (this.flushScheduledFor === epoch) this.flushScheduledFor = undefined;
      this.flushNow(epoch);
    });
  }

  /** Starts a flush once the events queued before it are evolved; the queue goes on while it is written. */
  private flushNow(epoch: number): void {
    if (epoch !== this.epoch) return;
    void this.enqueue(async () => {
      if (epoch === this.epoch) this.startFlush(epoch);
    });
  }

  /** Writes the batches unless a write is in flight (then once it is stored); a failed write is retried with backoff. */
  private startFlush(epoch: number): void {
    if (this.flight) {
      this.flushAgain = true;
      return;
    }
    this.writeBatches().then(
      () => {
        this.retryDelayMs = this.options.retryDelayMs ?? 100;
        if (this.workers.some((worker) => worker.takeoverPending)) {
          // a waiter resolves once queries read what it waited for: after the takeover
          void this.enqueue(() => (epoch === this.epoch ? this.takeOver() : Promise.resolve()))
            .catch((error: unknown) => this.logger.error(describe('could not move queries to the rebuilt read model; trying again after the next flush', error)))
            .finally(() => void this.settleWaiters());
        } else {
          void this.settleWaiters();
        }
        if (this.flushAgain) {
          this.flushAgain = false;
          this.flushNow(epoch);
        }
      },
      (error: unknown) => {
        this.flushAgain = false;
        if (epoch !== this.epoch) return;
        this.logger.error(describe('flush failed, retrying', error));
        this.retryTimer = setTimeout(() => this.scheduleFlush(epoch), this.retryDelayMs);
        this.retryTimer.unref();
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.options.maxRetryDelayMs ?? 5000);
      },
    );
  }

  /** Waits for the write in flight, writes what is left, and moves rebuilt read models in. */
  private async flushAll(): Promise<void> {
    try {
      await this.flight?.catch(() => undefined);
      await this.writeBatches();
      await this.takeOver();
    } finally {
      void this.settleWaiters();
    }
  }

  /**
   * Every projection's batch and checkpoint in one `apply`: one commit (one fsync) per flush, not
   * one per projection. Resolves once stored; on failure the batches are given back to be written
   * again with what came after them.
   */
  private writeBatches(): Promise<void> {
    const taken = this.workers.flatMap((worker) => {
      const batch = worker.takeBatch();
      return batch ? [{ worker, batch }] : [];
    });
    if (taken.length === 0) return Promise.resolve();
    const flight = this.readStore
      .apply({
        upserts: taken.flatMap(({ batch }) => batch.changes.upserts),
        deletes: taken.flatMap(({ batch }) => batch.changes.deletes),
        checkpoints: taken.flatMap(({ batch }) => checkpointsOf(batch.changes)),
      })
      .then(
        () => {
          for (const { worker, batch } of taken) worker.confirm(batch);
        },
        (error: unknown) => {
          for (const { worker, batch } of taken) worker.giveBack(batch);
          throw error;
        },
      )
      .finally(() => {
        if (this.flight === flight) this.flight = undefined;
      });
    this.flight = flight;
    return flight;
  }

  /** Read models rebuilt beside the served ones take over once caught up with the head. */
  private async takeOver(): Promise<void> {
    const pending = this.workers.filter((worker) => worker.takeoverPending);
    if (pending.length === 0) return;
    const head = await this.eventStore.headPosition();
    for (const worker of pending) {
      const from = worker.servedCollection;
      if (!(await worker.takeOverIfCaughtUp(head))) continue;
      // a first build has nothing to take over from
      if (from !== worker.collection) this.logger.log(`${worker.collection} caught up at ${head}: queries read it instead of ${from}`);
    }
  }

  /** The collection queries of a read model read (see ProjectionWorker.servedCollection). */
  servedCollection(name: string): string {
    const worker = this.workers.find((candidate) => candidate.name === name);
    if (!worker) throw new Error(`no projection named ${name}`);
    return worker.servedCollection;
  }

  private reached(position: number): boolean {
    return this.workers.every((worker) => worker.flushedPosition >= position);
  }

  private async settleWaiters(): Promise<void> {
    for (const waiter of [...this.waiters]) if (this.reached(waiter.position)) waiter.resolve();
    if (this.waiters.size === 0) return;
    let head: number;
    try {
      head = await this.eventStore.headPosition();
    } catch {
      return; // the next flush looks again
    }
    // Everything stored is projected: nothing at or before a waiter's position is still to come.
    if (head === 0 || this.reached(head)) for (const waiter of [...this.waiters]) waiter.resolve();
  }

  /** Runs tasks one at a time, in order; a failed task does not block the next. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function describe(message: string, error: unknown): string {
  return `${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
