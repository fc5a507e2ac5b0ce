import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { MaxDecimalPlaces } from '../../shared/http/decimal';
import { IsIdentifier, IsText } from '../../shared/http/identifier';
import { MAX_POINTS_PER_DEDUCTION } from '../domain/deduction.commands';

export class ApplyDeductionDto {
  @IsIdentifier('D-2026-0001') deductionId!: string;
  @IsIdentifier('E-1001') employeeId!: string;
  @ApiProperty({ example: 'PS-03', description: 'Code of the rule in the catalogue' }) @IsIdentifier('PS-03') ruleCode!: string;
  @ApiPropertyOptional({ example: 2, minimum: 0.5, maximum: MAX_POINTS_PER_DEDUCTION, description: 'Points deducted, in steps of 0.5. Required until a rulebook is published; then only for range rules (or to confirm the rule\'s points)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(1)
  @Min(0.5)
  @Max(MAX_POINTS_PER_DEDUCTION)
  points?: number;
  @ApiPropertyOptional({ example: 3, description: 'For a per-unit rule: days late, or percentage points below the target' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0.01)
  @Max(1000)
  units?: number;
  @ApiPropertyOptional({ description: "Apply the rule's stricter variant for serious cases" })
  @IsOptional()
  @IsBoolean()
  serious?: boolean;
  @ApiProperty({ example: '2026-03-10T09:00:00+08:00' }) @IsInstant() occurredAt!: string;
  @IsText(2000, 'Valid complaint C-2026-0001: hung up on a resident') reason!: string;
  @ApiPropertyOptional({ description: 'The complaint this deduction follows from (at most one source)' })
  @IsOptional()
  @IsIdentifier('C-2026-0001')
  sourceComplaintId?: string;
  @ApiPropertyOptional({ description: 'The ticket this deduction follows from (at most one source)' })
  @IsOptional()
  @IsIdentifier('T-2026-0001')
  sourceTicketId?: string;
}
