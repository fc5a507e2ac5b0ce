import type { Decider } from '../../shared/domain/decider';
import { assertNever } from '../../shared/domain/domain-error';
import { refuseEmployee } from './employee.errors';
import { isSameFact } from '../../shared/domain/same-fact';
import type { EmployeeEvent, EmployeeRegistered } from './employee.events';

/** An employee is registered when the command is recorded (`now`). */
export interface RegisterEmployee {
  type: 'RegisterEmployee';
  data: Omit<EmployeeRegistered['data'], 'registeredAt'>;
  now: string;
}
export type EmployeeCommand = RegisterEmployee;

export type EmployeeState =
  | { status: 'unknown' }
  | ({ status: 'registered' } & EmployeeRegistered['data']);

export const employeeDecider: Decider<EmployeeCommand, EmployeeEvent, EmployeeState> = {
  initialState: { status: 'unknown' },

  evolve(state, event) {
    switch (event.type) {
      case 'EmployeeRegistered':
        return { status: 'registered', ...event.data };
      default:
        return assertNever(event.type);
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterEmployee':
        return registerEmployee(command, state);
      default:
        return assertNever(command.type);
    }
  },
};

function registerEmployee(command: RegisterEmployee, state: EmployeeState): EmployeeEvent[] {
  if (state.status === 'registered') {
    const { status: _status, registeredAt: _at, ...recorded } = state;
    if (isSameFact(recorded, command.data)) return [];
    throw refuseEmployee('employee_already_registered', `employee ${state.employeeId} is already registered with other details`);
  }
  return [{ type: 'EmployeeRegistered', data: { ...command.data, registeredAt: command.now } }];
}
