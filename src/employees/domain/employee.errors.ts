import { refusals, unprocessable } from '../../shared/domain/error-catalogue';

/** Why a registration is refused. */
export const refuseEmployee = refusals({
  employee_already_registered: unprocessable('the employee is already registered with other details'),
});
