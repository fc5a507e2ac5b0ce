import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateKeyError } from '../../src/shared/read-store/read-store.port';
import { SqliteReadStore } from '../../src/shared/read-store/sqlite/sqlite-read-store';
import { readStoreContract } from './read-store.contract';

readStoreContract('SQLite (embedded)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  // A subdirectory that does not exist yet: the adapter creates it.
  const file = join(dir, 'nested', 'read-models.db');
  const opened: SqliteReadStore[] = [new SqliteReadStore({ file })];
  return {
    store: opened[0],
    reopen: async () => {
      const store = new SqliteReadStore({ file });
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite read store: typed indexes', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-store-typed-'));
    store = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function plan(sql: string): string {
    const db = new Database(join(dir, 'read-models.sqlite'), { readonly: true });
    try {
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
    } finally {
      db.close();
    }
  }

  it('counts a range of a typed field on its index alone, without reading the documents', async () => {
    await store.ensureIndex('clocks', { fields: ['dueAt', 'stoppedAt'], types: { dueAt: 'string', stoppedAt: 'string' } });
    await store.upsert('clocks', { _id: 'c1', dueAt: '2026-03-01T00:00:00.000Z', stoppedAt: '9999-12-31T23:59:59.999Z' });
    expect(await store.count('clocks', { dueAt: { $lt: '2026-04-01T00:00:00.000Z' }, stoppedAt: { $gt: '2026-04-01T00:00:00.000Z' } })).toBe(1);
    expect(plan(`SELECT COUNT(*) FROM "rs_clocks" WHERE "c_dueAt" < '2026-04-01' AND "c_stoppedAt" > '2026-04-01'`)).toMatch(/COVERING INDEX "?ixt_clocks__dueAt__stoppedAt/);
    await store.ensureIndex('clocks', { fields: ['dueAt'], types: { dueAt: 'string' } });
    expect(plan(`SELECT doc FROM "rs_clocks" WHERE "c_dueAt" < '2026-04-01' ORDER BY "c_dueAt" ASC, id ASC LIMIT 100`)).not.toMatch(/TEMP B-TREE/);
  });

  it('reads a sorted page as its ids from the covering index first, then only the documents of the page', async () => {
    await store.ensureIndex('clocks', { fields: ['dueAt', 'stoppedAt'], types: { dueAt: 'string', stoppedAt: 'string' } });
    for (let i = 0; i < 30; i++) await store.upsert('clocks', { _id: `c${String(i).padStart(2, '0')}`, dueAt: `2026-03-${String(1 + (i % 3)).padStart(2, '0')}T00:00:00.000Z`, stoppedAt: '9999-12-31T23:59:59.999Z' });
    const db = (store as unknown as { db: Database.Database }).db;
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof db.prepare;
    const filter = { dueAt: { $lt: '2026-04-01T00:00:00.000Z' }, stoppedAt: { $gt: '2026-04-01T00:00:00.000Z' } };

    const page = await store.find('clocks', filter, { sort: { dueAt: 1, _id: 1 }, skip: 2, limit: 3 });

    expect(page.map((doc) => doc._id)).toEqual(['c06', 'c09', 'c12']);
    const sql = prepared.find((text) => text.startsWith('SELECT doc'))!;
    const params = ['2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 3, 2];
    const steps = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(steps).toMatch(/PRIMARY KEY \(id=\?\)/);
    expect(steps).toMatch(/COVERING INDEX "?ixt_clocks__dueAt__stoppedAt/);
  });

  it('refuses a batch whose document breaks a unique index with DuplicateKeyError, and stores nothing of it', async () => {
    await store.ensureIndex('users', { fields: ['email'], unique: true });
    await store.upsert('users', { _id: 'u1', email: 'ann@example.org' });

    const refused = store.apply({
      upserts: [
        { collection: 'users', doc: { _id: 'u2', email: 'bob@example.org' } },
        { collection: 'users', doc: { _id: 'u3', email: 'ann@example.org' } },
      ],
      deletes: [{ collection: 'users', id: 'u1' }],
      checkpoint: { name: 'users', position: 7 },
    });

    await expect(refused).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await store.get('users', 'u1')).toMatchObject({ email: 'ann@example.org' });
    expect(await store.get('users', 'u2')).toBeNull();
    expect(await store.getCheckpoint('users')).toBeUndefined();
  });

  it('refuses a document that breaks the type its index promises, naming the field, and stores nothing', async () => {
    await store.ensureIndex('clocks', { fields: ['dueAt'], types: { dueAt: 'string' } });
    await expect(store.upsert('clocks', { _id: 'c1', dueAt: 5 })).rejects.toThrow(/"dueAt", which its index declares string/);
    expect(await store.get('clocks', 'c1')).toBeNull();
  });

  it('refuses an index that types a field another way than the column already kept', async () => {
    await store.ensureIndex('clocks', { fields: ['dueAt'], types: { dueAt: 'string' } });
    await expect(store.ensureIndex('clocks', { fields: ['dueAt', 'x'], types: { dueAt: 'number' } })).rejects.toThrow(/keeps "dueAt" as string/);
  });
});
