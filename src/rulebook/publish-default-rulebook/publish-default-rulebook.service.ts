import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { defaultRulebook } from '../default-rulebook';
import { DEFAULT_COMPANY } from '../domain/rulebook.types';
import { loadRulebook } from '../load-rulebook';
import { publishRulebookVersion } from '../publish-rulebook-version/publish-rulebook-version';

/**
 * The normal configuration is the shipped default rulebook in force: a first start on a store
 * without any rulebook publishes it (as `npm run load-rulebook` would, with the same idempotency
 * key, so either is a no-op after the other). Runs before the sagas and the watcher start, so no
 * fact is priced without it. DEFAULT_RULEBOOK=none starts without one.
 */
@Injectable()
export class PublishDefaultRulebookOnFirstStart implements OnModuleInit {
  private readonly logger = new Logger('Rulebook');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.defaultRulebook !== 'load') return;
    if ((await loadRulebook(this.store, DEFAULT_COMPANY)).versions.length > 0) return;
    const id = `first-start-rulebook-v${defaultRulebook.version}`;
    const result = await publishRulebookVersion(this.store, this.clock, DEFAULT_COMPANY, defaultRulebook, {
      actor: 'system:first-start',
      correlationId: id,
      causationId: id,
      idempotencyKey: `rulebook-v${defaultRulebook.version}`,
    });
    if (result.appended) this.logger.log(`published the shipped default rulebook, version ${defaultRulebook.version} (DEFAULT_RULEBOOK=none starts without it)`);
  }
}
