import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsIdentifier, IsText } from '../../shared/http/identifier';
import { ticketKinds, ticketPriorities } from '../domain/ticket.events';
import type { TicketKind, TicketPriority } from '../domain/ticket.events';

export class DispatchTicketDto {
  @IsIdentifier('T-2026-0001') ticketId!: string;
  @ApiProperty({ enum: ticketKinds }) @IsIn(ticketKinds) kind!: TicketKind;
  @ApiPropertyOptional({ enum: ticketPriorities, default: 'normal' }) @IsOptional() @IsIn(ticketPriorities) priority?: TicketPriority;
  @IsIdentifier('E-1002') assigneeId!: string;
  @IsText(4000, 'Water leak in building 3, unit 2') description!: string;
  @ApiPropertyOptional() @IsOptional() @IsIdentifier('C-2026-0001') complaintId?: string;
  @ApiProperty({ example: '2026-03-10T09:00:00+08:00' }) @IsInstant() dispatchedAt!: string;
  @ApiPropertyOptional({ example: '2026-03-10T18:00:00+08:00', description: "Overrides the policy's resolution deadline; required when no policy covers the kind" })
  @IsOptional()
  @IsInstant()
  resolveBy?: string;
}
