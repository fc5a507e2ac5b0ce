import Database from 'better-sqlite3';
import type { ChainReader } from '../event-store.port';
import { SqliteEventQueries } from './sqlite-event-queries';
import { toChainedEvent } from './sqlite-event-store.schema';

/**
 * A copy of an embedded store's `events.sqlite`, opened read-only to verify its chain: nothing is
 * created, migrated or chained, so the file is checked exactly as it was handed over.
 */
export class SqliteChainFile {
  private readonly db: Database.Database;
  private readonly queries: SqliteEventQueries;

  constructor(file: string) {
    let db: Database.Database | undefined;
    let columns: Set<string>;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      columns = new Set((db.pragma('table_info(events)') as { name: string }[]).map((column) => column.name));
    } catch (error) {
      db?.close();
      throw new Error(`${file} cannot be read as an SQLite event log: ${(error as Error).message}`);
    }
    this.db = db;
    if (!columns.has('chain_link')) {
      this.db.close();
      throw new Error(`${file} holds no chained event log (no events table with chain columns)`);
    }
    this.queries = new SqliteEventQueries(this.db);
  }

  readonly chain: ChainReader = {
    readChain: async (afterPosition, maxCount) => this.queries.readChain(afterPosition, maxCount).map(toChainedEvent),
    positionOfLink: async (link) => this.queries.positionOfLink(link),
    readLinks: async (afterPosition, maxCount) => this.queries.readLinks(afterPosition, maxCount),
    readLinksAndMetadata: async (afterPosition, maxCount) => this.queries.readLinksAndMetadata(afterPosition, maxCount),
  };

  close(): void {
    this.db.close();
  }
}
