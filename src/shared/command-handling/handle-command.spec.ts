import type { Decider } from '../domain/decider';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '../event-store/event-store.port';
import { WrongExpectedRevisionError } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import type { CommandMetadata } from './command-metadata';
import { eventIdsFor } from './event-ids';
import { handleCommand } from './handle-command';

/**
 * handleCommand at the event-store level, with a decider that has NO duplicate check of its own:
 * every `Note` command appends. The e2e tests cannot show whether event ids derive from the
 * idempotency key, because there the deciders refuse or skip a repeated fact anyway; here only
 * the store's idempotent append (same event id = a retry, nothing written) stands between a
 * retried command and a duplicate fact.
 */
type NoteCommand = { type: 'Note'; data: { text: string; count?: number } };
type NoteEvent = { type: 'Noted'; data: { text: string; nth: number } };
type NoteState = { notes: number };

const notebook: Decider<NoteCommand, NoteEvent, NoteState> = {
  initialState: { notes: 0 },
  evolve: (state) => ({ notes: state.notes + 1 }),
  decide: (command, state) =>
    Array.from({ length: command.data.count ?? 1 }, (_, i) => ({ type: 'Noted' as const, data: { text: command.data.text, nth: state.notes + i + 1 } })),
};

const STREAM = 'notebook-N-1';
const note = (text: string, count?: number): NoteCommand => ({ type: 'Note', data: { text, ...(count ? { count } : {}) } });
const metadata = (idempotencyKey?: string): CommandMetadata => ({
  actor: 'user:alice',
  correlationId: 'c-1',
  causationId: 'request:1',
  ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
});
const options = (idempotencyKey?: string, expectedRevision?: number) => ({
  metadata: metadata(idempotencyKey),
  occurredAt: () => '2026-03-10T01:00:00.000Z',
  subjects: () => ['employee:E-1'],
  ...(expectedRevision === undefined ? {} : { expectedRevision }),
});

/** An event store that forwards to a real one, and lets a test step in before or after an append. */
class SteppingStore {
  appendCalls = 0;
  readStreamCalls = 0;
  before?: (call: number, streamName: string) => Promise<void>;
  after?: (call: number) => void;

  constructor(private readonly inner: EventStore) {}

  asEventStore(): EventStore {
    return new Proxy(this.inner, {
      get: (target, property, receiver) =>
        property === 'append'
          ? this.append.bind(this)
          : property === 'readStream'
            ? (...args: Parameters<EventStore['readStream']>) => (this.readStreamCalls++, target.readStream(...args))
            : (Reflect.get(target, property, receiver) as unknown),
    });
  }

  private async append(streamName: string, events: NewEvent[], opts?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    const call = ++this.appendCalls;
    await this.before?.(call, streamName);
    const result = await this.inner.append(streamName, events, opts);
    this.after?.(call);
    return result;
  }
}

