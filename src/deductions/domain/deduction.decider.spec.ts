import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { deductionDecider } from './deduction.decider';
import type { DeductionApplied, DeductionContested, HearingRecorded } from './deduction.events';
import { refuseDeduction } from './deduction.errors';

const spec = deciderSpecification(deductionDecider, refuseDeduction);
const now = '2026-03-31T12:00:00.000Z';
const employee: EmployeeState = {
  status: 'registered',
  employeeId: 'E-1',
  name: 'Li Ming',
  department: 'customer-service',
  position: 'property-steward',
  registeredAt: '2026-01-01T00:00:00.000Z',
};
const context = { employee };

const apply = {
  type: 'ApplyDeduction' as const,
  data: {
    deductionId: 'D-1',
    employeeId: 'E-1',
    ruleCode: 'PS-01',
    points: 4,
    occurredAt: '2026-03-10T09:00:00.000Z',
    reason: 'valid complaint: rude on the phone',
  },
  now,
};
const applied: DeductionApplied = {
  type: 'DeductionApplied',
  data: { ...apply.data, department: 'customer-service', position: 'property-steward' },
};
const contested: DeductionContested = {
  type: 'DeductionContested',
  data: { deductionId: 'D-1', employeeId: 'E-1', deductionOccurredAt: '2026-03-10T09:00:00.000Z', reason: 'the caller was another steward', contestedAt: '2026-03-11T09:00:00.000Z', hearingDueAt: '2026-03-26T09:00:00.000Z' },
};
const contest = { type: 'ContestDeduction' as const, data: { deductionId: 'D-1', reason: contested.data.reason, contestedAt: contested.data.contestedAt }, now };
const hearing = (outcome: 'upheld' | 'reduced' | 'overturned', newPoints?: number) => ({
  type: 'RecordHearing' as const,
  data: { deductionId: 'D-1', panel: ['P-1', 'P-2', 'P-3'], outcome, newPoints, reasoning: 'recording reviewed', heardAt: '2026-03-20T09:00:00.000Z' },
  now,
});
const heard = (outcome: HearingRecorded['data']['outcome'], pointsInForce: number): HearingRecorded => ({
  type: 'HearingRecorded',
  data: {
    deductionId: 'D-1',
    employeeId: 'E-1',
    deductionOccurredAt: apply.data.occurredAt,
    panel: ['P-1', 'P-2', 'P-3'],
    outcome,
    originalPoints: 4,
    pointsInForce,
    reasoning: 'recording reviewed',
    heardAt: '2026-03-20T09:00:00.000Z',
  },
});

describe('applying a deduction', () => {
  it('records it with the employee department and position as they are now', () => {
    spec.given([], context).when(apply).then([applied]);
  });
  it('is refused for an employee who is not registered', () => {
    spec.given([], { employee: { status: 'unknown' } }).when(apply).thenThrows('employee_not_registered');
  });
  it('is refused with no points or more than the whole scale', () => {
    spec.given([], context).when({ ...apply, data: { ...apply.data, points: 0 } }).thenThrows('points_out_of_range');
    spec.given([], context).when({ ...apply, data: { ...apply.data, points: 101 } }).thenThrows('points_out_of_range');
  });
  it('is refused when it occurred in the future', () => {
    spec.given([], context).when({ ...apply, data: { ...apply.data, occurredAt: '2026-04-01T00:00:00.000Z' } }).thenThrows('occurred_in_future');
  });
  it('records nothing new when repeated with the same details', () => {
    spec.given([applied], context).when(apply).then([]);
  });
  it('is refused when the id was used for another deduction', () => {
    spec.given([applied], context).when({ ...apply, data: { ...apply.data, points: 5 } }).thenThrows('deduction_already_applied');
  });
});

describe('contesting a deduction', () => {
  it('records the contest for the deduction employee', () => {
    spec.given([applied], context).when(contest).then([contested]);
  });
  it('is a 404 for an unknown deduction', () => {
    spec.given([], context).when(contest).thenThrows('not_found');
  });
  it('records nothing new when repeated, and refuses a second different contest', () => {
    spec.given([applied, contested], context).when(contest).then([]);
    spec.given([applied, contested], context).when({ ...contest, data: { ...contest.data, reason: 'another' } }).thenThrows('deduction_already_contested');
  });
  it('is refused before the deduction occurred', () => {
    spec.given([applied], context).when({ ...contest, data: { ...contest.data, contestedAt: '2026-03-01T00:00:00.000Z' } }).thenThrows('contested_before_occurrence');
  });
});

describe('recording a hearing', () => {
  it('upholds with the original points in force', () => {
    spec.given([applied, contested], context).when(hearing('upheld')).then([heard('upheld', 4)]);
  });
  it('reduces to new points strictly between zero and the original', () => {
    spec.given([applied, contested], context).when(hearing('reduced', 2)).then([heard('reduced', 2)]);
    spec.given([applied, contested], context).when(hearing('reduced', 4)).thenThrows('reduced_points_out_of_range');
    spec.given([applied, contested], context).when(hearing('reduced', 0)).thenThrows('reduced_points_out_of_range');
    spec.given([applied, contested], context).when(hearing('reduced')).thenThrows('reduced_points_out_of_range');
  });
  it('overturns to zero points in force', () => {
    spec.given([applied, contested], context).when(hearing('overturned')).then([heard('overturned', 0)]);
  });
  it('refuses new points for an outcome that is not a reduction', () => {
    spec.given([applied, contested], context).when(hearing('upheld', 2)).thenThrows('new_points_not_allowed');
  });
  it('is only for a contested deduction', () => {
    spec.given([applied], context).when(hearing('upheld')).thenThrows('deduction_not_contested');
  });
  it('is recorded only once', () => {
    spec.given([applied, contested, heard('upheld', 4)], context).when(hearing('overturned')).thenThrows('hearing_already_recorded');
  });
  it('refuses a panel that includes the contesting employee or repeats a member', () => {
    const withEmployee = hearing('upheld');
    withEmployee.data.panel = ['P-1', 'E-1'];
    spec.given([applied, contested], context).when(withEmployee).thenThrows('employee_on_own_panel');
    const repeated = hearing('upheld');
    repeated.data.panel = ['P-1', 'P-1'];
    spec.given([applied, contested], context).when(repeated).thenThrows('panel_member_repeated');
  });
});

describe('withdrawing a deduction', () => {
  const withdraw = { type: 'WithdrawDeduction' as const, data: { deductionId: 'D-1', reason: 'verdict reversed', withdrawnAt: '2026-03-21T09:00:00.000Z' }, now };
  const withdrawn = { type: 'DeductionWithdrawn' as const, data: { ...withdraw.data, employeeId: 'E-1', deductionOccurredAt: apply.data.occurredAt } };
  it('records the withdrawal once', () => {
    spec.given([applied], context).when(withdraw).then([withdrawn]);
    spec.given([applied, withdrawn], context).when(withdraw).then([]);
  });
  it('is a 404 for an unknown deduction, and a withdrawn one cannot be contested', () => {
    spec.given([], context).when(withdraw).thenThrows('not_found');
    spec.given([applied, withdrawn], context).when(contest).thenThrows('deduction_withdrawn');
  });
});
