import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEvent } from '../../src/shared/domain/decider';
import type { AppendResult, EventStore } from '../../src/shared/event-store/event-store.port';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import type { ReadStore } from '../../src/shared/read-store/read-store.port';
import { SqliteReadStore } from '../../src/shared/read-store/sqlite/sqlite-read-store';
import type { Projection, ProjectedDocument } from '../../src/shared/projector/projection';

/** A real SQLite event store and read store in a temporary directory. */
export interface Stores {
  eventStore: EventStore;
  readStore: ReadStore;
  append(streamName: string, event: DomainEvent<string, unknown>, subjects?: string[]): Promise<AppendResult>;
  cleanup(): Promise<void>;
}

export function openStores(): Stores {
  const dir = mkdtempSync(join(tmpdir(), 'projector-'));
  const eventStore = new SqliteEventStore({ file: join(dir, 'events.db'), pollIntervalMs: 20 });
  const readStore = new SqliteReadStore({ file: join(dir, 'read-models.db') });
  return {
    eventStore,
    readStore,
    append: (streamName, event, subjects = []) =>
      eventStore.append(streamName, [
        {
          id: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: { actor: 'user:assessor-1', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2026-03-10T02:00:00.000Z', subjects },
        },
      ]),
    cleanup: async () => {
      await eventStore.close();
      await readStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TallyDocument extends ProjectedDocument {
  events: number;
  points: number;
}

/**
 * A deliberately non-idempotent projection: it adds one per event and sums points, so anything
 * projected twice shows. `onEvolve` lets a spec count calls or make one throw.
 */
export function tallyProjection(onEvolve: (position: number) => void = () => undefined): Projection<TallyDocument> {
  return {
    name: 'tally',
    version: 1,
    handles: ['DeductionApplied'],
    documentIds: (event) => [(event.data as { employeeId: string }).employeeId],
    evolve: (doc, event, id) => {
      onEvolve(event.position);
      return { _id: id, events: (doc?.events ?? 0) + 1, points: (doc?.points ?? 0) + (event.data as { points: number }).points };
    },
    indexes: [{ fields: ['events'] }],
  };
}

/** Every document of a collection, sorted by id: for before/after comparisons. */
export async function snapshot(readStore: ReadStore, collection: string): Promise<ProjectedDocument[]> {
  return readStore.find<ProjectedDocument>(collection, {}, { sort: { _id: 1 } });
}

export const quietLogger = () => ({ log: jest.fn(), error: jest.fn() });
