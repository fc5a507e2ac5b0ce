import { IsInstant } from '../../shared/http/instant';
import { ApiProperty } from '@nestjs/swagger';

import { IsText } from '../../shared/http/identifier';

export class ResolveTicketDto {
  @ApiProperty({ example: '2026-03-10T17:30:00+08:00' }) @IsInstant() resolvedAt!: string;
  @IsText(4000, 'Valve replaced, no more leak') resolution!: string;
}
