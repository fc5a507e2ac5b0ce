/**
 * The company's working calendar and the pure time arithmetic built on it. Dates are local
 * calendar dates (`YYYY-MM-DD`) in the calendar's IANA time zone; instants are ISO-8601 strings.
 * Time-zone conversion uses Intl only.
 */
export interface WorkingCalendar {
  timeZone: string;
  /** ISO weekdays that are normally working days: 1 = Monday … 7 = Sunday. */
  workingWeekdays: number[];
  /** Public holidays: never working days. */
  holidays: string[];
  /** Make-up working days (调休): working days even on a normally free weekday. */
  makeUpWorkingDays: string[];
  /** Business hours of a working day, `HH:MM` local time (end exclusive, after start). */
  businessHours: { start: string; end: string };
}

export interface LocalDateTime {
  date: string;
  /** Minutes since local midnight. */
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The wall-clock fields of an instant in a time zone, as if they were UTC (milliseconds). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second, ms);
}

export function toLocal(instant: string, timeZone: string): LocalDateTime {
  const wall = new Date(wallClockMs(Date.parse(instant), timeZone));
  const date = wall.toISOString().slice(0, 10);
  const weekday = wall.getUTCDay() === 0 ? 7 : wall.getUTCDay();
  return { date, minute: wall.getUTCHours() * 60 + wall.getUTCMinutes() + wall.getUTCSeconds() / 60 + wall.getUTCMilliseconds() / MINUTE_MS, weekday };
}

/** The instant at which the local clock shows `minute` minutes after midnight of `date`. */
export function fromLocal(date: string, minute: number, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + Math.round(minute * MINUTE_MS);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - (wallClockMs(guess, timeZone) - guess);
  return new Date(guess).toISOString();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.includes(date)) return false;
  if (calendar.makeUpWorkingDays.includes(date)) return true;
  return calendar.workingWeekdays.includes(weekdayOf(date));
}

/** Minutes since local midnight of `HH:MM`, from 00:00 to 24:00 (the end of the day). */
export function parseClockTime(hhmm: string): number {
  const match = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/.exec(hhmm);
  if (!match) throw new Error(`not a HH:MM time from 00:00 to 24:00: ${hhmm}`);
  const [, hours = match[3], minutes = match[4]] = match;
  return Number(hours) * 60 + Number(minutes);
}

function hours(calendar: WorkingCalendar): { open: number; close: number } {
  return { open: parseClockTime(calendar.businessHours.start), close: parseClockTime(calendar.businessHours.end) };
}

/** Working minutes in one working day. */
export function workingMinutesPerDay(calendar: WorkingCalendar): number {
  const { open, close } = hours(calendar);
  return close - open;
}

/** No calendar search runs further than this: a calendar without working days is refused. */
const MAX_DAYS_SEARCHED = 3 * 366;

function nextWorkingDay(date: string, calendar: WorkingCalendar): string {
  for (let i = 1; i <= MAX_DAYS_SEARCHED; i++) {
    const candidate = addDays(date, i);
    if (isWorkingDay(candidate, calendar)) return candidate;
  }
  throw new Error(`the working calendar has no working day within ${MAX_DAYS_SEARCHED} days after ${date}`);
}

/**
 * The instant at which `minutes` of working time (business hours of working days) have passed
 * since `start`. Time outside business hours does not count; a limit that ends exactly at closing
 * time ends then, not at the next opening.
 */
export function addWorkingTime(start: string, minutes: number, calendar: WorkingCalendar): string {
  if (minutes < 0) throw new Error('minutes must not be negative');
  if (minutes === 0) return new Date(start).toISOString();
  const { open, close } = hours(calendar);
  const local = toLocal(start, calendar.timeZone);
  let date = local.date;
  let from = Math.max(local.minute, open);
  if (!isWorkingDay(date, calendar) || from >= close) {
    date = nextWorkingDay(date, calendar);
    from = open;
  }
  let remaining = minutes;
  for (;;) {
    const available = close - from;
    if (remaining <= available) return fromLocal(date, from + remaining, calendar.timeZone);
    remaining -= available;
    date = nextWorkingDay(date, calendar);
    from = open;
  }
}

/** Working minutes between two instants (0 when `end` is not after `start`). */
export function workingMinutesBetween(start: string, end: string, calendar: WorkingCalendar): number {
  if (Date.parse(end) <= Date.parse(start)) return 0;
  const { open, close } = hours(calendar);
  const a = toLocal(start, calendar.timeZone);
  const b = toLocal(end, calendar.timeZone);
  let total = 0;
  for (let date = a.date, i = 0; date <= b.date && i <= MAX_DAYS_SEARCHED; date = addDays(date, 1), i++) {
    if (!isWorkingDay(date, calendar)) continue;
    const from = Math.max(open, date === a.date ? a.minute : 0);
    const to = Math.min(close, date === b.date ? b.minute : 24 * 60);
    total += Math.max(0, to - from);
  }
  return total;
}

/** `days` working days after `start`, at the same local time of day (for 24-hour service). */
export function addWorkingDays(start: string, days: number, calendar: WorkingCalendar): string {
  const local = toLocal(start, calendar.timeZone);
  let date = local.date;
  for (let i = 0; i < days; i++) date = nextWorkingDay(date, calendar);
  return fromLocal(date, local.minute, calendar.timeZone);
}

/**
 * 事不过夜, "not left overnight". In business hours: closing time of the day the clock starts,
 * or of the next working day when it starts after closing or on a day off. In 24-hour service:
 * local midnight at the end of the day it starts.
 */
export function sameDayDeadline(start: string, calendar: WorkingCalendar, service: 'businessHours' | '24h'): string {
  const local = toLocal(start, calendar.timeZone);
  if (service === '24h') return fromLocal(addDays(local.date, 1), 0, calendar.timeZone);
  const { close } = hours(calendar);
  const date = isWorkingDay(local.date, calendar) && local.minute < close ? local.date : nextWorkingDay(local.date, calendar);
  return fromLocal(date, close, calendar.timeZone);
}

export function addElapsedMinutes(start: string, minutes: number): string {
  return new Date(Date.parse(start) + minutes * MINUTE_MS).toISOString();
}
