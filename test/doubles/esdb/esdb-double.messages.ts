/** Protobuf conversions of the EventStoreDB protocol double (test code, never shipped). */
import * as shared from '@eventstore/db-client/generated/shared_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { Expected, ProposedRecord, StoredRecord } from './esdb-double.log';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidRequestError extends Error {}

export function streamNameOf(identifier: shared.StreamIdentifier | undefined): string {
  if (!identifier) throw new InvalidRequestError('stream identifier is missing');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function streamIdentifier(streamName: string): shared.StreamIdentifier {
  const identifier = new shared.StreamIdentifier();
  identifier.setStreamName(Uint8Array.from(Buffer.from(streamName, 'utf8')));
  return identifier;
}

export function uuidString(uuid: shared.UUID | undefined): string {
  if (!uuid) throw new InvalidRequestError('event id is missing');
  let value: string;
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured()!;
    const hex = (bits: string) => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0');
    const all = hex(structured.getMostSignificantBits()) + hex(structured.getLeastSignificantBits());
    value = `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20)}`;
  } else {
    value = uuid.getString();
  }
  if (!UUID_PATTERN.test(value)) throw new InvalidRequestError(`event id is not a UUID: ${value}`);
  return value.toLowerCase();
}

interface ProposedMessage {
  getId(): shared.UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

/** Append and BatchAppend carry the same proposed message shape; `type` and `content-type` are required. */
export function proposedRecord(message: ProposedMessage): ProposedRecord {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (!type) throw new InvalidRequestError('required metadata property "type" is missing');
  if (!contentType) throw new InvalidRequestError('required metadata property "content-type" is missing');
  return {
    id: uuidString(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

export function expectedFromAppend(options: streams.AppendReq.Options): Expected {
  const Case = streams.AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return { kind: 'revision', revision: Number(options.getRevision()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Case.ANY:
      return { kind: 'any' };
    default:
      throw new InvalidRequestError('expected stream revision is missing');
  }
}

export function expectedFromBatch(options: streams.BatchAppendReq.Options): Expected {
  const Case = streams.BatchAppendReq.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return { kind: 'revision', revision: Number(options.getStreamPosition()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Case.ANY:
      return { kind: 'any' };
    default:
      throw new InvalidRequestError('expected stream position is missing');
  }
}

export function recordedEvent(record: StoredRecord): streams.ReadResp.ReadEvent.RecordedEvent {
  const message = new streams.ReadResp.ReadEvent.RecordedEvent();
  const id = new shared.UUID();
  id.setString(record.id);
  message.setId(id);
  message.setStreamIdentifier(streamIdentifier(record.streamName));
  message.setStreamRevision(String(record.revision));
  message.setCommitPosition(String(record.position));
  message.setPreparePosition(String(record.position));
  const metadata = message.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('created', String(record.created));
  metadata.set('content-type', record.contentType);
  message.setData(record.data);
  message.setCustomMetadata(record.customMetadata);
  return message;
}

/** A read response for one record, optionally with the link that pointed to it. */
export function readEventResponse(
  event: StoredRecord | undefined,
  link: StoredRecord | undefined,
  commitPosition: bigint | undefined,
): streams.ReadResp {
  const readEvent = new streams.ReadResp.ReadEvent();
  if (event) readEvent.setEvent(recordedEvent(event));
  if (link) readEvent.setLink(recordedEvent(link));
  if (commitPosition === undefined) readEvent.setNoPosition(new shared.Empty());
  else readEvent.setCommitPosition(String(commitPosition));
  const response = new streams.ReadResp();
  response.setEvent(readEvent);
  return response;
}
