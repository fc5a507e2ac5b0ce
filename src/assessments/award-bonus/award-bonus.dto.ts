import { MaxDecimalPlaces } from '../../shared/http/decimal';
import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsIdentifier, IsText } from '../../shared/http/identifier';

export class AwardBonusDto {
  @IsIdentifier('B-2026-0001') bonusId!: string;
  @IsIdentifier('E-1001') employeeId!: string;
  @ApiProperty({ example: 'PS-03', description: 'Code of a bonus rule in force at occurredAt' }) @IsIdentifier('PS-03') ruleCode!: string;
  @ApiPropertyOptional({ example: 5, description: "Points; only needed for a range rule (or to confirm the rule's points)" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(1)
  @Min(0.5)
  @Max(100)
  points?: number;
  @ApiPropertyOptional({ description: 'Units, for a per-unit rule' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0.01)
  @Max(1000)
  units?: number;
  @ApiProperty({ example: '2026-03-10T09:00:00+08:00' }) @IsInstant() occurredAt!: string;
  @IsText(2000, 'Sold a cleaning package to flat 3-2-501') reason!: string;
}
