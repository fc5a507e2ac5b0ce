import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../event-store/event-store.port';
import type { EventStore } from '../event-store/event-store.port';
import { READ_STORE } from '../read-store/read-store.port';
import type { ReadStore } from '../read-store/read-store.port';
import { PROJECTIONS } from './projection';
import type { ProjectedDocument, Projection, ReadModelName } from './projection';
import { ReadModel } from './read-model';
import { Projector } from './projector';
import { LeaseService } from '../lease/lease.service';
import { HealthRegistry } from '../health/health-registry';
import { DEFAULT_MAX_PROJECTION_LAG, projectionHealth } from './projection-health';
import { PARKED_EVENTS_COLLECTION } from './projection-worker';
import type { ParkedEvent } from './projection-worker';

/** Runs the read-model projections inside the service (unless configured off). */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Projector');
  readonly projector: Projector;
  /** True from a successful start until a deliberate stop: health is `failing` if not running then. */
  private shouldRun = false;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    private readonly lease: LeaseService,
    health: HealthRegistry,
  ) {
    this.projector = new Projector(eventStore, readStore, this.projections, {
      logger: { log: (m: string) => this.logger.log(m), error: (m: string) => this.logger.error(m) },
    });
    for (const projection of this.projections) {
      health.register({ name: `projection:${projection.name}`, check: () => this.health(projection.name) });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  /**
   * Starts projecting where this instance holds the `projector` lease (one instance at a time
   * runs the projections: a lease in the read store, src/shared/lease); a standby instance is not
   * expected to run, so its health does not fail.
   */
  async start(): Promise<void> {
    if (!this.config.runProjections) return;
    await this.lease.run('projector', {
      start: async () => {
        await this.projector.start();
        this.shouldRun = true;
      },
      stop: async () => {
        this.shouldRun = false;
        await this.projector.stop();
      },
    });
  }

  private async health(name: string) {
    const state = this.projector.states().find((candidate) => candidate.name === name);
    if (!state) throw new Error(`no projection named ${name}`);
    const head = await this.eventStore.headPosition();
    return projectionHealth(state, head, {
      running: this.projector.running,
      shouldRun: this.shouldRun,
      maxLag: this.config.healthMaxProjectionLag ?? DEFAULT_MAX_PROJECTION_LAG,
    });
  }

  /** Events parked for the projections as they are now (their current versions), by position. */
  async parkedEvents(page: { skip: number; limit: number }): Promise<{ items: ParkedEvent[]; total: number }> {
    const checkpoints = this.projector.states().map((state) => state.checkpoint);
    const filter = { checkpoint: { $in: checkpoints } };
    const [items, total] = await Promise.all([
      this.readStore.find<ParkedEvent>(PARKED_EVENTS_COLLECTION, filter, { sort: { position: 1, projection: 1 }, skip: page.skip, limit: page.limit }),
      this.readStore.count(PARKED_EVENTS_COLLECTION, filter),
    ]);
    return { items, total };
  }

  /** Read-your-writes: wait until the read models include the event at `position`. */
  async waitFor(position: number | undefined, timeoutMs = 5000): Promise<void> {
    if (position === undefined || position <= 0 || !this.config.runProjections) return;
    await this.projector.waitFor(position, timeoutMs);
  }

  projection(name: string): Projection {
    const found = this.projections.find((p) => p.name === name);
    if (!found) throw new Error(`no projection named ${name}`);
    return found;
  }

  /** The lowest checkpoint among these read models (the position a query answer from them reflects at least). */
  readModelPosition(names: readonly string[]): number {
    const states = this.projector.states().filter((state) => names.includes(state.name));
    return states.length === 0 ? 0 : Math.min(...states.map((state) => state.servedPosition));
  }

  /**
   * The collection queries of a read model read: its current version's, or, while that is rebuilt
   * beside it after a version change, the previous version's until the new one has caught up.
   */
  collection(name: string): string {
    this.projection(name);
    return this.projector.servedCollection(name);
  }

  /** A read model's documents, typed, from the collection served now (see `collection`). */
  readModel<Doc extends ProjectedDocument>(model: ReadModelName<Doc>): ReadModel<Doc> {
    return new ReadModel<Doc>(this.readStore, this.collection(model.name));
  }

  async stop(): Promise<void> {
    this.shouldRun = false;
    await this.projector.stop();
  }
}
