/**
 * Live lag: how long after an append its event is visible in the read models. Samples the newest
 * acknowledged position every `intervalMs`, then watches the projections' checkpoints (written in
 * the same transaction as their documents) until they reach it. Lag is measured from the event's
 * `recordedAt` (taken when the append was submitted) to the moment the checkpoint shows it.
 *
 * The watching runs in a worker thread of its own: on the load generator's event loop its polls
 * waited behind autocannon's sockets (and its synchronous SQLite reads held autocannon up), so
 * both the lag and the commands' latencies measured the bench process as much as the service.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface LagProbeConfig {
  readModelsFile: string;
  eventsFile: string;
  checkpoints: string[];
  intervalMs: number;
  /** Shared with the worker: [0] holds the newest acknowledged position. */
  latestAck: SharedArrayBuffer;
}

export interface LagProbeReport {
  samples: number[];
  timeouts: number;
}

export class LagProbe {
  private readonly latestAck = new Int32Array(new SharedArrayBuffer(4));
  private worker: Worker | undefined;
  private report: Promise<LagProbeReport> | undefined;
  samples: number[] = [];
  timeouts = 0;

  constructor(
    private readonly readModelsFile: string,
    private readonly eventsFile: string,
    private readonly projections: string[],
    private readonly intervalMs = 100,
  ) {}

  /** A command was acknowledged with this global position. */
  ack(position: number): void {
    if (position > Atomics.load(this.latestAck, 0)) Atomics.store(this.latestAck, 0, position);
  }

  start(): void {
    const config: LagProbeConfig = { readModelsFile: this.readModelsFile, eventsFile: this.eventsFile, checkpoints: this.projections, intervalMs: this.intervalMs, latestAck: this.latestAck.buffer as SharedArrayBuffer };
    const worker = new Worker(join(__dirname, 'lag-probe.worker.js'), { workerData: config });
    this.worker = worker;
    this.report = new Promise((resolve, reject) => {
      worker.once('message', (report: LagProbeReport) => resolve(report));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the lag probe's worker exited (${code}) before it reported`)));
    });
  }

  async stop(): Promise<void> {
    if (!this.worker || !this.report) return;
    this.worker.postMessage('stop');
    const report = await this.report;
    this.samples = report.samples;
    this.timeouts = report.timeouts;
    await this.worker.terminate();
    this.worker = undefined;
  }

  close(): void {
    void this.worker?.terminate();
  }
}
