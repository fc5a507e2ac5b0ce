import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import {
  DuplicateEventIdError,
  type ChainedEvent,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadBySubjectOptions,
  type ReadStreamOptions,
  type StreamChainReader,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port';
import {
  commitPositionOf,
  isOwnEvent,
  subjectStreamName,
  toActualRevision,
  toExpectedRevision,
  toLinkEvent,
  toRecordedEvent,
} from './esdb-event-mapping';
import { EsdbSubscription } from './esdb-subscription';
import { GENESIS_LINK } from '../../domain/event-chain';
import { chainedEventData, linkOfStored, toChainedEvent } from './esdb-stream-chain';
import { StreamHeads } from './stream-heads';

/** Appends with `any` or `stream_exists` read the head again this often when others append first. */
const HEAD_ATTEMPTS = 20;

interface StreamHead {
  revision: number;
  link: Buffer;
}

export interface EsdbEventStoreOptions {
  /** `connect` first checks that the server answers (default true). */
  verifyConnection?: boolean;
  healthCheckTimeoutMs?: number;
  /** Events a subscription may hold in memory before the gRPC stream is paused (default 32). */
  subscriptionBufferSize?: number;
}

export type EsdbHealth = { healthy: true } | { healthy: false; reason: string };

/** Thrown when the events were stored but their subject links were not: retry the same append. */
export class SubjectIndexError extends Error {
  readonly code = 'subject_index_incomplete';
  constructor(readonly streamName: string, cause: unknown) {
    super(`events were appended to ${streamName} but their subject links were not; retry the same append to repair`, { cause });
    this.name = 'SubjectIndexError';
  }
}

/**
 * The event store port on EventStoreDB (gRPC client 6). Port positions are EventStoreDB commit
 * positions; system events (`$` types and streams) and link events are never returned.
 *
 * readBySubject: when appending, the adapter also appends one link event per (event, subject)
 * (type `$>`, data `revision@stream`) to the stream `subject-<subject>`, and readBySubject reads
 * that stream with link resolution, then sorts by position (concurrent appenders may write links
 * out of global order), removes duplicates and applies `recordedUpTo`. We chose this over a
 * server-side projection because it needs no projection subsystem, works on any server and is
 * visible as soon as the append returns. It is NOT atomic with the append: if the process dies,
 * or the server fails, between the two writes, the events are stored but missing from their
 * subjects' streams. The append then rejects with SubjectIndexError; link ids are derived from
 * (event id, subject), so retrying the same append (an idempotent no-op for the events) rewrites
 * the missing links and duplicates are ignored on read. A crash before the retry leaves the gap
 * until some append with those event ids is retried.
 *
 * Known gap: an event id reused in ANOTHER stream is not detected (EventStoreDB keeps no global
 * index of event ids), so that append is stored instead of failing with DuplicateEventIdError.
 * Reuse within the same stream is detected (see resultOfRetry).
 */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbSubscription>();
  /** The newest link this instance wrote per stream: the next append there reads nothing first. */
  private readonly heads = new StreamHeads();
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions & { ownsClient?: boolean } = {},
  ) {}

  /** Connects with an `esdb://` connection string and (by default) checks the server answers. */
  static async connect(connectionString: string, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
    const client = EventStoreDBClient.connectionString(connectionString);
    const store = new EsdbEventStore(client, { ...options, ownsClient: true });
    if (options.verifyConnection === false) return store;
    const health = await store.checkHealth();
    if (!health.healthy) {
      await store.close();
      throw new Error(`EventStoreDB is not reachable: ${health.reason}`);
    }
    return store;
  }

  /** Answers whether the server serves a read within the timeout; never throws. */
  async checkHealth(timeoutMs = this.options.healthCheckTimeoutMs ?? 3000): Promise<EsdbHealth> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    try {
      await Promise.race([collect(read, () => undefined, Number.MAX_SAFE_INTEGER), timeout]);
      return { healthy: true };
    } catch (error) {
      await read.cancel().catch(() => undefined);
      return { healthy: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  async append(
    streamName: string,
    events: NewEvent[],
    { expectedRevision = 'any' }: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamName} needs at least one event`);
    assertUniqueIds(streamName, events);
    const appended = await this.appendChained(streamName, events, expectedRevision);
    const { nextExpectedRevision } = appended;
    // EventStoreDB answers an idempotent retry without a position: look the last event up.
    const position =
      appended.position ?? (await this.readStream(streamName, { fromRevision: nextExpectedRevision, maxCount: 1 }))[0].position;
    await this.linkSubjects(streamName, events, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  /**
   * Appends the events chained to the stream's event before them (esdb-stream-chain.ts), always
   * with the exact revision they follow, so that a concurrent append can never put another event
   * between a link and the event it names. With `any` or `stream_exists` the head is read first
   * (after looking for the events, since EventStoreDB recognises a retry only at the revision it
   * followed), and read again when another appender got in first.
   */
  private async appendChained(streamName: string, events: NewEvent[], expected: ExpectedRevision): Promise<{ nextExpectedRevision: number; position?: number }> {
    const pinned = expected !== 'any' && expected !== 'stream_exists';
    if (!pinned) {
      const retried = await this.resultOfRetry(streamName, events);
      if (retried) return retried;
    }
    for (let attempt = 1; ; attempt++) {
      const head = pinned ? await this.linkAt(streamName, expected === 'no_stream' ? -1 : expected) : await this.streamHead(streamName);
      if (expected === 'stream_exists' && head.revision < 0) throw new WrongExpectedRevisionError(streamName, expected, 'no_stream');
      const follows = head.revision;
      const { eventData, lastLink } = chainedEventData(streamName, follows + 1, head.link, events);
      try {
        const result = await this.client.appendToStream(streamName, eventData, { expectedRevision: toExpectedRevision(follows < 0 ? 'no_stream' : follows) });
        const nextExpectedRevision = Number(result.nextExpectedRevision);
        if (result.position) this.heads.remember(streamName, nextExpectedRevision, lastLink);
        return { nextExpectedRevision, position: result.position ? Number(result.position.commit) : undefined };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const retried = await this.resultOfRetry(streamName, events);
        if (retried) return retried;
        if (pinned || attempt >= HEAD_ATTEMPTS) throw new WrongExpectedRevisionError(streamName, expected, toActualRevision(error.actualVersion));
      }
    }
  }

  /** The link of the event at `revision` (-1: before the first), from memory when this instance wrote it. */
  private async linkAt(streamName: string, revision: number): Promise<StreamHead> {
    if (revision < 0) return { revision, link: GENESIS_LINK };
    const known = this.heads.at(streamName, revision);
    if (known) return { revision, link: known };
    const [stored] = await this.readStored(streamName, { direction: FORWARDS, fromRevision: BigInt(revision), maxCount: 1 });
    // absent: the append fails its expected revision (or is a retry); unchained: stored before the chain
    return { revision, link: (stored && Number(stored.revision) === revision && linkOfStored(stored)) || GENESIS_LINK };
  }

  private async streamHead(streamName: string): Promise<StreamHead> {
    const [last] = await this.readStored(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last ? { revision: Number(last.revision), link: linkOfStored(last) ?? GENESIS_LINK } : { revision: -1, link: GENESIS_LINK };
  }

  /** Stored events as EventStoreDB returns them (links in their metadata); none for a missing stream. */
  private async readStored(streamName: string, options: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof END | typeof START; maxCount: number }): Promise<EsdbRecordedEvent[]> {
    try {
      return await collect(this.client.readStream(streamName, options), (resolved) => resolved.event);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    const read = this.client.readStream(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      // with types, maxCount counts the events kept: the server cannot filter a stream by type
      maxCount: types ? Number.MAX_SAFE_INTEGER : (options.maxCount ?? Number.MAX_SAFE_INTEGER),
    });
    try {
      return await collect(
        read,
        (resolved) => (resolved.event && (!types || types.has(resolved.event.type)) ? toRecordedEvent(resolved.event) : undefined),
        types ? options.maxCount : undefined,
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /**
   * The port's fromPosition is exclusive. EventStoreDB reads $all forwards from a position
   * inclusively (so the event at exactly that position is skipped here) and backwards exclusively.
   * System and link events are filtered out here, so maxCount is applied after filtering.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    if (backwards && from !== undefined && from <= 0) return [];
    let fromPosition: ReadPosition;
    if (from === undefined || (!backwards && from <= 0)) fromPosition = backwards ? END : START;
    else fromPosition = { commit: BigInt(from), prepare: BigInt(from) };
    const read = this.client.readAll({ direction: backwards ? BACKWARDS : FORWARDS, fromPosition });
    const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    return collect(
      read,
      (resolved) => {
        if (!isOwnEvent(resolved)) return undefined;
        if (types && !types.has(resolved.event.type)) return undefined;
        const event = toRecordedEvent(resolved.event);
        return from !== undefined && event.position === from ? undefined : event;
      },
      options.maxCount,
    );
  }

  async readBySubject(subject: string, options: ReadBySubjectOptions = {}): Promise<RecordedEvent[]> {
    const read = this.client.readStream(subjectStreamName(subject), { resolveLinkTos: true });
    let linked: RecordedEvent[];
    try {
      linked = await collect(read, (resolved) => (resolved.link && resolved.event ? toRecordedEvent(resolved.event) : undefined));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    const upTo = options.recordedUpTo === undefined ? undefined : Date.parse(options.recordedUpTo);
    const unique = new Map(linked.map((event) => [event.id, event]));
    const events = [...unique.values()]
      .filter((event) => upTo === undefined || Date.parse(event.metadata.recordedAt) <= upTo)
      .filter((event) => options.afterPosition === undefined || event.position > options.afterPosition)
      .sort((a, b) => a.position - b.position);
    return options.maxCount === undefined ? events : events.slice(0, options.maxCount);
  }

  /**
   * Every stored event of ours with its stream's links, position > `afterPosition`, in global order
   * (for `verifyStreamChains`): data and metadata as the links' digest encodes them.
   */
  readonly streamChain: StreamChainReader = {
    readChain: (afterPosition, maxCount) => this.readStreamChains(afterPosition, maxCount),
    readStream: (streamName) => this.readOneStreamChain(streamName),
  };

  private async readOneStreamChain(streamName: string): Promise<ChainedEvent[]> {
    try {
      return await collect(this.client.readStream(streamName, { direction: FORWARDS, fromRevision: START }), (resolved) =>
        resolved.event ? toChainedEvent(resolved.event, commitPositionOf(resolved.event)) : undefined,
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readStreamChains(afterPosition: number, maxCount: number): Promise<ChainedEvent[]> {
    const fromPosition: ReadPosition = afterPosition <= 0 ? START : { commit: BigInt(afterPosition), prepare: BigInt(afterPosition) };
    const read = this.client.readAll({ direction: FORWARDS, fromPosition });
    return collect(
      read,
      (resolved) => {
        if (!isOwnEvent(resolved)) return undefined;
        const position = commitPositionOf(resolved.event);
        return position === afterPosition ? undefined : toChainedEvent(resolved.event, position);
      },
      maxCount,
    );
  }

  async headPosition(): Promise<number> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    const [newest] = await collect(read, (resolved) => (isOwnEvent(resolved) ? toRecordedEvent(resolved.event) : undefined), 1);
    return newest?.position ?? 0;
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeToAllOptions = {}): Subscription {
    if (this.closed) throw new Error('the EventStoreDB event store is closed');
    const subscription: EsdbSubscription = new EsdbSubscription(this.client, handler, {
      fromPosition: options.fromPosition,
      retryDelayMs: options.retryDelayMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
      bufferSize: this.options.subscriptionBufferSize ?? 32,
      headPosition: () => this.headPosition(),
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Stops every subscription; disposes of the client when this store created it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.options.ownsClient) await disposeClient(this.client);
  }

  /**
   * EventStoreDB treats an append as a retry only while its expected revision still passes (with a
   * stale exact revision it reports a wrong expected version), and with `any` it reports a wrong
   * expected version when only the first event id is stored. The port accepts a retry under any
   * expected revision, so on a wrong expected version the stream is searched for the events: all
   * stored at consecutive revisions is a retry (its original result), the first alone is a reused id.
   */
  private async resultOfRetry(streamName: string, events: NewEvent[]): Promise<AppendResult | undefined> {
    const stored = await this.readStream(streamName);
    const ids = events.map((event) => event.id.toLowerCase());
    const start = stored.findIndex((event) => event.id.toLowerCase() === ids[0]);
    if (start < 0) return undefined;
    const isRetry = ids.every((id, index) => stored[start + index]?.id.toLowerCase() === id);
    if (!isRetry) throw new DuplicateEventIdError(events[0].id, streamName);
    const last = stored[start + events.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async indexSubjects(entries: { event: RecordedEvent; subjects: string[] }[]): Promise<void> {
    if (this.closed) throw new Error('the EventStoreDB event store is closed');
    const links = new Map<string, ReturnType<typeof toLinkEvent>[]>();
    for (const { event, subjects } of entries) {
      for (const subject of new Set(subjects)) links.set(subject, [...(links.get(subject) ?? []), toLinkEvent(event.id, subject, event.revision, event.streamName)]);
    }
    // link ids derive from (event id, subject): indexing again appends duplicates that reads drop
    await Promise.all([...links].map(([subject, subjectLinks]) => this.client.appendToStream(subjectStreamName(subject), subjectLinks)));
  }

  /** One link per (event, subject), written with `any`: see the class comment. */
  private async linkSubjects(streamName: string, events: NewEvent[], lastRevision: number): Promise<void> {
    const firstRevision = lastRevision - events.length + 1;
    const links = new Map<string, ReturnType<typeof toLinkEvent>[]>();
    events.forEach((event, index) => {
      for (const subject of new Set(event.metadata.subjects ?? [])) {
        const link = toLinkEvent(event.id, subject, firstRevision + index, streamName);
        links.set(subject, [...(links.get(subject) ?? []), link]);
      }
    });
    try {
      await Promise.all(
        [...links].map(([subject, subjectLinks]) => this.client.appendToStream(subjectStreamName(subject), subjectLinks)),
      );
    } catch (error) {
      throw new SubjectIndexError(streamName, error);
    }
  }
}

/** Reads to the end, or until `limit` values and then cancels the gRPC call. */
async function collect<T, R>(
  read: StreamingRead<T>,
  accept: (item: T) => R | undefined,
  limit = Number.MAX_SAFE_INTEGER,
): Promise<R[]> {
  const values: R[] = [];
  if (limit <= 0) {
    await read.cancel().catch(() => undefined);
    return values;
  }
  for await (const item of read) {
    const value = accept(item);
    if (value !== undefined) values.push(value);
    if (values.length >= limit) {
      await read.cancel().catch(() => undefined);
      break;
    }
  }
  return values;
}

function assertUniqueIds(streamName: string, events: NewEvent[]): void {
  const seen = new Set<string>();
  for (const { id } of events) {
    if (seen.has(id.toLowerCase())) throw new DuplicateEventIdError(id, streamName);
    seen.add(id.toLowerCase());
  }
}

/** Cancels the client's open calls and closes its channel, so that no handle keeps Node alive. */
async function disposeClient(client: EventStoreDBClient): Promise<void> {
  await client.dispose();
  const internals = client as unknown as { getChannel?: () => Promise<{ close(): void }> };
  const channel = await internals.getChannel?.().catch(() => undefined);
  channel?.close();
}
