import type { SealedText } from '../../shared/domain/sealed-text';
import type { TicketMilestone } from '../../service-levels/domain/service-level-policy';
import type { TicketKind, TicketPriority } from './ticket.events';

export interface DispatchTicket {
  type: 'DispatchTicket';
  data: {
    ticketId: string;
    kind: TicketKind;
    priority?: TicketPriority;
    assigneeId: string;
    description: string;
    complaintId?: string;
    dispatchedAt: string;
    /** Overrides the policy's resolution deadline; required when no policy covers the ticket. */
    resolveBy?: string;
  };
  now: string;
}

export interface ResolveTicket {
  type: 'ResolveTicket';
  data: { ticketId: string; resolvedAt: string; resolution: string };
  now: string;
}

export interface AcknowledgeTicket {
  type: 'AcknowledgeTicket';
  data: { ticketId: string; acknowledgedAt: string };
  now: string;
}

export interface RecordArrival {
  type: 'RecordArrival';
  data: { ticketId: string; arrivedAt: string };
  now: string;
}

export interface CloseTicket {
  type: 'CloseTicket';
  data: { ticketId: string; closedAt: string; signedOffBy: string | SealedText };
  now: string;
}

export interface ReassignTicket {
  type: 'ReassignTicket';
  data: { ticketId: string; assigneeId: string; reason: string; reassignedAt: string };
  now: string;
}

export interface CancelTicket {
  type: 'CancelTicket';
  data: { ticketId: string; reason: string; cancelledAt: string };
  now: string;
}

export const pauseReasons = ['waiting-for-customer', 'waiting-for-parts'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** Stop the pending clocks while the ticket waits for the customer or for parts (if the policy pauses). */
export interface PauseTicket {
  type: 'PauseTicket';
  data: { ticketId: string; reason: PauseReason; pausedAt: string };
  now: string;
}

/** Start the paused clocks again with the time they had left. */
export interface ResumeTicket {
  type: 'ResumeTicket';
  data: { ticketId: string; resumedAt: string };
  now: string;
}

/** The deadline watcher's command: record that a milestone's deadline passed unmet. */
export interface RecordTicketBreach {
  type: 'RecordTicketBreach';
  data: { ticketId: string; milestone: TicketMilestone };
  now: string;
}

export type TicketCommand =
  | DispatchTicket
  | ResolveTicket
  | AcknowledgeTicket
  | RecordArrival
  | CloseTicket
  | ReassignTicket
  | CancelTicket
  | PauseTicket
  | ResumeTicket
  | RecordTicketBreach;
