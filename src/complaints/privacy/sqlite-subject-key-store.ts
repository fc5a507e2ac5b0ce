import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SubjectKey, SubjectKeyStore } from './subject-key-store.port';

type Row = { key: Buffer | null; destroyed_at: string | null };

/**
 * The embedded key store: its own SQLite file, apart from the events and the read models.
 * `secure_delete` makes SQLite overwrite a destroyed key's bytes instead of leaving them in a free
 * page, and the rollback journal (not WAL) leaves no old copy behind once a transaction ends.
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.exec('CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT PRIMARY KEY, key BLOB, created_at TEXT NOT NULL, destroyed_at TEXT)');
  }

  async keyFor(subjectId: string): Promise<SubjectKey> {
    this.db.prepare('INSERT OR IGNORE INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, ?)').run(subjectId, randomBytes(32), new Date().toISOString());
    return this.find(subjectId);
  }

  async find(subjectId: string): Promise<SubjectKey> {
    const row = this.db.prepare('SELECT key, destroyed_at FROM subject_keys WHERE subject_id = ?').get(subjectId) as Row | undefined;
    if (!row) return { status: 'unknown' };
    if (row.destroyed_at !== null || row.key === null) return { status: 'destroyed', destroyedAt: row.destroyed_at ?? '' };
    return { status: 'active', key: row.key };
  }

  async destroy(subjectId: string, at: string): Promise<void> {
    this.db
      .prepare('INSERT INTO subject_keys (subject_id, key, created_at, destroyed_at) VALUES (?, NULL, ?, ?) ON CONFLICT (subject_id) DO UPDATE SET key = NULL, destroyed_at = COALESCE(destroyed_at, excluded.destroyed_at)')
      .run(subjectId, at, at);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
