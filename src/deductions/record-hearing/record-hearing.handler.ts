import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { handleDeductionCommand } from '../deduction-command.handler';
import { RecordHearingCommand } from './record-hearing.command';

/** A hearing decides a contested deduction, so it is recorded on the deduction's stream. */
@CommandHandler(RecordHearingCommand)
export class RecordHearingHandler implements ICommandHandler<RecordHearingCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, metadata, expectedRevision }: RecordHearingCommand): Promise<CommandResult> {
    return handleDeductionCommand(this.store, this.clock, { type: 'RecordHearing', data }, metadata, expectedRevision);
  }
}
