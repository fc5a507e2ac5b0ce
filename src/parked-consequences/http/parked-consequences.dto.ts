import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../shared/http/read-query.dto';

export class ListParkedConsequencesDto {
  @ApiPropertyOptional({ enum: ['parked', 'resolved'], description: 'Default: both' })
  @IsOptional()
  @IsIn(['parked', 'resolved'])
  status?: 'parked' | 'resolved';

  @ApiPropertyOptional({ default: 100, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
