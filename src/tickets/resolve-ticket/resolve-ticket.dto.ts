import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { IsText } from '../../shared/http/identifier';

export class ResolveTicketDto {
  @ApiProperty({ example: '2026-03-10T17:30:00+08:00' }) @IsISO8601({ strict: true }) resolvedAt!: string;
  @IsText(4000, 'Valve replaced, no more leak') resolution!: string;
}
