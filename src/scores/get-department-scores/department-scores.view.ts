import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of GET /scores (what the handler returns). */
export class RankedScoreView {
  @ApiProperty({ example: 1, description: 'equal scores share a rank' }) rank!: number;
  @ApiProperty({ example: 'E-1001' }) employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'property' }) department!: string;
  @ApiProperty({ example: 'property-steward' }) position!: string;
  @ApiProperty({ example: 96, description: '100 minus the deductions in force, never below 0' }) score!: number;
  @ApiProperty({ example: 4 }) totalDeducted!: number;
}

export class DepartmentScoresView {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ description: 'how many employees are ranked' }) employees!: number;
  @ApiProperty({ type: Number, nullable: true }) average!: number | null;
  @ApiProperty({ type: [RankedScoreView] }) scores!: RankedScoreView[];
}
