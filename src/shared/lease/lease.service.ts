import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { READ_STORE } from '../read-store/read-store.port';
import type { ReadStore } from '../read-store/read-store.port';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';

/** What a lease guards: started when this instance takes the lease, stopped when it loses it. */
export interface LeasedWork {
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

interface Runner {
  name: string;
  work: LeasedWork;
  running: boolean;
  /** Wall time (ms) until which this instance is sure to hold the lease. */
  heldUntil: number;
  busy: Promise<void>;
}

/**
 * Runs background work (a projection, the saga runner) in exactly one instance at a time among
 * all instances sharing the read store. Each piece of work has a lease in the read store with a
 * TTL (LEASE_TTL_MS, 15 s); the holder renews it every third of the TTL, and stops the work if it
 * could not renew before its lease ran out. When the holder dies, another instance takes the lease
 * over once it expires; on a clean shutdown the lease is released at once.
 *
 * Lease times are wall-clock (Date.now), never the business clock: they order real processes.
 */
@Injectable()
export class LeaseService implements OnModuleDestroy {
  private readonly logger = new Logger('Lease');
  readonly holder: string;
  private readonly runners = new Map<string, Runner>();
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // The embedded read store lives in DATA_DIR, which one process at a time may open (its lock,
    // src/shared/lifecycle/data-dir-lock.ts): whoever opened it owns every lease, so a restart
    // after kill -9 takes the dead process's leases over at once instead of waiting for expiry.
    this.holder = store instanceof SqliteReadStore ? 'embedded-data-dir-owner' : `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  private get ttlMs(): number {
    return this.config.leaseTtlMs;
  }

  private get renewEveryMs(): number {
    return Math.max(10, Math.floor(this.ttlMs / 3));
  }

  /** Starts `work` now if the lease is free, and later whenever this instance takes it over. */
  async run(name: string, work: LeasedWork): Promise<void> {
    if (this.closed) return;
    const runner: Runner = { name, work, running: false, heldUntil: 0, busy: Promise.resolve() };
    this.runners.set(name, runner);
    await this.renew(runner);
    this.timer ??= setInterval(() => void this.renewAll(), this.renewEveryMs);
    this.timer.unref();
  }

  /** Whether this instance holds the lease now (and the work runs here). */
  holds(name: string): boolean {
    const runner = this.runners.get(name);
    return !!runner && runner.running && Date.now() < runner.heldUntil;
  }

  /** Stops every piece of work, then releases the leases so another instance takes over at once. */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const runner of this.runners.values()) {
      await runner.busy;
      if (runner.running) {
        runner.running = false;
        await runner.work.stop();
      }
      await this.store.releaseLease(runner.name, this.holder).catch(() => undefined);
    }
  }

  private async renewAll(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => this.renew(runner)));
  }

  /** One renewal, serialised per runner so start and stop never overlap. */
  private renew(runner: Runner): Promise<void> {
    runner.busy = runner.busy.then(async () => {
      if (this.closed) return;
      const now = Date.now();
      let held: boolean;
      try {
        held = await this.store.tryAcquireLease(runner.name, this.holder, now, this.ttlMs);
      } catch (error) {
        // the store does not answer: keep running only if the lease cannot expire before the
        // next renewal, so the work has stopped here by the time another instance may take it
        this.logger.warn(`could not renew the lease ${runner.name}: ${String(error)}`);
        held = Date.now() + 2 * this.renewEveryMs < runner.heldUntil;
      }
      if (held && runner.heldUntil < now + this.ttlMs) runner.heldUntil = now + this.ttlMs;
      if (held && !runner.running && !this.closed) {
        this.logger.log(`took the lease ${runner.name} (${this.holder}); starting it here`);
        runner.running = true;
        await runner.work.start();
      } else if (!held && runner.running) {
        this.logger.warn(`lost the lease ${runner.name}; stopping it here`);
        runner.running = false;
        await runner.work.stop();
      }
    });
    return runner.busy.catch((error) => this.logger.error(`lease ${runner.name} failed: ${String(error)}`));
  }
}
