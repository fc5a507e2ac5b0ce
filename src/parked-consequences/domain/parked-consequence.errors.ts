import { refusals, unprocessable } from '../../shared/domain/error-catalogue';

/** Why retrying a parked consequence is refused. */
export const refuseParkedRetry = refusals({
  consequence_still_failing: unprocessable('the parked command still fails; `error` says how'),
});
