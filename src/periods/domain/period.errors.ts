import { refusals, unprocessable } from '../../shared/domain/error-catalogue';

/** Why opening or closing a period is refused. */
export const refusePeriod = refusals({
  period_closed: unprocessable('the period is already closed'),
  opened_in_future: unprocessable('openedAt lies in the future'),
  period_not_begun: unprocessable('a period is opened only once it has begun'),
  period_not_open: unprocessable('the period was never opened'),
  closed_in_future: unprocessable('closedAt lies in the future'),
  period_not_ended: unprocessable('a period is closed only after it has ended'),
});
