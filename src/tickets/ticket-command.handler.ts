import type { Clock } from '../shared/clock';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import { handleCommand } from '../shared/command-handling/handle-command';
import type { CommandResult } from '../shared/command-handling/handle-command';
import type { WithoutNow } from '../shared/command-handling/without-now';
import type { EventStore } from '../shared/event-store/event-store.port';
import { loadEmployee } from '../employees/load-employee';
import type { ServiceLevelsService } from '../service-levels/service-levels.service';
import { ticketDecider } from './domain/ticket.decider';
import type { TicketCommand, TicketContext } from './domain/ticket.decider';
import type { TicketDispatched } from './domain/ticket.events';
import { ticketEventOccurredAt, ticketEventSubjects, ticketStream } from './ticket-stream';

/** Runs a command on a ticket's stream; a reassignment gets the new assignee, it and a pause or resumption the policy and calendar in force. */
export function handleTicketCommand(
  deps: { store: EventStore; clock: Clock; serviceLevels: ServiceLevelsService },
  command: WithoutNow<TicketCommand>,
  metadata: CommandMetadata,
  expectedRevision?: number,
): Promise<CommandResult> {
  const { store, clock, serviceLevels } = deps;
  const stream = ticketStream(command.data.ticketId);
  const context = async (): Promise<TicketContext> => {
    if (command.type !== 'ReassignTicket' && command.type !== 'PauseTicket' && command.type !== 'ResumeTicket') return {};
    const [first] = await store.readStream(stream, { maxCount: 1 });
    const dispatched = first?.type === 'TicketDispatched' ? (first.data as TicketDispatched['data']) : undefined;
    const levels = dispatched ? await serviceLevels.ticketContext(dispatched.kind, dispatched.priority ?? 'normal') : {};
    if (command.type !== 'ReassignTicket') return levels;
    return { assignee: await loadEmployee(store, command.data.assigneeId), ...levels };
  };
  return handleCommand(store, stream, ticketDecider, { ...command, now: clock.now().toISOString() } as TicketCommand, {
    metadata,
    expectedRevision,
    context,
    occurredAt: ticketEventOccurredAt,
    subjects: ticketEventSubjects,
  });
}
