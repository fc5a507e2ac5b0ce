import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class ReplayEmployeeRecordDto {
  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+08:00', description: 'Replay the record as the store held it at this instant (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
