import { IsInstant } from '../../shared/http/instant';
import { ApiProperty } from '@nestjs/swagger';

import { IsText } from '../../shared/http/identifier';

export class RecordTalkDto {
  @ApiProperty({ example: '2026-03-11T10:00:00+08:00' }) @IsInstant() heldAt!: string;
  @IsText(4000, 'Went through the complaint and the standard together') notes!: string;
}
