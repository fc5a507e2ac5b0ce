/**
 * Sections 3-6 around one seeded data directory: seed the event store directly, replay a record
 * in process, rebuild every projection (which also leaves the read models caught up), start the
 * built service on it, then time its read paths and commands while sampling lag and memory.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchGrowth } from './growth.bench';
import { BENCH_DEPARTMENT, benchHttpCommands } from './http.bench';
import { LagProbe } from './lag-probe';
import type { BenchOptions } from './options';
import { createProjections } from '../projections';
import { collectionOf } from '../src/shared/projector/projection';
import { benchRebuilds, TIME_ZONE } from './projections.bench';
import { benchDirectReplay, benchHttpReads, benchRecordFloor } from './read-paths.bench';
import type { Measurement } from './results';
import { POSITIONS, seedEventStore } from './seed';
import { cpuSeconds, markSagasCaughtUp, startService, waitUntilCaughtUp } from './service';
import { round } from './stats';

const PEAK_RSS_TARGET_MB = 300;

export interface ServiceBenchContext {
  root: string;
  dataDir: string;
  /** Where the service's log goes (kept after the run). */
  logFile: string;
  options: BenchOptions;
  /** The framework's no-work answers a second (section 1b), when measured. */
  frameworkCeiling?: number;
  record(measurements: Measurement[]): void;
  fail(section: string, error: string): void;
}

export async function benchService({ root, dataDir, logFile, options, frameworkCeiling, record, fail }: ServiceBenchContext): Promise<void> {
  const { sizes, sections } = options;
  const wants = (section: string) => (sections as string[]).includes(section);
  const eventsFile = join(dataDir, 'events.sqlite');
  const readModelsFile = join(dataDir, 'read-models.sqlite');
  mkdirSync(dataDir, { recursive: true });

  console.log(`[bench] seeding ${sizes.totalEvents.toLocaleString('en')} events into ${eventsFile} …`);
  const dataset = await seedEventStore(eventsFile, sizes);
  record([
    {
      id: 'append.seed',
      section: 'append',
      label: 'seeding: SqliteEventStore, 1,000 appends in flight (group commit), mixed domain events',
      value: round(dataset.totalEvents / dataset.seedSeconds, 0),
      unit: 'events/s',
      notes: `${dataset.totalEvents.toLocaleString('en')} events in ${dataset.seedSeconds.toFixed(1)} s: ${Object.entries(dataset.eventsByType).map(([t, n]) => `${t} ${n}`).join(', ')}`,
    },
  ]);
  if (wants('reads')) {
    const floors = benchRecordFloor(eventsFile, join(dataDir, '..', 'record-floor.sqlite'), dataset, sizes.readSamples);
    const replay = await benchDirectReplay(eventsFile, dataset, sizes.readSamples);
    const floorP99 = floors[0].latency!.p99;
    record([...floors, { ...replay, ratios: [{ of: "the raw floor's p99 (through the index)", value: replay.latency!.p99 / floorP99 }] }]);
  }

  console.log('[bench] rebuilding every projection from position 0 …');
  const profileDir = options.profile ? join(options.outDir, 'profiles') : undefined;
  const rebuilds = await benchRebuilds(dataDir, profileDir);
  if (wants('projections')) record(rebuilds);

  markSagasCaughtUp(eventsFile, readModelsFile);

  console.log('[bench] starting the service …');
  const service = await startService(root, dataDir, logFile, profileDir);
  try {
    await waitUntilCaughtUp(service);
    const { token } = await service.admin.postJson<{ token: string }>('/credentials', {
      principalId: 'bench',
      roles: ['clerk', 'supervisor', 'auditor', 'analyst'],
      departments: [...dataset.departments, BENCH_DEPARTMENT],
    });
    const client = service.admin.as(token);
    const afterStart = service.memory.currentMB();
    service.memory.endPhase('start');
    const attempt = async (section: string, run: () => Promise<void>) => {
      try {
        await run();
      } catch (error) {
        console.error(`[bench] ${section} failed:`, error);
        fail(section, error instanceof Error ? error.message : String(error));
      }
    };
    if (wants('reads')) {
      console.log('[bench] read paths over HTTP …');
      await attempt('reads', async () => record(await benchHttpReads(client, dataset, sizes.readSamples)));
      service.memory.endPhase('reads');
    }
    if (wants('http') || wants('projections') || wants('memory')) {
      console.log('[bench] commands over HTTP, with live lag …');
      await attempt('http', async () => {
        const measurements = await benchHttpCommands({
          url: service.url,
          admin: service.admin,
          token,
          seconds: sizes.httpSeconds,
          concurrency: sizes.httpConcurrency,
          probeFor: (projections) => new LagProbe(readModelsFile, eventsFile, projections.map(checkpointOf)),
          serviceCpuSeconds: () => cpuSeconds(service.pid),
          // the commands deduct under a property steward's rule: only they may take it
          seededEmployeeIds: dataset.employeeIds.filter((_, index) => index % POSITIONS.length === 0),
          frameworkCeiling,
        });
        record(measurements.filter((m) => (m.section === 'http' && wants('http')) || (m.section === 'projections' && wants('projections'))));
      });
      service.memory.endPhase('commands');
    }
    if (wants('memory')) {
      const stored = (await service.admin.getJson<{ headPosition: number }>('/health')).headPosition;
      const peak = service.memory.peakMB();
      record([
        {
          id: 'memory.peakRss',
          section: 'memory',
          label: `service peak RSS (VmHWM) from start through reads, HTTP load and lag (${stored.toLocaleString('en')} events stored)`,
          value: peak,
          unit: 'MB',
          target: {
            text: `≤ ${PEAK_RSS_TARGET_MB} MB with 1,000,000 events stored${stored < 1_000_000 ? ` (this run stored only ${stored.toLocaleString('en')})` : ''}`,
            met: peak <= PEAK_RSS_TARGET_MB,
          },
          notes:
            `RSS ${afterStart} MB once started and caught up, ${service.memory.currentMB()} MB at the end; highest RSS sampled (every 100 ms) per phase: ` +
            `${Object.entries(service.memory.phases).map(([phase, mb]) => `${phase} ${mb} MB`).join(', ')}; MB = 10^6 bytes`,
          extra: { eventsStored: stored, rssAfterStartMB: afterStart, ...Object.fromEntries(Object.entries(service.memory.phases).map(([p, mb]) => [`peak_${p}_MB`, mb])) },
        },
      ]);
    }
    client.close();
  } finally {
    await service.stop();
  }
  if (wants('growth')) record(await benchGrowth({ root, dataDir, logFile, sizes, dataset, adminToken: service.adminToken }));
}

/** The projector's checkpoint name for a projection: its versioned collection. */
function checkpointOf(name: string): string {
  const projection = createProjections({ timeZone: TIME_ZONE }).find((p) => p.name === name);
  if (!projection) throw new Error(`no projection named ${name}`);
  return collectionOf(projection);
}

