import type { WorkingCalendar } from './working-calendar';

/** A year's public holidays and make-up working days (调休) as a published source lists them. */
export interface PublishedYear {
  year: number;
  holidays: readonly string[];
  makeUpWorkingDays: readonly string[];
}

/**
 * The calendar with one year's holidays and make-up working days replaced by the published ones;
 * other years and everything else are kept. Recorded as a new calendar version, so a later
 * correction of the source never moves a deadline already stored.
 */
export function withPublishedYear(calendar: WorkingCalendar, published: PublishedYear): WorkingCalendar {
  const otherYears = (dates: readonly string[]) => dates.filter((date) => !date.startsWith(`${published.year}-`));
  const ofTheYear = (dates: readonly string[]) => dates.filter((date) => date.startsWith(`${published.year}-`));
  return {
    ...calendar,
    holidays: [...otherYears(calendar.holidays), ...ofTheYear(published.holidays)].sort(),
    makeUpWorkingDays: [...otherYears(calendar.makeUpWorkingDays), ...ofTheYear(published.makeUpWorkingDays)].sort(),
  };
}
