import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of GET /employees/{id}/audit-trail (what the handler returns). */
export class AuditTrailEntryView {
  @ApiProperty() employeeId!: string;
  @ApiProperty({ description: 'global position of the event' }) position!: number;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'DeductionApplied' }) type!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the event's data, without complainants' personal data or sealed free text" }) data!: Record<string, unknown>;
}

export class AuditTrailView {
  @ApiProperty() employeeId!: string;
  @ApiProperty({ type: [AuditTrailEntryView] }) entries!: AuditTrailEntryView[];
  @ApiProperty({ type: Number, nullable: true, description: 'pass as afterPosition for the next page (null: no more)' }) nextAfterPosition!: number | null;
}
