import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { APP_CONFIG, loadConfig } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { CLOCK, systemClock } from '../clock';
import { EVENT_STORE } from '../event-store/event-store.port';
import type { EventStore } from '../event-store/event-store.port';
import { READ_STORE } from '../read-store/read-store.port';
import type { ReadStore } from '../read-store/read-store.port';
import { createEventStore, createReadStore, lockDataDir } from './stores.factory';
import { DATA_DIR_LOCK } from '../lifecycle/data-dir-lock';
import type { DataDirLock } from '../lifecycle/data-dir-lock';
import { ProjectorService } from '../projector/projector.service';
import { PROJECTIONS } from '../projector/projection';
import type { EventSchemas } from '../event-store/upcasting';

const EVENT_SCHEMAS = Symbol('EVENT_SCHEMAS');
import type { Projection } from '../projector/projection';
import { StoredEventPublisher } from '../event-bus/stored-event.publisher';
import { HealthRegistry } from '../health/health-registry';
import { LeaseService } from '../lease/lease.service';
import { ReadModelHeadersInterceptor } from '../projector/read-model-headers';
import { MetricsService } from '../observability/metrics.service';
import { MetricsController } from '../observability/metrics.controller';
import { ObservedEventStore } from '../observability/observed-event-store';

/**
 * The shared machinery every feature uses: configuration, clock, event store, read store,
 * the projector and the bridge that publishes durably stored events on the CQRS event bus.
 */
@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    { provide: CLOCK, useValue: systemClock },
    { provide: DATA_DIR_LOCK, useFactory: lockDataDir, inject: [APP_CONFIG] },
    {
      provide: EVENT_STORE,
      // every adapter is wrapped: append latency and the `event-store-writes` health check
      useFactory: async (config: AppConfig, lock: DataDirLock | null, metrics: MetricsService, schemas: EventSchemas) =>
        new ObservedEventStore(await createEventStore(config, schemas, lock ?? undefined), metrics.appendSeconds),
      inject: [APP_CONFIG, DATA_DIR_LOCK, MetricsService, EVENT_SCHEMAS],
    },
    { provide: READ_STORE, useFactory: createReadStore, inject: [APP_CONFIG, DATA_DIR_LOCK] },
    ProjectorService,
    StoredEventPublisher,
    HealthRegistry,
    LeaseService,
    ReadModelHeadersInterceptor,
    MetricsService,
  ],
  controllers: [MetricsController],
  exports: [APP_CONFIG, CLOCK, EVENT_STORE, READ_STORE, ProjectorService, HealthRegistry, LeaseService, ReadModelHeadersInterceptor, MetricsService, CqrsModule],
})
export class InfrastructureModule implements OnApplicationShutdown {
  /** The composition root hands in the read models to run and the event schemas; the shared runtime imports no feature. */
  static forRoot(root: { projections: (config: AppConfig) => Projection[]; eventSchemas: EventSchemas }): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: PROJECTIONS, useFactory: root.projections, inject: [APP_CONFIG] },
        { provide: EVENT_SCHEMAS, useValue: root.eventSchemas },
      ],
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projector: ProjectorService,
    private readonly publisher: StoredEventPublisher,
    @Inject(DATA_DIR_LOCK) private readonly dataDirLock: DataDirLock | null,
    health: HealthRegistry,
    metrics: MetricsService,
  ) {
    const observed = eventStore as ObservedEventStore;
    health.register({ name: 'event-store-writes', check: () => observed.writeHealth() });
    metrics.readHeadFrom(() => eventStore.headPosition());
  }

  /** Stops what reads the stores before closing them. */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.stop();
    await this.projector.stop();
    await this.eventStore.close();
    await this.readStore.close();
    this.dataDirLock?.release();
  }
}
