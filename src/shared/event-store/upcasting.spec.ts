import type { NewEvent, RecordedEvent } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { EventSchemas, UpcastingEventStore } from './upcasting';
import type { Upcaster } from './upcasting';

/**
 * The example: tickets dispatched before service levels stored only `resolveBy`; had their shape
 * then become `deadlines`, version 1 events would be read through this upcaster as version 2.
 */
const ticketDispatchedV1toV2: Upcaster = {
  type: 'TicketDispatched',
  fromVersion: 1,
  upcast: (data) => {
    const { resolveBy, ...rest } = data as { resolveBy: string };
    return { ...rest, deadlines: { resolution: { dueAt: resolveBy } } };
  },
};

const v1 = (id: string): NewEvent => ({
  id,
  type: 'TicketDispatched',
  data: { ticketId: 'T-1', resolveBy: '2026-03-10T10:00:00.000Z' },
  metadata: { actor: 'a', correlationId: 'c', causationId: 'c', occurredAt: '2026-03-10T02:00:00.000Z', subjects: ['ticket:T-1'] },
});
const upcastData = { ticketId: 'T-1', deadlines: { resolution: { dueAt: '2026-03-10T10:00:00.000Z' } } };
const ID_1 = '00000000-0000-4000-8000-000000000001';
const ID_2 = '00000000-0000-4000-8000-000000000002';

describe('reading every stored event in the current shape of its type', () => {
  let raw: SqliteEventStore;
  beforeEach(() => {
    raw = new SqliteEventStore({ file: ':memory:' });
  });
  afterEach(() => raw.close());

  it('reads an event stored in version 1 as version 2, through every read and the subscription, without rewriting it', async () => {
    await raw.append('ticket-T-1', [v1(ID_1)]);
    const store = new UpcastingEventStore(raw, new EventSchemas([ticketDispatchedV1toV2]));

    for (const events of [await store.readStream('ticket-T-1'), await store.readAll(), await store.readBySubject('ticket:T-1')]) {
      expect(events.map((e) => [e.data, e.metadata.schemaVersion])).toEqual([[upcastData, 2]]);
    }
    const delivered: RecordedEvent[] = [];
    await new Promise<void>((resolve) => {
      const subscription = store.subscribeToAll({ onEvent: (e) => void delivered.push(e), onCaughtUp: () => void subscription.stop().then(resolve) });
    });
    expect(delivered.map((e) => e.data)).toEqual([upcastData]);
    expect((await raw.readStream('ticket-T-1'))[0].data).toEqual(v1(ID_1).data);
  });

  it('stamps what it appends with the current version, and does not upcast it again', async () => {
    const store = new UpcastingEventStore(raw, new EventSchemas([ticketDispatchedV1toV2]));
    await store.append('ticket-T-2', [{ ...v1(ID_2), data: upcastData }]);

    expect((await raw.readStream('ticket-T-2'))[0].metadata.schemaVersion).toBe(2);
    expect((await store.readStream('ticket-T-2'))[0].data).toEqual(upcastData);
  });

  it('changes nothing while no upcaster is registered: every type is at version 1', async () => {
    await raw.append('ticket-T-1', [v1(ID_1)]);
    const store = new UpcastingEventStore(raw, new EventSchemas([]));
    await store.append('ticket-T-3', [{ ...v1(ID_2), data: { ticketId: 'T-3' } }]);

    expect(await store.readAll()).toEqual(await raw.readAll());
    expect((await raw.readStream('ticket-T-3'))[0].metadata.schemaVersion).toBe(1);
  });

  it('refuses an event stored by a newer service than this one reads', async () => {
    await raw.append('ticket-T-1', [{ ...v1(ID_1), metadata: { ...v1(ID_1).metadata, schemaVersion: 3 } }]);
    const store = new UpcastingEventStore(raw, new EventSchemas([ticketDispatchedV1toV2]));
    await expect(store.readStream('ticket-T-1')).rejects.toThrow('stored in version 3, newer than this service reads (2)');
  });
});

describe('the upcasters of a type', () => {
  const step = (fromVersion: number): Upcaster => ({ type: 'TicketDispatched', fromVersion, upcast: (data) => data });

  it('make each type current at one more than the upcasters it has, and every other type 1', () => {
    const schemas = new EventSchemas([step(1), step(2)]);
    expect(schemas.currentVersion('TicketDispatched')).toBe(3);
    expect(schemas.currentVersion('TicketResolved')).toBe(1);
  });

  it('apply in order, from the stored version to the current one', () => {
    const trail = (fromVersion: number): Upcaster => ({ type: 'E', fromVersion, upcast: (data) => [...(data as number[]), fromVersion] });
    const schemas = new EventSchemas([trail(2), trail(1), trail(3)]);
    const stored = (schemaVersion?: number) => ({ type: 'E', data: [], metadata: { schemaVersion } }) as unknown as RecordedEvent;
    expect(schemas.upcast(stored()).data).toEqual([1, 2, 3]);
    expect(schemas.upcast(stored(2)).data).toEqual([2, 3]);
    expect(schemas.upcast(stored(4)).data).toEqual([]);
  });

  it('must follow each other from version 1, one per version', () => {
    expect(() => new EventSchemas([step(2)])).toThrow('TicketDispatched has no upcaster from version 1');
    expect(() => new EventSchemas([step(1), step(1)])).toThrow('two upcasters read TicketDispatched version 1');
  });
});
