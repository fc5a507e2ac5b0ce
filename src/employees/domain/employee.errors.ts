import { refusalsOf, unprocessable } from '../../shared/domain/error-catalogue';
import type { CodeOf } from '../../shared/domain/error-catalogue';

/** Why a registration is refused. */
export const employeeErrors = {
  employee_already_registered: unprocessable('the employee is already registered with other details'),
} as const;

export type EmployeeErrorCode = CodeOf<typeof employeeErrors>;
export const refuseEmployee = refusalsOf(employeeErrors);
