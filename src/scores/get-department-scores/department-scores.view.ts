import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of GET /scores (what the handler returns). */
export class RankedScoreView {
  @ApiProperty({ description: 'equal scores share a rank' }) rank!: number;
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() department!: string;
  @ApiProperty() position!: string;
  @ApiProperty() score!: number;
  @ApiProperty() totalDeducted!: number;
}

export class DepartmentScoresView {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ description: 'how many employees are ranked' }) employees!: number;
  @ApiProperty({ type: Number, nullable: true }) average!: number | null;
  @ApiProperty({ type: [RankedScoreView] }) scores!: RankedScoreView[];
}
