import { refusals, unprocessable } from '../../shared/domain/error-catalogue';

/** Why a working calendar or a set of service-level policies is refused; `path` names the field. */
export const refuseServiceLevels = refusals({
  unknown_time_zone: unprocessable('timeZone is not an IANA time zone'),
  business_hours_empty: unprocessable('businessHours.end must be later than businessHours.start'),
  holiday_and_make_up_day: unprocessable('a date cannot be both a holiday and a make-up working day'),
  no_working_days: unprocessable('the calendar needs working weekdays'),
  invalid_target: unprocessable('a target needs an amount above 0, a unit and a way of counting'),
  invalid_policy: unprocessable('a ticket policy needs policyId, kind, onReassignment (keep or restart) and targets'),
  public_holidays_not_published: unprocessable('the public-holiday source publishes no holidays for that year (yet)'),
  consequences_belong_to_the_rulebook: unprocessable("what a breach costs is named by the rulebook's consequences, not by service levels"),
});
