import { refuseTicket } from './ticket.errors';
import { computeShiftedDeadline, pausesFor, ticketDeadlines } from '../../service-levels/domain/service-level-policy';
import type { TicketMilestone } from '../../service-levels/domain/service-level-policy';
import type {
  AcknowledgeTicket,
  CancelTicket,
  CloseTicket,
  PauseTicket,
  ReassignTicket,
  RecordArrival,
  RecordTicketBreach,
  ResolveTicket,
  ResumeTicket,
} from './ticket.commands';
import type { TicketContext } from './ticket.decider';
import type { ClockSegment, TicketDeadlineBreached, TicketDeadlines, TicketEvent } from './ticket.events';
import type { KnownTicket } from './ticket.state';
import type { RefusalCode } from '../../shared/domain/error-catalogue';

const ALL: readonly TicketMilestone[] = ['acknowledgement', 'arrival', 'resolution'];

/** The refusal of each step's time when it lies in the future. */
const inFuture = {
  acknowledgedAt: 'acknowledged_in_future',
  arrivedAt: 'arrived_in_future',
  resolvedAt: 'resolved_in_future',
  closedAt: 'closed_in_future',
  cancelledAt: 'cancelled_in_future',
  reassignedAt: 'reassigned_in_future',
  pausedAt: 'paused_in_future',
  resumedAt: 'resumed_in_future',
} as const satisfies Record<string, RefusalCode<typeof refuseTicket>>;

function notInFuture(at: string, now: string, field: keyof typeof inFuture): void {
  if (at > now) throw refuseTicket(inFuture[field], `${field} lies in the future`, { [field]: at });
}

function notBeforeDispatch(at: string, state: KnownTicket, code: RefusalCode<typeof refuseTicket>): void {
  if (at < state.dispatched.dispatchedAt) throw refuseTicket(code, 'the fact is dated before the dispatch');
}

function mustBeOpen(state: KnownTicket): void {
  if (state.status !== 'open') throw refuseTicket('ticket_not_open', `ticket ${state.dispatched.ticketId} is ${state.status}`);
}

/**
 * Breaches of the given clocks that were already late at `at` and not yet recorded: a fact that
 * stops a clock late records its breach itself, so a breach is never lost between watcher ticks.
 */
function lateBreaches(state: KnownTicket, milestones: readonly TicketMilestone[], at: string): TicketDeadlineBreached[] {
  return milestones.flatMap((milestone) => {
    const clock = state.clocks[milestone];
    if (!clock || clock.breached || clock.stoppedAt !== undefined || clock.pausedAt !== undefined || !(at > clock.dueAt)) return [];
    return [breachOf(state, milestone)];
  });
}

function breachOf(state: KnownTicket, milestone: TicketMilestone): TicketDeadlineBreached {
  const clock = state.clocks[milestone]!;
  return {
    type: 'TicketDeadlineBreached',
    data: {
      ticketId: state.dispatched.ticketId,
      milestone,
      startedAt: clock.startedAt,
      dueAt: clock.dueAt,
      responsibleEmployeeId: state.assigneeId,
      department: state.department,
      ...(clock.rule ? { rule: clock.rule } : {}),
    },
  };
}

export function resolve(command: ResolveTicket, state: KnownTicket): TicketEvent[] {
  const { data } = command;
  if (state.resolved) {
    if (state.resolved.resolvedAt === data.resolvedAt && state.resolved.resolution === data.resolution) return [];
    throw refuseTicket('ticket_already_resolved', `ticket ${data.ticketId} was already resolved`);
  }
  mustBeOpen(state);
  notInFuture(data.resolvedAt, command.now, 'resolvedAt');
  notBeforeDispatch(data.resolvedAt, state, 'resolved_before_dispatch');
  const { assigneeId } = state;
  const resolveBy = state.clocks.resolution?.dueAt ?? state.dispatched.resolveBy;
  return [...lateBreaches(state, ALL, data.resolvedAt), { type: 'TicketResolved', data: { ...data, assigneeId, late: data.resolvedAt > resolveBy } }];
}

