import type { Decider } from '../../shared/domain/decider';
import { NotFoundError, assertNever } from '../../shared/domain/domain-error';
import { refuseTalk } from './talk-obligation.errors';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { computeDeadline } from '../../service-levels/domain/service-level-policy';
import type { ServiceLevelSettings } from '../../service-levels/domain/service-level-policy';
import type { WorkingCalendar } from '../../service-levels/domain/working-calendar';
import type { TalkObligationEvent, TalkObligationOpened } from './talk-obligation.events';

export type TalkObligationCommand =
  /** Opens when the service learns of the penalty (`now`) unless the caller says when. */
  | { type: 'OpenTalkObligation'; data: { obligationId: string; deductionId: string; employeeId: string; openedAt?: string }; now: string }
  | { type: 'RecordTalk'; data: { obligationId: string; heldAt: string; notes: string }; now: string }
  | { type: 'RecordTalkBreach'; data: { obligationId: string }; now: string }
  | { type: 'CancelTalkObligation'; data: { obligationId: string; reason: string; cancelledAt: string }; now: string };

export type TalkObligationState =
  | { status: 'unknown' }
  | { status: 'pending' | 'held' | 'cancelled'; opened: TalkObligationOpened['data']; breached: boolean; heldAt?: string };

/** The penalised employee (whose supervisor owes the talk), that supervisor, and the policy. */
export interface TalkObligationContext {
  employee?: EmployeeState;
  supervisor?: EmployeeState;
  calendar?: WorkingCalendar;
  talk?: ServiceLevelSettings['talk'];
}

export const talkObligationDecider: Decider<TalkObligationCommand, TalkObligationEvent, TalkObligationState, TalkObligationContext | undefined> = {
  initialState: { status: 'unknown' },
  evolve(state, event) {
    if (event.type === 'TalkObligationOpened') return { status: 'pending', opened: event.data, breached: false };
    if (state.status === 'unknown') return state;
    switch (event.type) {
      case 'TalkHeld':
        return { ...state, status: 'held', heldAt: event.data.heldAt };
      case 'TalkObligationBreached':
        return { ...state, breached: true };
      case 'TalkObligationCancelled':
        return { ...state, status: 'cancelled' };
      default:
        return assertNever(event);
    }
  },
  decide(command, state, context = {}) {
    if (command.type === 'OpenTalkObligation') return open(command, state, context);
    if (state.status === 'unknown') {
      if (command.type === 'CancelTalkObligation') return []; // no talk was ever owed
      throw new NotFoundError('talk obligation', command.data.obligationId);
    }
    const { opened } = state;
    switch (command.type) {
      case 'RecordTalk': {
        if (state.status === 'held' && state.heldAt === command.data.heldAt) return [];
        if (state.status !== 'pending') throw refuseTalk('talk_not_pending', `the talk obligation is ${state.status}`);
        if (command.data.heldAt > command.now) throw refuseTalk('held_in_future', 'heldAt lies in the future');
        if (command.data.heldAt < opened.openedAt) throw refuseTalk('held_before_obligation', 'heldAt is earlier than the penalty');
        const late = !state.breached && command.data.heldAt > opened.dueAt ? [breach(opened)] : [];
        return [...late, { type: 'TalkHeld', data: { ...command.data, supervisorId: opened.supervisorId, employeeId: opened.employeeId } }];
      }
      case 'RecordTalkBreach':
        if (state.breached || state.status !== 'pending') return [];
        if (opened.dueAt >= command.now) throw refuseTalk('deadline_not_passed', 'the talk is not yet due');
        return [breach(opened)];
      case 'CancelTalkObligation':
        if (state.status === 'cancelled') return [];
        if (state.status !== 'pending') throw refuseTalk('talk_not_pending', `the talk obligation is ${state.status}`);
        return [{ type: 'TalkObligationCancelled', data: { ...command.data, supervisorId: opened.supervisorId } }];
      default:
        return assertNever(command);
    }
  },
};

function open(command: Extract<TalkObligationCommand, { type: 'OpenTalkObligation' }>, state: TalkObligationState, context: TalkObligationContext): TalkObligationEvent[] {
  if (state.status !== 'unknown') return [];
  const { employee, supervisor, calendar, talk } = context;
  // Nobody owes a talk to an employee without a supervisor on record.
  if (employee?.status !== 'registered' || !employee.supervisorId) return [];
  if (supervisor?.status !== 'registered') throw refuseTalk('supervisor_not_registered', `supervisor ${employee.supervisorId} is not registered`);
  if (!calendar || !talk) throw refuseTalk('no_talk_policy', 'no service level is defined for the talk');
  const openedAt = command.data.openedAt ?? command.now;
  return [
    {
      type: 'TalkObligationOpened',
      data: {
        ...command.data,
        openedAt,
        supervisorId: supervisor.employeeId,
        supervisorDepartment: supervisor.department,
        dueAt: computeDeadline(openedAt, talk.target, calendar),
      },
    },
  ];
}

function breach(opened: TalkObligationOpened['data']): TalkObligationEvent {
  const { obligationId, deductionId, employeeId, supervisorId, supervisorDepartment, openedAt, dueAt, rule } = opened;
  return { type: 'TalkObligationBreached', data: { obligationId, deductionId, employeeId, supervisorId, supervisorDepartment, startedAt: openedAt, dueAt, ...(rule ? { rule } : {}) } };
}
