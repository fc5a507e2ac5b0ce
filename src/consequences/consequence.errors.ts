import { refusals, unprocessable } from '../shared/domain/error-catalogue';

/** Why a consequence derived from a breach, a verdict or a missed talk cannot be applied. */
export const refuseConsequence = refusals({
  employee_not_registered: unprocessable('the employee is not registered, so no rulebook position prices the consequence'),
});
