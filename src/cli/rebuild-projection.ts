import 'reflect-metadata';
import { loadConfig } from '../shared/config/app-config';
import { createEventStore, createReadStore, describeStores, lockDataDir } from '../shared/infrastructure/stores.factory';
import { DataDirInUseError } from '../shared/lifecycle/data-dir-lock';
import type { DataDirLock } from '../shared/lifecycle/data-dir-lock';
import type { RebuildProgress } from '../shared/projector/rebuild-projection';
import { eventSchemas } from '../event-schemas';
import { rebuildProjection } from '../shared/projector/projector';
import { createProjections } from '../../projections';

/**
 * Rebuilds read models from the first event: `npm run rebuild-projection -- scores` (or `all`).
 * On the embedded stores it takes the data directory's one-writer lock, so it refuses while the
 * service runs on the same files; on EventStoreDB and MongoDB run the service with
 * RUN_PROJECTIONS=false meanwhile, so that only this process writes the read model.
 */
async function main(names: string[]): Promise<void> {
  const config = loadConfig();
  const projections = createProjections({ timeZone: config.timeZone });
  const known = projections.map((p) => p.name);
  if (names.length === 0 || names.some((n) => n !== 'all' && !known.includes(n))) {
    console.error(`usage: npm run rebuild-projection -- <${known.join(' | ')} | all> ...`);
    process.exitCode = 2;
    return;
  }
  const chosen = names.includes('all') ? projections : projections.filter((p) => names.includes(p.name));
  let lock: DataDirLock | null;
  try {
    lock = lockDataDir(config);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    console.error(`refused: ${error.message}\nStop the service, then run the rebuild again.`);
    process.exitCode = 1;
    return;
  }
  const eventStore = await createEventStore(config, eventSchemas);
  // it holds the data directory's lock: nothing else writes, and a rebuild interrupted by a power cut is run again
  const readStore = await createReadStore(config, lock ?? undefined, 'offline-rebuild');
  try {
    console.log(describeStores(config));
    for (const projection of chosen) {
      const started = Date.now();
      const report = progressReport(projection.name, started);
      const count = await rebuildProjection(eventStore, readStore, projection, { onProgress: report });
      console.log(`rebuilt ${projection.name} v${projection.version} from ${count} events (the types it reads) in ${Date.now() - started} ms`);
    }
  } finally {
    await eventStore.close();
    await readStore.close();
    lock?.release();
  }
}

/** A line every two seconds: events done, the rate, and the time left to the head at that rate. */
function progressReport(name: string, started: number): (progress: RebuildProgress) => void {
  let lastLine = started;
  return ({ events, position, head }) => {
    const now = Date.now();
    if (now - lastLine < 2000 || position >= head) return;
    lastLine = now;
    const seconds = (now - started) / 1000;
    const rate = events / seconds;
    const share = head > 0 ? position / head : 1;
    const left = share > 0 ? (seconds / share) * (1 - share) : 0;
    console.log(`${name}: ${events.toLocaleString('en')} events (${(share * 100).toFixed(1)}% of the log), ${Math.round(rate).toLocaleString('en')} events/s, about ${Math.ceil(left)} s left`);
  };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
