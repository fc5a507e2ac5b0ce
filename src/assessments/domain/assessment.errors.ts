import { refusals, unprocessable } from '../../shared/domain/error-catalogue';

/** Why a bonus, a rating or a survey result is refused (the rule's own checks: the rulebook's catalogue). */
export const refuseAssessment = refusals({
  employee_not_registered: unprocessable('the employee named is not registered'),
  period_closed: unprocessable('the period the fact falls in is closed; only a hearing changes it'),
  occurred_in_future: unprocessable('occurredAt lies in the future'),
  rated_in_future: unprocessable('ratedAt lies in the future'),
  surveyed_in_future: unprocessable('surveyedAt lies in the future'),
  scheme_not_rated: unprocessable("the employee's position is assessed by deductions, not rated"),
  rating_missing: unprocessable('a sub-criterion of the scheme has no rating'),
  rating_out_of_range: unprocessable('a rating is a percent from 0 to 100'),
  rating_unknown_criterion: unprocessable('the scheme has no such part or sub-criterion'),
  rule_unknown: unprocessable('the rule is not in the rulebook version that governs the period'),
  rule_not_for_position: unprocessable("the rule does not apply to the employee's position"),
  bonus_already_awarded: unprocessable('this bonusId was already used with other details'),
  ratings_already_recorded: unprocessable('these ratings were already recorded with other details'),
  survey_already_recorded: unprocessable('this survey result was already recorded with other details'),
});
