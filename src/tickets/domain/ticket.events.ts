import type { SealedText } from '../../shared/domain/sealed-text';
import type { DomainEvent } from '../../shared/domain/decider';
import { eventTypeList } from '../../shared/domain/decider';
import type { DeductionRule, Deadline, TicketMilestone } from '../../service-levels/domain/service-level-policy';

/** Work orders: repairs (报修), complaints, inspections, deliveries, technical support on a line (001:817), material sampling (001:925). */
export const ticketKinds = ['repair', 'complaint', 'inspection', 'delivery', 'technical-support', 'sampling', 'other'] as const;
export type TicketKind = (typeof ticketKinds)[number];

export const ticketPriorities = ['low', 'normal', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

export type TicketDeadlines = Partial<Record<TicketMilestone, Deadline>>;

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
    /** The resolution deadline (also in `deadlines.resolution` when the event has deadlines). */
    resolveBy: string;
    /** Absent on tickets dispatched before service levels: read as `normal`. */
    priority?: TicketPriority;
    /** The policy the deadlines came from, if any. */
    policyId?: string;
    /**
     * Deadlines fixed at dispatch. Absent on tickets dispatched before service levels: their only
     * clock is the resolution one, due at `resolveBy`, costing nothing when missed.
     */
    deadlines?: TicketDeadlines;
  }
>;

export type TicketAcknowledged = DomainEvent<'TicketAcknowledged', { ticketId: string; assigneeId: string; acknowledgedAt: string }>;
export type TicketArrived = DomainEvent<'TicketArrived', { ticketId: string; assigneeId: string; arrivedAt: string }>;

export type TicketResolved = DomainEvent<
  'TicketResolved',
  { ticketId: string; assigneeId: string; resolvedAt: string; resolution: string; late: boolean }
>;

/** The customer signed the work off; `signedOffBy` is sealed under their subject key (a plain string in events recorded before). */
export type TicketClosed = DomainEvent<'TicketClosed', { ticketId: string; assigneeId: string; closedAt: string; signedOffBy: string | SealedText }>;

/** A pending clock as it stood before a reassignment (for as-of lists of who was late). */
export interface ClockSegment {
  startedAt: string;
  dueAt: string;
  breached: boolean;
}

export type TicketReassigned = DomainEvent<
  'TicketReassigned',
  {
    ticketId: string;
    fromAssigneeId: string;
    fromDepartment: string;
    assigneeId: string;
    department: string;
    reason: string;
    reassignedAt: string;
    /** What the policy made of the clocks: kept their deadlines or started them again. */
    clocks: 'kept' | 'restarted';
    /** The pending clocks before the reassignment. */
    previous: Partial<Record<TicketMilestone, ClockSegment>>;
    /** The pending clocks' deadlines from now on (the same ones when kept). */
    deadlines: TicketDeadlines;
  }
>;

export type TicketCancelled = DomainEvent<'TicketCancelled', { ticketId: string; assigneeId: string; reason: string; cancelledAt: string }>;

/** The pending clocks stopped: the ticket waits for the customer or for parts. */
export type TicketPaused = DomainEvent<
  'TicketPaused',
  {
    ticketId: string;
    assigneeId: string;
    reason: 'waiting-for-customer' | 'waiting-for-parts';
    pausedAt: string;
    /** The clocks the pause stopped (pending, not breached). */
    milestones: TicketMilestone[];
  }
>;

/**
 * The paused clocks run again. Their new deadlines are computed when resuming (the old deadline
 * moved by the paused time: working time for working-time targets, elapsed time otherwise) and
 * stored here, so a replay never recomputes them.
 */
export type TicketResumed = DomainEvent<
  'TicketResumed',
  {
    ticketId: string;
    assigneeId: string;
    department: string;
    pausedAt: string;
    resumedAt: string;
    /** The paused clocks as they stood before the pause (for as-of lists). */
    previous: Partial<Record<TicketMilestone, ClockSegment>>;
    /** The paused clocks' deadlines from now on. */
    deadlines: TicketDeadlines;
  }
>;

/**
 * A milestone's deadline passed unmet. Recorded once per deadline (by the deadline watcher, or
 * by the late fact that stopped the clock), against the person responsible at the time.
 */
export type TicketDeadlineBreached = DomainEvent<
  'TicketDeadlineBreached',
  {
    ticketId: string;
    milestone: TicketMilestone;
    startedAt: string;
    dueAt: string;
    responsibleEmployeeId: string;
    department: string;
    rule?: DeductionRule;
  }
>;

export type TicketEvent =
  | TicketDispatched
  | TicketAcknowledged
  | TicketArrived
  | TicketResolved
  | TicketClosed
  | TicketReassigned
  | TicketCancelled
  | TicketPaused
  | TicketResumed
  | TicketDeadlineBreached;

export const ticketEventTypes = eventTypeList<TicketEvent['type']>()([
  'TicketDispatched',
  'TicketAcknowledged',
  'TicketArrived',
  'TicketResolved',
  'TicketClosed',
  'TicketReassigned',
  'TicketCancelled',
  'TicketPaused',
  'TicketResumed',
  'TicketDeadlineBreached',
]);
