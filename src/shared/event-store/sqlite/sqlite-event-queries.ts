import type { Database, Statement } from 'better-sqlite3';
import type { ChainedContent } from '../../domain/event-chain';
import type { EventRow } from './sqlite-event-store.schema';

const COLUMNS = 'e.position, e.id, e.stream_name, e.revision, e.type, e.data, e.metadata';
const NO_LIMIT = -1;
const LAST = Number.MAX_SAFE_INTEGER;

export interface StoredEventRef {
  position: number;
  stream_name: string;
  revision: number;
}

export interface EventInsert extends ChainedContent {
  recordedAt: string;
  chainPrev: Buffer;
  chainLink: Buffer;
}

/** A stored event with its chain columns, as the chain's readers need it (data and metadata as stored). */
export type ChainRow = [
  position: number, id: string, streamName: string, revision: number, type: string, data: string, metadata: string,
  chainPrev: Buffer | null, chainLink: Buffer | null,
];

/** Every prepared statement of the SQLite event store, named by what it asks. */
export class SqliteEventQueries {
  private readonly byId: Statement<[string], StoredEventRef>;
  private readonly lastRevision: Statement<[string], { revision: number | null }>;
  private readonly insert: Statement<EventInsert>;
  private readonly insertSubjectStmt: Statement<[string, number]>;
  private readonly streamForwards: Statement<[string, number, number], EventRow>;
  private readonly streamBackwards: Statement<[string, number, number], EventRow>;
  private readonly allForwards: Statement<[number, number], EventRow>;
  private readonly allBackwards: Statement<[number, number], EventRow>;
  private readonly streamOfTypesForwards: Statement<[string, number, string, number], EventRow>;
  private readonly streamOfTypesBackwards: Statement<[string, number, string, number], EventRow>;
  private readonly allOfTypesForwards: Statement<[number, string, number], EventRow>;
  private readonly allOfTypesBackwards: Statement<[number, string, number], EventRow>;
  private readonly subject: Statement<[string, number, string, number], EventRow>;
  private readonly head: Statement<[], { head: number | null }>;
  private readonly lastLinkStmt: Statement<[], { position: number; link: Buffer }>;
  private readonly chainRows: Statement<[number, number], ChainRow>;
  private readonly setChainStmt: Statement<[Buffer, Buffer, number]>;
  private readonly positionOfLinkStmt: Statement<[Buffer], { position: number }>;
  private readonly linksStmt: Statement<[number, number], { position: number; link: Buffer | null }>;
  private readonly linksAndMetadataStmt: Statement<[number, number], { position: number; link: Buffer | null; metadata: string }>;

  constructor(db: Database) {
    const rows = <P extends unknown[]>(sql: string) => db.prepare<P, EventRow>(sql).raw(true);
    this.byId = db.prepare('SELECT position, stream_name, revision FROM events WHERE id = ?');
    this.lastRevision = db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_name = ?');
    this.insert = db.prepare(
      `INSERT INTO events (id, stream_name, revision, type, data, metadata, recorded_at, chain_prev, chain_link)
       VALUES (@id, @streamName, @revision, @type, @data, @metadata, @recordedAt, @chainPrev, @chainLink)`,
    );
    this.insertSubjectStmt = db.prepare('INSERT OR IGNORE INTO event_subjects (subject, position) VALUES (?, ?)');
    this.streamForwards = rows(
      `SELECT ${COLUMNS} FROM events e WHERE e.stream_name = ? AND e.revision >= ? ORDER BY e.revision ASC LIMIT ?`,
    );
    this.streamBackwards = rows(
      `SELECT ${COLUMNS} FROM events e WHERE e.stream_name = ? AND e.revision <= ? ORDER BY e.revision DESC LIMIT ?`,
    );
    this.allForwards = rows(`SELECT ${COLUMNS} FROM events e WHERE e.position > ? ORDER BY e.position ASC LIMIT ?`);
    this.allBackwards = rows(`SELECT ${COLUMNS} FROM events e WHERE e.position < ? ORDER BY e.position DESC LIMIT ?`);
    // the types as one JSON array: one statement whatever their number
    const ofTypes = 'e.type IN (SELECT value FROM json_each(?))';
    this.streamOfTypesForwards = rows(
      `SELECT ${COLUMNS} FROM events e WHERE e.stream_name = ? AND e.revision >= ? AND ${ofTypes} ORDER BY e.revision ASC LIMIT ?`,
    );
    this.streamOfTypesBackwards = rows(
      `SELECT ${COLUMNS} FROM events e WHERE e.stream_name = ? AND e.revision <= ? AND ${ofTypes} ORDER BY e.revision DESC LIMIT ?`,
    );
    this.allOfTypesForwards = rows(`SELECT ${COLUMNS} FROM events e WHERE e.position > ? AND ${ofTypes} ORDER BY e.position ASC LIMIT ?`);
    this.allOfTypesBackwards = rows(`SELECT ${COLUMNS} FROM events e WHERE e.position < ? AND ${ofTypes} ORDER BY e.position DESC LIMIT ?`);
    this.subject = rows(
      `SELECT ${COLUMNS} FROM event_subjects s JOIN events e ON e.position = s.position
       WHERE s.subject = ? AND s.position > ? AND e.recorded_at <= ? ORDER BY s.position ASC LIMIT ?`,
    );
    this.head = db.prepare('SELECT MAX(position) AS head FROM events');
    // walks back from the end: only a store made before the chain has unchained events, at its end
    this.lastLinkStmt = db.prepare('SELECT position, chain_link AS link FROM events WHERE chain_link IS NOT NULL ORDER BY position DESC LIMIT 1');
    this.chainRows = db
      .prepare<[number, number], ChainRow>(`SELECT ${COLUMNS}, e.chain_prev, e.chain_link FROM events e WHERE e.position > ? ORDER BY e.position ASC LIMIT ?`)
      .raw(true);
    this.setChainStmt = db.prepare('UPDATE events SET chain_prev = ?, chain_link = ? WHERE position = ?');
    // no index on links: asked only to explain a broken chain, once per break
    this.positionOfLinkStmt = db.prepare('SELECT position FROM events WHERE chain_link = ? ORDER BY position LIMIT 1');
    this.linksStmt = db.prepare('SELECT position, chain_link AS link FROM events WHERE position > ? ORDER BY position LIMIT ?');
    this.linksAndMetadataStmt = db.prepare('SELECT position, chain_link AS link, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?');
  }

