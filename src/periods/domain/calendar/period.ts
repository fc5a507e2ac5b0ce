/** The lengths a company's assessment periods come in. */
export const periodLengths = ['month', 'quarter', 'half-year', 'year'] as const;
export type PeriodLength = (typeof periodLengths)[number];

/**
 * Periods are named in the company's calendar: `2026-03` (month), `2026-Q1`, `2026-H1`, `2026`.
 * Pure arithmetic over Intl, so the domain stays free of date libraries.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(instant)); // once: formatting is the cost, not the lookups
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

export function periodOf(isoInstant: string, length: PeriodLength, timeZone: string): string {
  const instant = Date.parse(isoInstant);
  if (Number.isNaN(instant)) throw new Error(`not an ISO-8601 instant: ${isoInstant}`);
  const { year, month } = localParts(instant, timeZone);
  switch (length) {
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half-year':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return `${year}`;
  }
}

export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/;

export function periodLengthOf(period: string): PeriodLength {
  if (!PERIOD_PATTERN.test(period)) throw new Error(`not a period: ${period}`);
  if (period.length === 4) return 'year';
  if (period.includes('Q')) return 'quarter';
  if (period.includes('H')) return 'half-year';
  return 'month';
}

/** The first month of a period and how many months it spans. */
function monthsOf(period: string): { year: number; firstMonth: number; months: number } {
  const year = Number(period.slice(0, 4));
  switch (periodLengthOf(period)) {
    case 'year':
      return { year, firstMonth: 1, months: 12 };
    case 'half-year':
      return { year, firstMonth: period.endsWith('1') ? 1 : 7, months: 6 };
    case 'quarter':
      return { year, firstMonth: (Number(period.slice(-1)) - 1) * 3 + 1, months: 3 };
    case 'month':
      return { year, firstMonth: Number(period.slice(5, 7)), months: 1 };
  }
}

/** The instant a local calendar month begins in the time zone (ISO-8601, UTC). */
function monthStart(year: number, month: number, timeZone: string): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  const guess = Date.UTC(y, m - 1, 1);
  // The zone's offset at the guess, applied once more in case the guess crossed an offset change.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const p = localParts(instant, timeZone);
    const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    instant = guess - (local - instant);
  }
  return new Date(instant).toISOString();
}

/** First instant of the period and first instant after it, in the time zone. */
export function periodBounds(period: string, timeZone: string): { start: string; end: string } {
  const { year, firstMonth, months } = monthsOf(period);
  return { start: monthStart(year, firstMonth, timeZone), end: monthStart(year, firstMonth + months, timeZone) };
}

/** Whether the (shorter) period `inner` lies within `outer`, e.g. 2026-03 within 2026-H1. */
export function periodWithin(inner: string, outer: string, timeZone: string): boolean {
  const a = periodBounds(inner, timeZone);
  const b = periodBounds(outer, timeZone);
  return a.start >= b.start && a.end <= b.end;
}
