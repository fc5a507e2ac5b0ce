import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { MaxDecimalPlaces } from '../../shared/http/decimal';
import { IsText } from '../../shared/http/identifier';
import { hearingOutcomes } from '../domain/deduction.events';
import type { HearingOutcome } from '../domain/deduction.events';

export class RecordHearingDto {
  @ApiProperty({ type: [String], example: ['E-0001', 'E-0002', 'E-0003'], description: 'Employee ids of the panel members' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(15)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { each: true, message: 'each panel member must be an employee id' })
  panel!: string[];
  @ApiProperty({ enum: hearingOutcomes }) @IsIn(hearingOutcomes) outcome!: HearingOutcome;
  @ApiPropertyOptional({ description: 'Only for outcome "reduced": points in force, strictly between 0 and the original' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(1)
  @Min(0)
  @Max(100)
  newPoints?: number;
  @ApiPropertyOptional({ type: [String], description: 'Panel members who are employee representatives (the rulebook may require a third, 000:76)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(15)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { each: true, message: 'each employee representative must be an employee id' })
  employeeRepresentatives?: string[];
  @IsText(4000, 'The recording shows the call was taken by another steward') reasoning!: string;
  @ApiProperty({ example: '2026-03-20T15:00:00+08:00' }) @IsInstant() heardAt!: string;
}
