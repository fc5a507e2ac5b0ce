import { ApiProperty } from '@nestjs/swagger';
import { MonthlyScoreView } from '../../scores/get-employee-scores/employee-scores.view';

/** The OpenAPI shape of GET /employees/{id}/record (what the handler returns). */
export class ReplayedEventView {
  @ApiProperty() position!: number;
  @ApiProperty() streamName!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ example: 'DeductionApplied' }) type!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the event's data as recorded (a complainant withheld or erased unless the role may see it)" }) data!: Record<string, unknown>;
}

export class UnfoldedEventView {
  @ApiProperty() position!: number;
  @ApiProperty() type!: string;
  @ApiProperty() model!: string;
  @ApiProperty() error!: string;
}

export class RecordMonthView extends MonthlyScoreView {
  @ApiProperty() employeeId!: string;
}

export class EmployeeRecordView {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) asOf!: string | null;
  @ApiProperty() employeeId!: string;
  @ApiProperty({ description: 'the read model the monthly scores are folded like' }) scoresModel!: string;
  @ApiProperty({ type: [RecordMonthView] }) monthlyScores!: RecordMonthView[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'periods under the rulebook, as the period-scores read model shapes them' }) periodScores!: Record<string, unknown>[];
  @ApiProperty({ type: [UnfoldedEventView] }) unfolded!: UnfoldedEventView[];
  @ApiProperty({ type: [ReplayedEventView] }) events!: ReplayedEventView[];
}
