/**
 * The embedded read store: JSON documents in SQLite (better-sqlite3), queried through
 * `json_extract`.
 *
 * Layout: one table per collection, `"rs_<collection>"(id TEXT PRIMARY KEY, doc TEXT) WITHOUT
 * ROWID`, plus `read_checkpoints(name, position)`. A table per collection (rather than one
 * `documents(collection, id, doc)` table) is what makes `ensureIndex` honest: an expression index
 * on `json_extract(doc, ...)` then covers exactly one collection, so a unique index constrains
 * only that collection, and the planner can use it without also matching a `collection = ?` term.
 * `clear` is a plain DELETE, so indexes survive it.
 *
 * Durability: WAL with `synchronous = FULL`, so a committed `apply` survives power loss; `apply`
 * writes its documents and the checkpoint in one transaction.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ChangeSet, checkpointsOf, Document, DuplicateKeyError, Filter, FindOptions, IndexSpec, LEASES_COLLECTION, LeaseDocument, ReadStore } from '../read-store.port';
import {
  validateCollectionName,
  validateDocumentId,
  validateFilter,
  validateIndexSpec,
  validateQuery,
} from '../filter-validation';
import { compileFilter, compileSort, fieldExpression } from './sqlite-filter.compiler';

export interface SqliteReadStoreOptions {
  /** Database file; its parent directory is created. `:memory:` works for throwaway stores. */
  file: string;
}

const CHECKPOINTS = 'read_checkpoints';

function tableName(collection: string): string {
  validateCollectionName(collection);
  return `"rs_${collection}"`;
}

/** Deterministic: the same collection, fields and uniqueness always give the same name. */
export function sqliteIndexName(collection: string, index: IndexSpec): string {
  const prefix = index.unique ? 'ux' : 'ix';
  return `"${prefix}_${collection}__${index.fields.join('__')}"`;
}

export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly knownTables = new Set<string>();
  /** Statements prepared once per SQL text: preparing costs more than running most of them. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteReadStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${CHECKPOINTS} (
      name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID`);
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const row = this.statement(`SELECT doc FROM ${this.table(collection)} WHERE id = ?`)
      .get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async find<T extends Document>(collection: string, filter?: Filter, options: FindOptions = {}): Promise<T[]> {
    validateQuery(filter, options);
    const where = compileFilter(filter);
    const paging = options.limit === undefined ? 'LIMIT -1 OFFSET ?' : 'LIMIT ? OFFSET ?';
    const pageParams = options.limit === undefined ? [options.skip ?? 0] : [options.limit, options.skip ?? 0];
    const rows = this.statement(
        `SELECT doc FROM ${this.table(collection)} WHERE ${where.sql} ORDER BY ${compileSort(options.sort)} ${paging}`,
      )
      .all(...where.params, ...pageParams) as { doc: string }[];
    return rows.map((row) => JSON.parse(row.doc) as T);
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    validateFilter(filter);
    const where = compileFilter(filter);
    const row = this.statement(`SELECT COUNT(*) AS n FROM ${this.table(collection)} WHERE ${where.sql}`)
      .get(...where.params) as { n: number };
    return row.n;
  }

  async upsert(collection: string, doc: Document): Promise<void> {
    this.write(collection, doc);
  }

  async tryAcquireLease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    const table = this.table(LEASES_COLLECTION);
    // IMMEDIATE: the write lock is taken before the read, so two processes cannot both see it free
    return this.db
      .transaction(() => {
        const row = this.statement(`SELECT doc FROM ${table} WHERE id = ?`).get(name) as { doc: string } | undefined;
        const current = row ? (JSON.parse(row.doc) as LeaseDocument) : undefined;
        if (current && current.holder !== holder && current.expiresAt > now) return false;
        this.write(LEASES_COLLECTION, { _id: name, holder, expiresAt: now + ttlMs });
        return true;
      })
      .immediate();
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    const table = this.table(LEASES_COLLECTION);
    this.statement(`DELETE FROM ${table} WHERE id = ? AND json_extract(doc, '$.holder') = ?`).run(name, holder);
  }

  async insertIfAbsent(collection: string, doc: Document): Promise<boolean> {
    validateDocumentId(collection, doc._id);
    const result = this.statement(`INSERT INTO ${this.table(collection)} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`)
      .run(doc._id, JSON.stringify(doc));
    return result.changes === 1;
  }

  async delete(collection: string, id: string): Promise<void> {
    this.remove(collection, id);
  }

  async clear(collection: string): Promise<void> {
    this.statement(`DELETE FROM ${this.table(collection)}`).run();
  }

  async ensureIndex(collection: string, index: IndexSpec): Promise<void> {
    validateIndexSpec(index);
    const table = this.table(collection);
    const expressions = index.fields.map(fieldExpression).join(', ');
    const unique = index.unique ? 'UNIQUE ' : '';
    this.db.exec(
      `CREATE ${unique}INDEX IF NOT EXISTS ${sqliteIndexName(collection, index)} ON ${table} (${expressions})`,
    );
  }

  async apply(changes: ChangeSet): Promise<void> {
    this.db.transaction(() => {
      for (const { collection, doc } of changes.upserts) this.write(collection, doc);
      for (const { collection, id } of changes.deletes) this.remove(collection, id);
      for (const { name, position } of checkpointsOf(changes)) this.saveCheckpoint(name, position);
    })();
  }

  async getCheckpoint(name: string): Promise<number | undefined> {
    const row = this.statement(`SELECT position FROM ${CHECKPOINTS} WHERE name = ?`).get(name) as
      | { position: number }
      | undefined;
    return row?.position;
  }

  async resetCheckpoint(name: string): Promise<void> {
    this.statement(`DELETE FROM ${CHECKPOINTS} WHERE name = ?`).run(name);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private write(collection: string, doc: Document): void {
    validateDocumentId(collection, doc._id);
    try {
      this.statement(
          `INSERT INTO ${this.table(collection)} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
        )
        .run(doc._id, JSON.stringify(doc));
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateKeyError(collection, error);
      throw error;
    }
  }

  private remove(collection: string, id: string): void {
    this.statement(`DELETE FROM ${this.table(collection)} WHERE id = ?`).run(id);
  }

  private saveCheckpoint(name: string, position: number): void {
    this.statement(
        `INSERT INTO ${CHECKPOINTS} (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      )
      .run(name, position);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // `$in` lists of every length make distinct texts: the cache is bounded, not a leak
      if (this.statements.size >= 512) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The collection's table, created on first use. */
  private table(collection: string): string {
    const table = tableName(collection);
    if (!this.knownTables.has(table)) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
      this.knownTables.add(table);
    }
    return table;
  }
}
