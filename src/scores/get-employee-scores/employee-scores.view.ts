import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of GET /employees/{id}/scores (what the handler returns). */
export class ScoredDeductionView {
  @ApiProperty() deductionId!: string;
  @ApiProperty() ruleCode!: string;
  @ApiProperty({ description: 'points in force (0 once overturned or withdrawn)' }) points!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ example: 'in-force' }) status!: string;
}

export class MonthlyScoreView {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ description: '100 minus the deductions in force, never below 0' }) score!: number;
  @ApiProperty({ description: 'not clamped: nothing is hidden' }) totalDeducted!: number;
  @ApiProperty({ type: [ScoredDeductionView] }) deductions!: ScoredDeductionView[];
}

export class EmployeeScoresView {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() department!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ type: [MonthlyScoreView] }) months!: MonthlyScoreView[];
}
