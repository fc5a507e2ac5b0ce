import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventIdError, NewEvent, RecordedEvent } from '../../src/shared/event-store/event-store.port';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { eventStoreContract } from './event-store.contract';

function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
}

eventStoreContract('SqliteEventStore', async () => {
  const directory = temporaryDirectory();
  const file = join(directory, 'events.sqlite');
  const opened: SqliteEventStore[] = [];
  const open = async (): Promise<SqliteEventStore> => {
    const store = new SqliteEventStore({ file, pollIntervalMs: 50 });
    opened.push(store);
    return store;
  };
  return {
    store: await open(),
    reopen: open,
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore', () => {
  let directory: string;
  let file: string;
  const stores: SqliteEventStore[] = [];
  const open = (options: { now?: () => Date; pollIntervalMs?: number } = {}): SqliteEventStore => {
    const store = new SqliteEventStore({ file, ...options });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    directory = temporaryDirectory();
    file = join(directory, 'nested', 'dir', 'events.sqlite');
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('creates the parent directory and a WAL-mode database file', async () => {
    const store = open();
    await store.append('ticket-T-1', [event('TicketRaised')]);

    const probe = new Database(file, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
  });

  it('commits 64 concurrent appends to distinct streams in fewer transactions than appends', async () => {
    const store = open();
    const before = store.stats.transactions;

    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        store.append(`ticket-T-${i}`, [event('TicketRaised')], { expectedRevision: 'no_stream' }),
      ),
    );

    expect(results.every((r) => r.nextExpectedRevision === 0)).toBe(true);
    expect(new Set(results.map((r) => r.position)).size).toBe(64);
    expect(store.stats.transactions - before).toBeLessThan(64);
    expect(await store.readAll()).toHaveLength(64);
  });

  it('fails a conflicting append alone while the rest of its group commits', async () => {
    const store = open();

    const outcomes = await Promise.allSettled([
      store.append('ticket-T-1', [event('A')], { expectedRevision: 'no_stream' }),
      store.append('ticket-T-1', [event('B')], { expectedRevision: 'no_stream' }),
      store.append('ticket-T-2', [event('C')], { expectedRevision: 'no_stream' }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.stats.transactions).toBe(1);
    expect((await store.readAll()).map((e) => e.type)).toEqual(['A', 'C']);
  });

  it('records recordedAt from its clock at append time', async () => {
    const store = open({ now: () => new Date('2024-05-01T12:00:00Z') });

    await store.append('ticket-T-1', [event('TicketRaised', ['employee:E-1'])]);

    const [stored] = await store.readStream('ticket-T-1');
    expect(stored.metadata.recordedAt).toBe('2024-05-01T12:00:00.000Z');
    expect(await store.readBySubject('employee:E-1', { recordedUpTo: '2024-05-01T11:59:59Z' })).toEqual([]);
    expect(await store.readBySubject('employee:E-1', { recordedUpTo: '2024-05-01T12:00:00Z' })).toHaveLength(1);
  });

  it('rejects an append that reuses a stored id after its first event, or one id twice', async () => {
    const store = open();
    const stored = event('A');
    await store.append('ticket-T-1', [stored]);

    await expect(store.append('ticket-T-1', [event('B'), stored])).rejects.toBeInstanceOf(DuplicateEventIdError);
    const twice = event('C');
    const sameIdTwice = store.append('ticket-T-2', [twice, { ...event('D'), id: twice.id }]);
    await expect(sameIdTwice).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.headPosition()).toBe(1);
  });

  it('lets the event loop run between pages while a subscription catches up', async () => {
    const store = open();
    for (let i = 0; i < 3; i++) await store.append(`ticket-T-${i}`, Array.from({ length: 500 }, () => event('A')));
    let delivered = 0;
    let caughtUp = false;
    store.subscribeToAll({ onEvent: async () => void (delivered += 1), onCaughtUp: () => (caughtUp = true) });
    // an I/O-phase callback (as an HTTP request would be) runs before the 1,500-event catch-up ends
    const deliveredWhenLoopTurned = await new Promise<number>((resolve) => setImmediate(() => resolve(delivered)));
    expect(deliveredWhenLoopTurned).toBeLessThan(1500);
    await waitFor(() => caughtUp);
    expect(delivered).toBe(1500);
  });

  it('says when it has delivered everything stored: after the catch-up\'s last page and after each live append, never mid-page nor on an empty poll', async () => {
    const store = open({ pollIntervalMs: 10 });
    for (let i = 0; i < 5; i++) await store.append(`ticket-T-${i}`, Array.from({ length: 250 }, () => event('A')));
    let delivered = 0;
    const deliveredAtHead: number[] = [];
    store.subscribeToAll({ onEvent: async () => void (delivered += 1), onHeadReached: () => void deliveredAtHead.push(delivered) });
    await waitFor(() => deliveredAtHead.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50)); // several empty polls
    expect(deliveredAtHead).toEqual([1250]);

    await store.append('ticket-T-9', [event('B'), event('C')]);

    await waitFor(() => deliveredAtHead.length > 1);
    expect(deliveredAtHead).toEqual([1250, 1252]);
  });

  it('shows a second instance on the same file what the first appended, and its subscription polls them in', async () => {
    const writer = open();
    const reader = open({ pollIntervalMs: 20 });
    const seen: RecordedEvent[] = [];
    let caughtUp = false;
    reader.subscribeToAll({ onEvent: (e) => void seen.push(e), onCaughtUp: () => (caughtUp = true) });
    await waitFor(() => caughtUp);

    await writer.append('ticket-T-1', [event('A'), event('B')]);

    expect((await reader.readStream('ticket-T-1')).map((e) => e.type)).toEqual(['A', 'B']);
    await waitFor(() => seen.length === 2);
    expect(seen.map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('commits appends still queued when closed, then refuses new work', async () => {
    const store = open();
    const pending = store.append('ticket-T-1', [event('A')]);

    await store.close();

    await expect(pending).resolves.toEqual({ nextExpectedRevision: 0, position: 1 });
    await expect(store.append('ticket-T-1', [event('B')])).rejects.toThrow('closed');
    const reopened = open();
    expect(await reopened.headPosition()).toBe(1);
  });
});

function event(type: string, subjects?: string[]): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { type },
    metadata: { actor: 'system:test', correlationId: 'c-1', causationId: 'c-1', occurredAt: '2024-05-01T00:00:00Z', subjects },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
