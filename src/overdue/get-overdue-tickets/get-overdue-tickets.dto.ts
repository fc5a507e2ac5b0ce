import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../shared/http/identifier';
import { PagedReadQueryDto } from '../../shared/http/read-query.dto';

export class GetOverdueTicketsDto extends PagedReadQueryDto {
  @ApiPropertyOptional({ example: '2026-03-11T09:00:00+08:00', description: 'Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'department must be a department id' }) department?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'assigneeId must be an employee id' }) assigneeId?: string;
}
