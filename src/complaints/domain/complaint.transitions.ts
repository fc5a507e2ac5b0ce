import { refuseComplaint } from './complaint.errors';
import type { ComplaintMilestone } from '../../service-levels/domain/service-level-policy';
import type { AssignComplaint, RecordCallback, RecordComplaintBreach, RecordVerdict, ResolveComplaint, ReverseVerdict } from './complaint.commands';
import { startClock } from './complaint.clocks';
import type { ComplaintContext } from './complaint.decider';
import type { ComplaintDeadlineBreached, ComplaintEvent } from './complaint.events';
import type { KnownComplaint } from './complaint.state';
import type { RefusalCode } from '../../shared/domain/error-catalogue';

/** The refusal of each step's time when it lies in the future. */
const inFuture = {
  assignedAt: 'assigned_in_future',
  resolvedAt: 'resolved_in_future',
  calledBackAt: 'calledBack_in_future',
  decidedAt: 'decided_in_future',
  reversedAt: 'reversed_in_future',
} as const satisfies Record<string, RefusalCode<typeof refuseComplaint>>;

function checkTime(at: string, now: string, field: keyof typeof inFuture, notBefore: string, beforeCode: RefusalCode<typeof refuseComplaint>): void {
  if (at > now) throw refuseComplaint(inFuture[field], `${field} lies in the future`, { [field]: at });
  if (at < notBefore) throw refuseComplaint(beforeCode, `${field} is earlier than the step before it`);
}

function breachOf(state: KnownComplaint, milestone: ComplaintMilestone): ComplaintDeadlineBreached {
  const clock = state.clocks[milestone]!;
  const { assignee } = state;
  return {
    type: 'ComplaintDeadlineBreached',
    data: {
      complaintId: state.received.complaintId,
      milestone,
      round: clock.round,
      startedAt: clock.startedAt,
      dueAt: clock.dueAt,
      ...(assignee ? { responsibleEmployeeId: assignee.employeeId, department: assignee.department } : {}),
      ...(clock.rule ? { rule: clock.rule } : {}),
    },
  };
}

/** The breach of a clock the fact at `at` stops late, unless already recorded. */
function lateBreach(state: KnownComplaint, milestone: ComplaintMilestone, at: string): ComplaintDeadlineBreached[] {
  const clock = state.clocks[milestone];
  return clock && !clock.breached && clock.stoppedAt === undefined && at > clock.dueAt ? [breachOf(state, milestone)] : [];
}

export function assign(command: AssignComplaint, state: KnownComplaint, context: ComplaintContext): ComplaintEvent[] {
  const { data } = command;
  if (state.assignee?.employeeId === data.assigneeId && state.assignee.assignedAt === data.assignedAt) return [];
  if (state.status === 'resolved' || state.status === 'closed') throw refuseComplaint('complaint_not_open', `complaint ${data.complaintId} is ${state.status}`);
  const assignee = context.assignee ?? { status: 'unknown' };
  if (assignee.status !== 'registered') throw refuseComplaint('assignee_not_registered', `assignee ${data.assigneeId} is not a registered employee`);
  checkTime(data.assignedAt, command.now, 'assignedAt', state.received.receivedAt, 'assigned_before_receipt');
  return [{ type: 'ComplaintAssigned', data: { ...data, department: assignee.department, round: state.round } }];
}

export function resolve(command: ResolveComplaint, state: KnownComplaint, context: ComplaintContext): ComplaintEvent[] {
  const { data } = command;
  if (state.status === 'resolved' && state.resolvedAt === data.resolvedAt) return [];
  if (state.status === 'received') throw refuseComplaint('complaint_not_assigned', `complaint ${data.complaintId} has not been assigned to anyone`);
  if (state.status !== 'assigned') throw refuseComplaint('complaint_not_open', `complaint ${data.complaintId} is ${state.status}`);
  checkTime(data.resolvedAt, command.now, 'resolvedAt', state.assignee!.assignedAt, 'resolved_before_assignment');
  return [
    ...lateBreach(state, 'handling', data.resolvedAt),
    { type: 'ComplaintResolved', data: { ...data, round: state.round, assigneeId: state.assignee!.employeeId } },
    ...startClock(data.complaintId, 'callback', state.round, data.resolvedAt, context, state.assignee),
  ];
}

export function recordCallback(command: RecordCallback, state: KnownComplaint, context: ComplaintContext): ComplaintEvent[] {
  const { data } = command;
  if (state.status !== 'resolved') throw refuseComplaint('complaint_not_resolved', `complaint ${data.complaintId} is ${state.status}, not awaiting a callback`);
  checkTime(data.calledBackAt, command.now, 'calledBackAt', state.resolvedAt!, 'callback_before_resolution');
  const reopened = data.satisfied ? [] : startClock(data.complaintId, 'handling', state.round + 1, data.calledBackAt, context, state.assignee);
  return [...lateBreach(state, 'callback', data.calledBackAt), { type: 'ComplaintCallbackRecorded', data: { ...data, round: state.round } }, ...reopened];
}

export function recordVerdict(command: RecordVerdict, state: KnownComplaint, context: ComplaintContext): ComplaintEvent[] {
  const { data } = command;
  if (state.verdict) {
    const same = state.verdict.outcome === data.outcome && state.verdict.decidedAt === data.decidedAt;
    if (same) return [];
    throw refuseComplaint('verdict_already_recorded', `complaint ${data.complaintId} already has a verdict in force; reverse it first`);
  }
  const employeeIds = [...new Set(data.employeeIds)];
  if (data.outcome === 'upheld' && employeeIds.length === 0) throw refuseComplaint('upheld_against_nobody', 'an upheld complaint names at least one employee');
  if (data.outcome === 'dismissed' && employeeIds.length > 0) throw refuseComplaint('dismissed_against_employees', 'a dismissed complaint names no employee');
  checkTime(data.decidedAt, command.now, 'decidedAt', state.received.receivedAt, 'decided_before_receipt');
  const { severity } = state.received;
  return [
    {
      type: 'ComplaintVerdictRecorded',
      data: { ...data, employeeIds, verdictNumber: state.verdictsRecorded + 1, severity },
    },
  ];
}

export function reverseVerdict(command: ReverseVerdict, state: KnownComplaint): ComplaintEvent[] {
  const { data } = command;
  const { verdict } = state;
  if (!verdict) throw refuseComplaint('no_verdict_in_force', `complaint ${data.complaintId} has no verdict to reverse`);
  checkTime(data.reversedAt, command.now, 'reversedAt', verdict.decidedAt, 'reversed_before_verdict');
  const { verdictNumber, outcome, employeeIds } = verdict;
  return [{ type: 'ComplaintVerdictReversed', data: { ...data, verdictNumber, outcome, employeeIds } }];
}

export function recordBreach(command: RecordComplaintBreach, state: KnownComplaint): ComplaintEvent[] {
  const { milestone, complaintId } = command.data;
  const clock = state.clocks[milestone];
  if (!clock) throw refuseComplaint('no_such_clock', `complaint ${complaintId} has no ${milestone} deadline`);
  if (clock.breached || clock.stoppedAt !== undefined) return [];
  if (clock.dueAt >= command.now) throw refuseComplaint('deadline_not_passed', `the ${milestone} deadline of complaint ${complaintId} has not passed`);
  return [breachOf(state, milestone)];
}
