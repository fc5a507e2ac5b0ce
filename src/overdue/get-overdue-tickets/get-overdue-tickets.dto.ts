import { IsInstant } from '../../shared/http/instant';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN } from '../../shared/http/identifier';
import { PagedReadQueryDto } from '../../shared/http/read-query.dto';
import { clockKinds } from '../../../projections/overdue.projection';
import type { ClockKind } from '../../../projections/overdue.projection';

export class GetOverdueTicketsDto extends PagedReadQueryDto {
  @ApiPropertyOptional({ example: '2026-03-11T09:00:00+08:00', description: 'Default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'department must be a department id' }) department?: string;
  @ApiPropertyOptional({ description: 'The person responsible' }) @IsOptional() @Matches(ID_PATTERN, { message: 'assigneeId must be an employee id' }) assigneeId?: string;
  @ApiPropertyOptional({ enum: clockKinds }) @IsOptional() @IsIn(clockKinds) clock?: ClockKind;

  @ApiPropertyOptional({ description: 'Instead of overdue clocks: running clocks due within this many minutes after asOf (not yet late)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60 * 24 * 31)
  dueWithinMinutes?: number;

  @ApiPropertyOptional({ enum: ['mostLate', 'leastLate'], default: 'mostLate' }) @IsOptional() @IsIn(['mostLate', 'leastLate']) sort?: 'mostLate' | 'leastLate';
}
