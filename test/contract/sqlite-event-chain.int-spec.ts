import Database from 'better-sqlite3';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChain } from '../../src/integrity/domain/chain-verification';
import { GENESIS_LINK, linkOf } from '../../src/shared/domain/event-chain';
import { NewEvent, WrongExpectedRevisionError } from '../../src/shared/event-store/event-store.port';
import { SqliteChainFile } from '../../src/shared/event-store/sqlite/sqlite-chain-file';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { makeTempDir, removeDir } from '../support/temp-dir';

const { publicKey } = generateKeyPairSync('ed25519');

const event = (points: number): NewEvent => ({
  id: randomUUID(),
  type: 'DeductionApplied',
  data: { points },
  metadata: { actor: 'clerk', correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T00:00:00.000Z', subjects: ['employee:E-1'] },
});

describe('the embedded store keeps the chain', () => {
  let dir: string;
  const stores: SqliteEventStore[] = [];
  const open = (file = join(dir, 'events.sqlite')) => {
    const store = new SqliteEventStore({ file });
    stores.push(store);
    return store;
  };
  beforeEach(() => (dir = makeTempDir('chain')));
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    removeDir(dir);
  });

  it('links every appended event to the one before it, across appends in one transaction and a reopening', async () => {
    const store = open();
    await Promise.all([store.append('a-1', [event(1), event(2)]), store.append('b-1', [event(3)])]);
    await store.close();
    const reopened = open();
    await reopened.append('a-1', [event(4)]);
    const rows = await reopened.chain.readChain(0, 100);
    expect(rows).toHaveLength(4);
    let link = GENESIS_LINK;
    for (const row of rows) {
      expect(row.chainPrev).toEqual(link);
      expect(row.chainLink).toEqual(linkOf(link, row));
      link = row.chainLink!;
    }
    expect((await verifyChain(reopened.chain, [], publicKey)).intact).toBe(true);
  });

  it('keeps the chain whole when an append of the same transaction fails and rolls back alone', async () => {
    const store = open();
    await store.append('a-1', [event(1)]);
    const outcomes = await Promise.allSettled([
      store.append('b-1', [event(2)]),
      store.append('a-1', [event(3)], { expectedRevision: 5 }),
      store.append('c-1', [event(4)]),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    const report = await verifyChain(store.chain, [], publicKey);
    expect(report).toMatchObject({ intact: true, events: 3 });
  });

  it('keeps one chain when two connections append to the same file in turn (no head kept in memory)', async () => {
    const first = open();
    const second = open();
    for (let i = 0; i < 5; i++) {
      await first.append(`a-${i}`, [event(i)]);
      await second.append(`b-${i}`, [event(i), event(i + 1)]);
    }
    expect(await verifyChain(first.chain, [], publicKey)).toMatchObject({ intact: true, events: 15 });
  });

  it('chains the events of a store made before the chain once, when it is first opened', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_name TEXT NOT NULL,
      revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream_name, revision))`);
    const insert = old.prepare('INSERT INTO events (id, stream_name, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < 12_000; i++) insert.run(randomUUID(), `s-${i % 7}`, Math.floor(i / 7), 'DeductionApplied', `{"points":${i}}`, '{"recordedAt":"2026-01-01T00:00:00.000Z"}', '2026-01-01T00:00:00.000Z');
    old.close();

    const store = open(file);
    await store.append('s-new', [event(1)]);
    expect(await verifyChain(store.chain, [], publicKey)).toMatchObject({ intact: true, events: 12_001 });
    await store.close();

    // afterwards an event without links is somebody's doing: it is reported, never chained again
    const tamper = new Database(file);
    tamper.prepare('UPDATE events SET chain_prev = NULL, chain_link = NULL WHERE position = 12001').run();
    tamper.close();
    const again = open(file);
    const report = await verifyChain(again.chain, [], publicKey);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'altered', position: 12_001 })]);
  });

  it('opens a copy to verify only when it is an SQLite event log with the chain, naming the file otherwise', () => {
    const absent = join(dir, 'absent.sqlite');
    expect(() => new SqliteChainFile(absent)).toThrow(`${absent} cannot be read as an SQLite event log`);
    const notSqlite = join(dir, 'notes.txt');
    writeFileSync(notSqlite, 'not a database, padded past the SQLite header size '.repeat(4));
    expect(() => new SqliteChainFile(notSqlite)).toThrow(`${notSqlite} cannot be read as an SQLite event log: file is not a database`);
    const otherDb = join(dir, 'other.sqlite');
    new Database(otherDb).exec('CREATE TABLE t (x)').close();
    expect(() => new SqliteChainFile(otherDb)).toThrow(`${otherDb} holds no chained event log`);
  });
});
