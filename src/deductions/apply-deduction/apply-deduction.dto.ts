import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { MaxDecimalPlaces } from '../../shared/http/decimal';
import { IsIdentifier, IsText } from '../../shared/http/identifier';
import { MAX_POINTS_PER_DEDUCTION } from '../domain/deduction.commands';

export class ApplyDeductionDto {
  @IsIdentifier('D-2026-0001') deductionId!: string;
  @IsIdentifier('E-1001') employeeId!: string;
  @ApiProperty({ example: 'PS-03', description: 'Code of the rule in the catalogue' }) @IsIdentifier('PS-03') ruleCode!: string;
  @ApiProperty({ example: 2, minimum: 0.5, maximum: MAX_POINTS_PER_DEDUCTION, description: 'Points deducted, in steps of 0.5' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(1)
  @Min(0.5)
  @Max(MAX_POINTS_PER_DEDUCTION)
  points!: number;
  @ApiProperty({ example: '2026-03-10T09:00:00+08:00' }) @IsISO8601({ strict: true }) occurredAt!: string;
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
