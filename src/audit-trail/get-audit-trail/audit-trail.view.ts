import { ApiProperty } from '@nestjs/swagger';
import { ReplayedEventView } from '../../employee-records/replay-employee-record/employee-record.view';

/** The OpenAPI shape of GET /employees/{id}/audit-trail (what the handler returns): the record's events, without personal data. */
export class AuditTrailEntryView extends ReplayedEventView {
  @ApiProperty({ example: 'E-1001' }) employeeId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
}

export class AuditTrailView {
  @ApiProperty({ example: 'E-1001' }) employeeId!: string;
  @ApiProperty({ type: [AuditTrailEntryView] }) entries!: AuditTrailEntryView[];
  @ApiProperty({ type: Number, nullable: true, description: 'pass as afterPosition for the next page (null: no more)' }) nextAfterPosition!: number | null;
}
