/**
 * Errors that mean the store cannot write at all (disk full, read-only file system, I/O error),
 * as opposed to a bad request or a bug. They answer 503 with a code an operator acts on and turn
 * the `event-store-writes` health check failing until an append succeeds again.
 */
export type StorageFailureCode = 'disk_full' | 'store_unavailable';

const DISK_FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const UNAVAILABLE = /^(SQLITE_READONLY|SQLITE_IOERR|SQLITE_CANTOPEN|SQLITE_CORRUPT|SQLITE_NOTADB|EROFS|EIO|EACCES|EPERM)/;

export function storageFailureCode(error: unknown): StorageFailureCode | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (DISK_FULL.has(code)) return 'disk_full';
  if (UNAVAILABLE.test(code)) return 'store_unavailable';
  return undefined;
}

export function storageFailureMessage(code: StorageFailureCode): string {
  return code === 'disk_full'
    ? 'the event store cannot write: its disk is full; nothing was recorded, retry with the same Idempotency-Key once an operator has freed space'
    : 'the event store cannot write (read-only or failing storage); nothing was recorded, retry with the same Idempotency-Key later';
}
