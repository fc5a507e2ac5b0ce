import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { HealthRegistry } from '../../shared/health/health-registry';
import { defaultRulebook } from '../default-rulebook';
import { DEFAULT_COMPANY } from '../domain/rulebook.types';
import { loadRulebook } from '../load-rulebook';
import { PublishRulebookVersionCommand } from '../publish-rulebook-version/publish-rulebook-version.command';
import { PublishRulebookVersionHandler } from '../publish-rulebook-version/publish-rulebook-version.handler';

const RETRY_MS = 2000;

/**
 * The normal configuration is the shipped default rulebook in force: a first start on a store
 * without any rulebook publishes it (as `npm run load-rulebook` would, with the same idempotency
 * key, so either is a no-op after the other), before the sagas and the watcher start. If the store
 * does not answer yet, the service starts anyway, retries, and reports `degraded` until it is done.
 * DEFAULT_RULEBOOK=none starts without one.
 */
@Injectable()
export class PublishDefaultRulebookOnFirstStart implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Rulebook');
  private pending?: string;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    health: HealthRegistry,
  ) {
    health.register({
      name: 'default-rulebook',
      check: () =>
        this.pending
          ? { name: 'default-rulebook', status: 'degraded', reason: `the shipped default rulebook is not published yet (${this.pending}); retrying` }
          : { name: 'default-rulebook', status: 'ok' },
    });
  }

  async onModuleInit(): Promise<void> {
    if (this.config.defaultRulebook === 'load') await this.attempt();
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
  }

  private async attempt(): Promise<void> {
    try {
      await this.publishIfNone();
      this.pending = undefined;
    } catch (error) {
      this.pending = String(error);
      this.logger.warn(`could not publish the shipped default rulebook yet: ${this.pending}`);
      this.timer = setTimeout(() => void this.attempt(), RETRY_MS);
      this.timer.unref();
    }
  }

  private async publishIfNone(): Promise<void> {
    if ((await loadRulebook(this.store, DEFAULT_COMPANY)).versions.length > 0) return;
    const id = `first-start-rulebook-v${defaultRulebook.version}`;
    const result = await new PublishRulebookVersionHandler(this.store, this.clock).execute(
      new PublishRulebookVersionCommand({ type: 'PublishRulebookVersion', data: { companyId: DEFAULT_COMPANY, rulebook: defaultRulebook } }, {
        actor: 'system:first-start',
        correlationId: id,
        causationId: id,
        idempotencyKey: `rulebook-v${defaultRulebook.version}`,
      }),
    );
    if (result.appended) this.logger.log(`published the shipped default rulebook, version ${defaultRulebook.version} (DEFAULT_RULEBOOK=none starts without it)`);
  }
}
