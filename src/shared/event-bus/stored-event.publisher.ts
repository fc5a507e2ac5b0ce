import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EVENT_STORE } from '../event-store/event-store.port';
import type { EventStore, Subscription } from '../event-store/event-store.port';
import { StoredEvent } from './stored-event';

const RETRY_DELAYS_MS = [100, 200, 500, 1000, 2000, 5000];

/**
 * Publishes events on the CQRS event bus from the store's subscription, so the bus only ever
 * carries events that are durably appended (by this instance or any other). It starts at the head:
 * consumers that must not miss events across restarts keep their own checkpointed subscription.
 * While the store does not answer it retries in the background instead of failing the start.
 */
@Injectable()
export class StoredEventPublisher implements OnApplicationBootstrap {
  private readonly logger = new Logger(StoredEventPublisher.name);
  private subscription?: Subscription;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.subscribeFromHead(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.subscription?.stop();
  }

  private async subscribeFromHead(attempt: number): Promise<void> {
    if (this.stopped) return;
    try {
      const head = await this.store.headPosition();
      this.subscription = this.store.subscribeToAll(
        {
          onEvent: (event) => this.eventBus.publish(new StoredEvent(event)),
          onError: (error) => this.logger.error(`event bus subscription failed, resubscribing: ${String(error)}`),
        },
        { fromPosition: head },
      );
    } catch (error) {
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
      this.logger.warn(`event store not reachable (${String(error)}); retrying in ${delay} ms`);
      this.retry = setTimeout(() => void this.subscribeFromHead(attempt + 1), delay);
    }
  }
}
