import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI shapes of the period-scores reads (what periodScoreView and the handlers return). */
export class PartScoreView {
  @ApiProperty({ example: 'standard' }) code!: string;
  @ApiProperty({ example: 96 }) points!: number;
  @ApiProperty({ example: 100 }) max!: number;
  @ApiProperty({ description: 'points / max × 100, one decimal' }) percent!: number;
}

export class SealedScoreView {
  @ApiProperty({ example: 96 }) normalised!: number;
  @ApiProperty({ example: 96 }) total!: number;
  @ApiProperty({ example: 'excellent' }) grade!: string;
  @ApiProperty({ type: [PartScoreView] }) parts!: PartScoreView[];
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
}

export class PeriodCorrectionView {
  @ApiProperty() itemId!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty() pointsInForce!: number;
  @ApiProperty({ format: 'date-time' }) heardAt!: string;
}

export class PeriodItemView {
  @ApiProperty({ example: 'deduction:D-1' }) id!: string;
  @ApiProperty({ enum: ['deduction', 'veto', 'bonus', 'survey', 'rating', 'roll-up'] }) kind!: string;
  @ApiPropertyOptional() ruleCode?: string;
  @ApiPropertyOptional() part?: string;
  @ApiProperty() points!: number;
  @ApiProperty({ enum: ['applied', 'contested', 'upheld', 'reduced', 'overturned'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'number' } }, description: 'part → sub-criterion → percent' }) ratings?: Record<string, Record<string, number>>;
}

export class PeriodScoreViewDoc {
  @ApiProperty({ example: 'E-1001' }) employeeId!: string;
  @ApiProperty({ example: '2026-H1', description: 'month, quarter, half-year or year, as the scheme is assessed' }) period!: string;
  @ApiProperty() department!: string;
  @ApiProperty({ example: 'property-steward' }) position!: string;
  @ApiProperty({ example: 1, description: 'the rulebook version whose scheme scores the period' }) schemeVersion!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ example: 100 }) maxTotal!: number;
  @ApiProperty({ example: 96, description: 'on 100, less adjustments' }) normalised!: number;
  @ApiProperty({ example: 'excellent' }) grade!: string;
  @ApiProperty({ description: 'a veto rule fails the period whatever the points' }) veto!: boolean;
  @ApiProperty({ description: 'false for a rated scheme with no rating yet' }) rated!: boolean;
  @ApiProperty() adjustments!: number;
  @ApiProperty({ type: [PartScoreView] }) parts!: PartScoreView[];
  @ApiProperty() openAppeals!: number;
  @ApiProperty({ type: SealedScoreView, nullable: true }) sealed!: SealedScoreView | null;
  @ApiProperty({ description: 'a hearing after the seal moved the live figure away from the sealed one' }) corrected!: boolean;
  @ApiProperty({ type: [PeriodCorrectionView] }) corrections!: PeriodCorrectionView[];
  @ApiProperty({ type: [PeriodItemView] }) items!: PeriodItemView[];
}

export class EmployeePeriodScoresDoc {
  @ApiProperty() employeeId!: string;
  @ApiProperty({ type: [PeriodScoreViewDoc] }) periods!: PeriodScoreViewDoc[];
}

export class RankedPeriodScoreDoc extends PeriodScoreViewDoc {
  @ApiProperty() companyRank!: number;
  @ApiProperty() departmentRank!: number;
}

export class PeriodScoreListDoc {
  @ApiProperty() period!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'employees of a rated scheme not rated yet (not ranked)' }) unrated!: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: [RankedPeriodScoreDoc] }) scores!: RankedPeriodScoreDoc[];
}

export class StaffBelowThresholdDoc {
  @ApiProperty() employeeId!: string;
  @ApiProperty() normalised!: number;
}

export class DepartmentSummaryDoc {
  @ApiProperty() department!: string;
  @ApiProperty() staff!: number;
  @ApiProperty() average!: number;
  @ApiProperty() belowThreshold!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'grade → how many' }) grades!: Record<string, number>;
  @ApiProperty({ type: [StaffBelowThresholdDoc] }) staffBelowThreshold!: StaffBelowThresholdDoc[];
}

export class DepartmentSummariesDoc {
  @ApiProperty() period!: string;
  @ApiProperty() threshold!: number;
  @ApiProperty({ type: [DepartmentSummaryDoc] }) departments!: DepartmentSummaryDoc[];
}
