import { streamName } from '../shared/event-store/event-store.port';
import type { TicketEvent } from './domain/ticket.events';

export const ticketStream = (ticketId: string) => streamName('ticket', ticketId);

export function ticketEventOccurredAt(event: TicketEvent): string {
  return event.type === 'TicketDispatched' ? event.data.dispatchedAt : event.data.resolvedAt;
}

export function ticketEventSubjects(event: TicketEvent): string[] {
  const subjects = [`ticket:${event.data.ticketId}`, `employee:${event.data.assigneeId}`];
  if (event.type === 'TicketDispatched' && event.data.complaintId) subjects.push(`complaint:${event.data.complaintId}`);
  return subjects;
}
