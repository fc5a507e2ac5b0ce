import { IsInstant } from '../../shared/http/instant';
import { ApiProperty } from '@nestjs/swagger';

import { IsText } from '../../shared/http/identifier';

export class ContestDeductionDto {
  @IsText(2000, 'The caller was speaking to another steward') reason!: string;
  @ApiProperty({ example: '2026-03-11T10:00:00+08:00' }) @IsInstant() contestedAt!: string;
}
