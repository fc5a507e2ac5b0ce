import { refusalsOf, unprocessable } from '../shared/domain/error-catalogue';
import type { CodeOf } from '../shared/domain/error-catalogue';

/** Why a consequence derived from a breach, a verdict or a missed talk cannot be applied. */
export const consequenceErrors = {
  employee_not_registered: unprocessable('the employee is not registered, so no rulebook position prices the consequence'),
} as const;

export type ConsequenceErrorCode = CodeOf<typeof consequenceErrors>;
export const refuseConsequence = refusalsOf(consequenceErrors);
