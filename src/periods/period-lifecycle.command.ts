import type { AggregateMessage } from '../shared/command-handling/aggregate-command.handler';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import type { WithoutNow } from '../shared/command-handling/without-now';
import type { PeriodCommand } from './domain/period.decider';

/** Opening or closing an assessment period, on the company's `periods-<companyId>` stream. */
export class PeriodLifecycleCommand implements AggregateMessage<PeriodCommand> {
  constructor(
    readonly command: WithoutNow<PeriodCommand>,
    readonly metadata: CommandMetadata,
  ) {}
}
