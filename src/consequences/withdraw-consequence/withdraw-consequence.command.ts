import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithdrawDeduction } from '../../deductions/domain/deduction.commands';

/** Issued when a fact's cause is overturned: withdraws the deduction it made, if it made one. */
export class WithdrawConsequenceCommand {
  constructor(
    readonly data: WithdrawDeduction['data'],
    readonly metadata: CommandMetadata,
  ) {}
}
