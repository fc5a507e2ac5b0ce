import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN } from '../../../shared/http/identifier';
import { MAX_PAGE_SIZE, ReadQueryDto } from '../../../shared/http/read-query.dto';
import { PERIOD_PATTERN } from '../../domain/calendar/period';

export class ListPeriodScoresDto extends ReadQueryDto {
  @ApiProperty({ example: '2026-H1' })
  @Matches(PERIOD_PATTERN, { message: 'period must be written YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' })
  period!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'department must be a department id' }) department?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'position must be a position id' }) position?: string;
  @ApiPropertyOptional({ example: 'excellent' }) @IsOptional() @Matches(ID_PATTERN, { message: 'grade must be a grade name' }) grade?: string;
  @ApiPropertyOptional({ enum: ['rank', 'bottom', 'employeeId'], description: 'rank: best first; bottom: worst first (末位, 000:470)' })
  @IsOptional()
  @IsIn(['rank', 'bottom', 'employeeId'])
  sort?: 'rank' | 'bottom' | 'employeeId';
  @ApiPropertyOptional({ default: 100, maximum: MAX_PAGE_SIZE }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'cursor must be a nextCursor' }) cursor?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}
