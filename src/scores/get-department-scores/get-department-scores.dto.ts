import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { MONTH_PATTERN } from '../../shared/http/month';
import { PagedReadQueryDto } from '../../shared/http/read-query.dto';
import { ID_PATTERN } from '../../shared/http/identifier';

export class GetDepartmentScoresDto extends PagedReadQueryDto {
  @ApiProperty({ example: '2026-03' })
  @Matches(MONTH_PATTERN, { message: 'month must be a calendar month written YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ example: 'customer-service' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'department must be a department id' })
  department?: string;
}
