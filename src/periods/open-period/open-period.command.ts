import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { OpenPeriod } from '../domain/period.decider';

export class OpenPeriodCommand {
  constructor(
    readonly data: OpenPeriod['data'],
    readonly metadata: CommandMetadata,
  ) {}
}
