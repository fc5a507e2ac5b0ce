import type { DomainEvent } from '../../shared/domain/decider';

export const ticketKinds = ['repair', 'complaint', 'inspection', 'delivery', 'other'] as const;
export type TicketKind = (typeof ticketKinds)[number];

export type TicketDispatched = DomainEvent<
  'TicketDispatched',
  {
    ticketId: string;
    kind: TicketKind;
    assigneeId: string;
    /** Assignee's department when dispatched (a snapshot, for overdue lists by department). */
    department: string;
    description: string;
    complaintId?: string;
    dispatchedAt: string;
    resolveBy: string;
  }
>;

export type TicketResolved = DomainEvent<
  'TicketResolved',
  { ticketId: string; assigneeId: string; resolvedAt: string; resolution: string; late: boolean }
>;

export type TicketEvent = TicketDispatched | TicketResolved;
export const ticketEventTypes = ['TicketDispatched', 'TicketResolved'] as const;
