import type { Decider } from '../../shared/domain/decider';
import { DomainError, NotFoundError, assertNever } from '../../shared/domain/domain-error';
import { isSameFact } from '../../shared/domain/same-fact';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { MAX_POINTS_PER_DEDUCTION } from './deduction.commands';
import type { ApplyDeduction, ContestDeduction, DeductionCommand, RecordHearing, WithdrawDeduction } from './deduction.commands';
import type { DeductionApplied, DeductionEvent } from './deduction.events';
import { evolveDeduction, initialDeductionState } from './deduction.state';
import type { DeductionState } from './deduction.state';

/** Facts from other streams: the employee the deduction is applied to, as registered. */
export interface DeductionContext {
  employee: EmployeeState;
}

export const deductionDecider: Decider<DeductionCommand, DeductionEvent, DeductionState, DeductionContext> = {
  initialState: initialDeductionState,
  evolve: evolveDeduction,
  decide(command, state, context) {
    switch (command.type) {
      case 'ApplyDeduction':
        return applyDeduction(command, state, context);
      case 'ContestDeduction':
        return contestDeduction(command, notWithdrawn(state));
      case 'RecordHearing':
        return recordHearing(command, notWithdrawn(state));
      case 'WithdrawDeduction':
        return withdrawDeduction(command, state);
      default:
        return assertNever(command);
    }
  },
};

function applyDeduction(command: ApplyDeduction, state: DeductionState, { employee }: DeductionContext): DeductionEvent[] {
  const { data } = command;
  if (employee.status !== 'registered') {
    throw new DomainError('employee_not_registered', `employee ${data.employeeId} is not registered`);
  }
  const event: DeductionApplied = {
    type: 'DeductionApplied',
    data: { ...data, department: employee.department, position: employee.position },
  };
  if (state.status !== 'unknown') {
    if (isSameFact(state.applied, event.data)) return [];
    throw new DomainError('deduction_already_applied', `deduction ${data.deductionId} was already applied with other details`);
  }
  if (!(data.points > 0 && data.points <= MAX_POINTS_PER_DEDUCTION)) {
    throw new DomainError('points_out_of_range', `points must be more than 0 and at most ${MAX_POINTS_PER_DEDUCTION}`);
  }
  if (data.occurredAt > command.now) {
    throw new DomainError('occurred_in_future', 'occurredAt lies in the future', { occurredAt: data.occurredAt });
  }
  return [event];
}

function contestDeduction(command: ContestDeduction, state: DeductionState): DeductionEvent[] {
  const { data } = command;
  if (state.status === 'unknown') throw new NotFoundError('deduction', data.deductionId);
  if (state.status !== 'applied') {
    if (state.contested.reason === data.reason && state.contested.contestedAt === data.contestedAt) return [];
    throw new DomainError('deduction_already_contested', `deduction ${data.deductionId} is already contested`);
  }
  if (data.contestedAt > command.now) {
    throw new DomainError('contested_in_future', 'contestedAt lies in the future');
  }
  if (data.contestedAt < state.applied.occurredAt) {
    throw new DomainError('contested_before_occurrence', 'contestedAt is earlier than the deduction occurred');
  }
  return [{ type: 'DeductionContested', data: { ...data, employeeId: state.applied.employeeId, deductionOccurredAt: state.applied.occurredAt } }];
}

function recordHearing(command: RecordHearing, state: DeductionState): DeductionEvent[] {
  const { data } = command;
  if (state.status === 'unknown') throw new NotFoundError('deduction', data.deductionId);
  if (state.status === 'applied') {
    throw new DomainError('deduction_not_contested', `deduction ${data.deductionId} has not been contested; only a contested deduction is heard`);
  }
  if (state.status === 'heard') {
    throw new DomainError('hearing_already_recorded', `a hearing on deduction ${data.deductionId} is already recorded`);
  }
  const { applied, contested } = state;
  checkPanel(data.panel, applied.employeeId);
  if (data.heardAt > command.now) throw new DomainError('heard_in_future', 'heardAt lies in the future');
  if (data.heardAt < contested.contestedAt) {
    throw new DomainError('heard_before_contest', 'heardAt is earlier than the contest');
  }
  return [
    {
      type: 'HearingRecorded',
      data: {
        deductionId: data.deductionId,
        employeeId: applied.employeeId,
        deductionOccurredAt: applied.occurredAt,
        panel: data.panel,
        outcome: data.outcome,
        originalPoints: applied.points,
        pointsInForce: pointsInForce(data, applied.points),
        reasoning: data.reasoning,
        heardAt: data.heardAt,
      },
    },
  ];
}

function checkPanel(panel: string[], employeeId: string): void {
  if (panel.length === 0) throw new DomainError('panel_empty', 'a hearing needs at least one panel member');
  if (new Set(panel).size !== panel.length) throw new DomainError('panel_member_repeated', 'a panel member is listed twice');
  if (panel.includes(employeeId)) {
    throw new DomainError('employee_on_own_panel', 'the contesting employee cannot sit on the panel of their own hearing');
  }
}

function pointsInForce(data: RecordHearing['data'], original: number): number {
  if (data.outcome !== 'reduced') {
    if (data.newPoints !== undefined) {
      throw new DomainError('new_points_not_allowed', `newPoints is only given for a reduced outcome, not for ${data.outcome}`);
    }
    return data.outcome === 'upheld' ? original : 0;
  }
  if (data.newPoints === undefined || !(data.newPoints > 0 && data.newPoints < original)) {
    throw new DomainError('reduced_points_out_of_range', `a reduced deduction needs newPoints strictly between 0 and ${original}`, {
      originalPoints: original,
      newPoints: data.newPoints,
    });
  }
  return data.newPoints;
}

function notWithdrawn(state: DeductionState): DeductionState {
  if (state.withdrawn) throw new DomainError('deduction_withdrawn', 'the deduction was withdrawn');
  return state;
}

function withdrawDeduction(command: WithdrawDeduction, state: DeductionState): DeductionEvent[] {
  const { data } = command;
  if (state.status === 'unknown') throw new NotFoundError('deduction', data.deductionId);
  if (state.withdrawn) return [];
  if (data.withdrawnAt > command.now) throw new DomainError('withdrawn_in_future', 'withdrawnAt lies in the future');
  const { employeeId, occurredAt } = state.applied;
  return [{ type: 'DeductionWithdrawn', data: { ...data, employeeId, deductionOccurredAt: occurredAt } }];
}
