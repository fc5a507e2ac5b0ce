import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI shape of GET /complaints/{id}: the complaint as received, the complainant only for roles that may see it. */
export class ComplaintDoc {
  @ApiProperty({ example: 'C-1' }) complaintId!: string;
  @ApiProperty({ enum: ['phone', 'hotline', 'visit', 'letter', 'online', 'referral'] }) channel!: string;
  @ApiProperty({
    oneOf: [{ type: 'object', additionalProperties: true, description: 'name, phone, address as given (complainants:read)' }, { type: 'string', enum: ['[withheld]', '[erased]'] }],
    description: 'the complainant, shown only to roles with complainants:read; "[erased]" after an erasure',
  })
  complainant!: Record<string, unknown> | string;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }], description: 'withheld or erased like the complainant' }) location?: string;
  @ApiProperty({ example: 'service attitude' }) subject!: string;
  @ApiProperty({ description: 'withheld or erased like the complainant' }) description!: string;
  @ApiProperty({ enum: ['normal', 'serious', 'group'] }) severity!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: [String] }) concernsEmployeeIds!: string[];
  @ApiProperty({ description: "the complainant's data subject, for an erasure" }) subjectId!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}
