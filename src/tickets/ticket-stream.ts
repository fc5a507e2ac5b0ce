import { assertNever } from '../shared/domain/domain-error';
import { streamName } from '../shared/event-store/event-store.port';
import type { TicketEvent } from './domain/ticket.events';

export const ticketStream = (ticketId: string) => streamName('ticket', ticketId);

export function ticketEventOccurredAt(event: TicketEvent): string {
  switch (event.type) {
    case 'TicketDispatched':
      return event.data.dispatchedAt;
    case 'TicketAcknowledged':
      return event.data.acknowledgedAt;
    case 'TicketArrived':
      return event.data.arrivedAt;
    case 'TicketResolved':
      return event.data.resolvedAt;
    case 'TicketClosed':
      return event.data.closedAt;
    case 'TicketReassigned':
      return event.data.reassignedAt;
    case 'TicketCancelled':
      return event.data.cancelledAt;
    case 'TicketPaused':
      return event.data.pausedAt;
    case 'TicketResumed':
      return event.data.resumedAt;
    case 'TicketDeadlineBreached':
      return event.data.dueAt;
    default:
      return assertNever(event);
  }
}

export function ticketEventSubjects(event: TicketEvent): string[] {
  const subjects = [`ticket:${event.data.ticketId}`];
  if (event.type === 'TicketDeadlineBreached') subjects.push(`employee:${event.data.responsibleEmployeeId}`);
  else if (event.type === 'TicketReassigned') subjects.push(`employee:${event.data.fromAssigneeId}`, `employee:${event.data.assigneeId}`);
  else subjects.push(`employee:${event.data.assigneeId}`);
  if (event.type === 'TicketDispatched' && event.data.complaintId) subjects.push(`complaint:${event.data.complaintId}`);
  return subjects;
}
