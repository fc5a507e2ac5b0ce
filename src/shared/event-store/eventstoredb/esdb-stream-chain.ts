import { jsonEvent, type EventData, type JSONType, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { linkOf, type ChainedEvent } from '../../domain/event-chain';
import type { NewEvent } from '../event-store.port';

/**
 * The chain on EventStoreDB is kept per stream (docs/integrity.md): several instances append to one
 * server and only the server orders `$all`, so no instance knows the global previous link when it
 * appends; within a stream the expected-revision check gives one order. Each event's links ride in
 * its metadata under this key, and are never part of the metadata the port returns.
 */
export const CHAIN_METADATA_KEY = '$chain';

export interface StreamLinks {
  prev: string;
  link: string;
}

/**
 * The events as EventStoreDB stores them, each carrying the link to the event before it in the
 * stream (`previous`, the link of revision `firstRevision - 1`) and its own. The digest covers the
 * caller's metadata: the server's `created` time is stamped after the links are computed.
 */
export function chainedEventData(streamName: string, firstRevision: number, previous: Buffer, events: NewEvent[]): { eventData: EventData[]; lastLink: Buffer } {
  let prev = previous;
  const eventData = events.map((event, index) => {
    const data = (event.data ?? null) as JSONType;
    const link = linkOf(prev, {
      id: event.id.toLowerCase(),
      streamName,
      revision: firstRevision + index,
      type: event.type,
      data: JSON.stringify(data),
      metadata: JSON.stringify(event.metadata),
    });
    const links: StreamLinks = { prev: prev.toString('hex'), link: link.toString('hex') };
    prev = link;
    return jsonEvent({ id: event.id, type: event.type, data, metadata: { ...event.metadata, [CHAIN_METADATA_KEY]: links } as unknown as JSONType });
  });
  return { eventData, lastLink: prev };
}

/** The link of a stored event, or undefined for one stored without (before the chain, or stripped). */
export function linkOfStored(event: EsdbRecordedEvent): Buffer | undefined {
  const links = linksOf(event.metadata);
  return links ? Buffer.from(links.link, 'hex') : undefined;
}

/** The caller's metadata of a stored event, without the chain's links ({} when it holds no object). */
export function callerMetadata(event: EsdbRecordedEvent): Record<string, unknown> {
  if (!isRecord(event.metadata)) return {};
  const { [CHAIN_METADATA_KEY]: _links, ...metadata } = event.metadata;
  return metadata;
}

/** A stored event as the chain covers it: data and metadata as the digest encodes them. */
export function toChainedEvent(event: EsdbRecordedEvent, position: number): ChainedEvent {
  const links = linksOf(event.metadata);
  return {
    position,
    id: event.id,
    streamName: event.streamId,
    revision: Number(event.revision),
    type: event.type,
    data: JSON.stringify(event.data ?? null),
    metadata: JSON.stringify(callerMetadata(event)),
    chainPrev: links ? Buffer.from(links.prev, 'hex') : null,
    chainLink: links ? Buffer.from(links.link, 'hex') : null,
  };
}

function linksOf(metadata: unknown): StreamLinks | undefined {
  if (!isRecord(metadata)) return undefined;
  const links = metadata[CHAIN_METADATA_KEY];
  return isRecord(links) && typeof links.prev === 'string' && typeof links.link === 'string' ? { prev: links.prev, link: links.link } : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
