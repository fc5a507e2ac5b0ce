import type { ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '../clock';
import type { EventStore } from '../event-store/event-store.port';
import type { AggregateStream } from './aggregate-stream';
import type { CommandMetadata } from './command-metadata';
import { handleCommand } from './handle-command';
import type { CommandResult } from './handle-command';
import type { WithoutNow } from './without-now';

/** What travels on the command bus to an aggregate: the decider's command without `now`, and who sent it. */
export interface AggregateMessage<Command> {
  readonly command: WithoutNow<Command>;
  readonly metadata: CommandMetadata;
  /** From If-Match: a mismatch is a 409 and is not retried. */
  readonly expectedRevision?: number;
}

/**
 * The one command-bus handler for every command on an aggregate's stream. The runner adds the
 * clock's `now` and the caller's metadata, loads the facts the decision needs, then loads, decides
 * and appends with the revision it read (`handleCommand`). A subclass names its stream declaration
 * and, where the decision needs them, the facts from other streams and what the caller adds.
 */
export abstract class AggregateCommandHandler<Command extends { type: string; now: string }, Event extends { type: string; data: unknown }, State, Context = undefined>
  implements ICommandHandler<AggregateMessage<Command>, CommandResult>
{
  constructor(
    protected readonly store: EventStore,
    protected readonly clock: Clock,
    private readonly stream: AggregateStream<Command, Event, State, Context>,
  ) {}

  /** Facts from other streams the decision needs; runs again on every retried attempt. */
  protected context(_command: WithoutNow<Command>): Promise<Context> {
    return Promise.resolve(undefined as Context);
  }

  /** What the runner adds from the caller before deciding (for example who applied a deduction). */
  protected fromCaller(command: WithoutNow<Command>, _metadata: CommandMetadata): WithoutNow<Command> | Promise<WithoutNow<Command>> {
    return command;
  }

  async execute({ command: sent, metadata, expectedRevision }: AggregateMessage<Command>): Promise<CommandResult> {
    const command = await this.fromCaller(sent, metadata);
    const { decider, streamOf, occurredAt, subjects, fold } = this.stream;
    return handleCommand(this.store, streamOf(command), decider, { ...command, now: this.clock.now().toISOString() } as Command, {
      metadata,
      expectedRevision,
      context: () => this.context(command),
      fold,
      occurredAt,
      subjects,
    });
  }
}
