import { assertNever } from '../../shared/domain/domain-error';
import type { ComplaintMilestone, DeductionRule } from '../../service-levels/domain/service-level-policy';
import type { ComplaintEvent, ComplaintReceived, ComplaintVerdictRecorded } from './complaint.events';

export interface ComplaintClock {
  round: number;
  startedAt: string;
  dueAt: string;
  rule?: DeductionRule;
  breached: boolean;
  stoppedAt?: string;
}

export interface KnownComplaint {
  /** received: not yet assigned; assigned: being handled; resolved: awaiting the callback; closed: callback satisfied. */
  status: 'received' | 'assigned' | 'resolved' | 'closed';
  received: ComplaintReceived['data'];
  round: number;
  assignee?: { employeeId: string; department: string; assignedAt: string };
  resolvedAt?: string;
  clocks: Partial<Record<ComplaintMilestone, ComplaintClock>>;
  verdictsRecorded: number;
  /** The verdict in force, if any (a reversed verdict is no longer in force). */
  verdict?: ComplaintVerdictRecorded['data'];
}

export type ComplaintState = { status: 'unknown' } | KnownComplaint;

export const initialComplaintState: ComplaintState = { status: 'unknown' };

function stopClock(state: KnownComplaint, milestone: ComplaintMilestone, at: string): KnownComplaint['clocks'] {
  const clock = state.clocks[milestone];
  return clock && clock.stoppedAt === undefined ? { ...state.clocks, [milestone]: { ...clock, stoppedAt: at } } : state.clocks;
}

export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintReceived') {
    return { status: 'received', received: event.data, round: 1, clocks: {}, verdictsRecorded: 0 };
  }
  if (state.status === 'unknown') return state;
  switch (event.type) {
    case 'ComplaintClockStarted': {
      const { milestone, round, startedAt, dueAt, rule } = event.data;
      return { ...state, round, clocks: { ...state.clocks, [milestone]: { round, startedAt, dueAt, ...(rule ? { rule } : {}), breached: false } } };
    }
    case 'ComplaintAssigned': {
      const { assigneeId, department, assignedAt } = event.data;
      return { ...state, status: 'assigned', assignee: { employeeId: assigneeId, department, assignedAt } };
    }
    case 'ComplaintResolved':
      return { ...state, status: 'resolved', resolvedAt: event.data.resolvedAt, clocks: stopClock(state, 'handling', event.data.resolvedAt) };
    case 'ComplaintCallbackRecorded':
      return { ...state, status: event.data.satisfied ? 'closed' : 'assigned', clocks: stopClock(state, 'callback', event.data.calledBackAt) };
    case 'ComplaintDeadlineBreached': {
      const clock = state.clocks[event.data.milestone];
      return clock ? { ...state, clocks: { ...state.clocks, [event.data.milestone]: { ...clock, breached: true } } } : state;
    }
    case 'ComplaintVerdictRecorded':
      return { ...state, verdict: event.data, verdictsRecorded: state.verdictsRecorded + 1 };
    case 'ComplaintVerdictReversed':
      return { ...state, verdict: undefined };
    default:
      return assertNever(event);
  }
}
