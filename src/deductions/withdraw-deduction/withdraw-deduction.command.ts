import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithdrawDeduction } from '../domain/deduction.commands';

/** Issued by the sagas when a deduction's cause is overturned (no HTTP route yet). */
export class WithdrawDeductionCommand {
  constructor(
    readonly data: WithdrawDeduction['data'],
    readonly metadata: CommandMetadata,
  ) {}
}
