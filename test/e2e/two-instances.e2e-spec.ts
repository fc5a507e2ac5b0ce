import type { INestApplication } from '@nestjs/common';
import { createProjections } from '../../projections';
import { collectionOf } from '../../src/shared/projector/projection';
import { DeadlineWatcher } from '../../src/policies/deadline-watcher/deadline-watcher.service';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { LeaseService } from '../../src/shared/lease/lease.service';
import { rebuildProjection } from '../../src/shared/projector/rebuild-projection';
import { MongoReadStore } from '../../src/shared/read-store/mongodb/mongo-read-store';
import type { Document, ReadStore } from '../../src/shared/read-store/read-store.port';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { EsdbDouble } from '../doubles/esdb/esdb-double.server';
import { InMemoryMongoDatabase } from '../doubles/in-memory-mongo';
import { goldenWeekCalendar, twoWorkingDaysForRepairs } from '../service-levels/service-levels.fixture';
import type { Http } from '../service-levels/service-levels.fixture';
import { settle } from '../support/settle';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';

type Instance = { app: INestApplication; http: Http };

/**
 * Two instances on one EventStoreDB (protocol double) and one MongoDB (in-memory double), both
 * taking commands: the projections, the sagas and the deadline watcher run in one of them at a
 * time, move to the other when it goes, and the read models equal a fresh rebuild from the events.
 */
describe('two instances on EventStoreDB and MongoDB (doubles)', () => {
  const clock = new ManualClock(new Date('2026-09-30T10:00:00.000Z'));
  let double: EsdbDouble;
  const database = new InMemoryMongoDatabase();
  const instances: Instance[] = [];

  const start = async (): Promise<Instance> => {
    const started = await startTestApp(clock, undefined, { EVENTSTOREDB_CONNECTION_STRING: double.connectionString, LEASE_TTL_MS: '300' }, new MongoReadStore(database));
    const instance = { app: started.app, http: await operatorAgent(started.app, started.tokenFor) };
    instances.push(instance);
    return instance;
  };
  const eventsOf = async (app: INestApplication, type: string) => (await app.get<EventStore>(EVENT_STORE).readAll()).filter((event) => event.type === type);
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(condition()).toBe(true);
  };

  beforeAll(async () => {
    double = await EsdbDouble.start();
  });
  afterAll(async () => {
    for (const { app } of instances) await app.close().catch(() => undefined);
    await double.stop();
  });

  it('runs each projection and the sagas in one instance, moves them when it stops, records each breach and its deduction once, and the read models equal a rebuild', async () => {
    const a = await start();
    const b = await start();
    const leases = (instance: Instance) => instance.app.get(LeaseService);
    expect([leases(a).holds('projector'), leases(b).holds('projector')]).toEqual([true, false]);
    expect([leases(a).holds('sagas'), leases(b).holds('sagas')]).toEqual([true, false]);

    await a.http.post("/rulebook/versions").send(defaultRulebook).expect((res) => expect([200, 201]).toContain(res.status));
    // the golden-week calendar; a missed repair costs the property site team PSI-OVERNIGHT's 3 points (001:1953)
    await a.http.put('/working-calendar').send(goldenWeekCalendar).expect(200);
    await a.http.put('/service-levels').send(twoWorkingDaysForRepairs).expect(200);
    for (const [employeeId, supervisorId] of [['S-1'], ['E-1', 'S-1'], ['E-2', 'S-1']]) {
      await b.http.post('/employees').send({ employeeId, name: `Staff ${employeeId}`, department: 'repairs', position: 'property-site-team', ...(supervisorId ? { supervisorId } : {}) }).expect(201);
    }
    // commands to both instances: repairs due 17:50 on Friday 9 October (after the holidays)
    for (const [i, instance] of [a, b, a, b].entries()) {
      await instance.http
        .post('/tickets')
        .send({ ticketId: `T-${i}`, kind: 'repair', assigneeId: i % 2 ? 'E-2' : 'E-1', description: 'Leaking valve', dispatchedAt: '2026-09-30T17:50:00+08:00' })
        .expect(201);
    }
    await settle(a.app);

    // the holder stops; the other instance takes the projections and the sagas over
    await a.app.close();
    await until(() => leases(b).holds('projector') && leases(b).holds('sagas'));

    // past the deadline, the watcher ticks (twice, racing) where the projector now runs
    clock.set('2026-10-09T09:50:00.001Z');
    const watcher = b.app.get(DeadlineWatcher);
    await Promise.all([watcher.tick(), watcher.tick()]);
    await settle(b.app);
    // and a third instance joins late: it runs nothing while b holds the leases
    const c = await start();
    expect(leases(c).holds('projector') || leases(c).holds('sagas')).toBe(false);
    await c.http.post('/tickets').send({ ticketId: 'T-9', kind: 'repair', assigneeId: 'E-1', description: 'Door', dispatchedAt: '2026-10-09T10:00:00+08:00' }).expect(201);
    await settle(b.app);

    const breaches = await eventsOf(b.app, 'TicketDeadlineBreached');
    expect(breaches.map((event) => (event.data as { ticketId: string }).ticketId).sort()).toEqual(['T-0', 'T-1', 'T-2', 'T-3']);
    const derived = (await eventsOf(b.app, 'DeductionApplied')).map((event) => (event.data as { source?: { ticketId?: string } }).source?.ticketId).filter(Boolean);
    expect(derived.sort()).toEqual(['T-0', 'T-1', 'T-2', 'T-3']);

    // every read model in the shared store equals a fresh rebuild from the events
    const store = b.app.get<EventStore>(EVENT_STORE);
    const fresh: ReadStore = new MongoReadStore(new InMemoryMongoDatabase());
    const shared: ReadStore = new MongoReadStore(database);
    for (const projection of createProjections({ timeZone: 'Asia/Shanghai' })) {
      await rebuildProjection(store, fresh, projection);
      const collection = collectionOf(projection);
      const byId = (docs: Document[]) => [...docs].sort((x, y) => x._id.localeCompare(y._id));
      expect({ projection: projection.name, docs: byId(await shared.find(collection)) }).toEqual({ projection: projection.name, docs: byId(await fresh.find(collection)) });
    }
  }, 60_000);
});
