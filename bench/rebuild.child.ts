/**
 * Rebuilds one projection from position 0 in a process of its own, so its time and peak memory are
 * its own: `node rebuild.child.js <dataDir> <projection> <timeZone>`; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../src/shared/read-store/sqlite/sqlite-read-store';
import { rebuildProjection } from '../src/shared/projector/projector';
import { createProjections } from '../projections';
import { nowMs } from './stats';

export interface RebuildOutcome {
  projection: string;
  version: number;
  storeEvents: number;
  applied: number;
  ms: number;
  peakRssMiB: number;
}

async function main([dataDir, name, timeZone]: string[]): Promise<void> {
  const projection = createProjections({ timeZone }).find((p) => p.name === name);
  if (!projection) throw new Error(`no projection named ${name}`);
  const eventStore = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  // as the rebuild command opens it (src/cli/rebuild-projection.ts)
  const readStore = new SqliteReadStore({ file: join(dataDir, 'read-models.sqlite'), durability: 'offline-rebuild' });
  try {
    const storeEvents = await eventStore.headPosition();
    const started = nowMs();
    const applied = await rebuildProjection(eventStore, readStore, projection);
    const ms = nowMs() - started;
    const outcome: RebuildOutcome = { projection: name, version: projection.version, storeEvents, applied, ms, peakRssMiB: peakRssMiB() };
    process.stdout.write(JSON.stringify(outcome) + '\n');
  } finally {
    await eventStore.close();
    await readStore.close();
  }
}

function peakRssMiB(): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line ? Math.round(Number(line.split(/\s+/)[1]) / 102.4) / 10 : Math.round(process.memoryUsage().rss / 2 ** 20);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
