import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deductionStream } from '../../deductions/deduction-stream';
import { DeductionLifecycleCommand } from '../../deductions/deduction-lifecycle.command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { WithdrawConsequenceCommand } from './withdraw-consequence.command';

/** A fact that cost nothing (its position names no consequence) has nothing to give back. */
@CommandHandler(WithdrawConsequenceCommand)
export class WithdrawConsequenceHandler implements ICommandHandler<WithdrawConsequenceCommand, CommandResult | { appended: 0; consequence: 'none' }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
  ) {}

  async execute({ data, metadata }: WithdrawConsequenceCommand) {
    const applied = await this.store.readStream(deductionStream(data.deductionId));
    if (applied.length === 0) return { appended: 0 as const, consequence: 'none' as const };
    return this.commandBus.execute(new DeductionLifecycleCommand({ type: 'WithdrawDeduction', data }, metadata));
  }
}
