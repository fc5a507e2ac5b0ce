import type { AggregateMessage } from '../shared/command-handling/aggregate-command.handler';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import type { WithoutNow } from '../shared/command-handling/without-now';
import type { DeductionCommand } from './domain/deduction.commands';

/** Any command on a deduction's stream: applied, contested, heard, withdrawn, its hearing overdue. */
export class DeductionLifecycleCommand implements AggregateMessage<DeductionCommand> {
  constructor(
    readonly command: WithoutNow<DeductionCommand>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
