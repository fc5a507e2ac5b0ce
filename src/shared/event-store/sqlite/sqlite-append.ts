import {
  AppendResult,
  DuplicateEventIdError,
  ExpectedRevision,
  NewEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { linkOf } from '../../domain/event-chain';
import type { SqliteEventQueries } from './sqlite-event-queries';

/** The newest stored link, read when the write transaction begins and carried through its appends. */
export interface ChainHead {
  link: Buffer;
}

/** An append as it waits in the group commit queue: already serialised, so it cannot fail on JSON. */
export interface AppendRequest {
  streamName: string;
  expectedRevision: ExpectedRevision;
  events: SerializedEvent[];
}

export interface SerializedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
  subjects: string[];
}

export function toAppendRequest(
  streamName: string,
  events: NewEvent[],
  expectedRevision: ExpectedRevision,
  recordedAt: string,
): AppendRequest {
  if (events.length === 0) throw new Error(`append to ${streamName} needs at least one event`);
  return {
    streamName,
    expectedRevision,
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      metadata: JSON.stringify({ ...event.metadata, recordedAt }),
      recordedAt,
      subjects: event.metadata.subjects ?? [],
    })),
  };
}

/**
 * Runs inside a transaction (a savepoint of the group commit): checks, then writes, each event
 * chained after `chain` (advanced as it goes; the caller puts it back when the savepoint rolls back).
 */
export function appendEvents(queries: SqliteEventQueries, request: AppendRequest, chain: ChainHead): AppendResult {
  const retried = resultOfRetry(queries, request);
  if (retried) return retried;
  const { streamName, events } = request;
  const current = queries.streamRevision(streamName);
  assertExpectedRevision(streamName, request.expectedRevision, current);
  assertIdsAreNew(queries, request);
  let revision = current ?? -1;
  let position = 0;
  for (const event of events) {
    revision += 1;
    const chainPrev = chain.link;
    const chainLink = linkOf(chainPrev, { ...event, streamName, revision });
    position = queries.insertEvent({ ...event, streamName, revision, chainPrev, chainLink });
    chain.link = chainLink;
    for (const subject of event.subjects) queries.insertSubject(subject, position);
  }
  return { nextExpectedRevision: revision, position };
}

/**
 * An append whose first event id is stored is a retry only if every event of it is stored, in
 * this stream, at consecutive revisions; then the original result is returned and nothing written.
 */
function resultOfRetry(queries: SqliteEventQueries, { streamName, events }: AppendRequest): AppendResult | undefined {
  const first = queries.findById(events[0].id);
  if (!first) return undefined;
  const stored = events.map((event) => queries.findById(event.id));
  const isRetry = stored.every(
    (ref, index) => ref !== undefined && ref.stream_name === streamName && ref.revision === first.revision + index,
  );
  if (!isRetry) throw new DuplicateEventIdError(events[0].id, streamName);
  const last = stored[stored.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}

function assertIdsAreNew(queries: SqliteEventQueries, { streamName, events }: AppendRequest): void {
  const seen = new Set<string>();
  for (const { id } of events) {
    if (seen.has(id) || queries.findById(id)) throw new DuplicateEventIdError(id, streamName);
    seen.add(id);
  }
}

function assertExpectedRevision(streamName: string, expected: ExpectedRevision, current: number | undefined): void {
  const actual = current ?? 'no_stream';
  const matches =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    expected === current;
  if (!matches) throw new WrongExpectedRevisionError(streamName, expected, actual);
}
