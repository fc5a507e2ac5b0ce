import { refusalsOf, unprocessable } from '../../shared/domain/error-catalogue';
import type { CodeOf } from '../../shared/domain/error-catalogue';

/** Why a ticket's dispatch or a later step of it is refused. */
export const ticketErrors = {
  ticket_already_dispatched: unprocessable('this ticketId was already dispatched with other details'),
  assignee_not_registered: unprocessable('the assignee is not a registered employee'),
  no_resolution_deadline: unprocessable('no service-level policy covers this kind of ticket: resolveBy is required'),
  resolve_by_not_after_dispatch: unprocessable('resolveBy must be later than dispatchedAt'),
  ticket_not_open: unprocessable('the ticket is resolved, closed or cancelled'),
  ticket_already_acknowledged: unprocessable('the ticket was already acknowledged'),
  ticket_already_arrived: unprocessable('the arrival was already recorded'),
  ticket_not_acknowledged: unprocessable('a ticket is acknowledged before the arrival'),
  ticket_already_resolved: unprocessable('the ticket was already resolved'),
  ticket_not_resolved: unprocessable('only a resolved ticket is closed'),
  ticket_already_closed: unprocessable('the ticket was already closed'),
  already_assigned: unprocessable('the ticket is already assigned to that employee'),
  ticket_already_paused: unprocessable('the ticket is already paused'),
  ticket_not_paused: unprocessable('the ticket is not paused'),
  policy_does_not_pause: unprocessable("the ticket's service-level policy does not stop its clocks for this reason"),
  no_running_clock: unprocessable('the ticket has no running clock to pause'),
  no_calendar: unprocessable('no working calendar is in force to move the deadlines'),
  no_such_clock: unprocessable('the ticket has no deadline for that milestone'),
  clock_paused: unprocessable('a paused clock cannot breach'),
  deadline_not_passed: unprocessable('the deadline has not passed'),
  dispatched_in_future: unprocessable('dispatchedAt lies in the future'),
  acknowledged_in_future: unprocessable('acknowledgedAt lies in the future'),
  arrived_in_future: unprocessable('arrivedAt lies in the future'),
  resolved_in_future: unprocessable('resolvedAt lies in the future'),
  closed_in_future: unprocessable('closedAt lies in the future'),
  cancelled_in_future: unprocessable('cancelledAt lies in the future'),
  reassigned_in_future: unprocessable('reassignedAt lies in the future'),
  paused_in_future: unprocessable('pausedAt lies in the future'),
  resumed_in_future: unprocessable('resumedAt lies in the future'),
  acknowledged_before_dispatch: unprocessable('acknowledgedAt is earlier than the dispatch'),
  resolved_before_dispatch: unprocessable('resolvedAt is earlier than the dispatch'),
  cancelled_before_dispatch: unprocessable('cancelledAt is earlier than the dispatch'),
  reassigned_before_dispatch: unprocessable('reassignedAt is earlier than the dispatch'),
  paused_before_dispatch: unprocessable('pausedAt is earlier than the dispatch'),
  arrived_before_acknowledgement: unprocessable('arrivedAt is earlier than the acknowledgement'),
  closed_before_resolution: unprocessable('closedAt is earlier than the resolution'),
  paused_before_clock_start: unprocessable('pausedAt is earlier than the start of the running clocks'),
  resumed_before_pause: unprocessable('resumedAt is earlier than the pause'),
} as const;

export type TicketErrorCode = CodeOf<typeof ticketErrors>;
export const refuseTicket = refusalsOf(ticketErrors);
