/** The lag probe's watching loop (see lag-probe.ts), on its own thread. */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { LagProbeConfig, LagProbeReport } from './lag-probe';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function watch(config: LagProbeConfig): Promise<void> {
  const latestAck = new Int32Array(config.latestAck);
  const readModels = new Database(config.readModelsFile, { readonly: true, fileMustExist: true });
  const events = new Database(config.eventsFile, { readonly: true, fileMustExist: true });
  const checkpoints = readModels.prepare<string[], { position: number }>(`SELECT position FROM read_checkpoints WHERE name IN (${config.checkpoints.map(() => '?').join(', ')})`);
  const recordedAt = events.prepare<[number], { recorded_at: string }>('SELECT recorded_at FROM events WHERE position = ?');
  // the lowest checkpoint among the watched projections (0 while one has none)
  const visiblePosition = () => {
    const rows = checkpoints.all(...config.checkpoints);
    return rows.length < config.checkpoints.length ? 0 : Math.min(...rows.map((r) => r.position));
  };
  let running = true;
  parentPort!.once('message', () => (running = false));
  const report: LagProbeReport = { samples: [], timeouts: 0 };
  let lastProbed = 0;
  try {
    while (running) {
      await sleep(config.intervalMs);
      const position = Atomics.load(latestAck, 0);
      if (position === 0 || position === lastProbed) continue;
      lastProbed = position;
      const row = recordedAt.get(position);
      if (!row) continue;
      const appendedAt = Date.parse(row.recorded_at);
      const deadline = Date.now() + 10_000;
      while (visiblePosition() < position && Date.now() < deadline) await sleep(1);
      if (visiblePosition() < position) report.timeouts += 1;
      else report.samples.push(Date.now() - appendedAt);
    }
  } finally {
    readModels.close();
    events.close();
  }
  parentPort!.postMessage(report);
}

void watch(workerData as LagProbeConfig);
