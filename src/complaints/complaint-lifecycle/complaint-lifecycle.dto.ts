import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { ID_PATTERN, IsIdentifier, IsText } from '../../shared/http/identifier';
import { verdictOutcomes } from '../domain/complaint.events';
import type { VerdictOutcome } from '../domain/complaint.events';

const Instant = (example: string) => [ApiProperty({ example }), IsInstant()];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

export class AssignComplaintDto {
  @IsIdentifier('E-2001') assigneeId!: string;
  @ApiPropertyOptional() @IsOptional() @IsIdentifier('T-1') ticketId?: string;
  @apply(Instant('2026-03-10T09:30:00+08:00')) assignedAt!: string;
}

export class ResolveComplaintDto {
  @apply(Instant('2026-03-11T15:00:00+08:00')) resolvedAt!: string;
  @IsText(4000, 'Apologised and replaced the steward on duty') resolution!: string;
}

export class RecordCallbackDto {
  @apply(Instant('2026-03-12T10:00:00+08:00')) calledBackAt!: string;
  @ApiProperty() @IsBoolean() satisfied!: boolean;
  @IsText(4000, 'Complainant satisfied') notes!: string;
}

export class RecordVerdictDto {
  @ApiProperty({ enum: verdictOutcomes }) @IsIn(verdictOutcomes) outcome!: VerdictOutcome;
  @ApiProperty({ type: [String], example: ['E-1001'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ID_PATTERN, { each: true, message: 'each of employeeIds must be an employee id' })
  employeeIds!: string[];
  @IsText(4000, 'Recording confirms the steward hung up') reasoning!: string;
  @apply(Instant('2026-03-12T16:00:00+08:00')) decidedAt!: string;
}

export class ReverseVerdictDto {
  @IsText(4000, 'The call was taken by a temporary worker') reason!: string;
  @apply(Instant('2026-03-20T16:00:00+08:00')) reversedAt!: string;
}
