import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { LimitedReadQueryDto } from '../../shared/http/read-query.dto';

export class GetAuditTrailDto extends LimitedReadQueryDto {
  @ApiPropertyOptional({ description: 'Entries after this global position (for the next page)', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterPosition?: number;
}
