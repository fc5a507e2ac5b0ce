import { IsInstant } from '../../shared/http/instant';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../domain/calendar/period';

export class OpenPeriodDto {
  @ApiProperty({ example: '2026-H1' })
  @Matches(PERIOD_PATTERN, { message: 'period must be written YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' })
  period!: string;
  @ApiProperty({ example: '2026-01-01T00:00:00+08:00' }) @IsInstant() openedAt!: string;
}
