import type { RecordedEvent, Subscription, SubscriptionHandler } from '../event-store.port';
import type { ChangeSignal } from './change-signal';

export interface CatchUpSource {
  /** Events with position > `after`, in global order, at most `limit`. */
  readAfter(after: number, limit: number): RecordedEvent[] | Promise<RecordedEvent[]>;
  /** Notified when this process commits; other processes are noticed by polling. */
  changes: ChangeSignal;
}

export interface CatchUpOptions {
  fromPosition?: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  pollIntervalMs: number;
  pageSize: number;
  onStopped?: () => void;
}

/**
 * Reads pages after the last delivered position and hands them to the handler one at a time;
 * when a page comes back short it reports caught up (once) and waits for a commit or a poll.
 * A failing handler or read is reported, and the loop retries from the last position whose
 * handler resolved after a doubling delay.
 */
export class CatchUpSubscription implements Subscription {
  private position: number | undefined;
  private stopped = false;
  private caughtUp = false;
  private interruptWait: (() => void) | undefined;
  private readonly running: Promise<void>;

  constructor(
    private readonly source: CatchUpSource,
    private readonly handler: SubscriptionHandler,
    private readonly options: CatchUpOptions,
  ) {
    this.running = this.run();
  }

  get lastPosition(): number | undefined {
    return this.position;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.interruptWait?.();
    await this.running;
  }

  private async run(): Promise<void> {
    let retryDelay = this.options.retryDelayMs;
    while (!this.stopped) {
      try {
        await this.deliverNextPage();
        retryDelay = this.options.retryDelayMs;
      } catch (error) {
        if (this.stopped) break;
        this.reportError(error);
        await this.wait(retryDelay);
        retryDelay = Math.min(retryDelay * 2, this.options.maxRetryDelayMs);
      }
    }
    this.options.onStopped?.();
  }

  private async deliverNextPage(): Promise<void> {
    const seen = this.source.changes.current;
    const after = this.position ?? this.options.fromPosition ?? 0;
    const page = await this.source.readAfter(after, this.options.pageSize);
    for (const event of page) {
      if (this.stopped) return;
      await this.handler.onEvent(event);
      this.position = event.position;
    }
    if (page.length === this.options.pageSize || this.stopped) {
      // better-sqlite3 reads synchronously and handlers chain promises, so a long catch-up would
      // otherwise never let the event loop serve anything else (HTTP, health checks) until it ends
      await new Promise<void>((resolve) => setImmediate(resolve));
      return;
    }
    if (!this.caughtUp) {
      this.caughtUp = true;
      this.handler.onCaughtUp?.();
    }
    if (page.length > 0) this.handler.onHeadReached?.();
    if (this.source.changes.current === seen) await this.wait(this.options.pollIntervalMs, true);
  }

  private reportError(error: unknown): void {
    try {
      this.handler.onError?.(error);
    } catch {
      // an error handler that fails must not end the subscription
    }
  }

  /** Sleeps `ms`, or less when stopped or (if `untilChange`) when this process commits. */
  private wait(ms: number, untilChange = false): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const unlisten = untilChange ? this.source.changes.listen(() => finish()) : undefined;
      const timer = setTimeout(() => finish(), ms);
      const finish = (): void => {
        clearTimeout(timer);
        unlisten?.();
        this.interruptWait = undefined;
        resolve();
      };
      this.interruptWait = finish;
    });
  }
}
