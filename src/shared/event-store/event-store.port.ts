import type { ChainedEvent } from '../domain/event-chain';

/**
 * The event store port. Its semantics follow EventStoreDB's so that the embedded SQLite adapter and
 * the EventStoreDB adapter are interchangeable and pass one contract suite (test/contract).
 *
 * - Streams are named `category-id` (see `streamName`).
 * - Stream revisions start at 0 for the first event of a stream.
 * - Global positions are strictly increasing across the whole store (gaps allowed), so a
 *   checkpoint is a single number. The EventStoreDB adapter uses the commit position.
 */

export const EVENT_STORE = Symbol('EVENT_STORE');

/** What the appending code knows about the stream it appends to. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Metadata the caller supplies; `recordedAt` is added by the store. */
export interface EventMetadataInput {
  /** Who caused the event: the authenticated principal, or `system:<component>`. */
  actor: string;
  correlationId: string;
  causationId: string;
  /** Business time: when the fact happened in the world (ISO-8601). */
  occurredAt: string;
  /**
   * Subjects the event concerns, e.g. `employee:E-1`. The store indexes them so that an
   * employee's whole record can be read straight from the store (`readBySubject`).
   */
  subjects?: string[];
  /**
   * Version of the shape of the event's data, stamped on append (src/shared/event-store/upcasting.ts).
   * Absent on events stored before versions were kept: they are version 1.
   */
  schemaVersion?: number;
}

export interface EventMetadata extends EventMetadataInput {
  /** Store time: when the store durably recorded the event (ISO-8601). */
  recordedAt: string;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** A UUID. Appending an event whose id is already stored in the same place is a no-op. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadataInput;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  streamName: string;
  revision: number;
  position: number;
}

/** A stored event as the tamper-evident chain covers it: one home, src/shared/domain/event-chain.ts. */
export type { ChainedEvent };

/** What a store keeping the chain lets its verifier read. */
export interface ChainReader {
  /** Events with position > `afterPosition`, in global order, at most `maxCount`. */
  readChain(afterPosition: number, maxCount: number): Promise<ChainedEvent[]>;
  /** The position of the event whose link this is, wherever it sits (to explain a broken chain). */
  positionOfLink(link: Buffer): Promise<number | undefined>;
  /** Only the links of the events with position > `afterPosition` (for Merkle roots and proofs). */
  readLinks(afterPosition: number, maxCount: number): Promise<{ position: number; link: Buffer | null }[]>;
  /** The links and the metadata as stored (JSON text) of the events with position > `afterPosition` (for the subjects' heads). */
  readLinksAndMetadata(afterPosition: number, maxCount: number): Promise<{ position: number; link: Buffer | null; metadata: string }[]>;
}

/** What a store keeping one chain per stream (EventStoreDB) lets its verifier read: every event with its stream's links. */
export interface StreamChainReader {
  /** Events with position > `afterPosition`, in global order, at most `maxCount`. */
  readChain(afterPosition: number, maxCount: number): Promise<ChainedEvent[]>;
  /** Every event of one stream with its links, by revision (for a record proof). */
  readStream(streamName: string): Promise<ChainedEvent[]>;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or of the already stored one, for a retry). */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  /** At most this many events (of `eventTypes`, when given). */
  maxCount?: number;
  /** Only events of these types (a fold that needs a few types of a long stream parses only those). */
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  direction?: 'forwards' | 'backwards';
  /**
   * Exclusive, like a checkpoint: forwards reads events with position > fromPosition,
   * backwards reads events with position < fromPosition. Omitted: from the start / the end.
   */
  fromPosition?: number;
  /** At most this many events (of `eventTypes`, when given). */
  maxCount?: number;
  /** Only events of these types (a rebuild reads what its projection handles, not the whole log). */
  eventTypes?: readonly string[];
}

export interface ReadBySubjectOptions {
  /** Only events the store recorded at or before this instant (ISO-8601). */
  recordedUpTo?: string;
  /** Exclusive: only events after this global position (to read a long subject page by page). */
  afterPosition?: number;
  maxCount?: number;
}

export interface SubscriptionHandler {
  /** Called once per event, in global order; the next event waits until it resolves. */
  onEvent(event: RecordedEvent): Promise<void> | void;
  /** Called when the subscription has delivered every stored event and is now live. */
  onCaughtUp?(): void;
  /**
   * Called each time the subscription has delivered every event stored when it last read, so a
   * consumer that batches can write its batch now rather than on a later turn of the event loop.
   * Optional for a subscription to call: a consumer must still flush on its own schedule.
   */
  onHeadReached?(): void;
  /** Called on an error before the subscription resubscribes from its last delivered position. */
  onError?(error: unknown): void;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: delivery starts after this position. Omitted: from the start. */
  fromPosition?: number;
  /** Delay before resubscribing after an error, doubled each time up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export interface Subscription {
  /** Position of the last event whose handler resolved, or undefined if none yet. */
  readonly lastPosition: number | undefined;
  stop(): Promise<void>;
}

export interface EventStore {
  append(streamName: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** Reading a stream that does not exist returns an empty list. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Every event whose metadata lists the subject, in global order. */
  readBySubject(subject: string, options?: ReadBySubjectOptions): Promise<RecordedEvent[]>;
  /**
   * Adds stored events to subjects their metadata does not list (an index beside the events, for a
   * subject introduced after they were stored): readBySubject finds them from then on. The events
   * themselves are not touched. Idempotent.
   */
  indexSubjects(entries: { event: RecordedEvent; subjects: string[] }[]): Promise<void>;
  /** Position of the newest stored event, or 0 when the store is empty. */
  headPosition(): Promise<number>;
  subscribeToAll(handler: SubscriptionHandler, options?: SubscribeToAllOptions): Subscription;
  /** The tamper-evident chain in global order, on the embedded store (docs/integrity.md). */
  readonly chain?: ChainReader;
  /** The chain kept per stream, on EventStoreDB (docs/integrity.md). */
  readonly streamChain?: StreamChainReader;
  /** Whether the store answers now; never throws. Embedded stores may omit it (always healthy). */
  checkHealth?(): Promise<{ healthy: boolean; reason?: string }>;
  close(): Promise<void>;
}

/** The stream's actual revision did not match what the appender expected. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'wrong_expected_revision';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id was reused for a different event or stream: not a retry of the same append. */
export class DuplicateEventIdError extends Error {
  readonly code = 'duplicate_event_id';
  constructor(readonly eventId: string, readonly streamName: string) {
    super(`event id ${eventId} is already stored, but not as a retry of this append to ${streamName}`);
    this.name = 'DuplicateEventIdError';
  }
}

export function streamName(category: string, id: string): string {
  if (!/^[a-z][a-zA-Z]*$/.test(category)) throw new Error(`invalid stream category: ${category}`);
  if (!id) throw new Error('stream id is empty');
  return `${category}-${id}`;
}
