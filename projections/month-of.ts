/** Calendar months are the company's, not UTC's: a deduction at 23:30 UTC may belong to the next month. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Months already worked out, by zone and minute: every zone's offset is whole minutes, so one
 * minute's instants share a month, and a fold of many events asks for few minutes. Bounded.
 */
const months = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

/** The calendar month (`YYYY-MM`) of an ISO-8601 instant in the given IANA time zone. */
export function monthOf(isoInstant: string, timeZone: string): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an ISO-8601 instant: ${isoInstant}`);
  const key = `${timeZone}|${Math.floor(instant.getTime() / 60_000)}`;
  const known = months.get(key);
  if (known) return known;
  const month = formatMonth(instant, timeZone, isoInstant);
  if (months.size >= MAX_REMEMBERED) months.clear();
  months.set(key, month);
  return month;
}

function formatMonth(instant: Date, timeZone: string, isoInstant: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const year = parts.find((part) => part.type === 'year')?.value;
  const month = parts.find((part) => part.type === 'month')?.value;
  if (!year || !month) throw new Error(`cannot format ${isoInstant} in ${timeZone}`);
  return `${year.padStart(4, '0')}-${month}`;
}
