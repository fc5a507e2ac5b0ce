import 'reflect-metadata';
import { loadConfig } from '../shared/config/app-config';
import { createEventStore, createReadStore, describeStores } from '../shared/infrastructure/stores.factory';
import { eventSchemas } from '../event-schemas';
import { rebuildProjection } from '../shared/projector/projector';
import { createProjections } from '../../projections';

/**
 * Rebuilds read models from the first event: `npm run rebuild-projection -- scores` (or `all`).
 * Stop the service first, or run it with RUN_PROJECTIONS=false, so that only this process writes
 * the read model while it is rebuilt.
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
  const eventStore = await createEventStore(config, eventSchemas);
  const readStore = await createReadStore(config);
  try {
    console.log(describeStores(config));
    for (const projection of chosen) {
      const started = Date.now();
      const count = await rebuildProjection(eventStore, readStore, projection);
      console.log(`rebuilt ${projection.name} v${projection.version} from ${count} events in ${Date.now() - started} ms`);
    }
  } finally {
    await eventStore.close();
    await readStore.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