  findById(id: string): StoredEventRef | undefined {
    return this.byId.get(id);
  }

  /** Revision of the stream's last event, or undefined when the stream does not exist. */
  streamRevision(streamName: string): number | undefined {
    return this.lastRevision.get(streamName)?.revision ?? undefined;
  }

  /** Inserts one event and returns its global position. */
  insertEvent(event: EventInsert): number {
    return Number(this.insert.run(event).lastInsertRowid);
  }

  insertSubject(subject: string, position: number): void {
    this.insertSubjectStmt.run(subject, position);
  }

  readStream(streamName: string, backwards: boolean, fromRevision?: number, maxCount?: number, types?: readonly string[]): EventRow[] {
    if (types) {
      const list = JSON.stringify(types);
      return backwards
        ? this.streamOfTypesBackwards.all(streamName, fromRevision ?? LAST, list, limitOf(maxCount))
        : this.streamOfTypesForwards.all(streamName, fromRevision ?? 0, list, limitOf(maxCount));
    }
    return backwards
      ? this.streamBackwards.all(streamName, fromRevision ?? LAST, limitOf(maxCount))
      : this.streamForwards.all(streamName, fromRevision ?? 0, limitOf(maxCount));
  }

  readAll(backwards: boolean, fromPosition?: number, maxCount?: number, types?: readonly string[]): EventRow[] {
    if (types) {
      const list = JSON.stringify(types);
      return backwards
        ? this.allOfTypesBackwards.all(fromPosition ?? LAST, list, limitOf(maxCount))
        : this.allOfTypesForwards.all(fromPosition ?? 0, list, limitOf(maxCount));
    }
    return backwards
      ? this.allBackwards.all(fromPosition ?? LAST, limitOf(maxCount))
      : this.allForwards.all(fromPosition ?? 0, limitOf(maxCount));
  }

  readBySubject(subject: string, recordedUpTo: string, maxCount?: number, afterPosition = 0): EventRow[] {
    return this.subject.all(subject, afterPosition, recordedUpTo, limitOf(maxCount));
  }

  headPosition(): number {
    return this.head.get()?.head ?? 0;
  }

  /** The newest chained event, or undefined when none is. */
  lastLink(): { position: number; link: Buffer } | undefined {
    return this.lastLinkStmt.get();
  }

  /** Events with position > `after` with their chain columns, in global order. */
  readChain(after: number, limit: number): ChainRow[] {
    return this.chainRows.all(after, limit);
  }

  setChain(position: number, prev: Buffer, link: Buffer): void {
    this.setChainStmt.run(prev, link, position);
  }

  readLinks(after: number, limit: number): { position: number; link: Buffer | null }[] {
    return this.linksStmt.all(after, limit);
  }

  readLinksAndMetadata(after: number, limit: number): { position: number; link: Buffer | null; metadata: string }[] {
    return this.linksAndMetadataStmt.all(after, limit);
  }

  positionOfLink(link: Buffer): number | undefined {
    return this.positionOfLinkStmt.get(link)?.position;
  }
}

function limitOf(maxCount: number | undefined): number {
  return maxCount === undefined ? NO_LIMIT : Math.max(0, Math.floor(maxCount));
}
