import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  AppendResult,
  ChainReader,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadBySubjectOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
  SubscriptionHandler,
  SubscribeToAllOptions,
} from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import { ChangeSignal } from './change-signal';
import { GroupCommit, Outcome } from './group-commit';
import { AppendRequest, appendEvents, ChainHead, toAppendRequest } from './sqlite-append';
import { GENESIS_LINK } from '../../domain/event-chain';
import { chainEarlierEvents } from './sqlite-event-chain';
import { SqliteEventQueries } from './sqlite-event-queries';
import { openSchema, toChainedEvent, toRecordedEvent } from './sqlite-event-store.schema';

export interface SqliteEventStoreOptions {
  /** Database file; its directory is created if missing. */
  file: string;
  /** Store clock for `recordedAt`. */
  now?: () => Date;
  /** How often live subscriptions look for events committed by other processes. */
  pollIntervalMs?: number;
}

export interface SqliteEventStoreStats {
  /** Committed group-commit transactions. */
  readonly transactions: number;
  /** Appends that were part of a committed transaction (succeeded or failed alone). */
  readonly appends: number;
}

const PAGE_SIZE = 500;
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/**
 * The embedded event store: one SQLite file in WAL mode, synchronous = FULL, so an append is
 * durable when its promise resolves. Appends made in the same tick share one transaction, each in
 * its own savepoint, so one conflicting append fails alone.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly queries: SqliteEventQueries;
  private readonly groupCommit: GroupCommit<AppendRequest, AppendResult>;
  private readonly changes = new ChangeSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly now: () => Date;
  private readonly pollIntervalMs: number;
  private readonly counters = { transactions: 0, appends: 0 };
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    openSchema(this.db);
    this.queries = new SqliteEventQueries(this.db);
    chainEarlierEvents(this.db, this.queries);
    this.now = options.now ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.groupCommit = new GroupCommit((requests) => this.commitBatch(requests), () => this.changes.notify());
  }

  readonly chain: ChainReader = {
    readChain: async (afterPosition, maxCount) => {
      this.assertOpen();
      return this.queries.readChain(afterPosition, maxCount).map(toChainedEvent);
    },
    positionOfLink: async (link) => {
      this.assertOpen();
      return this.queries.positionOfLink(link);
    },
    readLinks: async (afterPosition, maxCount) => {
      this.assertOpen();
      return this.queries.readLinks(afterPosition, maxCount);
    },
    readLinksAndMetadata: async (afterPosition, maxCount) => {
      this.assertOpen();
      return this.queries.readLinksAndMetadata(afterPosition, maxCount);
    },
  };

  get stats(): SqliteEventStoreStats {
    return { ...this.counters };
  }

  async append(
    streamName: string,
    events: NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const recordedAt = this.now().toISOString();
    return this.groupCommit.submit(toAppendRequest(streamName, events, options.expectedRevision ?? 'any', recordedAt));
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    return this.queries.readStream(streamName, backwards, options.fromRevision, options.maxCount, options.eventTypes).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    return this.queries.readAll(backwards, options.fromPosition, options.maxCount, options.eventTypes).map(toRecordedEvent);
  }

  async readBySubject(subject: string, options: ReadBySubjectOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const upTo = options.recordedUpTo === undefined ? END_OF_TIME : new Date(options.recordedUpTo).toISOString();
    return this.queries.readBySubject(subject, upTo, options.maxCount, options.afterPosition).map(toRecordedEvent);
  }

  async indexSubjects(entries: { event: RecordedEvent; subjects: string[] }[]): Promise<void> {
    this.assertOpen();
    this.db.transaction(() => {
      for (const { event, subjects } of entries) for (const subject of subjects) this.queries.insertSubject(subject, event.position);
    })();
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.queries.headPosition();
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const source = {
      readAfter: (after: number, limit: number) => this.readAll({ fromPosition: after, maxCount: limit }),
      changes: this.changes,
    };
    const subscription: Subscription = new CatchUpSubscription(source, handler, {
      fromPosition: options.fromPosition,
      retryDelayMs: options.retryDelayMs ?? 100,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 5000,
      pollIntervalMs: this.pollIntervalMs,
      pageSize: PAGE_SIZE,
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Stops every subscription, commits appends still queued, and closes the database. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.groupCommit.flush();
    this.closed = true;
    this.db.close();
  }

  private commitBatch(requests: AppendRequest[]): Outcome<AppendResult>[] {
    const appendOne = this.db.transaction((request: AppendRequest, chain: ChainHead) => appendEvents(this.queries, request, chain));
    // the head is read inside the write transaction: no process keeps it in memory, so none can hold a stale one
    const commitAll = this.db.transaction((batch: AppendRequest[]) => {
      const chain: ChainHead = { link: this.queries.lastLink()?.link ?? GENESIS_LINK };
      return batch.map((request): Outcome<AppendResult> => {
        const linkBefore = chain.link;
        try {
          return { ok: true, value: appendOne(request, chain) };
        } catch (error) {
          chain.link = linkBefore;
          // SQLite may have rolled back the whole transaction (disk full, I/O error): abort the batch
          if (!this.db.inTransaction) throw error;
          return { ok: false, error };
        }
      });
    });
    const outcomes = commitAll.immediate(requests);
    this.counters.transactions += 1;
    this.counters.appends += requests.length;
    return outcomes;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }
}