describe('handleCommand', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:' });
  });
  afterEach(() => store.close());

  const stored = async () => (await store.readStream(STREAM)).map((e) => ({ id: e.id, data: e.data }));

  describe('with the revision the client read (If-Match)', () => {
    it('appends when the stream is still at that revision', async () => {
      await handleCommand(store, STREAM, notebook, note('first'), options());
      const result = await handleCommand(store, STREAM, notebook, note('second'), options(undefined, 0));
      expect(result).toMatchObject({ streamName: STREAM, revision: 1, appended: 1 });
    });

    it('refuses, naming both revisions, when the stream moved on or does not exist', async () => {
      await expect(handleCommand(store, STREAM, notebook, note('x'), options(undefined, 0))).rejects.toMatchObject({ code: 'wrong_expected_revision', expected: 0, actual: 'no_stream' });
      await handleCommand(store, STREAM, notebook, note('first'), options());
      await handleCommand(store, STREAM, notebook, note('second'), options());
      await expect(handleCommand(store, STREAM, notebook, note('x'), options(undefined, 0))).rejects.toMatchObject({ expected: 0, actual: 1 });
      expect(await stored()).toHaveLength(2);
    });
  });

  describe('a command whose effect is already recorded', () => {
    const silent: Decider<NoteCommand, NoteEvent, NoteState> = { ...notebook, decide: () => [] };

    it('appends nothing and answers with the stream as it stands: its revision and the position of its last event', async () => {
      const first = await handleCommand(store, STREAM, notebook, note('first', 2), options());
      expect(await handleCommand(store, STREAM, silent, note('again'), options())).toEqual({ streamName: STREAM, revision: 1, position: first.position, appended: 0 });
    });

    it('answers revision -1 and position 0 for a stream that does not exist', async () => {
      expect(await handleCommand(store, 'notebook-N-2', silent, note('x'), options())).toEqual({ streamName: 'notebook-N-2', revision: -1, position: 0, appended: 0 });
    });
  });

  describe('on an optimistic-concurrency conflict', () => {
    it('reads the stream again, decides again on what the other writer appended, and appends after it', async () => {
      const stepping = new SteppingStore(store);
      stepping.before = async (call) => {
        // another writer gets in between this command's read and its append, once
        if (call === 1) await store.append(STREAM, [{ id: '00000000-0000-4000-8000-000000000001', type: 'Noted', data: { text: 'theirs', nth: 1 }, metadata: { actor: 'user:bob', correlationId: 'c-2', causationId: 'c-2', occurredAt: '2026-03-10T00:59:00.000Z' } }]);
      };

      const result = await handleCommand(stepping.asEventStore(), STREAM, notebook, note('mine'), options());

      expect([stepping.readStreamCalls, stepping.appendCalls]).toEqual([2, 2]);
      expect(result).toMatchObject({ streamName: STREAM, revision: 1, appended: 1 });
      expect((await stored()).map((e) => e.data)).toEqual([{ text: 'theirs', nth: 1 }, { text: 'mine', nth: 2 }]);
    });

    it('gives up after 3 attempts when every append conflicts, and surfaces the conflict', async () => {
      const stepping = new SteppingStore(store);
      stepping.before = async (_call, streamName) => {
        throw new WrongExpectedRevisionError(streamName, 'no_stream', 0);
      };

      await expect(handleCommand(stepping.asEventStore(), STREAM, notebook, note('mine'), options())).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(stepping.appendCalls).toBe(3);
      expect(await stored()).toEqual([]);
    });

    it('does not retry when the client named the revision it expects (If-Match): the conflict is the answer', async () => {
      await handleCommand(store, STREAM, notebook, note('first'), options());
      const stepping = new SteppingStore(store);
      stepping.before = async (call) => {
        if (call === 1) await store.append(STREAM, [{ id: '00000000-0000-4000-8000-000000000002', type: 'Noted', data: { text: 'theirs', nth: 2 }, metadata: { actor: 'user:bob', correlationId: 'c-2', causationId: 'c-2', occurredAt: '2026-03-10T00:59:00.000Z' } }]);
      };

      const guarded = handleCommand(stepping.asEventStore(), STREAM, notebook, note('second'), options(undefined, 0));

      await expect(guarded).rejects.toMatchObject({ code: 'wrong_expected_revision', expected: 0, actual: 1 });
      expect([stepping.readStreamCalls, stepping.appendCalls]).toEqual([1, 1]);
      expect((await stored()).map((e) => e.data)).toEqual([{ text: 'first', nth: 1 }, { text: 'theirs', nth: 2 }]);
    });

    it('does not retry an error that is not a conflict', async () => {
      const stepping = new SteppingStore(store);
      stepping.before = async () => {
        throw new Error('disk I/O error');
      };

      await expect(handleCommand(stepping.asEventStore(), STREAM, notebook, note('mine'), options())).rejects.toThrow('disk I/O error');
      expect(stepping.appendCalls).toBe(1);
    });
  });

  describe('event ids derived from the idempotency key', () => {
    it('appends nothing new when a command is retried with its key after a crash between the append and the answer', async () => {
      const stepping = new SteppingStore(store);
      stepping.after = (call) => {
        // the append is durable, but the process dies before the caller hears of it
        if (call === 1) throw new Error('connection lost before the answer');
      };
      const crashed = handleCommand(stepping.asEventStore(), STREAM, notebook, note('once', 2), options('key-1'));
      await expect(crashed).rejects.toThrow('connection lost');
      const afterCrash = await stored();
      expect(afterCrash).toHaveLength(2);

      // the client retries with the same key; the decider (no duplicate check) decides two notes again
      const retried = await handleCommand(stepping.asEventStore(), STREAM, notebook, note('once', 2), options('key-1'));

      expect(await stored()).toEqual(afterCrash);
      expect(retried).toMatchObject({ revision: 1, position: await store.headPosition() });
    });

    it('appends a second fact for the same command under another key', async () => {
      await handleCommand(store, STREAM, notebook, note('twice'), options('key-1'));
      await handleCommand(store, STREAM, notebook, note('twice'), options('key-2'));

      const events = await stored();
      expect(events.map((e) => e.data)).toEqual([{ text: 'twice', nth: 1 }, { text: 'twice', nth: 2 }]);
      expect(new Set(events.map((e) => e.id)).size).toBe(2);
    });

    it('gives the same key the same ids in any store, and another key or another stream other ids', async () => {
      const other = new SqliteEventStore({ file: ':memory:' });
      try {
        await handleCommand(store, STREAM, notebook, note('x', 2), options('key-1'));
        await handleCommand(other, STREAM, notebook, note('x', 2), options('key-1'));
        await handleCommand(other, 'notebook-N-2', notebook, note('x', 2), options('key-1'));
        await handleCommand(other, 'notebook-N-3', notebook, note('x', 2), options('key-2'));

        const ids = async (s: EventStore, stream: string) => (await s.readStream(stream)).map((e) => e.id);
        const here = await ids(store, STREAM);
        expect(await ids(other, STREAM)).toEqual(here);
        expect(here).toEqual(eventIdsFor(2, STREAM, 'key-1'));
        const all = [...here, ...(await ids(other, 'notebook-N-2')), ...(await ids(other, 'notebook-N-3'))];
        expect(new Set(all).size).toBe(6);
      } finally {
        await other.close();
      }
    });

    it('without a key, gives every run fresh ids (a retry is a new fact)', async () => {
      await handleCommand(store, STREAM, notebook, note('no key'), options());
      await handleCommand(store, STREAM, notebook, note('no key'), options());

      expect(new Set((await stored()).map((e) => e.id)).size).toBe(2);
    });
  });
});

describe('eventIdsFor', () => {
  it('derives one UUID per event from key, stream and index', () => {
    const ids = eventIdsFor(3, 'ticket-T-1', 'k');
    expect(ids).toEqual(eventIdsFor(3, 'ticket-T-1', 'k'));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdsFor(1, 'ticket-T-1', 'k2')).not.toEqual(eventIdsFor(1, 'ticket-T-1', 'k'));
    expect(eventIdsFor(1, 'ticket-T-2', 'k')).not.toEqual(eventIdsFor(1, 'ticket-T-1', 'k'));
  });

  it('keeps the ids it derived in earlier releases, so a command retried across an upgrade is still a retry', () => {
    // SHA-1 of "<key>\0<stream>\0<index>", first 16 bytes, version 5 and RFC 4122 variant bits (computed outside the service)
    expect(eventIdsFor(2, 'deduction-D-1', 'ded-1')).toEqual(['08ff655c-e726-55c2-a862-7da14dcbb21c', '3a68dc6c-bdfb-583a-8eb3-a80665070a00']);
  });

  it('gives no ids to a command that appends nothing', () => {
    expect(eventIdsFor(0, 'deduction-D-1', 'ded-1')).toEqual([]);
  });
});
