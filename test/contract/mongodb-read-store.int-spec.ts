import { MongoClient } from 'mongodb';
import { MongoReadStore } from '../../src/shared/read-store/mongodb/mongo-read-store';
import { InMemoryMongoDatabase } from '../doubles/in-memory-mongo';
import { readStoreContract } from './read-store.contract';

// (a) Always: the adapter over the in-memory mingo executor (see test/doubles/in-memory-mongo.ts
// for what that does not prove). Reopening wraps the same in-memory database in a new adapter.
readStoreContract('MongoDB adapter over the in-memory mingo executor', async () => {
  const database = new InMemoryMongoDatabase();
  const store = new MongoReadStore(database);
  return {
    store,
    reopen: async () => new MongoReadStore(database),
    cleanup: () => store.close(),
  };
});

// (b) Only when a server is available: the same contract against real MongoDB; otherwise the leg is
// listed as skipped, saying how to run it.
const uri = process.env.MONGODB_URI;
const dbName = `read_store_contract_${process.pid}_${Date.now().toString(36)}`;

(uri ? describe : describe.skip)(`MongoDB server${uri ? '' : ' (skipped: docker compose up mongodb, then MONGODB_URI=mongodb://localhost:27017 npm test)'}`, () => {
  readStoreContract('MongoDB server', async () => {
    const opened: MongoReadStore[] = [await MongoReadStore.connect(uri!, dbName)];
    return {
      store: opened[0],
      reopen: async () => {
        const store = await MongoReadStore.connect(uri!, dbName);
        opened.push(store);
        return store;
      },
      cleanup: async () => {
        for (const store of opened) await store.close();
      },
    };
  });

  afterAll(async () => {
    const client = await MongoClient.connect(uri!);
    try {
      await client.db(dbName).dropDatabase();
    } finally {
      await client.close();
    }
  });
});
