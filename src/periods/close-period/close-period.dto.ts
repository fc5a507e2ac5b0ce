import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

export class ClosePeriodDto {
  @ApiProperty({ example: '2026-07-05T10:00:00+08:00' }) @IsInstant() closedAt!: string;
  @ApiPropertyOptional({ example: { 'delivery-west': 'E-9001' }, description: 'Department → employee id of its head, for the roll-up penalty (004:182)' })
  @IsOptional()
  @IsObject()
  departmentHeads?: Record<string, string>;
}
