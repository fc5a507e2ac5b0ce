import type { EmployeeState } from '../../employees/domain/employee.decider';
import type { DeductionApplied, DeductionContested } from '../domain/deduction.events';

/** Facts the deduction specs start from: E-1 registered, deduction D-1 applied on 10 March and contested the next day. */
export const employee: EmployeeState = { status: 'registered', employeeId: 'E-1', name: 'Li', department: 'repairs', position: 'property-steward', registeredAt: '2026-01-01T00:00:00.000Z' };

export const applied: DeductionApplied = {
  type: 'DeductionApplied',
  data: { deductionId: 'D-1', employeeId: 'E-1', department: 'repairs', position: 'property-steward', ruleCode: 'PS-01', points: 2, occurredAt: '2026-03-10T09:00:00.000Z', reason: 'late report' },
} as DeductionApplied;

export const contested: DeductionContested = {
  type: 'DeductionContested',
  data: { deductionId: 'D-1', employeeId: 'E-1', deductionOccurredAt: '2026-03-10T09:00:00.000Z', reason: 'not me', contestedAt: '2026-03-11T09:00:00.000Z', hearingDueAt: '2026-03-26T09:00:00.000Z' },
};
