/**
 * Section 5a, projection rebuilds: each projection rebuilt from position 0 over the seeded store,
 * in a child process of its own. Also leaves the read models caught up for the service.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createProjections } from '../projections';
import type { RebuildOutcome } from './rebuild.child';
import type { Measurement } from './results';
import { round } from './stats';

const REBUILD_EVENTS_PER_SECOND = 50_000;
/** The projections the issue sets a target for; the others are measured too, for information. */
const TARGETED = ['scores', 'overdue', 'audit-trail'];
export const TIME_ZONE = 'Asia/Shanghai';

/** With `profileDir`, each rebuild runs under `node --cpu-prof` and leaves its profile there. */
export async function benchRebuilds(dataDir: string, profileDir?: string): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const projection of createProjections({ timeZone: TIME_ZONE })) {
    const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=rebuild-${projection.name}.cpuprofile`] : [];
    const args = [...profiling, join(__dirname, 'rebuild.child.js'), dataDir, projection.name, TIME_ZONE];
    const { stdout } = await promisify(execFile)(process.execPath, args, {
      maxBuffer: 1 << 20,
    });
    const outcome = JSON.parse(stdout.trim().split('\n').pop()!) as RebuildOutcome;
    const eventsPerSecond = round(outcome.storeEvents / (outcome.ms / 1000), 0);
    measurements.push({
      id: `projections.rebuild.${projection.name}`,
      section: 'projections',
      label: `rebuild ${projection.name} v${outcome.version} from position 0 (${outcome.storeEvents.toLocaleString('en')} events)`,
      value: eventsPerSecond,
      unit: 'events/s',
      target: TARGETED.includes(projection.name)
        ? { text: `≥ ${REBUILD_EVENTS_PER_SECOND.toLocaleString('en')} events/s`, met: eventsPerSecond >= REBUILD_EVENTS_PER_SECOND }
        : undefined,
      notes: `${(outcome.ms / 1000).toFixed(1)} s; rebuildProjection returned ${outcome.applied.toLocaleString('en')}; peak RSS of the rebuilding process ${outcome.peakRssMiB} MiB`,
      extra: { seconds: round(outcome.ms / 1000, 2), applied: outcome.applied, peakRssMiB: outcome.peakRssMiB },
    });
  }
  return measurements;
}
