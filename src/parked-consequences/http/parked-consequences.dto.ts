import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../shared/http/read-query.dto';

export class ListParkedConsequencesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['parked', 'resolved'], description: 'Default: both' })
  @IsOptional()
  @IsIn(['parked', 'resolved'])
  status?: 'parked' | 'resolved';
}
