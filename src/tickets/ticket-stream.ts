import { businessTimeFrom } from '../shared/command-handling/aggregate-stream';
import type { AggregateStream } from '../shared/command-handling/aggregate-stream';
import { ticketDecider } from './domain/ticket.decider';
import type { TicketCommand, TicketContext } from './domain/ticket.decider';
import type { TicketState } from './domain/ticket.state';
import { streamName } from '../shared/event-store/event-store.port';
import type { TicketEvent } from './domain/ticket.events';
import { employeeSubject } from '../shared/domain/subjects';

export const ticketStream = (ticketId: string) => streamName('ticket', ticketId);

export const ticketEventOccurredAt = businessTimeFrom<TicketEvent>({
  TicketDispatched: 'dispatchedAt', TicketAcknowledged: 'acknowledgedAt', TicketArrived: 'arrivedAt', TicketResolved: 'resolvedAt',
  TicketClosed: 'closedAt', TicketReassigned: 'reassignedAt', TicketCancelled: 'cancelledAt', TicketPaused: 'pausedAt', TicketResumed: 'resumedAt',
  TicketDeadlineBreached: 'dueAt',
});

export function ticketEventSubjects(event: TicketEvent): string[] {
  const subjects = [`ticket:${event.data.ticketId}`];
  if (event.type === 'TicketDeadlineBreached') subjects.push(employeeSubject(event.data.responsibleEmployeeId));
  else if (event.type === 'TicketReassigned') subjects.push(employeeSubject(event.data.fromAssigneeId), employeeSubject(event.data.assigneeId));
  else subjects.push(employeeSubject(event.data.assigneeId));
  if (event.type === 'TicketDispatched' && event.data.complaintId) subjects.push(`complaint:${event.data.complaintId}`);
  return subjects;
}

/** The ticket aggregate: dispatched, acknowledged, arrived, paused, resumed, resolved, closed, reassigned, cancelled, breached. */
export const ticketAggregate: AggregateStream<TicketCommand, TicketEvent, TicketState, TicketContext | undefined> = {
  decider: ticketDecider,
  streamOf: (command) => ticketStream(command.data.ticketId),
  occurredAt: ticketEventOccurredAt,
  subjects: ticketEventSubjects,
};
