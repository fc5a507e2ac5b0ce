/** Normalises a validated ISO-8601 date-time to UTC `toISOString()` form, so instants compare as strings. */
export function toInstant(value: string): string {
  return new Date(value).toISOString();
}
