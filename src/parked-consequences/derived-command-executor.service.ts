import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';
import type { RecordedEvent } from '../shared/event-store/event-store.port';
import { CommandTypes } from './adapters/command-types';
import { backoffDelay, classifyError, parkConsequence, shouldRetry } from './domain/parked-consequence';
import type { ParkedConsequence, RetryPolicy } from './domain/parked-consequence';
import { parkedConsequenceId } from './parked-consequence-id';

/** Waits between attempts; tests replace it (see `sleeper`). */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/** The run was stopped while a command waited for its next attempt: the event is not done. */
export class ExecutionAborted extends Error {
  constructor() {
    super('stopped while retrying a derived command');
    this.name = 'ExecutionAborted';
  }
}

/**
 * Executes the commands a saga derived from one event: a failure is retried with backoff (transient
 * errors, up to the policy's attempts) and then returned as a parked consequence, which the caller
 * stores with its checkpoint. A domain refusal is parked after its first attempt.
 */
@Injectable()
export class DerivedCommandExecutor {
  private readonly logger = new Logger('DerivedCommands');
  readonly policy: RetryPolicy;
  sleep: Sleep = realSleep;

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.policy = { maxAttempts: config.sagaRetryAttempts, baseDelayMs: config.sagaRetryBaseDelayMs, maxDelayMs: config.sagaRetryMaxDelayMs };
  }

  /** Runs the commands; answers those that are parked. Throws ExecutionAborted when `signal` stops it. */
  async execute(event: RecordedEvent, saga: number, commands: readonly object[], signal: AbortSignal): Promise<ParkedConsequence[]> {
    const parked: ParkedConsequence[] = [];
    for (const [index, command] of commands.entries()) {
      for (let attempts = 1; ; attempts++) {
        try {
          await this.commandBus.execute(command);
          break;
        } catch (thrown) {
          const error = classifyError(thrown);
          if (shouldRetry(this.policy, attempts, error)) {
            await this.sleep(backoffDelay(this.policy, attempts), signal);
            if (signal.aborted) throw new ExecutionAborted();
            continue;
          }
          this.logger.error(`parked ${command.constructor.name} caused by event ${event.id} (${event.type}) after ${attempts} attempt(s): ${error.code}: ${error.message}`);
          parked.push(
            parkConsequence({ id: parkedConsequenceId(event.id, saga, index), eventId: event.id, eventType: event.type, position: event.position, saga, index, command: CommandTypes.record(command), error, attempts, now: this.clock.now().toISOString() }),
          );
          break;
        }
      }
    }
    return parked;
  }

  /** The saga itself threw on the event: no command to retry, but the trace is kept. */
  sagaFailed(event: RecordedEvent, saga: number, thrown: unknown): ParkedConsequence {
    const error = { ...classifyError(thrown), permanent: true };
    this.logger.error(`saga ${saga} failed on event ${event.id} (${event.type}): ${error.message}`);
    return parkConsequence({ id: parkedConsequenceId(event.id, saga, -1), eventId: event.id, eventType: event.type, position: event.position, saga, index: -1, command: { type: `saga#${saga}`, payload: {} }, error, attempts: 1, now: this.clock.now().toISOString() });
  }
}
