import {
  START,
  excludeSystemEvents,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type ReadPosition,
} from '@eventstore/db-client';
import type { Subscription, SubscriptionHandler } from '../event-store.port';
import { isOwnEvent, toRecordedEvent } from './esdb-event-mapping';

export interface EsdbSubscriptionOptions {
  /** Exclusive checkpoint (a commit position); omitted or 0: from the start. */
  fromPosition?: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** Events the client may hold before the gRPC stream is paused (readable high-water mark). */
  bufferSize: number;
  /** Newest stored position, for servers that never send `caughtUp` (before 23.10). */
  headPosition: () => Promise<number>;
  onStopped?: () => void;
}

/**
 * A catch-up subscription to $all with a server-side filter excluding system events. Events are
 * taken from the client's stream one at a time (async iteration) and the next is read only after
 * the handler resolves, so at most `bufferSize` events wait in memory: when that buffer is full the
 * client stops reading from gRPC, HTTP/2 flow control stops the server, and nothing piles up.
 * On a server drop, an ended stream or a handler that throws: onError, a doubling delay, then a
 * new subscription from the last position whose handler resolved (EventStoreDB's subscription
 * start position is exclusive, like our checkpoints).
 */
export class EsdbSubscription implements Subscription {
  private position: number | undefined;
  private stopped = false;
  private caughtUpReported = false;
  /** An event was delivered since the last error: the next retry starts from the shortest delay. */
  private progressed = false;
  private current: AllStreamSubscription | undefined;
  private interruptWait: (() => void) | undefined;
  private readonly running: Promise<void>;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly handler: SubscriptionHandler,
    private readonly options: EsdbSubscriptionOptions,
  ) {
    this.running = this.run();
  }

  get lastPosition(): number | undefined {
    return this.position;
  }

  /** Events received from the server and not yet handed to the handler (bounded by `bufferSize`). */
  get bufferedEvents(): number {
    return this.current?.readableLength ?? 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.interruptWait?.();
    const current = this.current;
    if (current) {
      await current.unsubscribe().catch(() => undefined);
      current.destroy();
    }
    await this.running;
  }

  private async run(): Promise<void> {
    let retryDelay = this.options.retryDelayMs;
    while (!this.stopped) {
      try {
        await this.subscribeOnce();
        if (this.stopped) break;
        throw new Error('EventStoreDB ended the subscription');
      } catch (error) {
        if (this.stopped) break;
        if (this.progressed) retryDelay = this.options.retryDelayMs;
        this.progressed = false;
        this.reportError(error);
        await this.wait(retryDelay);
        retryDelay = Math.min(retryDelay * 2, this.options.maxRetryDelayMs);
      }
    }
    this.options.onStopped?.();
  }

  /** One server subscription, until it fails or ends. */
  private async subscribeOnce(): Promise<void> {
    const start = this.position ?? this.options.fromPosition;
    const head = await this.options.headPosition();
    const fromPosition: ReadPosition =
      start === undefined || start <= 0 ? START : { commit: BigInt(start), prepare: BigInt(start) };
    const subscription = this.client.subscribeToAll(
      { fromPosition, filter: excludeSystemEvents() },
      { highWaterMark: this.options.bufferSize },
    );
    this.current = subscription;
    if (this.stopped) subscription.destroy();
    // `caughtUp` is emitted as the server's message is decoded, while earlier events may still wait
    // in the buffer: the handler is caught up once it has finished the events received before it.
    let taken = 0;
    let finished = 0;
    let caughtUpAfter: number | undefined;
    subscription.on('caughtUp', () => {
      caughtUpAfter = taken + subscription.readableLength;
      if (finished >= caughtUpAfter) this.reportCaughtUp();
    });
    if (head <= (start ?? 0)) subscription.once('confirmation', () => this.reportCaughtUp());
    try {
      for await (const resolved of subscription) {
        taken += 1;
        if (this.stopped) break;
        if (isOwnEvent(resolved)) {
          const event = toRecordedEvent(resolved.event);
          await this.handler.onEvent(event);
          this.position = event.position;
          this.progressed = true;
          if (event.position >= head) this.reportCaughtUp();
        }
        finished += 1;
        if (caughtUpAfter !== undefined && finished >= caughtUpAfter) this.reportCaughtUp();
      }
    } finally {
      this.current = undefined;
      await subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    }
  }

  private reportCaughtUp(): void {
    if (this.caughtUpReported || this.stopped) return;
    this.caughtUpReported = true;
    this.handler.onCaughtUp?.();
  }

  private reportError(error: unknown): void {
    try {
      this.handler.onError?.(error);
    } catch {
      // an error handler that fails must not end the subscription
    }
  }

  private wait(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(), ms);
      const finish = (): void => {
        clearTimeout(timer);
        this.interruptWait = undefined;
        resolve();
      };
      this.interruptWait = finish;
    });
  }
}
