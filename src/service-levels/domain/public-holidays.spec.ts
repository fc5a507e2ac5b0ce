import { withPublishedYear } from './public-holidays';
import type { WorkingCalendar } from './working-calendar';

const calendar: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: ['2025-10-01', '2026-10-01', '2026-12-24'],
  makeUpWorkingDays: ['2025-09-28', '2026-10-11'],
  businessHours: { start: '09:00', end: '18:00' },
};

describe("a year's published public holidays in the working calendar", () => {
  it("replace that year's holidays and make-up days, and keep the other years and the rest of the calendar", () => {
    const merged = withPublishedYear(calendar, { year: 2026, holidays: ['2026-10-02', '2026-10-01'], makeUpWorkingDays: ['2026-10-10', '2026-09-20'] });
    expect(merged).toEqual({ ...calendar, holidays: ['2025-10-01', '2026-10-01', '2026-10-02'], makeUpWorkingDays: ['2025-09-28', '2026-09-20', '2026-10-10'] });
  });

  it('take from the source only the dates of the year asked for', () => {
    const merged = withPublishedYear(calendar, { year: 2026, holidays: ['2027-01-01', '2026-01-01'], makeUpWorkingDays: ['2027-01-04'] });
    expect(merged.holidays).toEqual(['2025-10-01', '2026-01-01']);
    expect(merged.makeUpWorkingDays).toEqual(['2025-09-28']);
  });

  it('are the same calendar when imported again', () => {
    const once = withPublishedYear(calendar, { year: 2026, holidays: ['2026-10-01'], makeUpWorkingDays: ['2026-10-10'] });
    expect(withPublishedYear(once, { year: 2026, holidays: ['2026-10-01'], makeUpWorkingDays: ['2026-10-10'] })).toEqual(once);
  });
});
