import type { Decider } from '../../shared/domain/decider';
import { NotFoundError, assertNever } from '../../shared/domain/domain-error';
import { refuseTicket } from './ticket.errors';
import { isSameFact } from '../../shared/domain/same-fact';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { ticketDeadlines, ticketMilestones } from '../../service-levels/domain/service-level-policy';
import type { TicketServiceLevelPolicy } from '../../service-levels/domain/service-level-policy';
import type { WorkingCalendar } from '../../service-levels/domain/working-calendar';
import type { DispatchTicket, TicketCommand } from './ticket.commands';
import type { TicketDeadlines, TicketDispatched, TicketEvent } from './ticket.events';
import { evolveTicket, initialTicketState } from './ticket.state';
import type { TicketState } from './ticket.state';
import { acknowledge, arrive, cancel, close, pause, reassign, recordBreach, resolve, resume } from './ticket.transitions';

export type { DispatchTicket, ResolveTicket, TicketCommand } from './ticket.commands';
export type { TicketState } from './ticket.state';

/** Facts from other streams: the (new) assignee as registered, the calendar and the policy in force. */
export interface TicketContext {
  assignee?: EmployeeState;
  calendar?: WorkingCalendar;
  policy?: TicketServiceLevelPolicy;
}

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState, TicketContext | undefined> = {
  initialState: initialTicketState,
  evolve: evolveTicket,
  decide(command, state, context = {}) {
    if (command.type === 'DispatchTicket') return dispatchTicket(command, state, context);
    if (state.status === 'unknown') throw new NotFoundError('ticket', command.data.ticketId);
    switch (command.type) {
      case 'ResolveTicket':
        return resolve(command, state);
      case 'AcknowledgeTicket':
        return acknowledge(command, state);
      case 'RecordArrival':
        return arrive(command, state);
      case 'CloseTicket':
        return close(command, state);
      case 'ReassignTicket':
        return reassign(command, state, context);
      case 'CancelTicket':
        return cancel(command, state);
      case 'PauseTicket':
        return pause(command, state, context);
      case 'ResumeTicket':
        return resume(command, state, context);
      case 'RecordTicketBreach':
        return recordBreach(command, state);
      default:
        return assertNever(command);
    }
  },
};

function dispatchTicket(command: DispatchTicket, state: TicketState, context: TicketContext): TicketEvent[] {
  const { data } = command;
  const assignee = context.assignee ?? { status: 'unknown' };
  if (assignee.status !== 'registered') {
    throw refuseTicket('assignee_not_registered', `assignee ${data.assigneeId} is not a registered employee`);
  }
  const deadlines = deadlinesAtDispatch(data, context);
  const resolveBy = deadlines.resolution?.dueAt;
  if (resolveBy === undefined) {
    throw refuseTicket('no_resolution_deadline', `no service-level policy covers ${data.kind} tickets: resolveBy is required`);
  }
  const { policy } = context;
  const event: TicketDispatched = {
    type: 'TicketDispatched',
    data: { ...data, department: assignee.department, resolveBy, ...(policy ? { policyId: policy.policyId, priority: data.priority ?? 'normal', deadlines } : {}) },
  };
  // A repeat is recognised against what the calendar and policy give now; changed settings make it a conflict.
  if (state.status !== 'unknown') {
    if (isSameFact(state.dispatched, event.data)) return [];
    throw refuseTicket('ticket_already_dispatched', `ticket ${data.ticketId} was already dispatched with other details`);
  }
  if (data.dispatchedAt > command.now) {
    throw refuseTicket('dispatched_in_future', 'dispatchedAt lies in the future', { dispatchedAt: data.dispatchedAt });
  }
  if (resolveBy <= data.dispatchedAt) {
    throw refuseTicket('resolve_by_not_after_dispatch', 'resolveBy must be later than dispatchedAt');
  }
  return [event];
}

function deadlinesAtDispatch(data: DispatchTicket['data'], { calendar, policy }: TicketContext): TicketDeadlines {
  const deadlines: TicketDeadlines = calendar ? ticketDeadlines(policy, ticketMilestones, data.dispatchedAt, calendar) : {};
  if (data.resolveBy !== undefined) deadlines.resolution = { dueAt: data.resolveBy };
  return deadlines;
}

