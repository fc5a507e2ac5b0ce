import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DerivedCommandExecutor, ExecutionAborted } from '../../parked-consequences/derived-command-executor.service';
import type { ParkedConsequence } from '../../parked-consequences/domain/parked-consequence';
import { PARKED_CONSEQUENCES } from '../../parked-consequences/ports/parked-consequences.port';
import type { ParkedConsequences } from '../../parked-consequences/ports/parked-consequences.port';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore, RecordedEvent, Subscription } from '../../shared/event-store/event-store.port';
import { HealthRegistry } from '../../shared/health/health-registry';
import { LeaseService } from '../../shared/lease/lease.service';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { ReadStore } from '../../shared/read-store/read-store.port';
import { sagasHealthCheck } from './sagas-health';
import { serviceLevelSagas } from './consequence.sagas';
import type { Saga } from './consequence.sagas';

const CHECKPOINT = 'sagas:service-levels';
/** Events whose checkpoint may wait: replaying them after a crash is a no-op (derived ids). */
const CHECKPOINT_EVERY_EVENTS = 500;
const CHECKPOINT_AFTER_MS = 200;

/**
 * Runs the sagas from the event store with a checkpoint, so no event is missed across restarts.
 * Delivery is at least once: a crash between a command and the checkpoint replays the event, and
 * the commands' derived ids make that a no-op. A failing command is retried, then parked together
 * with the checkpoint (DerivedCommandExecutor, ParkedConsequences): never skipped without a trace.
 *
 * It is started explicitly, by `start()` once the app is initialised (`startApp` in app.setup.ts):
 * the CQRS command handlers are registered in CqrsModule's onApplicationBootstrap, and a runner
 * started from a lifecycle hook could run commands before they have a handler. One instance at a
 * time runs the sagas: `start()` asks for the lease `sagas` (src/shared/lease) and subscribes
 * whenever this instance holds it.
 */
@Injectable()
export class SagaRunner implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Sagas');
  private subscription?: Subscription;
  private abort?: AbortController;
  private position = 0;
  private lastError?: string;
  private started = false;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();
  /** Last position handled whose checkpoint is not written yet, and how many events that covers. */
  private unsaved?: { position: number; events: number };
  private checkpointTimer?: NodeJS.Timeout;
  readonly sagas: Saga[] = serviceLevelSagas;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PARKED_CONSEQUENCES) private readonly parked: ParkedConsequences,
    private readonly executor: DerivedCommandExecutor,
    private readonly health: HealthRegistry,
    private readonly lease: LeaseService,
  ) {}

  onModuleInit(): void {
    this.health.register(sagasHealthCheck(this, this.store, this.parked, this.config.healthMaxSagaLag));
  }

  /** Whether this instance should run the sagas (RUN_SAGAS; a lease may later gate it here too). */
  get shouldRun(): boolean {
    return this.config.runSagas;
  }

  /** `standby`: started, but another instance holds the lease and runs the sagas. */
  get status(): { running: boolean; standby: boolean; position: number; lastError?: string } {
    const running = this.subscription !== undefined;
    return { running, standby: this.started && !running && !this.lease.holds('sagas'), position: this.position, lastError: this.lastError };
  }

  /** Runs the sagas (under the lease) from the checkpoint. Call after `app.init()`; a second call does nothing. */
  async start(): Promise<void> {
    if (!this.shouldRun || this.started) return;
    this.started = true;
    await this.lease.run('sagas', { start: () => this.subscribe(), stop: () => this.stop() });
  }

  private async subscribe(): Promise<void> {
    if (this.subscription) return;
    const checkpoint = await this.readStore.getCheckpoint(CHECKPOINT);
    this.position = checkpoint ?? 0;
    this.abort = new AbortController();
    this.subscription = this.store.subscribeToAll(
      {
        onEvent: (event) => this.handle(event),
        onError: (error) => {
          this.lastError = String(error);
          this.logger.error(`saga subscription failed, resubscribing: ${String(error)}`);
        },
      },
      checkpoint === undefined ? {} : { fromPosition: checkpoint },
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.saveCheckpoint().catch((error: unknown) => this.logger.error(`could not save the saga checkpoint on stop; the events after it will be replayed: ${String(error)}`));
  }

  /**
   * Writes the checkpoint of the events handled since the last one. An event that parked nothing
   * moves the checkpoint lazily (every few hundred events or ms, and on stop): after a crash the
   * events since are replayed, and their commands' derived ids make that a no-op; parked
   * consequences are written at once, with the checkpoint.
   */
  private async saveCheckpoint(): Promise<void> {
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    const unsaved = this.unsaved;
    if (!unsaved) return;
    this.unsaved = undefined;
    try {
      await this.parked.parkAndAdvance([], { name: CHECKPOINT, position: unsaved.position });
    } catch (error) {
      if (!this.unsaved) this.unsaved = unsaved;
      throw error;
    }
  }

  /** Resolves once every event up to `position` has been through the sagas. */
  waitFor(position: number): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const signal = this.abort?.signal ?? new AbortController().signal;
    if (signal.aborted) throw new ExecutionAborted();
    const parked: ParkedConsequence[] = [];
    for (const [index, saga] of this.sagas.entries()) {
      let commands: object[];
      try {
        commands = saga(event) as object[];
      } catch (error) {
        // a saga is a pure mapping, so this is a bug: parked (and listed) rather than skipped
        parked.push(this.executor.sagaFailed(event, index, error));
        continue;
      }
      parked.push(...(await this.executor.execute(event, index, commands, signal)));
    }
    if (parked.length > 0) {
      await this.parked.parkAndAdvance(parked, { name: CHECKPOINT, position: event.position });
      this.unsaved = undefined;
    } else {
      this.unsaved = { position: event.position, events: (this.unsaved?.events ?? 0) + 1 };
      if (this.unsaved.events >= CHECKPOINT_EVERY_EVENTS) await this.saveCheckpoint();
      else this.checkpointTimer ??= setTimeout(() => void this.saveCheckpoint().catch((error: unknown) => this.logger.error(`could not save the saga checkpoint: ${String(error)}`)), CHECKPOINT_AFTER_MS);
    }
    this.position = event.position;
    for (const waiter of [...this.waiters]) {
      if (waiter.position <= this.position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
