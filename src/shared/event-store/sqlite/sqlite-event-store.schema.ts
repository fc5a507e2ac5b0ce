import type { Database } from 'better-sqlite3';
import type { ChainedEvent, EventMetadata, RecordedEvent } from '../event-store.port';
import type { ChainRow } from './sqlite-event-queries';

/**
 * `position` is AUTOINCREMENT so a global position is never reused, even after a rolled-back
 * transaction. `recorded_at` duplicates `metadata.recordedAt` so `readBySubject` can filter on it.
 * `chain_prev` and `chain_link` are the tamper-evident chain (src/shared/domain/event-chain.ts):
 * the previous event's link and this event's, 32 bytes each.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    stream_name TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    chain_prev  BLOB,
    chain_link  BLOB,
    UNIQUE (stream_name, revision)
  );
  CREATE TABLE IF NOT EXISTS store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS event_subjects (
    subject  TEXT    NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (subject, position)
  ) WITHOUT ROWID;
`;

export function openSchema(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // 16 MB of pages (SQLite's default is 2 MB): the B-tree's upper levels and the recent log stay
  // in memory, so a record replay's lookups across a growing log stay as cheap as its work
  db.pragma('cache_size = -16000');
  db.exec(SCHEMA);
  addChainColumns(db);
}

/** A store made before the chain existed gets its columns; `chainEarlierEvents` fills them. */
function addChainColumns(db: Database): void {
  const columns = new Set((db.pragma('table_info(events)') as { name: string }[]).map((column) => column.name));
  if (!columns.has('chain_prev')) db.exec('ALTER TABLE events ADD COLUMN chain_prev BLOB');
  if (!columns.has('chain_link')) db.exec('ALTER TABLE events ADD COLUMN chain_link BLOB');
}

/**
 * A stored event as its statements return it: the columns in order (`COLUMNS` of the queries), as
 * an array rather than an object per row, since a replay turns every row into an event anyway.
 */
export type EventRow = [position: number, id: string, streamName: string, revision: number, type: string, data: string, metadata: string];

export function toRecordedEvent([position, id, streamName, revision, type, data, metadata]: EventRow): RecordedEvent {
  return {
    id,
    type,
    data: JSON.parse(data) as unknown,
    metadata: JSON.parse(metadata) as EventMetadata,
    streamName,
    revision,
    position,
  };
}

export function toChainedEvent([position, id, streamName, revision, type, data, metadata, chainPrev, chainLink]: ChainRow): ChainedEvent {
  return { position, id, streamName, revision, type, data, metadata, chainPrev, chainLink };
}
