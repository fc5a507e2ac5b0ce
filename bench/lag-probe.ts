/**
 * Live lag: how long after an append its event is visible in the read models. Samples the newest
 * acknowledged position every `intervalMs`, then watches the projections' checkpoints (written in
 * the same transaction as their documents) until they reach it. Lag is measured from the event's
 * `recordedAt` (taken when the append was submitted) to the moment the checkpoint shows it.
 */
import Database from 'better-sqlite3';
import { sleep } from './service';

export class LagProbe {
  private readonly readModels: Database.Database;
  private readonly events: Database.Database;
  private readonly checkpoints: Database.Statement<string[], { position: number }>;
  private readonly recordedAt: Database.Statement<[number], { recorded_at: string }>;
  private latestAck = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  readonly samples: number[] = [];
  timeouts = 0;

  constructor(
    readModelsFile: string,
    eventsFile: string,
    private readonly projections: string[],
    private readonly intervalMs = 100,
  ) {
    this.readModels = new Database(readModelsFile, { readonly: true, fileMustExist: true });
    this.events = new Database(eventsFile, { readonly: true, fileMustExist: true });
    const names = projections.map(() => '?').join(', ');
    this.checkpoints = this.readModels.prepare(`SELECT position FROM read_checkpoints WHERE name IN (${names})`);
    this.recordedAt = this.events.prepare('SELECT recorded_at FROM events WHERE position = ?');
  }

  /** A command was acknowledged with this global position. */
  ack(position: number): void {
    if (position > this.latestAck) this.latestAck = position;
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  close(): void {
    this.readModels.close();
    this.events.close();
  }

  /** The lowest checkpoint among the watched projections (0 while one has none). */
  visiblePosition(): number {
    const rows = this.checkpoints.all(...this.projections);
    return rows.length < this.projections.length ? 0 : Math.min(...rows.map((r) => r.position));
  }

  private async run(): Promise<void> {
    let lastProbed = 0;
    while (this.running) {
      await sleep(this.intervalMs);
      const position = this.latestAck;
      if (position === 0 || position === lastProbed) continue;
      lastProbed = position;
      const row = this.recordedAt.get(position);
      if (!row) continue;
      const appendedAt = Date.parse(row.recorded_at);
      const deadline = Date.now() + 10_000;
      while (this.visiblePosition() < position && Date.now() < deadline) await sleep(1);
      if (this.visiblePosition() < position) this.timeouts += 1;
      else this.samples.push(Date.now() - appendedAt);
    }
  }
}
