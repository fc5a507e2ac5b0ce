import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * An instant as the API accepts it: an ISO-8601 date-time that carries its UTC offset or `Z`.
 * `2026-11-09 10:00` or `2026-11-09` would otherwise be read as UTC, eight hours off in Shanghai,
 * and a fact at 23:30 on the last day of a month would land in the next month (docs/input-rules.md).
 */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function IsInstant() {
  return applyDecorators(
    IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 date-time' }),
    Matches(INSTANT_PATTERN, { message: '$property must be a date-time with a UTC offset or "Z", e.g. 2026-11-09T10:00:00+08:00' }),
  );
}

/** Normalises a validated ISO-8601 date-time to UTC `toISOString()` form, so instants compare as strings. */
export function toInstant(value: string): string {
  return new Date(value).toISOString();
}
