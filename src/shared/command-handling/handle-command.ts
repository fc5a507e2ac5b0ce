import type { Decider } from '../domain/decider';
import type { EventStore, ExpectedRevision, RecordedEvent } from '../event-store/event-store.port';
import { WrongExpectedRevisionError } from '../event-store/event-store.port';
import type { CommandMetadata } from './command-metadata';
import { eventIdsFor } from './event-ids';
import type { CachedStreamFold, FoldedStream } from './cached-stream-fold';

export interface CommandResult {
  streamName: string;
  /** Revision of the stream's last event after the command (-1: the stream does not exist). */
  revision: number;
  /** Global position of the last event the command appended, or of the head it saw. */
  position: number;
  /** How many events the command appended (0 when its effect was already recorded). */
  appended: number;
}

export interface HandleCommandOptions<Event, Context, State = unknown> {
  metadata: CommandMetadata;
  /** Business time of each event, for its metadata. */
  occurredAt: (event: Event) => string;
  /** Subjects of each event (e.g. `employee:E-1`), indexed by the store for record replay. */
  subjects: (event: Event) => string[];
  /** Loads facts from other streams the decision needs. Runs on every attempt. */
  context?: () => Promise<Context>;
  /** Revision the client expects (from If-Match); a mismatch is a conflict and is not retried. */
  expectedRevision?: number;
  /** Loads the stream's state incrementally instead of folding the whole stream (see AggregateStream.fold). */
  fold?: CachedStreamFold<Event, State>;
}

const ATTEMPTS_ON_CONFLICT = 3;

/** Load the stream, fold it, decide, append with the revision that was read. */
export async function handleCommand<Command, Event extends { type: string; data: unknown }, State, Context>(
  store: EventStore,
  streamName: string,
  decider: Decider<Command, Event, State, Context>,
  command: Command,
  options: HandleCommandOptions<Event, Context, State>,
): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(store, streamName, decider, command, options);
    } catch (error) {
      const retry = error instanceof WrongExpectedRevisionError && options.expectedRevision === undefined && attempt < ATTEMPTS_ON_CONFLICT;
      if (!retry) throw error;
    }
  }
}

async function attemptOnce<Command, Event extends { type: string; data: unknown }, State, Context>(
  store: EventStore,
  streamName: string,
  decider: Decider<Command, Event, State, Context>,
  command: Command,
  options: HandleCommandOptions<Event, Context, State>,
): Promise<CommandResult> {
  const { state, revision, position } = options.fold ? await options.fold.loadWithRevision(store, streamName) : await foldWhole(store, streamName, decider);
  if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
    throw new WrongExpectedRevisionError(streamName, options.expectedRevision, revision < 0 ? 'no_stream' : revision);
  }
  const context = options.context ? await options.context() : (undefined as Context);
  const events = decider.decide(command, state, context);
  if (events.length === 0) {
    return { streamName, revision, position, appended: 0 };
  }
  const { metadata } = options;
  const ids = eventIdsFor(events.length, streamName, metadata.idempotencyKey);
  const expectedRevision: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
  const result = await store.append(
    streamName,
    events.map((event, index) => ({
      id: ids[index],
      type: event.type,
      data: event.data,
      metadata: {
        actor: metadata.actor,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        occurredAt: options.occurredAt(event),
        subjects: options.subjects(event),
      },
    })),
    { expectedRevision },
  );
  return { streamName, revision: result.nextExpectedRevision, position: result.position, appended: events.length };
}

export function asDomainEvent<Event>(event: RecordedEvent): Event {
  return { type: event.type, data: event.data } as Event;
}

async function foldWhole<Event extends { type: string }, State>(store: EventStore, streamName: string, decider: Decider<never, Event, State, never>): Promise<FoldedStream<State>> {
  const recorded = await store.readStream(streamName);
  const state = recorded.map(asDomainEvent<Event>).reduce(decider.evolve, decider.initialState);
  return { state, revision: recorded.length === 0 ? -1 : recorded[recorded.length - 1].revision, position: lastPosition(recorded) };
}

function lastPosition(events: RecordedEvent[]): number {
  return events.length === 0 ? 0 : events[events.length - 1].position;
}
