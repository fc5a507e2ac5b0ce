import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { ContestDeduction } from '../domain/deduction.commands';

export class ContestDeductionCommand {
  constructor(
    readonly data: ContestDeduction['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
