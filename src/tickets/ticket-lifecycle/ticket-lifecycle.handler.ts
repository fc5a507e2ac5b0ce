import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { ServiceLevelsService } from '../../service-levels/service-levels.service';
import { handleTicketCommand } from '../ticket-command.handler';
import { TicketLifecycleCommand } from './ticket-lifecycle.command';

@CommandHandler(TicketLifecycleCommand)
export class TicketLifecycleHandler implements ICommandHandler<TicketLifecycleCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    readonly serviceLevels: ServiceLevelsService,
  ) {}

  execute({ command, metadata, expectedRevision }: TicketLifecycleCommand): Promise<CommandResult> {
    return handleTicketCommand(this, command, metadata, expectedRevision);
  }
}
