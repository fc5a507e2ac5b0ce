import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EVENT_STORE } from '../event-store/event-store.port';
import type { EventStore, Subscription } from '../event-store/event-store.port';
import { StoredEvent } from './stored-event';

/**
 * Publishes events on the CQRS event bus from the store's subscription, so the bus only ever
 * carries events that are durably appended (by this instance or any other). It starts at the head:
 * consumers that must not miss events across restarts keep their own checkpointed subscription.
 */
@Injectable()
export class StoredEventPublisher implements OnApplicationBootstrap {
  private readonly logger = new Logger(StoredEventPublisher.name);
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll(
      {
        onEvent: (event) => this.eventBus.publish(new StoredEvent(event)),
        onError: (error) => this.logger.error(`event bus subscription failed, resubscribing: ${String(error)}`),
      },
      { fromPosition: head },
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }
}
