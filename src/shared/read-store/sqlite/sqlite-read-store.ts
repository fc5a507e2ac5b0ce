/**
 * The embedded read store: JSON documents in SQLite (better-sqlite3), queried through
 * `json_extract`.
 *
 * Layout: one table per collection, `"rs_<collection>"(id TEXT PRIMARY KEY, doc TEXT) WITHOUT
 * ROWID`, plus `read_checkpoints(name, position)`. Fields an index declares typed get a column of
 * their own (`"c_<field>"`, written from the document on every write): queries compare, count and
 * sort them on the index alone, where a JSON expression would parse every matching document. A table per collection (rather than one
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
  pickFields,
} from '../filter-validation';
import { columnName, compileFilter, compileSort, fieldExpression, jsonPathLiteral, TypedColumns } from './sqlite-filter.compiler';
import type { FieldType } from '../read-store.port';

export interface SqliteReadStoreOptions {
  /** Database file; its parent directory is created. `:memory:` works for throwaway stores. */
  file: string;
  /**
   * `offline-rebuild`: for a process that only rebuilds read models (the service is stopped):
   * commits are synced at WAL checkpoints and on close instead of each one (synchronous=NORMAL).
   * A power cut may then roll the last batches back, each with its checkpoint, so the models stay
   * consistent and the rebuild resumes; an application crash loses nothing committed.
   */
  durability?: 'every-commit' | 'offline-rebuild';
}

const CHECKPOINTS = 'read_checkpoints';

function tableName(collection: string): string {
  validateCollectionName(collection);
  return `"rs_${collection}"`;
}

/** Deterministic: the same collection, fields and uniqueness always give the same name. */
export function sqliteIndexName(collection: string, index: IndexSpec): string {
  // typed fields index their columns: a name of its own, so an older expression index is not taken for it
  const prefix = `${index.unique ? 'ux' : 'ix'}${Object.keys(index.types ?? {}).length > 0 ? 't' : ''}`;
  return `"${prefix}_${collection}__${index.fields.join('__')}"`;
}

