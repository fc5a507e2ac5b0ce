import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { IsText } from '../../shared/http/identifier';

export class RecordTalkDto {
  @ApiProperty({ example: '2026-03-11T10:00:00+08:00' }) @IsISO8601({ strict: true }) heldAt!: string;
  @IsText(4000, 'Went through the complaint and the standard together') notes!: string;
}
