import { refusalsOf, unprocessable } from '../../shared/domain/error-catalogue';
import type { CodeOf } from '../../shared/domain/error-catalogue';

/** Why a deduction, a contest, a hearing or a withdrawal is refused. */
export const deductionErrors = {
  employee_not_registered: unprocessable('the employee named is not registered'),
  deduction_already_applied: unprocessable('this deductionId was already applied with other details'),
  points_out_of_range: unprocessable('points are more than 0 and at most 100, and required while no rulebook is published'),
  occurred_in_future: unprocessable('occurredAt lies in the future'),
  period_closed: unprocessable('the period the fact falls in is closed; only a hearing changes it'),
  deduction_already_contested: unprocessable('the deduction is already contested'),
  contested_in_future: unprocessable('contestedAt lies in the future'),
  contested_before_occurrence: unprocessable('contestedAt is earlier than the deduction occurred'),
  appeal_window_closed: unprocessable('the appeal window of the rulebook in force has passed'),
  deduction_not_contested: unprocessable('only a contested deduction is heard'),
  hearing_already_recorded: unprocessable('the deduction already has a hearing'),
  heard_in_future: unprocessable('heardAt lies in the future'),
  heard_before_contest: unprocessable('heardAt is earlier than the contest'),
  panel_empty: unprocessable('a hearing needs at least one panel member'),
  panel_member_repeated: unprocessable('a panel member is listed twice'),
  employee_on_own_panel: unprocessable('the contesting employee cannot sit on their own panel'),
  applier_on_panel: unprocessable('whoever applied the deduction cannot hear it'),
  representative_not_on_panel: unprocessable('every employee representative must be a panel member'),
  panel_size_out_of_range: unprocessable("the panel's size is outside the rulebook's appeal rules"),
  too_few_employee_representatives: unprocessable('the panel has fewer employee representatives than the rulebook requires'),
  new_points_not_allowed: unprocessable('newPoints is given only for a reduced outcome'),
  reduced_points_out_of_range: unprocessable('a reduced deduction needs newPoints strictly between 0 and the original points'),
  deduction_withdrawn: unprocessable('the deduction was withdrawn'),
  withdrawn_in_future: unprocessable('withdrawnAt lies in the future'),
  no_such_clock: unprocessable('the deduction has no hearing deadline'),
  deadline_not_passed: unprocessable('the hearing deadline has not passed'),
} as const;

export type DeductionErrorCode = CodeOf<typeof deductionErrors>;
export const refuseDeduction = refusalsOf(deductionErrors);
