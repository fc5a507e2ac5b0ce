import type { Histogram } from 'prom-client';
import type { EventStore, NewEvent, ExpectedRevision, AppendResult } from '../event-store/event-store.port';
import type { HealthCheckResult } from '../health/health.port';
import { storageFailureCode } from './storage-failure';

export interface WriteFailure {
  code: string;
  message: string;
  at: string;
}

/**
 * Wraps any EventStore adapter: times every append (`ledger_event_store_append_seconds`) and
 * remembers whether the last append failed because the storage cannot write, so /health says
 * `failing` from that moment until an append succeeds again.
 */
export class ObservedEventStore implements EventStore {
  private lastFailure: WriteFailure | undefined;

  constructor(
    readonly inner: EventStore,
    private readonly appendSeconds: Histogram<'outcome'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get chain(): EventStore['chain'] {
    return this.inner.chain;
  }

  get streamChain(): EventStore['streamChain'] {
    return this.inner.streamChain;
  }

  async append(streamName: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    const stop = this.appendSeconds.startTimer();
    try {
      const result = await this.inner.append(streamName, events, options);
      stop({ outcome: 'ok' });
      this.lastFailure = undefined;
      return result;
    } catch (error) {
      const storage = storageFailureCode(error);
      stop({ outcome: storage ?? 'rejected' });
      if (storage) this.lastFailure = { code: String((error as { code?: unknown }).code), message: (error as Error).message, at: this.now().toISOString() };
      throw error;
    }
  }

  /** The `event-store-writes` health check. */
  writeHealth(): HealthCheckResult {
    const failure = this.lastFailure;
    if (!failure) return { name: 'event-store-writes', status: 'ok' };
    return {
      name: 'event-store-writes',
      status: 'failing',
      reason: `the last append failed at ${failure.at} with ${failure.code} (${failure.message}); commands answer 503 until an append succeeds`,
      details: { failedAt: failure.at, code: failure.code },
    };
  }

  readStream: EventStore['readStream'] = (name, options) => this.inner.readStream(name, options);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  readBySubject: EventStore['readBySubject'] = (subject, options) => this.inner.readBySubject(subject, options);
  indexSubjects: EventStore['indexSubjects'] = (entries) => this.inner.indexSubjects(entries);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  subscribeToAll: EventStore['subscribeToAll'] = (handler, options) => this.inner.subscribeToAll(handler, options);
  checkHealth = async (): Promise<{ healthy: boolean; reason?: string }> => (await this.inner.checkHealth?.()) ?? { healthy: true };
  close: EventStore['close'] = () => this.inner.close();
}
