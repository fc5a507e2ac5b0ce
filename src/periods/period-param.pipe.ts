import { BadRequestException, Injectable } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';
import { PERIOD_PATTERN } from './domain/calendar/period';

@Injectable()
export class PeriodParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PERIOD_PATTERN.test(value)) {
      throw new BadRequestException({ statusCode: 400, code: 'invalid_input', message: ['period must be written YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY'], fields: [{ field: 'period', rules: ['matches'] }] });
    }
    return value;
  }
}
