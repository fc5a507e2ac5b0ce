import { createHash, randomUUID } from 'node:crypto';

/**
 * Event ids for the events of one command. With an idempotency key they are derived from it
 * (a name-based UUID), so a retry of the same command produces the same ids and the store treats
 * the append as a retry rather than new facts.
 */
export function eventIdsFor(count: number, streamName: string, idempotencyKey?: string): string[] {
  return Array.from({ length: count }, (_, index) =>
    idempotencyKey === undefined ? randomUUID() : nameBasedUuid(`${idempotencyKey}\u0000${streamName}\u0000${index}`),
  );
}

/** RFC 4122 version-5-style UUID from a SHA-1 of the name. */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
