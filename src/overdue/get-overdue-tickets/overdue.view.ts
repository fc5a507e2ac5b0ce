import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { clockKinds } from '../../../projections/overdue.projection';

/** The OpenAPI shape of GET /overdue (what the handler returns). */
export class ServiceClockView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: clockKinds }) clock!: string;
  @ApiProperty({ enum: ['ticket', 'complaint', 'talkObligation', 'deduction'] }) subject!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ type: String, nullable: true }) ticketId!: string | null;
  @ApiProperty({ type: String, nullable: true }) complaintId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'who must meet the deadline (null: not assigned yet)' }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'whether its breach is recorded' }) breached!: boolean;
  @ApiPropertyOptional({ description: 'minutes past the deadline at asOf (overdue listing)' }) overdueMinutes?: number;
  @ApiPropertyOptional({ example: '1-4 hours' }) aging?: string;
  @ApiPropertyOptional({ description: 'minutes until the deadline (dueWithinMinutes listing)' }) dueInMinutes?: number;
}

export class PausedClockView extends ServiceClockView {
  @ApiProperty({ enum: ['paused'] }) status!: 'paused';
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) pausedAt!: string | null;
}

export class AgingBucketView {
  @ApiProperty({ example: 'under 1 hour' }) bucket!: string;
  @ApiProperty() count!: number;
}

export class OverdueView {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() total!: number;
  @ApiPropertyOptional({ type: [AgingBucketView] }) aging?: AgingBucketView[];
  @ApiProperty({ type: [ServiceClockView] }) items!: ServiceClockView[];
  @ApiProperty({ type: [PausedClockView] }) paused!: PausedClockView[];
}
