import { EsdbEventStore } from '../../src/shared/event-store/eventstoredb/esdb-event-store';
import { EsdbDouble } from '../doubles/esdb/esdb-double.server';
import { eventStoreContract, type EventStoreFixture, type EventStoreTraits } from './event-store.contract';

/** EventStoreDB keeps no index of event ids across streams (a documented difference). */
const traits: EventStoreTraits = { rejectsIdReuseAcrossStreams: false };

/** A fixture on one server: each test gets its own store (and streams), closed in cleanup. */
function fixtureOn(connectionString: () => string): () => Promise<EventStoreFixture> {
  return async () => {
    const opened: EsdbEventStore[] = [];
    const open = async (): Promise<EsdbEventStore> => {
      const store = await EsdbEventStore.connect(connectionString());
      opened.push(store);
      return store;
    };
    return {
      store: await open(),
      reopen: open,
      cleanup: async () => {
        for (const store of opened) await store.close();
      },
    };
  };
}

describe('EventStoreDB adapter on the protocol double', () => {
  let double: EsdbDouble;
  beforeAll(async () => {
    double = await EsdbDouble.start();
  });
  afterAll(async () => double.stop());

  eventStoreContract('EventStoreDB (protocol double)', fixtureOn(() => double.connectionString), traits);
});

describe('EventStoreDB adapter on the protocol double without BatchAppend (servers before 21.10)', () => {
  let double: EsdbDouble;
  beforeAll(async () => {
    double = await EsdbDouble.start({ batchAppend: false });
  });
  afterAll(async () => double.stop());

  eventStoreContract('EventStoreDB (protocol double, Append only)', fixtureOn(() => double.connectionString), traits);
});

// A real server only when one is named; otherwise the leg is listed as skipped, saying how to run it.
const serverConnectionString = process.env.EVENTSTOREDB_CONNECTION_STRING?.trim();
(serverConnectionString ? describe : describe.skip)(
  `EventStoreDB server${serverConnectionString ? '' : ' (skipped: docker compose up eventstoredb, then EVENTSTOREDB_CONNECTION_STRING=esdb://localhost:2113?tls=false npm test)'}`,
  () => eventStoreContract('EventStoreDB (server)', fixtureOn(() => serverConnectionString!), traits),
);
