import fc from 'fast-check';
import { addWorkingDays, addWorkingTime, fromLocal, isWorkingDay, parseClockTime, sameDayDeadline, toLocal, workingMinutesBetween } from './working-calendar';
import type { WorkingCalendar } from './working-calendar';
import { computeDeadline } from './service-level-policy';

const shanghai: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkingDays: ['2026-09-27', '2026-10-10'],
  businessHours: { start: '09:00', end: '18:00' },
};
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('the working calendar', () => {
  it('converts between instants and local time with Intl', () => {
    expect(toLocal('2026-09-30T09:50:00.000Z', 'Asia/Shanghai')).toEqual({ date: '2026-09-30', minute: 17 * 60 + 50, weekday: 3 });
    expect(fromLocal('2026-10-09', 17 * 60 + 50, 'Asia/Shanghai')).toBe('2026-10-09T09:50:00.000Z');
  });

  it('handles a daylight-saving change (New York, spring forward)', () => {
    expect(fromLocal('2026-03-08', 12 * 60, 'America/New_York')).toBe('2026-03-08T16:00:00.000Z');
    expect(fromLocal('2026-03-07', 12 * 60, 'America/New_York')).toBe('2026-03-07T17:00:00.000Z');
  });

  it('knows holidays and make-up working days (调休)', () => {
    expect(isWorkingDay('2026-10-01', shanghai)).toBe(false);
    expect(isWorkingDay('2026-09-27', shanghai)).toBe(true); // a Sunday worked
    expect(isWorkingDay('2026-10-10', shanghai)).toBe(true); // a Saturday worked
    expect(isWorkingDay('2026-10-11', shanghai)).toBe(false);
  });

  it('counts 2 working days in working time from 17:50 on 30 September to 17:50 on Friday 9 October', () => {
    expect(addWorkingTime(at('2026-09-30T17:50:00'), 18 * 60, shanghai)).toBe(at('2026-10-09T17:50:00'));
    expect(computeDeadline(at('2026-09-30T17:50:00'), { amount: 2, unit: 'workingDays', counting: 'workingTime' }, shanghai)).toBe(at('2026-10-09T17:50:00'));
  });

  it('starts counting at the next opening when the clock starts outside business hours', () => {
    expect(addWorkingTime(at('2026-09-30T20:00:00'), 30, shanghai)).toBe(at('2026-10-08T09:30:00'));
    expect(addWorkingTime(at('2026-09-26T10:00:00'), 60, shanghai)).toBe(at('2026-09-27T10:00:00')); // Saturday → make-up Sunday
  });

  it('ends a limit that runs out exactly at closing time then, not at the next opening', () => {
    expect(addWorkingTime(at('2026-09-30T17:00:00'), 60, shanghai)).toBe(at('2026-09-30T18:00:00'));
  });

  it('counts elapsed time for 24-hour service', () => {
    expect(computeDeadline(at('2026-09-30T23:50:00'), { amount: 15, unit: 'minutes', counting: 'elapsed' }, shanghai)).toBe(at('2026-10-01T00:05:00'));
    expect(computeDeadline(at('2026-09-30T17:50:00'), { amount: 48, unit: 'hours', counting: 'elapsed' }, shanghai)).toBe(at('2026-10-02T17:50:00'));
  });

  it('counts working days at the same time of day in 24-hour service', () => {
    expect(addWorkingDays(at('2026-09-30T17:50:00'), 2, shanghai)).toBe(at('2026-10-09T17:50:00'));
  });

  it('gives 事不过夜 as closing time the same working day, or the next one after hours', () => {
    expect(sameDayDeadline(at('2026-09-30T10:00:00'), shanghai, 'businessHours')).toBe(at('2026-09-30T18:00:00'));
    expect(sameDayDeadline(at('2026-09-30T18:30:00'), shanghai, 'businessHours')).toBe(at('2026-10-08T18:00:00'));
    expect(sameDayDeadline(at('2026-10-03T10:00:00'), shanghai, '24h')).toBe(at('2026-10-04T00:00:00'));
  });

  it('measures working time between two instants', () => {
    expect(workingMinutesBetween(at('2026-09-30T17:50:00'), at('2026-10-09T17:50:00'), shanghai)).toBe(18 * 60);
  });

  it('refuses to search forever in a calendar without working days', () => {
    expect(() => addWorkingTime(at('2026-09-30T10:00:00'), 600, { ...shanghai, workingWeekdays: [], makeUpWorkingDays: [] })).toThrow(/no working day/);
  });
});

describe('working time arithmetic (properties)', () => {
  const instant = fc.integer({ min: Date.parse('2026-09-20T00:00:00Z'), max: Date.parse('2026-10-20T00:00:00Z') }).map((ms) => new Date(Math.floor(ms / 60000) * 60000).toISOString());

  it('adds exactly the working minutes asked for, and never ends outside business hours or on a day off', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5000 }), (start, minutes) => {
        const end = addWorkingTime(start, minutes, shanghai);
        const local = toLocal(end, 'Asia/Shanghai');
        return workingMinutesBetween(start, end, shanghai) === minutes && isWorkingDay(local.date, shanghai) && local.minute > 9 * 60 && local.minute <= 18 * 60;
      }),
    );
  });
});

describe('clock times and working-time edges', () => {
  const calendar = { timeZone: 'Asia/Shanghai', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], makeUpWorkingDays: [], businessHours: { start: '09:00', end: '18:00' } };

  it('reads HH:MM from 00:00 to 24:00, the end of the day, and nothing past it', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('23:59')).toBe(1439);
    expect(parseClockTime('24:00')).toBe(1440);
    for (const wrong of ['24:01', '24:59', '25:00', '9:30', '09:60', ' 09:30', '09:30 ']) expect(() => parseClockTime(wrong)).toThrow('not a HH:MM time');
  });

  it('adds no working time as no time at all, and refuses negative time', () => {
    expect(addWorkingTime('2026-03-10T12:34:56+08:00', 0, calendar)).toBe('2026-03-10T04:34:56.000Z');
    expect(() => addWorkingTime('2026-03-10T12:00:00+08:00', -1, calendar)).toThrow('minutes must not be negative');
  });

  it('starts counting at the next opening from the very minute of closing', () => {
    expect(addWorkingTime('2026-03-10T18:00:00+08:00', 1, calendar)).toBe('2026-03-11T01:01:00.000Z');
    expect(addWorkingTime('2026-03-10T17:59:00+08:00', 1, calendar)).toBe('2026-03-10T10:00:00.000Z');
  });

  it('measures no working time when the end is not after the start', () => {
    expect(workingMinutesBetween('2026-03-10T10:00:00+08:00', '2026-03-10T10:00:00+08:00', calendar)).toBe(0);
    expect(workingMinutesBetween('2026-03-10T11:00:00+08:00', '2026-03-10T10:00:00+08:00', calendar)).toBe(0);
    expect(workingMinutesBetween('2026-03-10T10:00:00+08:00', '2026-03-10T10:01:00+08:00', calendar)).toBe(1);
  });

  it('gives 事不过夜 at the very minute of closing as the next working day\'s closing time', () => {
    expect(sameDayDeadline('2026-03-10T18:00:00+08:00', calendar, 'businessHours')).toBe('2026-03-11T10:00:00.000Z');
    expect(sameDayDeadline('2026-03-10T17:59:00+08:00', calendar, 'businessHours')).toBe('2026-03-10T10:00:00.000Z');
  });
});

