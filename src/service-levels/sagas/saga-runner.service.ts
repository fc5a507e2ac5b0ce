import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore, RecordedEvent, Subscription } from '../../shared/event-store/event-store.port';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { ReadStore } from '../../shared/read-store/read-store.port';
import { LeaseService } from '../../shared/lease/lease.service';
import { serviceLevelSagas } from './service-level.sagas';
import type { Saga } from './service-level.sagas';

const CHECKPOINT = 'sagas:service-levels';

/**
 * Runs the sagas from the event store with a checkpoint, so no event is missed across restarts
 * (the in-process event bus starts at the head). Delivery is at least once: a crash between a
 * command and the checkpoint replays the event, and the commands' derived ids make that a no-op.
 * A failing command is logged and skipped; the subscription keeps running.
 */
@Injectable()
export class SagaRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Sagas');
  private subscription?: Subscription;
  private position = 0;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();
  readonly sagas: Saga[] = serviceLevelSagas;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commandBus: CommandBus,
    private readonly lease: LeaseService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runProjections) return;
    // one instance at a time runs the sagas (a lease in the read store, src/shared/lease)
    await this.lease.run('sagas', { start: () => this.start(), stop: () => this.stop() });
  }

  private async start(): Promise<void> {
    const checkpoint = await this.readStore.getCheckpoint(CHECKPOINT);
    this.position = checkpoint ?? 0;
    this.subscription = this.store.subscribeToAll(
      { onEvent: (event) => this.handle(event), onError: (error) => this.logger.error(`saga subscription failed, resubscribing: ${String(error)}`) },
      checkpoint === undefined ? {} : { fromPosition: checkpoint },
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** Resolves once every event up to `position` has been through the sagas. */
  waitFor(position: number): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  private async handle(event: RecordedEvent): Promise<void> {
    for (const saga of this.sagas) {
      let commands: unknown[] = [];
      try {
        commands = saga(event);
      } catch (error) {
        this.logger.error(`saga failed on event ${event.id}: ${String(error)}`);
      }
      for (const command of commands) {
        try {
          await this.commandBus.execute(command as object);
        } catch (error) {
          this.logger.warn(`${command?.constructor.name} caused by event ${event.id} (${event.type}) failed: ${String(error)}`);
        }
      }
    }
    await this.readStore.apply({ upserts: [], deletes: [], checkpoint: { name: CHECKPOINT, position: event.position } });
    this.position = event.position;
    for (const waiter of [...this.waiters]) {
      if (waiter.position <= this.position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
