import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { ApplyDeduction } from '../domain/deduction.commands';

export class ApplyDeductionCommand {
  constructor(
    readonly data: ApplyDeduction['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
