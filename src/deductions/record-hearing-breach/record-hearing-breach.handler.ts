import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { handleDeductionCommand } from '../deduction-command.handler';
import { RecordHearingBreachCommand } from './record-hearing-breach.command';

@CommandHandler(RecordHearingBreachCommand)
export class RecordHearingBreachHandler implements ICommandHandler<RecordHearingBreachCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, metadata }: RecordHearingBreachCommand): Promise<CommandResult> {
    return handleDeductionCommand(this.store, this.clock, { type: 'RecordHearingBreach', data }, metadata);
  }
}
