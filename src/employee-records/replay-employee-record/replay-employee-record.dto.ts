import { IsInstant } from '../../shared/http/instant';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

export class ReplayEmployeeRecordDto {
  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+08:00', description: 'Replay the record as the store held it at this instant (default: now)' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
