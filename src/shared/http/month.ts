import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function IsMonth(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ example: '2026-03', description }),
    IsOptional(),
    Matches(MONTH_PATTERN, { message: '$property must be a calendar month written YYYY-MM' }),
  );
}

/** Every month from `from` to `to`, inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The month `count - 1` months before `month`. */
export function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) - (count - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
