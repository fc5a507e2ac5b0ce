import { MaxDecimalPlaces } from '../../shared/http/decimal';
import { IsInstant } from '../../shared/http/instant';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, Matches, Max, Min } from 'class-validator';
import { IsIdentifier } from '../../shared/http/identifier';
import { PERIOD_PATTERN } from '../../periods/domain/calendar/period';

export class RecordSurveyResultDto {
  @IsIdentifier('S-2026-H1-E-2001') surveyId!: string;
  @IsIdentifier('E-2001') employeeId!: string;
  @ApiProperty({ example: '2026-H1' })
  @Matches(PERIOD_PATTERN, { message: 'period must be written YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' })
  period!: string;
  @ApiProperty({ example: 'TS-SAT-DELIVERY', description: 'A rule with a target rate (each percentage point below costs points)' }) @IsIdentifier('TS-SAT-DELIVERY') ruleCode!: string;
  @ApiProperty({ example: 92, description: 'Satisfaction rate in percent' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(100)
  satisfactionRate!: number;
  @ApiProperty({ example: 40, description: 'How many customers answered (004:154: 5 % of the area)' }) @IsInt() @Min(1) sampleSize!: number;
  @ApiProperty({ example: '2026-06-28T10:00:00+08:00' }) @IsInstant() surveyedAt!: string;
}
