import type { AppConfig } from '../config/app-config';
import { MongoReadStore } from '../read-store/mongodb/mongo-read-store';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { InMemoryMongoDatabase } from '../../../test/doubles/in-memory-mongo';
import type { ReadStore } from '../read-store/read-store.port';
import { LeaseService } from './lease.service';

/** A read store an instance reaches until it "dies" (its store calls fail from then on). */
function reachable(store: ReadStore) {
  let dead = false;
  const proxy = new Proxy(store, {
    get: (target, key) => (dead && key === 'tryAcquireLease' ? () => Promise.reject(new Error('unreachable')) : Reflect.get(target, key, target)),
  });
  return { store: proxy as ReadStore, die: () => (dead = true) };
}

const config = { leaseTtlMs: 300 } as AppConfig;
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
};

describe('LeaseService', () => {
  // instances share a MongoDB (the in-memory double)
  let shared: MongoReadStore;
  const services: LeaseService[] = [];
  beforeEach(() => (shared = new MongoReadStore(new InMemoryMongoDatabase())));
  afterEach(async () => {
    for (const service of services.splice(0)) await service.onModuleDestroy();
    await shared.close();
  });

  const instance = (store: ReadStore = shared) => {
    const service = new LeaseService(store, config);
    services.push(service);
    const log: string[] = [];
    return { service, log, work: { start: () => void log.push('start'), stop: () => void log.push('stop') } };
  };

  it('given two instances, then the work runs in the first only', async () => {
    const a = instance();
    const b = instance();
    await a.service.run('projector', a.work);
    await b.service.run('projector', b.work);
    expect([a.log, b.log]).toEqual([['start'], []]);
    expect([a.service.holds('projector'), b.service.holds('projector')]).toEqual([true, false]);
  });

  it('given the holder dies (stops renewing), when its lease expires, then it has stopped its work and the other instance takes over', async () => {
    const dying = reachable(shared);
    const a = instance(dying.store);
    const b = instance();
    await a.service.run('sagas', a.work);
    await b.service.run('sagas', b.work);
    dying.die();
    expect(await until(() => b.log.length > 0)).toBe(true);
    // a stopped before b started: never both at once
    expect(a.log).toEqual(['start', 'stop']);
    expect(b.log).toEqual(['start']);
  });

  it('given the holder shuts down, then it stops its work and releases the lease for the other at once', async () => {
    const a = instance();
    const b = instance();
    await a.service.run('projector', a.work);
    await b.service.run('projector', b.work);
    await a.service.onModuleDestroy();
    expect(a.log).toEqual(['start', 'stop']);
    expect(await until(() => b.service.holds('projector'))).toBe(true);
  });

  it('given the embedded read store (one process per DATA_DIR), when a restart follows a kill -9, then the new process takes the dead one\'s lease at once', async () => {
    const file = ':memory:';
    const embedded = new SqliteReadStore({ file });
    try {
      const before = new LeaseService(embedded, config);
      await before.run('projector', { start: () => undefined, stop: () => undefined });
      // no shutdown: the process died holding the lease
      const after = instance(embedded);
      await after.service.run('projector', after.work);
      expect(after.log).toEqual(['start']);
      await before.onModuleDestroy();
    } finally {
      await embedded.close();
    }
  });
});
