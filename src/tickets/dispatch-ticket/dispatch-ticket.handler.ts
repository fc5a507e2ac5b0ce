import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { handleCommand } from '../../shared/command-handling/handle-command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { loadEmployee } from '../../employees/load-employee';
import { ServiceLevelsService } from '../../service-levels/service-levels.service';
import { ticketDecider } from '../domain/ticket.decider';
import { ticketEventOccurredAt, ticketEventSubjects, ticketStream } from '../ticket-stream';
import { DispatchTicketCommand } from './dispatch-ticket.command';

@CommandHandler(DispatchTicketCommand)
export class DispatchTicketHandler implements ICommandHandler<DispatchTicketCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly serviceLevels: ServiceLevelsService,
  ) {}

  execute({ data, metadata, expectedRevision }: DispatchTicketCommand): Promise<CommandResult> {
    return handleCommand(
      this.store,
      ticketStream(data.ticketId),
      ticketDecider,
      { type: 'DispatchTicket', data, now: this.clock.now().toISOString() },
      {
        metadata,
        expectedRevision,
        context: async () => ({
          assignee: await loadEmployee(this.store, data.assigneeId),
          ...(await this.serviceLevels.ticketContext(data.kind, data.priority ?? 'normal')),
        }),
        occurredAt: ticketEventOccurredAt,
        subjects: ticketEventSubjects,
      },
    );
  }
}
