import { IsInstant } from '../../shared/http/instant';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { pauseReasons } from '../domain/ticket.commands';
import type { PauseReason } from '../domain/ticket.commands';
import { IsIdentifier, IsText } from '../../shared/http/identifier';

export class AcknowledgeTicketDto {
  @ApiProperty({ example: '2026-03-10T09:05:00+08:00' }) @IsInstant() acknowledgedAt!: string;
}

export class RecordArrivalDto {
  @ApiProperty({ example: '2026-03-10T09:15:00+08:00' }) @IsInstant() arrivedAt!: string;
}

export class CloseTicketDto {
  @ApiProperty({ example: '2026-03-10T17:45:00+08:00' }) @IsInstant() closedAt!: string;
  @IsText(100, 'Zhang San (owner, flat 501)') signedOffBy!: string;
}

export class ReassignTicketDto {
  @IsIdentifier('E-2002') assigneeId!: string;
  @IsText(1000, 'E-2001 is off sick') reason!: string;
  @ApiProperty({ example: '2026-03-10T10:00:00+08:00' }) @IsInstant() reassignedAt!: string;
}

export class CancelTicketDto {
  @IsText(1000, 'Owner fixed it themselves') reason!: string;
  @ApiProperty({ example: '2026-03-10T10:00:00+08:00' }) @IsInstant() cancelledAt!: string;
}

export class PauseTicketDto {
  @ApiProperty({ enum: pauseReasons, example: 'waiting-for-customer' }) @IsIn(pauseReasons) reason!: PauseReason;
  @ApiProperty({ example: '2026-03-10T10:00:00+08:00' }) @IsInstant() pausedAt!: string;
}

export class ResumeTicketDto {
  @ApiProperty({ example: '2026-03-11T10:00:00+08:00' }) @IsInstant() resumedAt!: string;
}
