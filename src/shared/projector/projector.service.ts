import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../event-store/event-store.port';
import type { EventStore } from '../event-store/event-store.port';
import { READ_STORE } from '../read-store/read-store.port';
import type { ReadStore } from '../read-store/read-store.port';
import { createProjections } from '../../../projections';
import { collectionOf } from '../../../projections/projection';
import type { Projection } from '../../../projections/projection';
import { Projector } from './projector';
import { LeaseService } from '../lease/lease.service';

/** Runs the read-model projections inside the service (unless configured off). */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Projector');
  readonly projector: Projector;
  private readonly projections: Projection[];

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lease: LeaseService,
  ) {
    this.projections = createProjections({ timeZone: config.timeZone });
    this.projector = new Projector(eventStore, readStore, this.projections, {
      logger: { log: (m: string) => this.logger.log(m), error: (m: string) => this.logger.error(m) },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // one instance at a time runs the projections (a lease in the read store, src/shared/lease)
    if (this.config.runProjections) await this.lease.run('projector', { start: () => this.projector.start(), stop: () => this.projector.stop() });
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

  /** The (versioned) collection a read model lives in. */
  collection(name: string): string {
    return collectionOf(this.projection(name));
  }

  async stop(): Promise<void> {
    await this.projector.stop();
  }
}
