import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';
import type { EventStore } from '../event-store/event-store.port';
import type { ReadStore } from '../read-store/read-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { EsdbEventStore } from '../event-store/eventstoredb/esdb-event-store';
import { SqliteReadStore, SqliteReadStoreOptions } from '../read-store/sqlite/sqlite-read-store';
import { MongoReadStore } from '../read-store/mongodb/mongo-read-store';
import { DataDirLock } from '../lifecycle/data-dir-lock';
import { UpcastingEventStore } from '../event-store/upcasting';
import type { EventSchemas } from '../event-store/upcasting';
import { assertDataDirWritable, checkEmbeddedFile } from '../observability/embedded-files';

/**
 * The one-writer lock on DATA_DIR when any embedded store is in use (null otherwise). Taken
 * before the stores open, so a second instance refuses to start instead of writing beside the first.
 */
export function lockDataDir(config: AppConfig): DataDirLock | null {
  if (config.eventStoreDbConnectionString && config.mongoUri) return null;
  assertDataDirWritable(config.dataDir);
  return DataDirLock.acquire(config.dataDir);
}

/** EventStoreDB when a connection string is configured, the embedded SQLite store otherwise; read and written through the event schemas (versions, upcasting). */
export async function createEventStore(config: AppConfig, schemas: EventSchemas, _lock?: DataDirLock): Promise<EventStore> {
  return new UpcastingEventStore(await connectEventStore(config), schemas);
}

async function connectEventStore(config: AppConfig): Promise<EventStore> {
  // Not verified at start: an unreachable server makes the service unhealthy, not crash; reads,
  // appends and subscriptions retry (subscriptions with backoff) until it answers.
  if (config.eventStoreDbConnectionString) return EsdbEventStore.connect(config.eventStoreDbConnectionString, { verifyConnection: false });
  return new SqliteEventStore({ file: checkEmbeddedFile(path.join(config.dataDir, 'events.sqlite')) });
}

/** MongoDB when a URI is configured, the embedded SQLite store otherwise. */
export async function createReadStore(config: AppConfig, _lock?: DataDirLock, durability?: SqliteReadStoreOptions['durability']): Promise<ReadStore> {
  if (config.mongoUri) return MongoReadStore.connect(config.mongoUri, config.mongoDatabase);
  return new SqliteReadStore({ file: checkEmbeddedFile(path.join(config.dataDir, 'read-models.sqlite')), durability });
}

export function describeStores(config: AppConfig): string {
  const events = config.eventStoreDbConnectionString ? 'EventStoreDB' : `embedded SQLite in ${config.dataDir}`;
  const reads = config.mongoUri ? `MongoDB (${config.mongoDatabase})` : `embedded SQLite in ${config.dataDir}`;
  return `events: ${events}; read models: ${reads}`;
}
