import { createHash } from 'node:crypto';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  binaryEvent,
  jsonEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type RecordedEvent as EsdbRecordedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadataInput, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port';
import { callerMetadata } from './esdb-stream-chain';

/** EventStoreDB's link event type: its data `revision@stream` points at another event. */
export const LINK_EVENT_TYPE = '$>';

export function subjectStreamName(subject: string): string {
  return `subject-${subject}`;
}

export function toExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

export function toActualRevision(actual: bigint | string | undefined): number | 'no_stream' {
  return typeof actual === 'bigint' ? Number(actual) : 'no_stream';
}

/** A link event whose id is derived from the event and subject, so that rewriting it is idempotent. */
export function toLinkEvent(eventId: string, subject: string, revision: number, streamName: string): EventData {
  return binaryEvent({
    id: deterministicUuid(`${eventId}|${subject}`),
    type: LINK_EVENT_TYPE,
    data: Buffer.from(`${revision}@${streamName}`, 'utf8'),
  });
}

/** Our events only: system streams/types (`$`-prefixed) and link events are EventStoreDB's own. */
export function isOwnEvent(resolved: ResolvedEvent): resolved is ResolvedEvent & { event: EsdbRecordedEvent } {
  const event = resolved.event;
  return event !== undefined && !event.type.startsWith('$') && !event.streamId.startsWith('$');
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  const metadata = callerMetadata(event) as unknown as EventMetadataInput;
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: { ...metadata, recordedAt: event.created.toISOString() },
    streamName: event.streamId,
    revision: Number(event.revision),
    position: commitPositionOf(event),
  };
}

/**
 * EventStoreDB sends an event's log position with every read since 22.6; older servers send
 * none for stream reads (or 2^64-1), which this adapter cannot work with.
 */
export function commitPositionOf(event: EsdbRecordedEvent): number {
  const commit = event.position?.commit;
  if (commit === undefined || commit >= 2n ** 63n) {
    throw new Error(`EventStoreDB sent no position for event ${event.id}: EventStoreDB 22.6 or newer is required`);
  }
  return Number(commit);
}


/** A name-based (version 5 style) UUID from a SHA-1 of the name. */
function deterministicUuid(name: string): string {
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