export function acknowledge(command: AcknowledgeTicket, state: KnownTicket): TicketEvent[] {
  const { data } = command;
  if (state.acknowledgedAt !== undefined) {
    if (state.acknowledgedAt === data.acknowledgedAt) return [];
    throw refuseTicket('ticket_already_acknowledged', `ticket ${data.ticketId} was already acknowledged`);
  }
  mustBeOpen(state);
  notInFuture(data.acknowledgedAt, command.now, 'acknowledgedAt');
  notBeforeDispatch(data.acknowledgedAt, state, 'acknowledged_before_dispatch');
  return [...lateBreaches(state, ['acknowledgement'], data.acknowledgedAt), { type: 'TicketAcknowledged', data: { ...data, assigneeId: state.assigneeId } }];
}

export function arrive(command: RecordArrival, state: KnownTicket): TicketEvent[] {
  const { data } = command;
  if (state.arrivedAt !== undefined) {
    if (state.arrivedAt === data.arrivedAt) return [];
    throw refuseTicket('ticket_already_arrived', `arrival on ticket ${data.ticketId} was already recorded`);
  }
  mustBeOpen(state);
  if (state.acknowledgedAt === undefined) throw refuseTicket('ticket_not_acknowledged', `ticket ${data.ticketId} must be acknowledged before arrival`);
  notInFuture(data.arrivedAt, command.now, 'arrivedAt');
  if (data.arrivedAt < state.acknowledgedAt) throw refuseTicket('arrived_before_acknowledgement', 'arrivedAt is earlier than the acknowledgement');
  return [...lateBreaches(state, ['arrival'], data.arrivedAt), { type: 'TicketArrived', data: { ...data, assigneeId: state.assigneeId } }];
}

export function close(command: CloseTicket, state: KnownTicket): TicketEvent[] {
  const { data } = command;
  if (state.status === 'closed') {
    if (state.closedAt === data.closedAt) return [];
    throw refuseTicket('ticket_already_closed', `ticket ${data.ticketId} was already closed`);
  }
  if (state.status !== 'resolved' || !state.resolved) throw refuseTicket('ticket_not_resolved', `ticket ${data.ticketId} is ${state.status}, not resolved`);
  notInFuture(data.closedAt, command.now, 'closedAt');
  if (data.closedAt < state.resolved.resolvedAt) throw refuseTicket('closed_before_resolution', 'closedAt is earlier than the resolution');
  return [{ type: 'TicketClosed', data: { ...data, assigneeId: state.assigneeId } }];
}

export function cancel(command: CancelTicket, state: KnownTicket): TicketEvent[] {
  const { data } = command;
  if (state.status === 'cancelled') return [];
  mustBeOpen(state);
  notInFuture(data.cancelledAt, command.now, 'cancelledAt');
  notBeforeDispatch(data.cancelledAt, state, 'cancelled_before_dispatch');
  return [...lateBreaches(state, ALL, data.cancelledAt), { type: 'TicketCancelled', data: { ...data, assigneeId: state.assigneeId } }];
}

export function reassign(command: ReassignTicket, state: KnownTicket, context: TicketContext): TicketEvent[] {
  const { data } = command;
  mustBeOpen(state);
  if (state.assigneeId === data.assigneeId) throw refuseTicket('already_assigned', `ticket ${data.ticketId} is already assigned to ${data.assigneeId}`);
  const assignee = context.assignee ?? { status: 'unknown' };
  if (assignee.status !== 'registered') throw refuseTicket('assignee_not_registered', `assignee ${data.assigneeId} is not a registered employee`);
  notInFuture(data.reassignedAt, command.now, 'reassignedAt');
  notBeforeDispatch(data.reassignedAt, state, 'reassigned_before_dispatch');
  const late = lateBreaches(state, ALL, data.reassignedAt);
  const pending = ALL.filter((m) => state.clocks[m] && state.clocks[m]!.stoppedAt === undefined);
  const previous: Partial<Record<TicketMilestone, ClockSegment>> = {};
  const kept: TicketDeadlines = {};
  for (const m of pending) {
    const clock = state.clocks[m]!;
    previous[m] = { startedAt: clock.startedAt, dueAt: clock.dueAt, breached: clock.breached || late.some((b) => b.data.milestone === m) };
    kept[m] = { dueAt: clock.dueAt, ...(clock.rule ? { rule: clock.rule } : {}) };
  }
  const restart = context.policy?.onReassignment === 'restart' && context.calendar !== undefined;
  const deadlines = restart ? ticketDeadlines(context.policy, pending, data.reassignedAt, context.calendar!) : kept;
  return [
    ...late,
    {
      type: 'TicketReassigned',
      data: {
        ...data,
        fromAssigneeId: state.assigneeId,
        fromDepartment: state.department,
        department: assignee.department,
        clocks: restart ? 'restarted' : 'kept',
        previous,
        deadlines,
      },
    },
  ];
}

