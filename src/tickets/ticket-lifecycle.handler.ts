import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { AggregateCommandHandler } from '../shared/command-handling/aggregate-command.handler';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import type { WithoutNow } from '../shared/command-handling/without-now';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { ComplainantPrivacy } from '../complaints/privacy/complainant-privacy.service';
import { loadEmployee } from '../employees/load-employee';
import { ServiceLevelsService } from '../service-levels/service-levels.service';
import type { TicketCommand, TicketContext } from './domain/ticket.decider';
import type { TicketDispatched, TicketEvent } from './domain/ticket.events';
import type { TicketState } from './domain/ticket.state';
import { sealSignOff } from './seal-sign-off';
import { TicketLifecycleCommand } from './ticket-lifecycle.command';
import { ticketAggregate, ticketStream } from './ticket-stream';

/**
 * A ticket's stream. A dispatch and a reassignment need the assignee as registered; a dispatch, a
 * reassignment, a pause and a resumption the service level and calendar in force for the ticket's
 * kind and priority. A customer's sign-off is sealed under their key before it is decided on.
 */
@CommandHandler(TicketLifecycleCommand)
export class TicketLifecycleHandler extends AggregateCommandHandler<TicketCommand, TicketEvent, TicketState, TicketContext | undefined> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, private readonly serviceLevels: ServiceLevelsService, private readonly privacy: ComplainantPrivacy) {
    super(store, clock, ticketAggregate);
  }

  protected override async fromCaller(command: WithoutNow<TicketCommand>, _metadata: CommandMetadata): Promise<WithoutNow<TicketCommand>> {
    if (command.type !== 'CloseTicket' || typeof command.data.signedOffBy !== 'string') return command;
    return { ...command, data: { ...command.data, signedOffBy: await sealSignOff(this.store, this.privacy, command.data.ticketId, command.data.signedOffBy) } };
  }

  protected override async context(command: WithoutNow<TicketCommand>): Promise<TicketContext | undefined> {
    switch (command.type) {
      case 'DispatchTicket':
        return { assignee: await loadEmployee(this.store, command.data.assigneeId), ...(await this.serviceLevels.ticketContext(command.data.kind, command.data.priority ?? 'normal')) };
      case 'ReassignTicket':
        return { assignee: await loadEmployee(this.store, command.data.assigneeId), ...(await this.levelsOfDispatched(command.data.ticketId)) };
      case 'PauseTicket':
      case 'ResumeTicket':
        return this.levelsOfDispatched(command.data.ticketId);
      case 'ResolveTicket':
        return undefined;
      default:
        return {};
    }
  }

  private async levelsOfDispatched(ticketId: string): Promise<TicketContext> {
    const [first] = await this.store.readStream(ticketStream(ticketId), { maxCount: 1 });
    const dispatched = first?.type === 'TicketDispatched' ? (first.data as TicketDispatched['data']) : undefined;
    return dispatched ? this.serviceLevels.ticketContext(dispatched.kind, dispatched.priority ?? 'normal') : {};
  }
}
