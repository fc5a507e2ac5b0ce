import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { ClosePeriod } from '../domain/period.decider';

export class ClosePeriodCommand {
  constructor(
    readonly data: ClosePeriod['data'],
    readonly metadata: CommandMetadata,
  ) {}
}