export function recordBreach(command: RecordTicketBreach, state: KnownTicket): TicketEvent[] {
  const { milestone, ticketId } = command.data;
  const clock = state.clocks[milestone];
  if (!clock) throw refuseTicket('no_such_clock', `ticket ${ticketId} has no ${milestone} deadline`);
  if (clock.breached || clock.stoppedAt !== undefined) return [];
  if (clock.pausedAt !== undefined) throw refuseTicket('clock_paused', `the ${milestone} clock of ticket ${ticketId} is paused: a paused clock cannot breach`);
  if (clock.dueAt >= command.now) throw refuseTicket('deadline_not_passed', `the ${milestone} deadline of ticket ${ticketId} has not passed`);
  return [breachOf(state, milestone)];
}

/**
 * The ticket waits for the customer (or for parts): its pending clocks stop, if its service-level
 * policy says so; a policy that does not pause refuses the pause. A clock already late at the
 * pause records its breach first, so a pause never hides a breach.
 */
export function pause(command: PauseTicket, state: KnownTicket, context: TicketContext): TicketEvent[] {
  const { data } = command;
  if (state.pause) {
    if (state.pause.pausedAt === data.pausedAt && state.pause.reason === data.reason) return [];
    throw refuseTicket('ticket_already_paused', `ticket ${data.ticketId} is already paused since ${state.pause.pausedAt}`);
  }
  mustBeOpen(state);
  if (!pausesFor(context.policy, data.reason)) {
    throw refuseTicket('policy_does_not_pause', `the service-level policy of ticket ${data.ticketId} does not stop its clocks while ${data.reason}`, { reason: data.reason });
  }
  notInFuture(data.pausedAt, command.now, 'pausedAt');
  notBeforeDispatch(data.pausedAt, state, 'paused_before_dispatch');
  const lastClockStart = ALL.map((m) => state.clocks[m]?.startedAt ?? '').reduce((a, b) => (a > b ? a : b), '');
  if (data.pausedAt < lastClockStart) throw refuseTicket('paused_before_clock_start', 'pausedAt is earlier than the start of the running clocks');
  const milestones = ALL.filter((m) => state.clocks[m] && state.clocks[m]!.stoppedAt === undefined);
  if (milestones.length === 0) throw refuseTicket('no_running_clock', `ticket ${data.ticketId} has no running clock to pause`);
  return [...lateBreaches(state, milestones, data.pausedAt), { type: 'TicketPaused', data: { ...data, assigneeId: state.assigneeId, milestones } }];
}

/**
 * The wait is over: each paused clock runs again, its deadline moved by exactly the time it was
 * paused (working time for a working-time target, elapsed time otherwise), computed here from the
 * calendar in force and stored in the event.
 */
export function resume(command: ResumeTicket, state: KnownTicket, context: TicketContext): TicketEvent[] {
  const { data } = command;
  if (!state.pause) throw refuseTicket('ticket_not_paused', `ticket ${data.ticketId} is not paused`);
  notInFuture(data.resumedAt, command.now, 'resumedAt');
  if (data.resumedAt < state.pause.pausedAt) throw refuseTicket('resumed_before_pause', 'resumedAt is earlier than the pause');
  if (!context.calendar) throw refuseTicket('no_calendar', 'no working calendar is in force to move the deadlines');
  const previous: Partial<Record<TicketMilestone, ClockSegment>> = {};
  const deadlines: TicketDeadlines = {};
  for (const m of ALL) {
    const clock = state.clocks[m];
    if (!clock || clock.pausedAt === undefined || clock.stoppedAt !== undefined) continue;
    previous[m] = { startedAt: clock.startedAt, dueAt: clock.dueAt, breached: clock.breached };
    const counting = context.policy?.targets[m]?.counting ?? 'elapsed';
    const dueAt = computeShiftedDeadline(clock.dueAt, state.pause.pausedAt, data.resumedAt, counting, context.calendar);
    deadlines[m] = { dueAt, ...(clock.rule ? { rule: clock.rule } : {}) };
  }
  return [{ type: 'TicketResumed', data: { ...data, assigneeId: state.assigneeId, department: state.department, pausedAt: state.pause.pausedAt, previous, deadlines } }];
}
