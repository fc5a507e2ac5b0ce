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

/** The calendar month (`YYYY-MM`) of an ISO-8601 instant in the given IANA time zone. */
export function monthOf(isoInstant: string, timeZone: string): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an ISO-8601 instant: ${isoInstant}`);
  const parts = formatterFor(timeZone).formatToParts(instant);
  const year = parts.find((part) => part.type === 'year')?.value;
  const month = parts.find((part) => part.type === 'month')?.value;
  if (!year || !month) throw new Error(`cannot format ${isoInstant} in ${timeZone}`);
  return `${year.padStart(4, '0')}-${month}`;
}
