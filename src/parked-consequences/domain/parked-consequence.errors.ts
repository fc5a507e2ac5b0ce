import { refusalsOf, unprocessable } from '../../shared/domain/error-catalogue';
import type { CodeOf } from '../../shared/domain/error-catalogue';

/** Why retrying a parked consequence is refused. */
export const parkedConsequenceErrors = {
  consequence_still_failing: unprocessable('the parked command still fails; `error` says how'),
} as const;

export type ParkedConsequenceErrorCode = CodeOf<typeof parkedConsequenceErrors>;
export const refuseParkedRetry = refusalsOf(parkedConsequenceErrors);
