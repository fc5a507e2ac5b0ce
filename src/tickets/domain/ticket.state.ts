import { assertNever } from '../../shared/domain/domain-error';
import type { DeductionRule, TicketMilestone } from '../../service-levels/domain/service-level-policy';
import type { TicketDispatched, TicketEvent, TicketResolved } from './ticket.events';

/** One milestone's clock: when it (last) started, when it is due, and how it ended. */
export interface TicketClock {
  startedAt: string;
  dueAt: string;
  rule?: DeductionRule;
  breached: boolean;
  /** When the fact that meets (or ends) the milestone happened. */
  stoppedAt?: string;
  /** Set while the clock is paused: when the pause began. */
  pausedAt?: string;
}

export type TicketClocks = Partial<Record<TicketMilestone, TicketClock>>;

export interface KnownTicket {
  status: 'open' | 'resolved' | 'closed' | 'cancelled';
  dispatched: TicketDispatched['data'];
  assigneeId: string;
  department: string;
  acknowledgedAt?: string;
  arrivedAt?: string;
  resolved?: TicketResolved['data'];
  closedAt?: string;
  clocks: TicketClocks;
  /** Set while the ticket waits (its clocks paused). */
  pause?: { reason: 'waiting-for-customer' | 'waiting-for-parts'; pausedAt: string };
}

export type TicketState = { status: 'unknown' } | KnownTicket;

export const initialTicketState: TicketState = { status: 'unknown' };

/** The clocks a dispatch starts; a ticket from before service levels has only `resolveBy`. */
export function clocksAtDispatch(data: TicketDispatched['data']): TicketClocks {
  const deadlines = data.deadlines ?? { resolution: { dueAt: data.resolveBy } };
  return Object.fromEntries(
    Object.entries(deadlines).map(([milestone, deadline]) => [milestone, { startedAt: data.dispatchedAt, ...deadline, breached: false }]),
  );
}

function stop(clocks: TicketClocks, milestones: readonly TicketMilestone[], at: string): TicketClocks {
  const next = { ...clocks };
  for (const m of milestones) {
    const clock = next[m];
    if (clock && clock.stoppedAt === undefined) next[m] = { ...clock, stoppedAt: at };
  }
  return next;
}

const ALL: readonly TicketMilestone[] = ['acknowledgement', 'arrival', 'resolution'];

export function evolveTicket(state: TicketState, event: TicketEvent): TicketState {
  if (event.type === 'TicketDispatched') {
    const { data } = event;
    return { status: 'open', dispatched: data, assigneeId: data.assigneeId, department: data.department, clocks: clocksAtDispatch(data) };
  }
  if (state.status === 'unknown') return state;
  switch (event.type) {
    case 'TicketAcknowledged':
      return { ...state, acknowledgedAt: event.data.acknowledgedAt, clocks: stop(state.clocks, ['acknowledgement'], event.data.acknowledgedAt) };
    case 'TicketArrived':
      return { ...state, arrivedAt: event.data.arrivedAt, clocks: stop(state.clocks, ['acknowledgement', 'arrival'], event.data.arrivedAt) };
    case 'TicketResolved':
      return { ...state, status: 'resolved', resolved: event.data, clocks: stop(state.clocks, ALL, event.data.resolvedAt) };
    case 'TicketClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt };
    case 'TicketCancelled':
      return { ...state, status: 'cancelled', clocks: stop(state.clocks, ALL, event.data.cancelledAt) };
    case 'TicketReassigned': {
      const { data } = event;
      const clocks = { ...state.clocks };
      for (const [milestone, deadline] of Object.entries(data.deadlines) as [TicketMilestone, TicketClock][]) {
        const before = clocks[milestone];
        const breached = data.clocks === 'kept' ? (before?.breached ?? false) : false;
        clocks[milestone] = { startedAt: data.reassignedAt, dueAt: deadline.dueAt, ...(deadline.rule ? { rule: deadline.rule } : {}), breached };
      }
      return { ...state, assigneeId: data.assigneeId, department: data.department, clocks };
    }
    case 'TicketPaused': {
      const { data } = event;
      const clocks = { ...state.clocks };
      for (const m of data.milestones) {
        const clock = clocks[m];
        if (clock) clocks[m] = { ...clock, pausedAt: data.pausedAt };
      }
      return { ...state, clocks, pause: { reason: data.reason, pausedAt: data.pausedAt } };
    }
    case 'TicketResumed': {
      const { data } = event;
      const clocks = { ...state.clocks };
      for (const [milestone, deadline] of Object.entries(data.deadlines) as [TicketMilestone, TicketClock][]) {
        const before = clocks[milestone];
        clocks[milestone] = { startedAt: data.resumedAt, dueAt: deadline.dueAt, ...(deadline.rule ? { rule: deadline.rule } : {}), breached: before?.breached ?? false };
      }
      const { pause: _ended, ...rest } = state;
      return { ...rest, clocks };
    }
    case 'TicketDeadlineBreached': {
      const clock = state.clocks[event.data.milestone];
      return clock ? { ...state, clocks: { ...state.clocks, [event.data.milestone]: { ...clock, breached: true } } } : state;
    }
    default:
      return assertNever(event);
  }
}
