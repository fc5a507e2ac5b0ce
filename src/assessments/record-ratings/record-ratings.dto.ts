import { IsInstant } from '../../shared/http/instant';
import { ApiProperty } from '@nestjs/swagger';
import { IsObject, Matches } from 'class-validator';
import { IsIdentifier } from '../../shared/http/identifier';
import { PERIOD_PATTERN } from '../../periods/domain/calendar/period';

export class RecordRatingsDto {
  @IsIdentifier('R-2026-Q1-E-3001') ratingId!: string;
  @IsIdentifier('E-3001') employeeId!: string;
  @ApiProperty({ example: '2026-Q1', description: 'The period rated: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' })
  @Matches(PERIOD_PATTERN, { message: 'period must be written YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' })
  period!: string;
  @ApiProperty({ example: { performance: { quantity: 90, quality: 90, workload: 90 } }, description: 'part → sub-criterion → percent 0-100 (checked against the scheme)' })
  @IsObject()
  ratings!: Record<string, Record<string, number>>;
  @ApiProperty({ example: '2026-03-31T10:00:00+08:00' }) @IsInstant() ratedAt!: string;
}
