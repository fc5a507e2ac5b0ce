import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSubjectKeyStore } from '../../src/complaints/privacy/sqlite-subject-key-store';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/shared/read-store/sqlite/sqlite-read-store';

/**
 * An acknowledged command must survive power loss: every embedded SQLite file runs with
 * `synchronous = FULL` (pragma value 2). `synchronous` is a setting of the connection, not of the
 * file, so it is read from the very connection each store opened — a second connection to the same
 * file would report its own default and prove nothing. The events and read models use WAL; the key
 * store keeps the rollback journal on purpose (no old copy of a destroyed key survives a commit).
 */
const SYNCHRONOUS_FULL = 2;
const SYNCHRONOUS_NORMAL = 1;

/** The connection a store opened (a private field: the durability settings live on it alone). */
const connectionOf = (store: object): Database.Database => (store as { db: Database.Database }).db;
const pragma = (db: Database.Database, name: string): unknown => db.pragma(name, { simple: true });

describe('durability of the embedded SQLite stores', () => {
  let directory: string;
  const closers: Array<() => Promise<void> | void> = [];

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'ledger-durability-'));
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('the event store appends with synchronous = FULL in WAL mode', async () => {
    const store = new SqliteEventStore({ file: join(directory, 'events.sqlite') });
    closers.push(() => store.close());

    const db = connectionOf(store);
    expect(pragma(db, 'synchronous')).toBe(SYNCHRONOUS_FULL);
    expect(pragma(db, 'journal_mode')).toBe('wal');
  });

  it('the read store applies with synchronous = FULL in WAL mode', async () => {
    const store = new SqliteReadStore({ file: join(directory, 'read-models.sqlite') });
    closers.push(() => store.close());

    const db = connectionOf(store);
    expect(pragma(db, 'synchronous')).toBe(SYNCHRONOUS_FULL);
    expect(pragma(db, 'journal_mode')).toBe('wal');
  });

  it('only an offline rebuild opens the read store with synchronous = NORMAL, in WAL mode (whole batches roll back on power loss)', async () => {
    const store = new SqliteReadStore({ file: join(directory, 'read-models.sqlite'), durability: 'offline-rebuild' });
    closers.push(() => store.close());

    const db = connectionOf(store);
    expect(pragma(db, 'synchronous')).toBe(SYNCHRONOUS_NORMAL);
    expect(pragma(db, 'journal_mode')).toBe('wal');
  });

  it('the subject key store writes with synchronous = FULL, a rollback journal and secure_delete', async () => {
    const store = new SqliteSubjectKeyStore(join(directory, 'subject-keys.sqlite'));
    closers.push(() => store.close());

    const db = connectionOf(store);
    expect(pragma(db, 'synchronous')).toBe(SYNCHRONOUS_FULL);
    expect(pragma(db, 'journal_mode')).toBe('delete');
    expect(pragma(db, 'secure_delete')).toBe(1);
  });
});
