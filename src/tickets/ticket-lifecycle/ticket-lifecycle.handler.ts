import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { ServiceLevelsService } from '../../service-levels/service-levels.service';
import { ComplainantPrivacy } from '../../complaints/privacy/complainant-privacy.service';
import { handleTicketCommand } from '../ticket-command.handler';
import { sealSignOff } from './seal-sign-off';
import { TicketLifecycleCommand } from './ticket-lifecycle.command';

@CommandHandler(TicketLifecycleCommand)
export class TicketLifecycleHandler implements ICommandHandler<TicketLifecycleCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    readonly serviceLevels: ServiceLevelsService,
    private readonly privacy: ComplainantPrivacy,
  ) {}

  async execute({ command, metadata, expectedRevision }: TicketLifecycleCommand): Promise<CommandResult> {
    if (command.type === 'CloseTicket' && typeof command.data.signedOffBy === 'string') {
      const signedOffBy = await sealSignOff(this.store, this.privacy, command.data.ticketId, command.data.signedOffBy);
      return handleTicketCommand(this, { ...command, data: { ...command.data, signedOffBy } }, metadata, expectedRevision);
    }
    return handleTicketCommand(this, command, metadata, expectedRevision);
  }
}