export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  /** Each table's typed columns (IndexSpec.types), read from its schema on first use. */
  private readonly columnsOf = new Map<string, Map<string, FieldType>>();
  private readonly writers = new Map<string, { statement: Database.Statement; typed: [string, FieldType][] }>();
  /** Statements prepared once per SQL text: preparing costs more than running most of them. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteReadStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(options.durability === 'offline-rebuild' ? 'synchronous = NORMAL' : 'synchronous = FULL');
    // a rebuild writes hundreds of megabytes: checkpoint the WAL every ~40 MB rather than every 4 MB
    if (options.durability === 'offline-rebuild') this.db.pragma('wal_autocheckpoint = 10000');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -16000'); // 16 MB of pages, as the event store: indexes' upper levels stay in memory
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
    const table = this.table(collection);
    const columns = this.columns(table);
    const where = compileFilter(filter, columns);
    const paging = options.limit === undefined ? 'LIMIT -1 OFFSET ?' : 'LIMIT ? OFFSET ?';
    const pageParams = options.limit === undefined ? [options.skip ?? 0] : [options.limit, options.skip ?? 0];
    const order = compileSort(options.sort, columns);
    const fields = options.fields;
    // every field asked for has a column: read the columns, never the documents
    if (fields && fields.every((field) => columns.has(field))) {
      const selected = fields.map((field, i) => `${columnName(field)} AS f${i}`).join(', ');
      const rows = this.statement(`SELECT id, ${selected} FROM ${table} WHERE ${where.sql} ORDER BY ${order} ${paging}`).all(...where.params, ...pageParams) as Record<string, unknown>[];
      return rows.map((row) => {
        const doc: Document = { _id: row.id as string };
        fields.forEach((field, i) => {
          const value = row[`f${i}`];
          if (value !== null && value !== undefined) doc[field] = columns.get(field) === 'boolean' ? value === 1 : value;
        });
        return doc as T;
      });
    }
    // a page: its ids first, from the indexes alone where they cover the filter and the order, then
    // only its documents (rather than every matching document read, then sorted, then cut)
    const sql =
      options.limit === undefined
        ? `SELECT doc FROM ${table} WHERE ${where.sql} ORDER BY ${order} ${paging}`
        : `SELECT doc FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where.sql} ORDER BY ${order} ${paging}) ORDER BY ${order}`;
    const rows = this.statement(sql).all(...where.params, ...pageParams) as { doc: string }[];
    return rows.map((row) => pickFields<T>(JSON.parse(row.doc) as Document, fields));
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    validateFilter(filter);
    const table = this.table(collection);
    const where = compileFilter(filter, this.columns(table));
    const row = this.statement(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where.sql}`)
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
    const table = this.table(collection);
    const typed = [...this.columns(table)];
    const result = this.statement(
      `INSERT INTO ${table} (id, doc${typed.map(([field]) => `, ${columnName(field)}`).join('')}) VALUES (?, ?${', ?'.repeat(typed.length)}) ON CONFLICT (id) DO NOTHING`,
    ).run(doc._id, JSON.stringify(doc), ...typed.map(([field, type]) => columnValue(collection, doc, field, type)));
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
    const types = index.types ?? {};
    for (const [field, type] of Object.entries(types)) this.addColumn(table, field, type);
    const expressions = index.fields.map((field) => (types[field] ? columnName(field) : fieldExpression(field))).join(', ');
    const unique = index.unique ? 'UNIQUE ' : '';
    this.db.exec(
      `CREATE ${unique}INDEX IF NOT EXISTS ${sqliteIndexName(collection, index)} ON ${table} (${expressions})`,
    );
  }

  async dropIndex(collection: string, index: IndexSpec): Promise<void> {
    // the collection's name goes into the index's: checked before it reaches any SQL
    validateCollectionName(collection);
    validateIndexSpec(index);
    this.db.exec(`DROP INDEX IF EXISTS ${sqliteIndexName(collection, index)}`);
  }

  /** A typed column for the field, filled from the documents already stored (once: it is kept with every write after). */
  private addColumn(table: string, field: string, type: FieldType): void {
    const columns = this.columns(table);
    const existing = columns.get(field);
    if (existing === type) return;
    if (existing) throw new Error(`${table} keeps "${field}" as ${existing}; an index cannot type it ${type}`);
    const path = jsonPathLiteral(field);
    const jsonTypes = type === 'string' ? `'text'` : type === 'number' ? `'integer', 'real'` : `'true', 'false'`;
    this.db.transaction(() => {
      this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${columnName(field)} ${SQL_TYPES[type]}`);
      this.db.exec(`UPDATE ${table} SET ${columnName(field)} = json_extract(doc, ${path}) WHERE json_type(doc, ${path}) IN (${jsonTypes})`);
    })();
    columns.set(field, type);
    this.statements.clear();
    this.writers.delete(table);
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
    const { statement, typed } = this.writer(this.table(collection));
    try {
      statement.run(doc._id, JSON.stringify(doc), ...typed.map(([field, type]) => columnValue(collection, doc, field, type)));
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateKeyError(collection, error);
      throw error;
    }
  }

  /** The table's upsert with its typed columns, built once per table (and again after a column is added). */
  private writer(table: string): { statement: Database.Statement; typed: [string, FieldType][] } {
    let writer = this.writers.get(table);
    if (!writer) {
      const typed = [...this.columns(table)];
      const columns = typed.map(([field]) => `, ${columnName(field)}`).join('');
      const updates = typed.map(([field]) => `, ${columnName(field)} = excluded.${columnName(field)}`).join('');
      const statement = this.db.prepare(`INSERT INTO ${table} (id, doc${columns}) VALUES (?, ?${', ?'.repeat(typed.length)}) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc${updates}`);
      writer = { statement, typed };
      this.writers.set(table, writer);
    }
    return writer;
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
    if (!this.columnsOf.has(table)) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
      const declared = this.db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table.slice(1, -1)) as { name: string; type: string }[];
      const typed = declared.flatMap(({ name, type }) => {
        const fieldType = FIELD_TYPES[type];
        return name.startsWith('c_') && fieldType ? [[name.slice(2), fieldType] as const] : [];
      });
      this.columnsOf.set(table, new Map(typed));
    }
    return table;
  }

  private columns(table: string): Map<string, FieldType> & TypedColumns {
    return this.columnsOf.get(table) ?? new Map();
  }
}

const SQL_TYPES: Record<FieldType, string> = { string: 'TEXT', number: 'REAL', boolean: 'BOOLEAN' };
const FIELD_TYPES: Record<string, FieldType> = { TEXT: 'string', REAL: 'number', BOOLEAN: 'boolean' };

/** The value of a typed column: the document's, which must be of the declared type, or null when absent. */
function columnValue(collection: string, doc: Document, field: string, type: FieldType): string | number | null {
  let value: unknown = doc;
  for (const segment of field.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  if (value === undefined || value === null) return null;
  if (typeof value !== type) {
    throw new Error(`${collection}: document ${doc._id} holds ${JSON.stringify(value)} in "${field}", which its index declares ${type}`);
  }
  return typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | number);
}
