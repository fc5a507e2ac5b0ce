import type { Decider } from '../../shared/domain/decider';
import { DomainError, NotFoundError, assertNever } from '../../shared/domain/domain-error';
import { isSameFact } from '../../shared/domain/same-fact';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import type { TicketDispatched, TicketEvent, TicketKind, TicketResolved } from './ticket.events';

export interface DispatchTicket {
  type: 'DispatchTicket';
  data: {
    ticketId: string;
    kind: TicketKind;
    assigneeId: string;
    description: string;
    complaintId?: string;
    dispatchedAt: string;
    resolveBy: string;
  };
  now: string;
}

export interface ResolveTicket {
  type: 'ResolveTicket';
  data: { ticketId: string; resolvedAt: string; resolution: string };
  now: string;
}

export type TicketCommand = DispatchTicket | ResolveTicket;

export type TicketState =
  | { status: 'unknown' }
  | { status: 'open'; dispatched: TicketDispatched['data'] }
  | { status: 'resolved'; dispatched: TicketDispatched['data']; resolved: TicketResolved['data'] };

/** Facts from other streams a dispatch needs: the assignee as registered. */
export interface TicketContext {
  assignee?: EmployeeState;
}

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState, TicketContext | undefined> = {
  initialState: { status: 'unknown' },

  evolve(state, event) {
    switch (event.type) {
      case 'TicketDispatched':
        return { status: 'open', dispatched: event.data };
      case 'TicketResolved':
        return state.status === 'unknown' ? state : { status: 'resolved', dispatched: state.dispatched, resolved: event.data };
      default:
        return assertNever(event);
    }
  },

  decide(command, state, context) {
    switch (command.type) {
      case 'DispatchTicket':
        return dispatchTicket(command, state, context?.assignee ?? { status: 'unknown' });
      case 'ResolveTicket':
        return resolveTicket(command, state);
      default:
        return assertNever(command);
    }
  },
};

function dispatchTicket(command: DispatchTicket, state: TicketState, assignee: EmployeeState): TicketEvent[] {
  const { data } = command;
  if (assignee.status !== 'registered') {
    throw new DomainError('assignee_not_registered', `assignee ${data.assigneeId} is not a registered employee`);
  }
  const event: TicketDispatched = { type: 'TicketDispatched', data: { ...data, department: assignee.department } };
  if (state.status !== 'unknown') {
    if (isSameFact(state.dispatched, event.data)) return [];
    throw new DomainError('ticket_already_dispatched', `ticket ${data.ticketId} was already dispatched with other details`);
  }
  if (data.dispatchedAt > command.now) {
    throw new DomainError('dispatched_in_future', 'dispatchedAt lies in the future', { dispatchedAt: data.dispatchedAt });
  }
  if (data.resolveBy <= data.dispatchedAt) {
    throw new DomainError('resolve_by_not_after_dispatch', 'resolveBy must be later than dispatchedAt');
  }
  return [event];
}

function resolveTicket(command: ResolveTicket, state: TicketState): TicketEvent[] {
  const { data } = command;
  if (state.status === 'unknown') throw new NotFoundError('ticket', data.ticketId);
  if (state.status === 'resolved') {
    if (state.resolved.resolvedAt === data.resolvedAt && state.resolved.resolution === data.resolution) return [];
    throw new DomainError('ticket_already_resolved', `ticket ${data.ticketId} was already resolved`);
  }
  if (data.resolvedAt > command.now) {
    throw new DomainError('resolved_in_future', 'resolvedAt lies in the future', { resolvedAt: data.resolvedAt });
  }
  if (data.resolvedAt < state.dispatched.dispatchedAt) {
    throw new DomainError('resolved_before_dispatch', 'resolvedAt is earlier than the dispatch');
  }
  const { assigneeId, resolveBy } = state.dispatched;
  return [{ type: 'TicketResolved', data: { ...data, assigneeId, late: data.resolvedAt > resolveBy } }];
}
