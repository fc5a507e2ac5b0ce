import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { handleCommand } from '../../shared/command-handling/handle-command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { ticketDecider } from '../domain/ticket.decider';
import { ticketEventOccurredAt, ticketEventSubjects, ticketStream } from '../ticket-stream';
import { ResolveTicketCommand } from './resolve-ticket.command';

@CommandHandler(ResolveTicketCommand)
export class ResolveTicketHandler implements ICommandHandler<ResolveTicketCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, metadata, expectedRevision }: ResolveTicketCommand): Promise<CommandResult> {
    return handleCommand(
      this.store,
      ticketStream(data.ticketId),
      ticketDecider,
      { type: 'ResolveTicket', data, now: this.clock.now().toISOString() },
      {
        metadata,
        expectedRevision,
        occurredAt: ticketEventOccurredAt,
        subjects: ticketEventSubjects,
      },
    );
  }
}
